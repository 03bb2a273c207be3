package io.pipelinekit.testkit;

import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point of the test kit: {@code java -jar testkit.jar accsyn [--port 8181] [--seed
 * studio.json] [--root DIR]}. The first argument names the fake to run; the default port 8181 on
 * 127.0.0.1 over plain http is where the official Python client looks in dev mode.
 *
 * <pre>{@code
 * java -jar testkit/target/testkit.jar accsyn --port 8181 --seed studio.json
 * AS_DEV=true python3 my_script.py     # the official client in dev mode talks to it
 * }</pre>
 */
public final class Main {
  static final String USAGE =
      "usage: java -jar testkit.jar accsyn [--port 8181] [--seed studio.json] [--root DIR]";

  private Main() {}

  /** Runs a fake until the JVM is stopped (Ctrl-C). */
  public static void main(String[] args) throws InterruptedException {
    FakeAccsyn fake;
    try {
      fake = start(args, System.out);
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
                  fake.close();
                  stopped.countDown();
                },
                "fake-accsyn-shutdown"));
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
}
