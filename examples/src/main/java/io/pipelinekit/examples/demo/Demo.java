package io.pipelinekit.examples.demo;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.flows.Distribution;
import io.pipelinekit.flows.FlowProgress;
import io.pipelinekit.flows.PlannedFile;
import io.pipelinekit.flows.PublishBackFlow;
import io.pipelinekit.flows.PublishBackRequest;
import io.pipelinekit.flows.ReviewDistributeFlow;
import io.pipelinekit.flows.ReviewRequest;
import io.pipelinekit.flows.SendFlow;
import io.pipelinekit.flows.SendRequest;
import io.pipelinekit.flows.SetupFlow;
import io.pipelinekit.flows.Studio;
import io.pipelinekit.flows.TransferResult;
import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.testkit.studio.TutorialStudio;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The offline demo: starts {@link DemoStudio}, runs setup, send (to a site, an employee and a
 * vendor), review distribution and publish-back through the real flows, then checks that every
 * expected file arrived byte-identical and that ftrack registered what arrived.
 *
 * <pre>{@code
 * Demo.Report report = Demo.run(System.out, FlowProgress.NONE, Duration.ofSeconds(60));
 * System.exit(report.ok() ? 0 : 5);
 * }</pre>
 */
public final class Demo {
  private Demo() {}

  /**
   * One row of the final table.
   *
   * @param flow the flow
   * @param from where from
   * @param to where to
   * @param files files expected
   * @param identical files that arrived byte-identical
   * @param bytes bytes expected
   * @param registered components registered in ftrack
   */
  public record Row(
      String flow, String from, String to, int files, int identical, long bytes, long registered) {
    /**
     * Whether every file of the row arrived intact.
     *
     * @return true if all are identical
     */
    public boolean ok() {
      return files > 0 && identical == files;
    }
  }

  /**
   * The demo's outcome.
   *
   * @param rows one per transfer
   * @param problems what went wrong
   */
  public record Report(List<Row> rows, List<String> problems) {
    /**
     * Whether everything arrived.
     *
     * @return true when every row is ok and nothing went wrong
     */
    public boolean ok() {
      return problems.isEmpty() && rows.stream().allMatch(Row::ok);
    }
  }

  /**
   * Runs the demo.
   *
   * @param out where to print the story and the table
   * @param progress where transfer progress goes
   * @param timeout the deadline of each transfer
   * @return the report
   */
  public static Report run(PrintStream out, FlowProgress progress, Duration timeout) {
    List<Row> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Duration poll = Duration.ofMillis(100);
    out.println(
        "pipelinekit demo: a studio with sites hq and la, an admin, the pipeline's employee");
    out.println("account, an employee, a vendor and two review clients, each with their own keys,");
    out.println("on embedded accsyn and ftrack servers (no network, no credentials)");
    try (DemoStudio studio = DemoStudio.start(6L * 1024 * 1024)) {
      out.println();
      out.println("1. setup (the tutorials' admin steps), as the admin " + TutorialStudio.ADMIN);
      studio
          .as(TutorialStudio.ADMIN)
          .setup(
              SetupFlow.Request.of(
                  "demo",
                  List.of("hq", "la"),
                  TutorialStudio.PIPELINE,
                  DemoStudio.EMPLOYEE,
                  DemoStudio.VENDOR),
              progress);
      Studio pipeline = studio.as(TutorialStudio.PIPELINE);
      TutorialStudio.Production p = studio.seedProduction();
      out.println(
          "  published project demo at hq: 2 shots, a preview movie and 5 EXR frames each"
              + " (frame 1004 missing)");

      SendFlow send = SendFlow.of(pipeline.accsyn(), pipeline.ftrack(), pipeline.layout());
      out.println();
      out.println(
          "2. send shot sh010 from hq to the LA office, as the pipeline account "
              + TutorialStudio.PIPELINE);
      rows.add(
          sendFromHq(
              send,
              "Shot",
              p.shotIds().get(0),
              "la",
              studio.volumeDir("la"),
              timeout,
              poll,
              progress,
              problems,
              studio));

      out.println();
      out.println("3. send sh020's compositing task to the employee, and the shot to the vendor");
      rows.add(
          sendFromHq(
              send,
              "Task",
              p.taskIds().get(1),
              DemoStudio.EMPLOYEE,
              studio.machine(DemoStudio.EMPLOYEE, DemoStudio.EMPLOYEE_MIRROR),
              timeout,
              poll,
              progress,
              problems,
              studio));
      rows.add(
          sendFromHq(
              send,
              "Shot",
              p.shotIds().get(1),
              DemoStudio.VENDOR,
              studio.machine(DemoStudio.VENDOR, DemoStudio.VENDOR_MIRROR),
              timeout,
              poll,
              progress,
              problems,
              studio));

      out.println();
      out.println("4. distribute the review session 'Client dailies' to its invitees (on-prem)");
      Distribution d =
          ReviewDistributeFlow.of(pipeline.accsyn(), pipeline.ftrack(), pipeline.layout())
              .run(
                  ReviewRequest.builder()
                      .reviewSession(p.reviewSessionId())
                      .from("hq")
                      .timeout(timeout)
                      .pollInterval(poll)
                      .build(),
                  progress);
      Map<String, String> downloads =
          Map.of(
              DemoStudio.REVIEWERS.get(0), "/Users/rita/Downloads",
              DemoStudio.REVIEWERS.get(1), "C:\\Users\\sam\\Downloads");
      out.println("  the participants download their deliveries with the accsyn app:");
      for (Distribution.Recipient r : d.recipients()) {
        try (AccsynClient reviewer = studio.client(r.email())) {
          for (Distribution.Offer o : r.offers()) {
            String job =
                reviewer
                    .create(
                        "transfer",
                        Map.of("parent", o.deliveryId(), "destination", o.directory() + "/"))
                    .get(0)
                    .string("id")
                    .orElseThrow();
            studio.accsynFake().awaitTransfer(job, timeout);
          }
        }
        int n = r.offers().size();
        out.println("  " + r.email() + " downloaded " + n + (n == 1 ? " delivery" : " deliveries"));
        Path base = studio.machine(r.email(), downloads.get(r.email()));
        rows.add(review(d, r.email(), studio.volumeDir("hq"), base, problems));
      }

      out.println();
      out.println(
          "5. the vendor publishes v002 of sh020 back to hq from his mirror, with his keys");
      Studio vendor = studio.as(DemoStudio.VENDOR);
      Path mirror = studio.machine(DemoStudio.VENDOR, DemoStudio.VENDOR_MIRROR);
      String dir = "demo/upload/sh020/comp/v002/";
      Random random = new Random(7);
      TutorialStudio.write(mirror.resolve(dir + "sh020_comp_v002.mov"), 900_000, random);
      for (int f : TutorialStudio.FRAMES) {
        TutorialStudio.write(
            mirror.resolve(dir + String.format(Locale.ROOT, "main.%04d.exr", f)), 180_000, random);
      }
      TransferResult back =
          PublishBackFlow.of(vendor.accsyn(), vendor.ftrack(), vendor.layout())
              .run(
                  PublishBackRequest.builder()
                      .context(EntityRef.of("Shot", p.shotIds().get(1)))
                      .asset("comp", "comp")
                      .comment("v002 from the vendor")
                      .remoteLocation(DemoStudio.VENDOR)
                      .to("hq")
                      .localRoot(mirror)
                      .file("review", dir + "sh020_comp_v002.mov")
                      .file("main", dir + "main.%04d.exr")
                      .timeout(timeout)
                      .pollInterval(poll)
                      .build(),
                  progress);
      rows.add(
          check(
              "publish-back",
              DemoStudio.VENDOR,
              "hq",
              mirror,
              studio.volumeDir("hq"),
              back,
              problems,
              studio));
    } catch (RuntimeException e) {
      problems.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    Report report = new Report(List.copyOf(rows), List.copyOf(problems));
    print(out, report);
    return report;
  }

  /**
   * Sends one selection from hq with the demo's deadline and checks, file by file, what arrived.
   */
  private static Row sendFromHq(
      SendFlow send,
      String entityType,
      String entityId,
      String to,
      Path destinationRoot,
      Duration timeout,
      Duration poll,
      FlowProgress progress,
      List<String> problems,
      DemoStudio studio) {
    TransferResult result =
        send.run(
            SendRequest.builder()
                .select(entityType, entityId)
                .from("hq")
                .to(to)
                .timeout(timeout)
                .pollInterval(poll)
                .build(),
            progress);
    return check(
        "send", "hq", to, studio.volumeDir("hq"), destinationRoot, result, problems, studio);
  }

  private static Row check(
      String flow,
      String from,
      String to,
      Path sourceRoot,
      Path destinationRoot,
      TransferResult result,
      List<String> problems,
      DemoStudio studio) {
    int files = 0;
    int same = 0;
    long bytes = 0;
    if (result.status() != TransferResult.Status.DONE) {
      problems.add(flow + " " + from + " > " + to + " ended " + result.status());
    }
    for (PlannedFile f : plannedOf(result, studio)) {
      String dir =
          String.join("/", f.path().components().subList(0, f.path().components().size() - 1));
      for (String name : f.fileNames()) {
        String rel = dir.isEmpty() ? name : dir + "/" + name;
        files++;
        bytes += size(sourceRoot.resolve(rel));
        if (identical(sourceRoot.resolve(rel), destinationRoot.resolve(rel))) {
          same++;
        } else {
          problems.add(flow + " > " + to + ": " + rel + " missing or different");
        }
      }
    }
    // A component counts as registered when ftrack holds the row the flow reported.
    List<Map<String, Object>> rows = studio.ftrackFake().entities("ComponentLocation");
    long registered =
        result.files().stream()
            .filter(
                fo ->
                    fo.registeredAs().isPresent()
                        && rows.stream()
                            .anyMatch(
                                cl ->
                                    fo.componentId().orElse("").equals(cl.get("component_id"))
                                        && fo.registeredAs()
                                            .get()
                                            .equals(cl.get("resource_identifier"))))
            .count();
    return new Row(flow, from, to, files, same, bytes, registered);
  }

  /** The planned files of a result, rebuilt from its outcomes' share paths. */
  private static List<PlannedFile> plannedOf(TransferResult result, DemoStudio studio) {
    return result.files().stream()
        .map(
            fo -> {
              String share = fo.source().substring(fo.source().indexOf("share="));
              var path = io.pipelinekit.paths.SharePath.parse(share);
              String last = path.components().get(path.components().size() - 1);
              java.util.Optional<io.pipelinekit.paths.sequence.FileSequence> seq =
                  last.contains("%")
                      ? java.util.Optional.of(
                          io.pipelinekit.paths.sequence.FileSequence.of(
                              io.pipelinekit.paths.sequence.SequencePattern.parse(last),
                              io.pipelinekit.paths.sequence.FrameSet.fromFrames(
                                  TutorialStudio.FRAMES.stream().mapToInt(Integer::intValue))))
                      : java.util.Optional.empty();
              return new PlannedFile(
                  fo.label(),
                  fo.componentId(),
                  java.util.Optional.empty(),
                  fo.label(),
                  path,
                  seq,
                  false);
            })
        .toList();
  }

  private static Row review(
      Distribution d, String email, Path hq, Path downloads, List<String> problems) {
    int files = 0;
    int same = 0;
    long bytes = 0;
    for (Distribution.Recipient r : d.recipients()) {
      if (r.email().equals(email) && r.status() != TransferResult.Status.SUBMITTED) {
        problems.add("review > " + email + " ended " + r.status());
      }
    }
    for (PlannedFile f : d.files()) {
      List<String> parts = f.path().components();
      String srcDir = String.join("/", parts.subList(0, parts.size() - 1));
      String shot = parts.get(2);
      String target = d.directory() + "/" + shot + "_comp_v001";
      for (String name : f.fileNames()) {
        files++;
        Path src = hq.resolve(srcDir + "/" + name);
        bytes += size(src);
        if (identical(src, downloads.resolve(target + "/" + name))) {
          same++;
        } else {
          problems.add("review > " + email + ": " + target + "/" + name + " missing or different");
        }
      }
    }
    return new Row("review", "hq", email, files, same, bytes, 0);
  }

  private static long size(Path p) {
    try {
      return Files.exists(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean identical(Path a, Path b) {
    try {
      return Files.isRegularFile(a) && Files.isRegularFile(b) && Files.mismatch(a, b) == -1;
    } catch (IOException e) {
      return false;
    }
  }

  private static void print(PrintStream out, Report report) {
    out.println();
    out.println("What moved where:");
    out.println(
        String.format(
            Locale.ROOT,
            "  %-13s %-16s %-16s %7s %10s %11s  %s",
            "flow",
            "from",
            "to",
            "files",
            "bytes",
            "registered",
            "result"));
    for (Row r : report.rows()) {
      out.println(
          String.format(
              Locale.ROOT,
              "  %-13s %-16s %-16s %7s %10d %11s  %s",
              r.flow(),
              r.from(),
              r.to(),
              r.identical() + "/" + r.files(),
              r.bytes(),
              r.flow().equals("review") ? "-" : String.valueOf(r.registered()),
              r.ok() ? "byte-identical" : "FAILED"));
    }
    out.println();
    if (report.ok()) {
      out.println("Every expected file arrived byte-identical.");
    } else {
      out.println("Problems:");
      report.problems().forEach(p -> out.println("  - " + p));
    }
  }
}
