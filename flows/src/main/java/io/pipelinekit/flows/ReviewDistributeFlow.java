package io.pipelinekit.flows;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.Operator;
import io.pipelinekit.accsyn.Query;
import io.pipelinekit.accsyn.deliveries.DeliverySpec;
import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.accsyn.storage.FolderSpec;
import io.pipelinekit.accsyn.storage.Storage;
import io.pipelinekit.accsyn.transfers.Task;
import io.pipelinekit.accsyn.transfers.TaskSpec;
import io.pipelinekit.accsyn.transfers.TaskStatus;
import io.pipelinekit.accsyn.transfers.TransferOutcome;
import io.pipelinekit.accsyn.transfers.TransferStatus;
import io.pipelinekit.accsyn.transfers.Transfers;
import io.pipelinekit.accsyn.users.User;
import io.pipelinekit.accsyn.users.Users;
import io.pipelinekit.flows.ReviewSessionReader.Item;
import io.pipelinekit.flows.ReviewSessionReader.Session;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.paths.SharePath;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Distribute review session": each version's preview movies (first, priority 999) and frame
 * sequences (with their ranges, never the whole version folder) to every invitee of an ftrack
 * review session.
 *
 * <ul>
 *   <li><b>on-prem</b>: one accsyn delivery per participant holding every file straight from the
 *       storage (previews first), each placed in {@code <directory>/<shot>_<asset>_v<NNN>/} under
 *       the participant's download folder;
 *   <li><b>cloud</b>: one upload into an intermediate folder share (created if missing), then, once
 *       the upload is done, one accsyn delivery per participant.
 * </ul>
 *
 * <p>Recipients are trimmed, validated and de-duplicated, and must be accsyn users. {@link
 * #addRecipients} sends an existing distribution to someone who was forgotten; {@link #cancel}
 * aborts every job and delivery of a distribution and then deletes them, so nobody can resume it.
 *
 * <pre>{@code
 * Distribution d = ReviewDistributeFlow.of(accsyn, ftrack, layout)
 *     .run(ReviewRequest.builder().reviewSession(id).from("hq").build(), FlowProgress.NONE);
 * }</pre>
 */
public final class ReviewDistributeFlow {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private final AccsynClient accsyn;
  private final FtrackSession ftrack;
  private final StudioLayout layout;
  private final Clock clock;
  private final ReviewSessionReader sessions;

  private ReviewDistributeFlow(
      AccsynClient accsyn, FtrackSession ftrack, StudioLayout layout, Clock clock) {
    this.accsyn = accsyn;
    this.ftrack = ftrack;
    this.layout = layout;
    this.clock = clock;
    this.sessions = new ReviewSessionReader(ftrack, layout);
  }

  /**
   * A review distribution flow.
   *
   * @param accsyn the accsyn client (admin or employee)
   * @param ftrack the ftrack session
   * @param layout the studio layout
   * @return the flow
   */
  public static ReviewDistributeFlow of(
      AccsynClient accsyn, FtrackSession ftrack, StudioLayout layout) {
    return of(accsyn, ftrack, layout, Clock.systemUTC());
  }

  /**
   * A review distribution flow with a clock (it decides the default directory and job names).
   *
   * @param accsyn the accsyn client
   * @param ftrack the ftrack session
   * @param layout the studio layout
   * @param clock the clock
   * @return the flow
   */
  public static ReviewDistributeFlow of(
      AccsynClient accsyn, FtrackSession ftrack, StudioLayout layout, Clock clock) {
    return new ReviewDistributeFlow(
        Objects.requireNonNull(accsyn, "accsyn == null"),
        Objects.requireNonNull(ftrack, "ftrack == null"),
        Objects.requireNonNull(layout, "layout == null"),
        Objects.requireNonNull(clock, "clock == null"));
  }

  /**
   * The tag in the names of every job and delivery of a session's distributions.
   *
   * @param reviewSessionId the session id
   * @return e.g. {@code review-1f2e3d4c}
   */
  public static String tag(String reviewSessionId) {
    String compact = reviewSessionId.replace("-", "");
    return "review-" + compact.substring(0, Math.min(8, compact.length())).toLowerCase(Locale.ROOT);
  }

  /**
   * Distributes a review session.
   *
   * @param request what and how
   * @param progress told about each step
   * @return who got what
   * @throws FlowException for bad input, unknown entities or a timeout
   */
  public Distribution run(ReviewRequest request, FlowProgress progress) {
    Rights.requireDeliveries(accsyn, layout);
    Session s = sessions.session(request.reviewSession());
    List<String> warnings = new ArrayList<>();
    List<String> recipients =
        request.recipients().isEmpty()
            ? sessions.invitees(s, warnings)
            : Checks.recipients(request.recipients());
    String directory =
        request.directory().orElse(LocalDate.now(clock).format(DAY) + "/" + slug(s.name()));
    return distribute(request, s, recipients, directory, true, warnings, progress);
  }

  /**
   * Sends an existing distribution to more people: same files, same directory; in cloud mode the
   * files already in the intermediate folder are delivered without uploading again.
   *
   * @param request the original request's session, location and mode
   * @param emails the new recipients
   * @param progress told about each step
   * @return the new participants' share
   * @throws FlowException NOT_FOUND if the session was never distributed
   */
  public Distribution addRecipients(
      ReviewRequest request, List<String> emails, FlowProgress progress) {
    Rights.requireDeliveries(accsyn, layout);
    Session s = sessions.session(request.reviewSession());
    List<String> recipients = Checks.recipients(emails);
    if (recipients.isEmpty()) {
      throw FlowException.badInput("give at least one recipient to add (--recipient a@b.com)");
    }
    String tag = tag(s.id());
    Optional<String> directory =
        request
            .directory()
            .or(
                () ->
                    jobsOf(tag).stream()
                        .map(j -> j.get("metadata").flatMap(m -> m.string("review_directory")))
                        .flatMap(Optional::stream)
                        .findFirst());
    if (directory.isEmpty()) {
      throw FlowException.notFound(
          "review session '"
              + s.name()
              + "' has not been distributed yet (no accsyn job or delivery named *"
              + tag
              + "*); run review-distribute first");
    }
    return distribute(request, s, recipients, directory.get(), false, new ArrayList<>(), progress);
  }

  /**
   * Cancels every job and delivery of a session's distributions: aborts them, then deletes them, so
   * that nobody can resume them.
   *
   * @param reviewSessionId the session
   * @param progress told about each job
   * @return the ids cancelled
   * @throws FlowException NOT_FOUND if there is nothing to cancel
   */
  public List<String> cancel(String reviewSessionId, FlowProgress progress) {
    String tag = tag(reviewSessionId);
    List<Json> jobs = jobsOf(tag);
    if (jobs.isEmpty()) {
      throw FlowException.notFound(
          "no accsyn job or delivery of review session " + reviewSessionId + " (*" + tag + "*)");
    }
    Transfers transfers = Transfers.of(accsyn);
    List<String> cancelled = new ArrayList<>();
    for (Json j : jobs) {
      String id = j.string("id").orElseThrow();
      String type = j.string("_type").orElse("transfer");
      TransferStatus status = TransferStatus.fromWire(j.string("status").orElse(""));
      if (!status.isFinal()) {
        if (type.equals("transfer")) {
          transfers.abort(id);
        } else {
          accsyn.update(type, id, Map.of("status", TransferStatus.ABORTED.wire()));
        }
      }
      if (type.equals("transfer")) {
        accsyn.delete(type, id, false);
      } else {
        // accsyn deletes only deliveries that were never submitted; a submitted one is
        // deactivated, which takes it away from its recipients for good.
        accsyn.deactivate(type, id);
      }
      cancelled.add(id);
      progress.step(
          "Cancelled accsyn " + type + " " + id + " (" + j.string("name").orElse("") + ")");
    }
    return cancelled;
  }

  // ---- the distribution -----------------------------------------------------------------------

  private Distribution distribute(
      ReviewRequest request,
      Session s,
      List<String> recipients,
      String directory,
      boolean upload,
      List<String> warnings,
      FlowProgress progress) {
    if (recipients.isEmpty()) {
      throw FlowException.badInput(
          "review session '"
              + s.name()
              + "' has no invitee with an e-mail; invite someone in ftrack or pass --recipient");
    }
    requireAccsynUsers(recipients);
    Party from = layout.party(ftrack, request.from());
    Checks.requireParty(accsyn, from, request.from());
    List<Item> items = sessions.items(s, request.from(), warnings);
    warnings.forEach(progress::warning);
    progress.step(
        "Review session '"
            + s.name()
            + "': "
            + items.size()
            + " previews and sequences for "
            + recipients.size()
            + " participants "
            + recipients);
    String tag = tag(s.id());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("ftrack_server", ftrack.serverUrl());
    metadata.put("ftrack_review_session_id", s.id());
    metadata.put("review_directory", directory);
    metadata.put("review_mode", request.mode().name().toLowerCase(Locale.ROOT));
    List<PlannedFile> files = items.stream().map(Item::file).toList();

    Plan plan = new Plan(request, s, recipients, directory, items, files, metadata, tag, warnings);
    return request.mode() == ReviewRequest.Mode.ON_PREM
        ? onPrem(plan, progress)
        : cloud(plan, from, upload, progress);
  }

  /** What both modes distribute, to whom, and how their jobs and deliveries are named. */
  private record Plan(
      ReviewRequest request,
      Session session,
      List<String> recipients,
      String directory,
      List<Item> items,
      List<PlannedFile> files,
      Map<String, Object> metadata,
      String tag,
      List<String> warnings) {}

  private Distribution onPrem(Plan plan, FlowProgress progress) {
    ReviewRequest request = plan.request();
    Session s = plan.session();
    String directory = plan.directory();
    Map<String, Object> metadata = plan.metadata();
    String tag = plan.tag();
    // Straight from the storage, one package per participant: every version's preview and frames
    // (never its whole folder), each file placed in its version's folder of the package, previews
    // first so a participant can start watching while the frames still arrive.
    Map<AccsynPath, String> files = new LinkedHashMap<>();
    for (boolean previews : new boolean[] {true, false}) {
      for (Item it : plan.items()) {
        if (it.file().preview() == previews) {
          addDeliveryFiles(it, files);
        }
      }
    }
    List<Distribution.Recipient> out = new ArrayList<>();
    for (String r : plan.recipients()) {
      String id = deliver(s, r, files, metadata, tag);
      out.add(
          new Distribution.Recipient(
              r, List.of(new Distribution.Offer(id, directory)), TransferResult.Status.SUBMITTED));
      progress.step("Delivery " + id + " offered to " + r);
    }
    return new Distribution(
        s.id(),
        s.name(),
        request.mode(),
        directory,
        plan.files(),
        Optional.empty(),
        out,
        plan.warnings());
  }

  private Distribution cloud(Plan plan, Party from, boolean upload, FlowProgress progress) {
    ReviewRequest request = plan.request();
    Session s = plan.session();
    String directory = plan.directory();
    List<Item> items = plan.items();
    Map<String, Object> metadata = plan.metadata();
    String tag = plan.tag();
    // Cloud: make sure the intermediate folder exists, upload once, then deliver per participant.
    String folder = request.folderCode().orElse(slug(s.project()) + "-review");
    String folderPath = request.folderPath().orElse(s.project() + "/review");
    Storage storage = Storage.of(accsyn);
    if (storage.folder(folder).isEmpty()) {
      storage.createFolder(
          FolderSpec.builder()
              .code(folder)
              .name(folder)
              .path(folderPath)
              .volume(layout.volume())
              .build());
      progress.step("Created the intermediate folder share '" + folder + "' at " + folderPath);
    }
    Optional<TransferResult> uploadResult = Optional.empty();
    if (upload) {
      Party uploader = request.uploadFrom().map(Party::parse).orElse(from);
      DailyJobs jobs = DailyJobs.of(accsyn, clock);
      List<TaskSpec> tasks = new ArrayList<>();
      for (Item it : items) {
        int i = 0;
        for (SharePath p : it.file().taskPaths()) {
          AccsynPath dst = intermediate(folder, directory, it);
          tasks.add(
              task(AccsynPath.of(p).withParty(uploader), dst, it, it.file().key() + "#" + i++)
                  .build());
        }
      }
      Map<String, Object> md = new LinkedHashMap<>(metadata);
      DailyJobs.Submission sub =
          jobs.submit(jobs.name(uploader.toString(), folder, tag + " upload"), false, md, tasks);
      progress.step("Uploading into share " + folder + " with accsyn job " + sub.jobId());
      TransferOutcome o =
          jobs.await(sub, "review upload", request.timeout(), request.pollInterval(), progress);
      TransferResult.Status st = status(o, keys(items));
      uploadResult =
          Optional.of(
              new TransferResult(
                  "review-upload",
                  sub.jobId(),
                  sub.jobName(),
                  sub.appended(),
                  st,
                  uploader.toString(),
                  "share=" + folder,
                  List.of(),
                  List.of()));
      if (st != TransferResult.Status.DONE) {
        throw FlowException.transferFailed(
            "the upload into share "
                + folder
                + " (accsyn job "
                + sub.jobId()
                + ") ended "
                + o.status().wire()
                + "; nothing was delivered. Fix the failed tasks in accsyn and run again");
      }
    }
    // One delivery per participant: the version folders of the intermediate folder, which hold
    // exactly what was uploaded.
    Map<AccsynPath, String> deliveryFiles = new LinkedHashMap<>();
    for (String target : items.stream().map(Item::target).distinct().toList()) {
      List<String> parts = new ArrayList<>(List.of(directory.split("/")));
      parts.add(target);
      deliveryFiles.put(AccsynPath.folder(folder, parts.toArray(String[]::new)), "");
    }
    List<Distribution.Recipient> out = new ArrayList<>();
    for (String r : plan.recipients()) {
      String id = deliver(s, r, deliveryFiles, metadata, tag);
      out.add(
          new Distribution.Recipient(
              r, List.of(new Distribution.Offer(id, directory)), TransferResult.Status.SUBMITTED));
      progress.step("Delivery " + id + " offered to " + r);
    }
    return new Distribution(
        s.id(),
        s.name(),
        request.mode(),
        directory,
        plan.files(),
        uploadResult,
        out,
        plan.warnings());
  }

  /**
   * The item's files as delivery files: each from where it lies on the storage into the item's
   * version folder of the package, which recipients download into the review directory.
   */
  private static void addDeliveryFiles(Item it, Map<AccsynPath, String> files) {
    List<String> parts = it.file().path().components();
    List<String> dir = parts.subList(0, parts.size() - 1);
    for (String name : it.file().fileNames()) {
      List<String> c = new ArrayList<>(dir);
      c.add(name);
      files.put(AccsynPath.of(it.file().path().withComponents(c, false)), it.target());
    }
  }

  /** Every recipient must be an accsyn user; the active ones are listed in one request. */
  private void requireAccsynUsers(List<String> recipients) {
    Users users = Users.of(accsyn);
    // Every active user in one request; only someone not among them (inactive, or unknown) is
    // looked up on their own. A review with a hundred invitees costs one request, not a hundred.
    Set<String> active = new HashSet<>();
    for (User u : users.list()) {
      active.add(u.email().toLowerCase(Locale.ROOT));
    }
    for (String r : recipients) {
      if (!active.contains(r.toLowerCase(Locale.ROOT)) && users.findByEmail(r).isEmpty()) {
        throw FlowException.badInput(
            "recipient "
                + r
                + " is not an accsyn user; invite them (setup --vendor "
                + r
                + ") or leave them out");
      }
    }
  }

  /**
   * One participant's delivery of the files, each placed in its folder of the package (an empty
   * folder: at the top).
   */
  private String deliver(
      Session s,
      String recipient,
      Map<AccsynPath, String> files,
      Map<String, Object> metadata,
      String tag) {
    DeliverySpec.Builder spec =
        DeliverySpec.builder()
            .name(s.name() + " for " + recipient + " " + tag)
            .addRecipient(recipient)
            .metadata(metadata)
            .putMetadata("review_recipient", recipient);
    files.forEach(
        (file, folder) -> {
          if (folder.isEmpty()) {
            spec.addFile(file);
          } else {
            spec.addFile(file, folder);
          }
        });
    return accsyn.deliveries().create(spec.build()).id();
  }

  private static TaskSpec.Builder task(AccsynPath src, AccsynPath dst, Item it, String key) {
    TaskSpec.Builder t =
        TaskSpec.builder()
            .source(src)
            .destination(dst)
            .putMetadata(DailyJobs.TASK_KEY, key)
            .putMetadata("ftrack_component_id", it.file().componentId().orElse(""))
            .putMetadata("ftrack_version_id", it.file().versionId().orElse(""));
    if (it.file().preview()) {
      t.priority(999);
    }
    return t;
  }

  private static AccsynPath intermediate(String folder, String directory, Item it) {
    List<String> parts = new ArrayList<>(List.of(directory.split("/")));
    parts.add(it.target());
    AccsynPath p = AccsynPath.folder(folder, parts.toArray(String[]::new));
    if (it.file().sequence().isPresent()) {
      return p.intoFolder(); // frames land in the version folder, named as at the source
    }
    List<String> src = it.file().path().components();
    return p.resolve(src.get(src.size() - 1));
  }

  private static Set<String> keys(List<Item> items) {
    return items.stream()
        .flatMap(
            it -> {
              List<String> k = new ArrayList<>();
              for (int i = 0; i < it.file().taskPaths().size(); i++) {
                k.add(it.file().key() + "#" + i);
              }
              return k.stream();
            })
        .collect(Collectors.toSet());
  }

  private static TransferResult.Status status(TransferOutcome o, Set<String> keys) {
    List<Task> ours = DailyJobs.ours(o, keys);
    long done = ours.stream().filter(t -> t.status() == TaskStatus.DONE).count();
    if (!ours.isEmpty() && done == ours.size()) {
      return TransferResult.Status.DONE;
    }
    return done == 0 ? TransferResult.Status.FAILED : TransferResult.Status.PARTIAL;
  }

  // ---- accsyn look-ups ------------------------------------------------------------------------

  /** Every transfer and delivery, live or finished, whose name carries the tag. */
  private List<Json> jobsOf(String tag) {
    List<Json> out = new ArrayList<>();
    for (String type : List.of("transfer", "delivery")) {
      for (boolean finished : List.of(false, true)) {
        for (Json j :
            accsyn.find(Query.of(type).where("name", Operator.CONTAINS, tag).finished(finished))) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", j.string("id").orElse(""));
          m.put("_type", type);
          m.put("name", j.string("name").orElse(""));
          m.put("status", j.string("status").orElse(""));
          j.get("metadata").ifPresent(md -> m.put("metadata", md));
          out.add(Json.of(m));
        }
      }
    }
    return out;
  }

  static String slug(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
  }
}
