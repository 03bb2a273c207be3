package io.pipelinekit.examples.cli;

import com.sun.net.httpserver.HttpServer;
import io.pipelinekit.ftrack.events.EventHub;
import io.pipelinekit.ftrack.events.actions.Action;
import io.pipelinekit.ftrack.events.actions.ActionHandler;
import io.pipelinekit.ftrack.events.actions.ActionRequest;
import io.pipelinekit.ftrack.events.actions.ActionResponse;
import io.pipelinekit.ftrack.events.actions.ActionService;
import io.pipelinekit.ftrack.events.actions.SelectedEntity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * Runs what the commands do first, so that a JVM started with {@code -XX:DumpLoadedClassList} lists
 * the classes they start with: the build turns that list into the class-data-sharing archive the
 * launcher starts the tool with. It shows every command's help, runs {@code send} and {@code
 * listen} against a server on the loopback interface that refuses every key (connecting, logging in
 * and reading the refusal load the HTTP and JSON classes), and rehearses an action's discover on an
 * event hub that is never connected. It prints nothing and talks to no other host.
 *
 * <pre>
 * java -XX:DumpLoadedClassList=pipelinekit-examples.classlist \
 *      -cp pipelinekit-examples.jar io.pipelinekit.examples.cli.StartupTraining
 * </pre>
 */
public final class StartupTraining {
  private StartupTraining() {}

  /** An action for the listener's rehearsal. */
  private static final class Rehearsed implements ActionHandler {
    @Override
    public Action action() {
      return Action.builder()
          .identifier("pipelinekit.training")
          .label("Training")
          .appliesTo(SelectedEntity.Kind.VERSION)
          .build();
    }

    @Override
    public ActionResponse launch(ActionRequest request) {
      return ActionResponse.none();
    }
  }

  /**
   * Runs the training.
   *
   * @param args none
   * @throws IOException if the loopback server cannot start
   */
  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream nowhere =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "{\"message\":\"invalid credentials\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    System.setOut(nowhere);
    System.setErr(nowhere);
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      Map<String, String> env =
          Map.of(
              "ACCSYN_WORKSPACE", "training",
              "ACCSYN_API_USER", "training@example.com",
              "ACCSYN_API_KEY", "training",
              "FTRACK_SERVER", url,
              "FTRACK_API_USER", "training",
              "FTRACK_API_KEY", "training");
      Main.run(env, "--help");
      Main.run(env, "--version");
      for (Class<?> command : Main.COMMANDS) {
        Main.run(env, command.getAnnotation(Command.class).name(), "--help");
      }
      String id = "00000000-0000-4000-8000-000000000000";
      String[] send = {
        "send", "--asset-version", id, "--from", "hq", "--to", "la", "--accsyn-endpoint", url
      };
      // Both outputs: the JSON report and the console's.
      Main.run(env, send);
      String[] sendJson = Arrays.copyOf(send, send.length + 1);
      sendJson[send.length] = "--json";
      Main.run(env, sendJson);
      Main.run(env, "listen", "--from", "hq", "--accsyn-endpoint", url);
      // The refused key stops listen before its listener starts: rehearse a discover instead.
      try (EventHub hub =
          EventHub.builder().serverUrl(url).apiUser("training").apiKey("training").build()) {
        ActionService actions = ActionService.builder(hub).build();
        actions.register(new Rehearsed());
        actions.warmUp(1);
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      server.stop(0);
    }
  }
}
