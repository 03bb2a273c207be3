package io.pipelinekit.examples.docs;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.examples.listen.ActionListener;
import io.pipelinekit.flows.StudioLayout;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.events.EventHub;
import java.util.concurrent.CountDownLatch;

/** The code of docs/guide-listen.md; it compiles here (it needs a real studio to run). */
final class GuideListenSnippets {
  private GuideListenSnippets() {}

  static void listen() throws InterruptedException {
    // snippet: listener
    try (AccsynClient accsyn = AccsynClient.fromEnvironment();
        FtrackSession ftrack = FtrackSession.fromEnvironment();
        EventHub hub = ftrack.eventHub().build();
        ActionListener listener =
            ActionListener.builder(accsyn, ftrack, hub)
                .layout(StudioLayout.fromAccsyn(accsyn))
                .defaultFrom("hq")
                .autoSendOnAssign("hq", "la") // optional
                .build()) {
      listener.start(); // registers the actions and connects; returns at once
      new CountDownLatch(1).await(); // serve until stopped
    }
    // end snippet
  }
}
