/**
 * The {@code path-mapping} command-line tool: maps paths given as arguments or on standard input
 * through a JSON root table.
 *
 * <pre>
 * java -jar path-mapping.jar --roots roots.json --to windows /storage/shots/a.exr
 * </pre>
 */
package io.pipelinekit.paths.cli;
