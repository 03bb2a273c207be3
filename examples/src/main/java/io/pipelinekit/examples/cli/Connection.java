package io.pipelinekit.examples.cli;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.flows.Studio;
import io.pipelinekit.ftrack.FtrackSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Option;

/**
 * Where accsyn and ftrack are: the standard environment variables, overridden by flags. API keys
 * come from the environment or from a file (never from a flag, so they stay out of process lists
 * and shell history).
 */
final class Connection {
  private final Map<String, String> environment;

  /** Options over the process environment. */
  Connection() {
    this(System.getenv());
  }

  /**
   * Options over the given environment.
   *
   * @param environment variables by name
   */
  Connection(Map<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment == null");
  }

  @Option(
      names = "--accsyn-workspace",
      paramLabel = "CODE",
      description = "accsyn workspace (default: $ACCSYN_WORKSPACE).")
  String workspace;

  @Option(
      names = "--accsyn-user",
      paramLabel = "EMAIL",
      description = "accsyn API user (default: $ACCSYN_API_USER).")
  String accsynUser;

  @Option(
      names = "--accsyn-api-key-file",
      paramLabel = "FILE",
      description = "File holding the accsyn API key (default: $ACCSYN_API_KEY).")
  Path accsynKeyFile;

  @Option(
      names = "--accsyn-endpoint",
      paramLabel = "URL",
      description = "accsyn server URL for on-prem or a local fake (default: looked up).")
  URI accsynEndpoint;

  @Option(
      names = "--ftrack-server",
      paramLabel = "URL",
      description = "ftrack server (default: $FTRACK_SERVER).")
  String ftrackServer;

  @Option(
      names = "--ftrack-user",
      paramLabel = "NAME",
      description = "ftrack API user (default: $FTRACK_API_USER).")
  String ftrackUser;

  @Option(
      names = "--ftrack-api-key-file",
      paramLabel = "FILE",
      description = "File holding the ftrack API key (default: $FTRACK_API_KEY).")
  Path ftrackKeyFile;

  AccsynClient accsyn() {
    requireSettings();
    AccsynClient.Builder b = AccsynClient.builder();
    if (workspace != null) {
      b.workspace(workspace);
    }
    if (accsynUser != null) {
      b.username(accsynUser);
    }
    if (accsynKeyFile != null) {
      b.apiKey(read(accsynKeyFile, "--accsyn-api-key-file"));
    }
    if (accsynEndpoint != null) {
      b.endpoint(accsynEndpoint);
    }
    return b.fromEnvironment(environment, Path.of("").toAbsolutePath()).build();
  }

  FtrackSession ftrack() {
    requireSettings();
    FtrackSession.Builder b = FtrackSession.builder();
    if (ftrackServer != null) {
      b.serverUrl(ftrackServer);
    }
    if (ftrackUser != null) {
      b.apiUser(ftrackUser);
    }
    if (ftrackKeyFile != null) {
      b.apiKey(read(ftrackKeyFile, "--ftrack-api-key-file"));
    }
    return b.fromEnvironment(environment).build();
  }

  /** The flows with the clients these options configure; closing the studio closes them. */
  Studio studio() {
    AccsynClient accsyn = accsyn();
    try {
      return Studio.builder().accsyn(accsyn).ftrack(ftrack()).closesClients(true).build();
    } catch (RuntimeException e) {
      accsyn.close();
      throw e;
    }
  }

  /**
   * Checks that every setting is given, by a flag or its environment variable, and reports all that
   * are missing at once (the clients would stop at the first). A {@code .env} file or {@code
   * ACCSYN_CREDENTIALS_PATH} may hold the accsyn settings, so the accsyn client checks those
   * itself.
   */
  void requireSettings() {
    List<String> missing = new ArrayList<>();
    boolean accsynFile =
        set("ACCSYN_CREDENTIALS_PATH") || Files.isRegularFile(Path.of(".env").toAbsolutePath());
    if (!accsynFile) {
      if (workspace == null
          && !set("ACCSYN_WORKSPACE")
          && !set("ACCSYN_DOMAIN")
          && !set("ACCSYN_ORG")) {
        missing.add("accsyn workspace: --accsyn-workspace CODE or ACCSYN_WORKSPACE");
      }
      if (accsynUser == null && !set("ACCSYN_API_USER")) {
        missing.add("accsyn API user: --accsyn-user EMAIL or ACCSYN_API_USER");
      }
      if (accsynKeyFile == null && !set("ACCSYN_API_KEY")) {
        missing.add("accsyn API key: --accsyn-api-key-file FILE or ACCSYN_API_KEY");
      }
    }
    if (ftrackServer == null && !set("FTRACK_SERVER")) {
      missing.add("ftrack server: --ftrack-server URL or FTRACK_SERVER");
    }
    if (ftrackUser == null && !set("FTRACK_API_USER")) {
      missing.add("ftrack API user: --ftrack-user NAME or FTRACK_API_USER");
    }
    if (ftrackKeyFile == null && !set("FTRACK_API_KEY")) {
      missing.add("ftrack API key: --ftrack-api-key-file FILE or FTRACK_API_KEY");
    }
    if (!missing.isEmpty()) {
      throw CliException.badInput(
          missing.size()
              + (missing.size() == 1 ? " setting is" : " settings are")
              + " missing: "
              + String.join("; ", missing),
          "set the environment variables (the API keys belong there or in a file, never in a"
              + " flag), or pass the flags; see --help");
    }
  }

  private boolean set(String variable) {
    String v = environment.get(variable);
    return v != null && !v.isBlank();
  }

  private static String read(Path file, String option) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw CliException.badInput(
          option + ": cannot read " + file + " (" + e.getMessage() + ")",
          "give a readable file holding only the API key");
    }
  }
}
