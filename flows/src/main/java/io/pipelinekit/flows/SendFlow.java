package io.pipelinekit.flows;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.files.ComponentFiles;
import io.pipelinekit.ftrack.files.ComponentInLocation;
import io.pipelinekit.ftrack.files.SelectionResolver;
import io.pipelinekit.ftrack.files.ShareFile;
import io.pipelinekit.paths.SharePath;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * "accsyn Send": every component below an ftrack selection, sequences included, plus optional extra
 * files, from one location to another in one accsyn job with mirrored paths, previews first,
 * progress on an ftrack Job, and the components registered in the destination location once they
 * have really arrived.
 *
 * <pre>{@code
 * try (AccsynClient accsyn = AccsynClient.fromEnvironment();
 *      FtrackSession ftrack = FtrackSession.fromEnvironment()) {
 *   TransferResult r = SendFlow.of(accsyn, ftrack, StudioLayout.fromAccsyn(accsyn))
 *       .run(SendRequest.builder().select("assetversion", id).from("hq").to("la").build(),
 *            FlowProgress.NONE);
 * }
 * }</pre>
 *
 * <p>The paths come from the <em>source</em> location's own identifiers through an explicit layout;
 * sequences carry their frame ranges; both parties and the caller's rights are checked before
 * anything is submitted; the job is the day's job for the pair, with ftrack ids in the task
 * metadata; it is watched by id with a deadline and {@code aborted} is not success; registrations
 * are written after the transfer, only for what arrived, with the destination's identifier. The
 * mistakes these rules avoid are described in docs/flows-background.md.
 */
public final class SendFlow {
  private final AccsynClient accsyn;
  private final FtrackSession ftrack;
  private final StudioLayout layout;
  private final Clock clock;

  private SendFlow(AccsynClient accsyn, FtrackSession ftrack, StudioLayout layout, Clock clock) {
    this.accsyn = accsyn;
    this.ftrack = ftrack;
    this.layout = layout;
    this.clock = clock;
  }

  /**
   * A send flow.
   *
   * @param accsyn the accsyn client (an admin or employee)
   * @param ftrack the ftrack session
   * @param layout the studio layout
   * @return the flow
   */
  public static SendFlow of(AccsynClient accsyn, FtrackSession ftrack, StudioLayout layout) {
    return of(accsyn, ftrack, layout, Clock.systemUTC());
  }

  /**
   * A send flow with a clock (it decides the day's job name).
   *
   * @param accsyn the accsyn client
   * @param ftrack the ftrack session
   * @param layout the studio layout
   * @param clock the clock
   * @return the flow
   */
  public static SendFlow of(
      AccsynClient accsyn, FtrackSession ftrack, StudioLayout layout, Clock clock) {
    return new SendFlow(
        Objects.requireNonNull(accsyn, "accsyn == null"),
        Objects.requireNonNull(ftrack, "ftrack == null"),
        Objects.requireNonNull(layout, "layout == null"),
        Objects.requireNonNull(clock, "clock == null"));
  }

  /**
   * Plans the send without submitting anything: the files, their share paths and frame runs.
   *
   * @param request the request
   * @param warnings receives what was skipped
   * @return the planned files
   * @throws FlowException for bad input or unknown entities
   */
  public List<PlannedFile> plan(SendRequest request, List<String> warnings) {
    Checks.requireSelection(ftrack, request.selection());
    List<ComponentFiles> components = SelectionResolver.of(ftrack).resolve(request.selection());
    if (components.isEmpty()) {
      throw FlowException.badInput(
          "the selection has no components; publish files on its versions first");
    }
    Map<String, PlannedFile> planned = new LinkedHashMap<>();
    for (ComponentFiles c : components) {
      Optional<ComponentInLocation> in = c.in(request.from());
      if (in.isEmpty()) {
        warnings.add(
            "skipped "
                + label(c)
                + ": it is not in location "
                + request.from()
                + " (it is in "
                + c.locations().stream().map(ComponentInLocation::locationName).toList()
                + ")");
        continue;
      }
      ShareFile share = layout.toShare(in.get());
      String key = c.component().id();
      planned.put(
          key,
          new PlannedFile(
              key,
              Optional.of(c.component().id()),
              c.versionId(),
              label(c),
              share.sharePath(),
              share.sequence(),
              layout.isPreview(share.sharePath().toString())));
    }
    if (planned.isEmpty()) {
      throw FlowException.badInput(
          "nothing to send: none of the "
              + components.size()
              + " components of the selection is in location '"
              + request.from()
              + "'; pick the location that holds the files");
    }
    int n = 0;
    for (String extra : request.additionalFiles()) {
      SharePath p = layout.toShare(extra);
      String key = "extra-" + n++;
      planned.put(
          key,
          new PlannedFile(
              key,
              Optional.empty(),
              Optional.empty(),
              String.join("/", p.components()),
              p,
              Optional.empty(),
              layout.isPreview(p.toString())));
    }
    return List.copyOf(planned.values());
  }

  /**
   * Runs the send.
   *
   * @param request what to send
   * @param progress told about each step
   * @return what moved where
   * @throws FlowException for bad input, unknown entities or a timeout
   */
  public TransferResult run(SendRequest request, FlowProgress progress) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(progress, "progress == null");
    Party from = layout.party(ftrack, request.from());
    Party to = layout.party(ftrack, request.to());
    Checks.requireParty(accsyn, from, request.from());
    Checks.requireParty(accsyn, to, request.to());
    Rights.requireTransfer(accsyn, layout, from, to);
    List<String> warnings = new ArrayList<>();
    List<PlannedFile> files = plan(request, warnings);
    warnings.forEach(progress::warning);
    progress.step(
        "Resolved "
            + files.size()
            + " components and files in "
            + request.from()
            + " ("
            + files.stream().mapToLong(PlannedFile::fileCount).sum()
            + " files)");
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("ftrack_server", ftrack.serverUrl());
    metadata.put("ftrack_source_location", request.from());
    metadata.put("ftrack_destination_location", request.to());
    request.requestKey().ifPresent(k -> metadata.put(DailyJobs.REQUEST_KEY, k));
    metadata.put(
        "ftrack_selection",
        request.selection().stream().map(s -> s.entityType() + ":" + s.entityId()).toList());
    return MirroredTransfer.run(
        accsyn,
        ftrack,
        layout,
        clock,
        new MirroredTransfer.Spec(
            "send",
            request.from(),
            request.to(),
            from,
            to,
            files,
            metadata,
            request.await(),
            request.timeout(),
            request.pollInterval(),
            Optional.of(request.to()),
            warnings,
            request.requestKey()),
        progress);
  }

  static String label(ComponentFiles c) {
    return c.assetName().orElse("?")
        + " v"
        + c.versionNumber().map(String::valueOf).orElse("?")
        + " "
        + c.component().name().orElse(c.component().id());
  }
}
