/**
 * Plumbing shared by the accsyn and ftrack clients. The only public type is {@link
 * io.pipelinekit.core.Backoff}, the one exponential backoff formula behind accsyn's {@code
 * RetryPolicy} and the ftrack hub's {@code ReconnectBackoff}; everything else lives in {@code
 * io.pipelinekit.core.internal} and carries no compatibility promise.
 */
package io.pipelinekit.core;
