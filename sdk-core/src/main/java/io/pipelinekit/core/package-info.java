/**
 * Plumbing shared by the accsyn and ftrack clients. The public types are {@link
 * io.pipelinekit.core.Backoff}, the one exponential backoff formula behind accsyn's {@code
 * RetryPolicy} and the ftrack hub's {@code ReconnectBackoff}, and {@link
 * io.pipelinekit.core.RetryRules}, the retry knobs both clients accept; everything else lives in
 * {@code io.pipelinekit.core.internal} and carries no compatibility promise.
 */
package io.pipelinekit.core;
