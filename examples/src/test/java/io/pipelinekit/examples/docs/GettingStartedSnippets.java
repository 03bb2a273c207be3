package io.pipelinekit.examples.docs;

import io.pipelinekit.flows.SendRequest;
import io.pipelinekit.flows.Studio;
import io.pipelinekit.flows.TransferResult;

/** The code of docs/getting-started.md; it compiles here (it needs a real studio to run). */
final class GettingStartedSnippets {
  private GettingStartedSnippets() {}

  static void sendOneVersion(String versionId) {
    // snippet: send-one-version
    try (Studio studio = Studio.fromEnvironment()) {
      TransferResult r =
          studio.send(SendRequest.assetVersion(versionId).from("hq").to("la").build());
      System.out.println(r.filesArrived() + " files arrived, " + r.registered() + " registered");
    }
    // end snippet
  }
}
