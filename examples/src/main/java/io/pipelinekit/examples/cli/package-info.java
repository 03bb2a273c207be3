/**
 * The {@code pipelinekit-examples} command-line tool: picocli subcommands over the flows, with
 * configuration from the standard accsyn and ftrack environment variables, exit codes for Jenkins,
 * {@code --json} summaries and progress on a terminal or in a log.
 */
package io.pipelinekit.examples.cli;
