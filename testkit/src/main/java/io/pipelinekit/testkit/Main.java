package io.pipelinekit.testkit;

import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point of the test kit: {@code java -jar testkit.jar accsyn [--port 8181] [--seed
 * studio.json] [--root DIR]}. The first argument names the fake to run.
 *
 * <pre>{@code
 * java -jar testkit/target/testkit.jar accsyn --port 8181 --seed studio.json
 * AS_DEV=true python3 my_script.py     # the official client in dev mode talks to it
 * }</pre>
 */
public final class Main {
  private Main() {}

  /** Runs a fake until the JVM is stopped. */
  public static void main(String[] args) throws Exception {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    if (args.length == 0 || !args[0].equals("accsyn")) {
      err.println(
          "usage: java -jar testkit.jar accsyn [--port 8181] [--seed studio.json] [--root DIR]");
      return 2;
    }
    int port = 8181;
    Path seed = null;
    Path root = null;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        err.println("missing value for " + a);
        return 2;
      }
      switch (a) {
        case "--port":
          port = Integer.parseInt(args[++i]);
          break;
        case "--seed":
          seed = Path.of(args[++i]);
          break;
        case "--root":
          root = Path.of(args[++i]);
          break;
        default:
          err.println("unknown option " + a);
          return 2;
      }
    }
    FakeAccsyn.Builder b = FakeAccsyn.builder().port(port);
    if (seed != null) {
      b.seed(seed);
    }
    if (root != null) {
      b.root(root);
    }
    FakeAccsyn fake = b.build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  fake.close();
                  stopped.countDown();
                }));
    out.println(
        "fake accsyn listening on " + fake.baseUrl() + " (workspace " + fake.workspace() + ")");
    out.println("files under " + fake.root());
    out.println(
        "admin: " + fake.adminCredentials().username() + " / " + fake.adminCredentials().apiKey());
    out.flush();
    stopped.await();
    return 0;
  }
}
