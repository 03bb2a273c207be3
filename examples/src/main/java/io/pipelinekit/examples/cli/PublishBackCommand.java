package io.pipelinekit.examples.cli;

import io.pipelinekit.flows.PublishBackRequest;
import io.pipelinekit.flows.Studio;
import io.pipelinekit.flows.StudioLayout;
import io.pipelinekit.flows.TransferResult;
import io.pipelinekit.ftrack.EntityRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code publish-back}: a remote user publishes a version and sends it back to the studio. */
@Command(
    name = "publish-back",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes a version from a remote mirror and sends its files to the studio.",
      "",
      "Run by a remote employee or vendor with their own accsyn API key: publishes a new version"
          + " whose files are in the local mirror of the studio volume, checks write access,"
          + " sends the files back to the studio with mirrored paths and (with --wait) registers"
          + " them in the studio's ftrack location.",
      "",
      "Example:",
      "  publish-back --context Shot:5e2f... --asset comp \\",
      "    --from vic@vendor.com --to hq --wait \\",
      "    --file review=demo/upload/sh020/comp_v002.mov \\",
      "    --file main=demo/upload/sh020/main.%%04d.exr"
    })
final class PublishBackCommand implements Callable<Integer> {
  @Mixin Connection connection;
  @Mixin Output output;

  @Option(
      names = "--context",
      paramLabel = "TYPE:ID",
      description = "The ftrack context, for example Shot:<id>.")
  String context;

  @Option(names = "--asset", paramLabel = "NAME", description = "Asset name.")
  String asset;

  @Option(
      names = "--asset-type",
      defaultValue = "comp",
      paramLabel = "TYPE",
      description = "Asset type short name (default ${DEFAULT-VALUE}).")
  String assetType;

  @Option(names = "--comment", paramLabel = "TEXT", description = "Version comment.")
  String comment;

  @Option(
      names = "--from",
      paramLabel = "LOCATION",
      description = "Your ftrack location (your e-mail).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "LOCATION",
      description = "The studio location, for example hq.")
  String to;

  @Option(
      names = "--local-root",
      paramLabel = "DIR",
      description =
          "Your mirror of the studio volume (default: $ACCSYN_VOLUME_PATH, VOLUME being"
              + " the volume code in capitals).")
  Path localRoot;

  @Option(
      names = "--file",
      paramLabel = "NAME=PATH",
      description =
          "A component: name and path below the local root, with %%04d for frame numbers."
              + " Repeatable.")
  List<String> files = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> missing = new ArrayList<>();
    if (context == null) {
      missing.add("--context TYPE:ID");
    }
    if (asset == null) {
      missing.add("--asset NAME");
    }
    if (from == null) {
      missing.add("--from LOCATION");
    }
    if (to == null) {
      missing.add("--to LOCATION");
    }
    if (files.isEmpty()) {
      missing.add("--file NAME=PATH");
    }
    if (!missing.isEmpty()) {
      throw CliException.badInput(
          "missing " + String.join(", ", missing), "see publish-back --help for an example");
    }
    int colon = context.indexOf(':');
    if (colon <= 0 || colon == context.length() - 1) {
      throw CliException.badInput(
          "--context " + context + " is not TYPE:ID", "give e.g. --context Shot:5e2f...");
    }
    for (String f : files) {
      if (f.indexOf('=') <= 0) {
        throw CliException.badInput(
            "--file " + f + " is not NAME=PATH",
            "give e.g. --file main=shots/a.%04d.exr (the path below --local-root)");
      }
    }
    try (Studio studio = connection.studio()) {
      StudioLayout layout = studio.layout();
      Path root = localRoot;
      if (root == null) {
        String var = StudioLayout.mirrorVariable(layout.volume());
        String value = System.getenv(var);
        if (value == null || value.isBlank()) {
          throw CliException.badInput(
              "no local mirror of volume " + layout.volume(),
              "pass --local-root DIR or set " + var + " to your mirror of the studio volume");
        }
        root = Path.of(value);
      }
      PublishBackRequest.Builder b =
          PublishBackRequest.builder()
              .context(EntityRef.of(context.substring(0, colon), context.substring(colon + 1)))
              .asset(asset, assetType)
              .remoteLocation(from)
              .to(to)
              .localRoot(root)
              .await(output.await)
              .timeout(output.timeout)
              .pollInterval(output.poll);
      if (comment != null) {
        b.comment(comment);
      }
      for (String f : files) {
        int eq = f.indexOf('=');
        b.file(f.substring(0, eq), f.substring(eq + 1));
      }
      TransferResult r = studio.publishBack(b.build(), output.progress());
      output.print(r);
      return Output.exitCode(r);
    }
  }
}
