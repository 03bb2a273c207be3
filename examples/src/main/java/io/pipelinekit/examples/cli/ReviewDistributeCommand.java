package io.pipelinekit.examples.cli;

import io.pipelinekit.flows.Distribution;
import io.pipelinekit.flows.ReviewRequest;
import io.pipelinekit.flows.Studio;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code review-distribute}: the review session distribution, plus add-recipient and cancel. */
@Command(
    name = "review-distribute",
    mixinStandardHelpOptions = true,
    description = {
      "Sends the files of an ftrack review session to every invitee.",
      "",
      "Each version's preview movies go first, then its frame sequences. On-prem (default):"
          + " straight from the storage to each participant. --cloud: one upload into an"
          + " intermediate folder share, then one accsyn delivery per participant.",
      "",
      "Example:",
      "  review-distribute --review-session 8a1e... --from hq --wait"
    },
    subcommands = {
      ReviewDistributeCommand.AddRecipient.class,
      ReviewDistributeCommand.Cancel.class
    })
final class ReviewDistributeCommand implements Callable<Integer> {
  @Mixin Connection connection;
  @Mixin Output output;
  @Mixin Target target;

  @Option(
      names = "--recipient",
      paramLabel = "EMAIL",
      description = "Send to these instead of the invitees. Repeatable; commas allowed.")
  List<String> recipients = new ArrayList<>();

  @Override
  public Integer call() {
    ReviewRequest request = target.request(output).addAllRecipients(recipients).build();
    try (Studio studio = connection.studio()) {
      Distribution d = studio.distributeReview(request, output.progress());
      return print(output, d);
    }
  }

  static int print(Output output, Distribution d) {
    if (output.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("review_session_id", d.reviewSessionId());
      m.put("review_session", d.reviewSessionName());
      m.put("mode", d.mode().name().toLowerCase(Locale.ROOT));
      m.put("directory", d.directory());
      m.put("files", d.files().stream().map(f -> f.label()).toList());
      m.put("upload", d.upload().map(Output::toMap));
      List<Map<String, Object>> rs = new ArrayList<>();
      for (Distribution.Recipient r : d.recipients()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("email", r.email());
        x.put(
            "deliveries",
            r.offers().stream()
                .map(o -> Map.<String, Object>of("id", o.deliveryId(), "directory", o.directory()))
                .toList());
        x.put("status", r.status().name().toLowerCase(Locale.ROOT));
        rs.add(x);
      }
      m.put("recipients", rs);
      m.put("warnings", d.warnings());
      Output.emit(
          m,
          d.succeeded() ? ExitCodes.OK : ExitCodes.TRANSFER_FAILED,
          "not every participant got the files");
    } else {
      System.out.println();
      System.out.println(
          "Review session '" + d.reviewSessionName() + "' into " + d.directory() + ":");
      for (Distribution.Recipient r : d.recipients()) {
        for (Distribution.Offer o : r.offers()) {
          System.out.println(
              "  " + r.email() + "  delivery " + o.deliveryId() + " -> " + o.directory());
        }
      }
    }
    return d.succeeded() ? ExitCodes.OK : ExitCodes.TRANSFER_FAILED;
  }

  /** The options naming a distribution. */
  static final class Target {
    @Option(
        names = "--review-session",
        paramLabel = "ID",
        description = "The ftrack review session id.")
    String session;

    @Option(
        names = "--from",
        paramLabel = "LOCATION",
        description = "The ftrack location with the files, for example hq.")
    String from;

    @Option(names = "--cloud", description = "Cloud mode: upload once, then deliver.")
    boolean cloud;

    @Option(
        names = "--upload-from",
        paramLabel = "PARTY",
        description = "Cloud mode: who uploads (site=hq, client=ID); default: --from's party.")
    String uploadFrom;

    @Option(
        names = "--folder",
        paramLabel = "CODE:PATH",
        description = {
          "Cloud mode: intermediate folder share and its path in the volume; by default",
          "PROJECT-review:PROJECT/review"
        })
    String folder;

    @Option(
        names = "--directory",
        paramLabel = "DIR",
        description = "Directory under each participant's downloads (default: yyyyMMdd/SESSION).")
    String directory;

    ReviewRequest.Builder request(Output output) {
      List<String> missing = new ArrayList<>();
      if (session == null) {
        missing.add("--review-session ID");
      }
      if (from == null) {
        missing.add("--from LOCATION");
      }
      if (!missing.isEmpty()) {
        throw CliException.badInput(
            "missing " + String.join(" and ", missing),
            "--review-session takes the ftrack review session id, --from the ftrack location"
                + " with the files (e.g. hq)");
      }
      ReviewRequest.Builder b =
          ReviewRequest.builder()
              .reviewSession(session)
              .from(from)
              .mode(cloud ? ReviewRequest.Mode.CLOUD : ReviewRequest.Mode.ON_PREM)
              .await(output.await)
              .timeout(output.timeout)
              .pollInterval(output.poll);
      if (uploadFrom != null) {
        b.uploadFrom(uploadFrom);
      }
      if (directory != null) {
        b.directory(directory);
      }
      if (folder != null) {
        int colon = folder.indexOf(':');
        if (colon <= 0) {
          throw CliException.badInput(
              "--folder " + folder + " is not CODE:PATH",
              "give the folder share code and its path, e.g. --folder demo-review:demo/review");
        }
        b.folder(folder.substring(0, colon), folder.substring(colon + 1));
      }
      return b;
    }
  }

  /** {@code review-distribute add-recipient}. */
  @Command(
      name = "add-recipient",
      mixinStandardHelpOptions = true,
      description = "Sends an existing distribution to people who were forgotten.")
  static final class AddRecipient implements Callable<Integer> {
    @Mixin Connection connection;
    @Mixin Output output;
    @Mixin Target target;

    @Option(names = "--recipient", paramLabel = "EMAIL", description = "Who to add. Repeatable.")
    List<String> recipients = new ArrayList<>();

    @Override
    public Integer call() {
      if (recipients.isEmpty()) {
        throw CliException.badInput(
            "missing --recipient EMAIL", "name each person to add with --recipient EMAIL");
      }
      ReviewRequest request = target.request(output).build();
      try (Studio studio = connection.studio()) {
        Distribution d = studio.addReviewRecipients(request, recipients, output.progress());
        return print(output, d);
      }
    }
  }

  /** {@code review-distribute cancel}. */
  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description = "Aborts every job and delivery of a distribution, then deletes them.")
  static final class Cancel implements Callable<Integer> {
    @Mixin Connection connection;

    @Option(names = "--review-session", paramLabel = "ID", description = "The session.")
    String session;

    @Option(names = "--json", description = "Print the cancelled ids as JSON.")
    boolean json;

    @Override
    public Integer call() {
      if (session == null) {
        throw CliException.badInput(
            "missing --review-session ID", "give the ftrack review session id to cancel");
      }
      try (Studio studio = connection.studio()) {
        List<String> ids =
            studio.cancelReview(session, ConsoleProgress.on(json ? System.err : System.out, false));
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("cancelled", ids);
          Output.emit(m, ExitCodes.OK, null);
        }
        return ExitCodes.OK;
      }
    }
  }
}
