/**
 * The accsyn client: {@link io.pipelinekit.accsyn.AccsynClient} speaks the accsyn v3 wire protocol
 * exactly as accsyn's Python client does, with a generic API over every entity type ({@code find},
 * {@code create}, {@code update}, {@code delete}, raw {@code call}), {@link
 * io.pipelinekit.accsyn.Query} building and lazy paging, read retries, idempotent job creation, a
 * client-side rate limiter, and {@link io.pipelinekit.accsyn.AccsynAsync async} forms of every
 * call. Results are immutable {@link io.pipelinekit.accsyn.Json} trees. Errors are unchecked and
 * rooted at {@link io.pipelinekit.accsyn.AccsynException}.
 *
 * <p>The wire layer lives in {@code io.pipelinekit.accsyn.internal} and carries no compatibility
 * promise.
 */
package io.pipelinekit.accsyn;
