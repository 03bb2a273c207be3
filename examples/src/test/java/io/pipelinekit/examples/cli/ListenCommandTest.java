package io.pipelinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.examples.demo.DemoStudio;
import io.pipelinekit.examples.listen.SendAction;
import io.pipelinekit.flows.FlowProgress;
import io.pipelinekit.flows.SetupFlow;
import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.ftrack.hub.FakeEventHub;
import io.pipelinekit.testkit.ftrack.hub.WebUi;
import io.pipelinekit.testkit.studio.TutorialStudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code listen} as a program: configured by flags, serving clicks, stopping cleanly. */
class ListenCommandTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void autoSendNeedsBothLocationsAndToNeedsAutoSend() {
    assertThat(Main.run("listen", "--auto-send-on-assign", "--from", "hq"))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(Main.run("listen", "--to", "la")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(Main.run("listen", "--help")).isZero();
  }

  @Test
  void servesAClickUntilStoppedThenExitsZero(@TempDir Path keys) throws Exception {
    try (DemoStudio studio = DemoStudio.start(0)) {
      SetupFlow.of(studio.admin(), studio.ftrack(), studio.layout())
          .run(
              SetupFlow.Request.of(
                  "demo", List.of("hq", "la"), DemoStudio.EMPLOYEE, DemoStudio.VENDOR),
              FlowProgress.NONE);
      TutorialStudio.Production p = studio.seedProduction();
      Credentials accsyn = studio.accsynFake().credentials(DemoStudio.ADMIN);
      Path accsynKey = Files.writeString(keys.resolve("accsyn.key"), accsyn.apiKey());
      Path ftrackKey = Files.writeString(keys.resolve("ftrack.key"), studio.ftrackFake().apiKey());
      ListenCommand listen = new ListenCommand();
      List<Integer> halted = new java.util.concurrent.CopyOnWriteArrayList<>();
      listen.halt = halted::add;
      CommandLine cl = new CommandLine(listen);
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(
              () ->
                  cl.execute(
                      "--accsyn-endpoint", accsyn.baseUrl().toString(),
                      "--accsyn-workspace", accsyn.workspace(),
                      "--accsyn-user", accsyn.username(),
                      "--accsyn-api-key-file", accsynKey.toString(),
                      "--ftrack-server", studio.ftrackFake().serverUrl(),
                      "--ftrack-user", studio.ftrackFake().apiUser(),
                      "--ftrack-api-key-file", ftrackKey.toString(),
                      "--from", "hq",
                      "--poll", "50ms"));
      FakeEventHub server = studio.ftrackFake().eventHub();
      server.awaitSubscription(
          "topic=ftrack.action.launch and data.actionIdentifier=\"" + SendAction.IDENTIFIER + "\"",
          WAIT);
      WebUi ui = server.webUi(studio.ftrackFake().apiUserId(), studio.ftrackFake().apiUser());
      List<Map<String, Object>> selection =
          List.of(WebUi.selected("assetversion", p.versionIds().get(0)));
      String launch =
          ui.launch(
              Map.of("actionIdentifier", SendAction.IDENTIFIER, "label", "accsyn"), selection);
      ui.awaitReplies(launch, 1, WAIT);
      String submit = ui.submit(launch, Map.of("from", "hq", "to", DemoStudio.EMPLOYEE));
      assertThat(ui.awaitReplies(submit, 1, WAIT).get(0)).containsEntry("success", true);
      assertThat(ui.awaitMessages(1, WAIT).get(0).toString())
          .contains("6 of 6 files arrived in " + DemoStudio.EMPLOYEE);
      assertThat(
              studio
                  .machine(DemoStudio.EMPLOYEE, DemoStudio.EMPLOYEE_MIRROR)
                  .resolve(p.relativeFiles().get(0)))
          .exists();

      // SIGTERM runs the shutdown hook: it stops the listener, waits for call() to close
      // everything, then ends the JVM with call()'s code (0) instead of the signal's 143.
      CompletableFuture<Void> hook = CompletableFuture.runAsync(listen::onSignal);
      assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
      hook.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(halted).containsExactly(ExitCodes.OK);
      // Clean close: the hub said goodbye and the server has no connection left.
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (server.connectionCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(server.connectionCount()).isZero();
    }
  }
}
