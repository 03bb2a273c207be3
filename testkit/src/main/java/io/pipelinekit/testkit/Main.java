package io.pipelinekit.testkit;

import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.FtrackSeed;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point of the test kit: {@code java -jar testkit.jar accsyn [--port 8181] [--seed
 * studio.json] [--root DIR]} or {@code java -jar testkit.jar ftrack [--port 8182] [--seed
 * ftrack.json] [--api-user NAME --api-key KEY]}. The first argument names the fake to run; the
 * default port 8181 on 127.0.0.1 over plain http is where the official accsyn Python client looks
 * in dev mode.
 *
 * <pre>{@code
 * java -jar testkit/target/testkit.jar accsyn --port 8181 --seed studio.json
 * AS_DEV=true python3 my_script.py     # the official client in dev mode talks to it
 * java -jar testkit/target/testkit.jar ftrack --port 8182 --seed ftrack.json
 * FTRACK_SERVER=http://127.0.0.1:8182 FTRACK_API_USER=… FTRACK_API_KEY=… python3 my_action.py
 * }</pre>
 */
public final class Main {
  static final String USAGE =
      "usage: java -jar testkit.jar accsyn [--port 8181] [--seed studio.json] [--root DIR]\n"
          + "       java -jar testkit.jar ftrack [--port 8182] [--seed ftrack.json]"
          + " [--api-user NAME --api-key KEY]";

  private Main() {}

  /** Runs a fake until the JVM is stopped (Ctrl-C). */
  public static void main(String[] args) throws InterruptedException {
    AutoCloseable fake;
    try {
      fake =
          args.length > 0 && args[0].equals("ftrack")
              ? startFtrack(args, System.out)
              : start(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    fake.close();
                  } catch (Exception e) {
                    System.err.println("stopping the fake failed: " + e);
                  }
                  stopped.countDown();
                },
                "fake-shutdown"));
    stopped.await();
  }

  /** Parses the arguments, starts the fake and prints where it listens. */
  static FakeAccsyn start(String[] args, PrintStream out) {
    if (args.length == 0 || !args[0].equals("accsyn")) {
      throw new IllegalArgumentException(
          args.length == 0 ? "missing the fake to run" : "unknown fake '" + args[0] + "'");
    }
    FakeAccsyn.Builder b = FakeAccsyn.builder().port(8181);
    for (int i = 1; i < args.length; i += 2) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + option);
      }
      String value = args[i + 1];
      switch (option) {
        case "--port":
          try {
            b.port(Integer.parseInt(value));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port '" + value + "'", e);
          }
          break;
        case "--seed":
          b.seed(Path.of(value));
          break;
        case "--root":
          b.root(Path.of(value));
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option);
      }
    }
    FakeAccsyn fake = b.build();
    Credentials admin = fake.adminCredentials();
    out.println(
        "fake accsyn listening on " + fake.baseUrl() + " (workspace " + fake.workspace() + ")");
    out.println("files under " + fake.root());
    out.println("admin: " + admin.username() + " / API key " + admin.apiKey());
    out.println(
        "official Python client: AS_DEV=true ACCSYN_WORKSPACE="
            + fake.workspace()
            + " ACCSYN_API_USER="
            + admin.username()
            + " ACCSYN_API_KEY=<key>");
    out.flush();
    return fake;
  }

  /** Parses the arguments of {@code ftrack}, starts the fake ftrack server and prints where. */
  static FakeFtrack startFtrack(String[] args, PrintStream out) {
    if (args.length == 0 || !args[0].equals("ftrack")) {
      throw new IllegalArgumentException("not the ftrack fake");
    }
    int port = 8182;
    FtrackSeed seed = null;
    String user = null;
    String key = null;
    for (int i = 1; i < args.length; i += 2) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + option);
      }
      String value = args[i + 1];
      switch (option) {
        case "--port":
          try {
            port = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port '" + value + "'", e);
          }
          break;
        case "--seed":
          seed = FtrackSeed.read(Path.of(value));
          break;
        case "--api-user":
          user = value;
          break;
        case "--api-key":
          key = value;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if ((user == null) != (key == null)) {
      throw new IllegalArgumentException("give --api-user and --api-key together");
    }
    FakeFtrack.Builder b = FakeFtrack.builder().port(port);
    if (seed != null) {
      seed.configure(b);
    }
    if (user != null) {
      b.apiUser(user, key);
    }
    FtrackSeed applied = seed;
    FakeFtrack fake = applied == null ? b.build() : b.build(applied::applyTo);
    out.println("fake ftrack listening on " + fake.serverUrl());
    out.println("API user: " + fake.apiUser() + " / API key " + fake.apiKey());
    out.println(
        "clients: FTRACK_SERVER="
            + fake.serverUrl()
            + " FTRACK_API_USER="
            + fake.apiUser()
            + " FTRACK_API_KEY=<key>");
    out.flush();
    return fake;
  }
}
