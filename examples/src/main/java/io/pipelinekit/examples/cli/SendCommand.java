package io.pipelinekit.examples.cli;

import io.pipelinekit.flows.SendRequest;
import io.pipelinekit.flows.Studio;
import io.pipelinekit.flows.TransferResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code send}: the "accsyn Send" action as a command. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {
      "Sends the files of ftrack entities from one location to another with accsyn.",
      "",
      "Every component below the selection (files and frame sequences) and any extra files go,"
          + " previews first, with progress on an ftrack Job; with --wait the components are"
          + " registered in the destination location once they have arrived.",
      "",
      "A location named like an accsyn site code is that site (hq, la); a location named by an"
          + " e-mail is that user's machine (an employee or a vendor).",
      "",
      "Example:",
      "  send --asset-version 5f1c... --from hq --to la --wait --json"
    })
final class SendCommand implements Callable<Integer> {
  @Mixin Connection connection;
  @Mixin Output output;

  @Option(
      names = "--select",
      paramLabel = "TYPE:ID",
      description =
          "An ftrack entity to send, as TYPE:ID (TYPE: show, task, shot, assetversion,"
              + " component, list, reviewsession...). Repeatable.")
  List<String> select = new ArrayList<>();

  @Option(
      names = "--asset-version",
      paramLabel = "ID",
      description = "Shortcut for --select assetversion:ID.")
  List<String> versions = new ArrayList<>();

  @Option(
      names = "--from",
      paramLabel = "LOCATION",
      description = "Source ftrack location, for example hq.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "LOCATION",
      description = "Destination ftrack location, for example la, or a user's e-mail.")
  String to;

  @Option(
      names = "--file",
      paramLabel = "PATH",
      description =
          "An extra file or folder (absolute path under the volume, or share=...). Repeatable.")
  List<String> files = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> missing = new ArrayList<>();
    if (select.isEmpty() && versions.isEmpty()) {
      missing.add("--asset-version ID (or --select TYPE:ID)");
    }
    if (from == null) {
      missing.add("--from LOCATION");
    }
    if (to == null) {
      missing.add("--to LOCATION");
    }
    if (!missing.isEmpty()) {
      throw CliException.badInput(
          "missing " + String.join(", ", missing),
          "e.g. send --asset-version ID --from hq --to la; locations are ftrack location names");
    }
    SendRequest.Builder b =
        SendRequest.builder()
            .from(from)
            .to(to)
            .await(output.await)
            .timeout(output.timeout)
            .pollInterval(output.poll);
    for (String s : select) {
      int colon = s.indexOf(':');
      if (colon <= 0 || colon == s.length() - 1) {
        throw CliException.badInput(
            "--select " + s + " is not TYPE:ID", "give e.g. --select assetversion:5f1c2a...");
      }
      b.select(s.substring(0, colon), s.substring(colon + 1));
    }
    versions.forEach(v -> b.select("assetversion", v));
    files.forEach(b::addAdditionalFile);
    SendRequest request = b.build();
    try (Studio studio = connection.studio()) {
      TransferResult r = studio.send(request, output.progress());
      output.print(r);
      return Output.exitCode(r);
    }
  }
}
