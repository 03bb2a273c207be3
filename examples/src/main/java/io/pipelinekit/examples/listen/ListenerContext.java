package io.pipelinekit.examples.listen;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.flows.FlowProgress;
import io.pipelinekit.flows.ReviewRequest;
import io.pipelinekit.flows.SendRequest;
import io.pipelinekit.flows.StudioLayout;
import io.pipelinekit.ftrack.FtrackSession;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the actions need from the listener: clients, layout, defaults and the launcher. */
record ListenerContext(
    AccsynClient accsyn,
    FtrackSession ftrack,
    StudioLayout layout,
    Clock clock,
    FlowProgress progress,
    Optional<String> defaultFrom,
    Duration timeout,
    Duration pollInterval,
    Launches launches) {

  /** The ftrack locations a form offers: the ones the studio layout can map to accsyn parties. */
  List<String> locations() {
    return layout.directory(ftrack).knownLocations();
  }

  SendRequest.Builder sendDefaults(SendRequest.Builder b) {
    return b.await(true).timeout(timeout).pollInterval(pollInterval);
  }

  ReviewRequest.Builder reviewDefaults(ReviewRequest.Builder b) {
    return b.await(true).timeout(timeout).pollInterval(pollInterval);
  }
}
