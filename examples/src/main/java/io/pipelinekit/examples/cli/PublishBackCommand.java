package io.pipelinekit.examples.cli;

import io.pipelinekit.flows.FlowException;
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
      "Run by a remote employee or vendor (their accsyn API key): publishes a new version whose",
      "files are in the local mirror of the studio volume, checks write access, sends the files",
      "back to the studio with mirrored paths and (with --wait) registers them in the studio's",
      "ftrack location.",
      "",
      "Example:",
      "  publish-back --context Shot:5e2f... --asset comp --from vic@vendor.com --to hq \\",
      "    --file review=demo/upload/sh020/comp_v002.mov --file main=demo/upload/sh020/main.%%04d.exr --wait"
    })
final class PublishBackCommand implements Callable<Integer> {
  @Mixin Connection connection;
  @Mixin Output output;

  @Option(
      names = "--context",
      paramLabel = "TYPE:ID",
      description = "The ftrack context, e.g. Shot:<id>.")
  String context;

  @Option(names = "--asset", description = "Asset name.")
  String asset;

  @Option(
      names = "--asset-type",
      defaultValue = "comp",
      description = "Asset type short name (default ${DEFAULT-VALUE}).")
  String assetType;

  @Option(names = "--comment", description = "Version comment.")
  String comment;

  @Option(
      names = "--from",
      paramLabel = "LOCATION",
      description = "Your ftrack location (your e-mail).")
  String from;

  @Option(names = "--to", paramLabel = "LOCATION", description = "The studio location, e.g. hq.")
  String to;

  @Option(
      names = "--local-root",
      paramLabel = "DIR",
      description = "Your mirror of the studio volume (default: $ACCSYN_<VOLUME>_PATH).")
  Path localRoot;

  @Option(
      names = "--file",
      paramLabel = "NAME=PATH",
      description = "A component: name and path below the local root (a %%04d pattern for frames).")
  List<String> files = new ArrayList<>();

  @Override
  public Integer call() {
    if (context == null || asset == null || from == null || to == null || files.isEmpty()) {
      throw FlowException.badInput(
          "give --context, --asset, --from, --to and at least one --file (see --help)");
    }
    int colon = context.indexOf(':');
    if (colon <= 0) {
      throw FlowException.badInput("--context " + context + ": give TYPE:ID, e.g. Shot:5e2f...");
    }
    try (Studio studio = connection.studio()) {
      StudioLayout layout = studio.layout();
      Path root = localRoot;
      if (root == null) {
        String var = StudioLayout.mirrorVariable(layout.volume());
        String value = System.getenv(var);
        if (value == null || value.isBlank()) {
          throw FlowException.badInput(
              "give --local-root or set " + var + " to your mirror of volume " + layout.volume());
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
        if (eq <= 0) {
          throw FlowException.badInput(
              "--file " + f + ": give NAME=PATH, e.g. main=shots/a.%04d.exr");
        }
        b.file(f.substring(0, eq), f.substring(eq + 1));
      }
      TransferResult r = studio.publishBack(b.build(), output.progress());
      output.print(r);
      return Output.exitCode(r);
    }
  }
}
