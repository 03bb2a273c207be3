/**
 * The flows of {@code shared/spec/flows.md} as small classes a plug-in author can call: {@link
 * io.pipelinekit.examples.flows.SendFlow}, {@link
 * io.pipelinekit.examples.flows.ReviewDistributeFlow}, {@link
 * io.pipelinekit.examples.flows.PublishBackFlow} and {@link
 * io.pipelinekit.examples.flows.SetupFlow}. Each takes an {@code AccsynClient}, an {@code
 * FtrackSession} and a {@link io.pipelinekit.examples.flows.StudioLayout}, validates everything
 * before it submits anything, and returns a result that says what moved where.
 */
package io.pipelinekit.examples.flows;
