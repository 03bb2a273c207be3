/**
 * The test kit's command-line entry point ({@link io.pipelinekit.testkit.Main}); the fakes live in
 * sub-packages, e.g. {@link io.pipelinekit.testkit.accsyn}.
 */
package io.pipelinekit.testkit;
