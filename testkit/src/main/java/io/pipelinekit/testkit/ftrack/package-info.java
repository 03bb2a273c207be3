/**
 * An embedded, stateful fake ftrack server for offline tests: {@link
 * io.pipelinekit.testkit.ftrack.FakeFtrack} answers {@code POST /api} as the real server does
 * (batches, the query language, normalised answers, error envelopes), {@link
 * io.pipelinekit.testkit.ftrack.FtrackFixtures} fills it with projects, versions, components and
 * locations, {@link io.pipelinekit.testkit.ftrack.FtrackFaults} injects failures and latency, and
 * the request log counts round trips.
 *
 * <p>It is written from the wire protocol (docs/protocol/ftrack.md) and depends on no ftrack
 * client, so a client tested against it cannot merely agree with itself.
 */
package io.pipelinekit.testkit.ftrack;
