package io.pipelinekit.examples.cli;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.flows.FlowException;
import io.pipelinekit.flows.Studio;
import io.pipelinekit.ftrack.FtrackSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where accsyn and ftrack are: the standard environment variables, overridden by flags. API keys
 * come from the environment or from a file (never from a flag, so they stay out of process lists
 * and shell history).
 */
final class Connection {
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
    return b.fromEnvironment().build();
  }

  FtrackSession ftrack() {
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
    return b.fromEnvironment(System.getenv()).build();
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

  private static String read(Path file, String option) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw FlowException.badInput(option + ": cannot read " + file + " (" + e.getMessage() + ")");
    }
  }
}
