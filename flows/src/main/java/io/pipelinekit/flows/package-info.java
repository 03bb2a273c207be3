/**
 * The studio flows as a library: {@link io.pipelinekit.flows.Studio} is the entry point, with one
 * call per flow (setup, send, review distribution, publish-back) and typed requests and results.
 * Each flow is also a small class ({@link io.pipelinekit.flows.SendFlow}, {@link
 * io.pipelinekit.flows.ReviewDistributeFlow}, {@link io.pipelinekit.flows.PublishBackFlow}, {@link
 * io.pipelinekit.flows.SetupFlow}) over an {@code AccsynClient}, an {@code FtrackSession} and a
 * {@link io.pipelinekit.flows.StudioLayout}; each checks the request and the caller's accsyn rights
 * before it submits anything, and returns a result that says what moved where.
 *
 * <pre>{@code
 * try (Studio studio = Studio.fromEnvironment()) {
 *   TransferResult r = studio.send(SendRequest.assetVersion(versionId).from("hq").to("la").build());
 * }
 * }</pre>
 */
package io.pipelinekit.flows;
