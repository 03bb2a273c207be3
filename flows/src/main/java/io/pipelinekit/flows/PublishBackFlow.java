package io.pipelinekit.flows;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.publish.Publication;
import io.pipelinekit.ftrack.publish.PublishRequest;
import io.pipelinekit.ftrack.publish.Publisher;
import io.pipelinekit.paths.SharePath;
import io.pipelinekit.paths.sequence.FileSequence;
import io.pipelinekit.paths.sequence.FrameSet;
import io.pipelinekit.paths.sequence.SequencePattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Publish-back: a remote employee or vendor publishes a new version whose components are files in
 * their local mirror of the studio volume, and sends them back to the studio with mirrored paths;
 * once they have arrived they are registered in the studio location with the same share-relative
 * identifiers.
 *
 * <p>Runs as the remote user (their accsyn API key). Before anything is published or sent it checks
 * that every file exists locally (frames of a sequence are found on disk) and that the user may
 * write every destination path (a vendor usually only into the upload folder setup gave them). The
 * transfer is the day's sync job for the pair, one task per run of frames (not one per frame),
 * submitted synchronously as part of the publish (not through an event round trip), with the ftrack
 * ids in the task metadata.
 *
 * <pre>{@code
 * TransferResult r = PublishBackFlow.of(vendorAccsyn, ftrack, layout).run(request, progress);
 * }</pre>
 */
public final class PublishBackFlow {
  private final AccsynClient accsyn;
  private final FtrackSession ftrack;
  private final StudioLayout layout;
  private final Clock clock;

  private PublishBackFlow(
      AccsynClient accsyn, FtrackSession ftrack, StudioLayout layout, Clock clock) {
    this.accsyn = accsyn;
    this.ftrack = ftrack;
    this.layout = layout;
    this.clock = clock;
  }

  /**
   * A publish-back flow.
   *
   * @param accsyn the remote user's accsyn client
   * @param ftrack the ftrack session
   * @param layout the studio layout
   * @return the flow
   */
  public static PublishBackFlow of(AccsynClient accsyn, FtrackSession ftrack, StudioLayout layout) {
    return of(accsyn, ftrack, layout, Clock.systemUTC());
  }

  /**
   * A publish-back flow with a clock.
   *
   * @param accsyn the remote user's accsyn client
   * @param ftrack the ftrack session
   * @param layout the studio layout
   * @param clock the clock (the day's job name)
   * @return the flow
   */
  public static PublishBackFlow of(
      AccsynClient accsyn, FtrackSession ftrack, StudioLayout layout, Clock clock) {
    return new PublishBackFlow(
        Objects.requireNonNull(accsyn, "accsyn == null"),
        Objects.requireNonNull(ftrack, "ftrack == null"),
        Objects.requireNonNull(layout, "layout == null"),
        Objects.requireNonNull(clock, "clock == null"));
  }

  /**
   * Publishes and sends back.
   *
   * @param request what to publish
   * @param progress told about each step
   * @return what moved where and what was registered at the studio
   * @throws FlowException for bad input (missing files, no write access), or a timeout
   */
  public TransferResult run(PublishBackRequest request, FlowProgress progress) {
    Party remote = layout.party(ftrack, request.remoteLocation());
    if (remote.kind() != Party.Kind.USER
        || !remote.value().orElse("").equalsIgnoreCase(accsyn.username())) {
      throw FlowException.badInput(
          "publish-back runs as the remote user: location '"
              + request.remoteLocation()
              + "' must be the e-mail of the accsyn API user ("
              + accsyn.username()
              + ")");
    }
    Party studio = layout.party(ftrack, request.to());
    Checks.requireParty(accsyn, studio, request.to());
    Rights.requireTransfer(accsyn, layout, remote, studio);

    // 1. Every file exists locally; sequences get their frames from the disk.
    List<Local> locals = new ArrayList<>();
    for (PublishBackRequest.File f : request.files()) {
      locals.add(local(request.localRoot(), f));
    }
    // 2. The user may write every destination path.
    WriteAccess access = WriteAccess.of(accsyn, layout.volume());
    for (Local l : locals) {
      String dir = parent(l.file().path());
      if (!access.canWrite(dir)) {
        throw FlowException.permissionDenied(
            Rights.who(accsyn),
            "write access to share=" + layout.volume() + "/" + dir,
            "publishing back into that folder",
            "publish below a folder you may write ("
                + (access.writable().isEmpty()
                    ? "you may write none"
                    : "writable: " + access.writable())
                + "), or ask an accsyn admin or employee to grant it (setup grants vendors"
                + " write on the project's upload folder)");
      }
    }
    progress.step(
        "Checked " + locals.size() + " components in " + request.localRoot() + " and write access");

    // 3. The version, registered in the remote location with share-relative identifiers.
    PublishRequest.Builder pub =
        PublishRequest.builder()
            .context(request.context())
            .assetName(request.assetName())
            .assetType(request.assetType())
            .location(request.remoteLocation());
    request.comment().ifPresent(pub::comment);
    for (Local l : locals) {
      if (l.sequence().isPresent()) {
        pub.sequence(l.file().name(), l.sequence().get(), l.bytes());
      } else {
        pub.file(l.file().name(), l.file().path(), l.bytes());
      }
    }
    Publication published = Publisher.of(ftrack).publish(pub.build());
    progress.step(
        "Published "
            + request.assetName()
            + " v"
            + published.versionNumber()
            + " in ftrack location "
            + request.remoteLocation());

    // 4. Sent back with mirrored paths, registered at the studio once arrived.
    List<PlannedFile> files = new ArrayList<>();
    for (Local l : locals) {
      String componentId = published.component(l.file().name()).id();
      SharePath path = SharePath.share(layout.volume(), l.file().path().split("/"));
      files.add(
          new PlannedFile(
              componentId,
              Optional.of(componentId),
              Optional.of(published.version().id()),
              request.assetName() + " v" + published.versionNumber() + " " + l.file().name(),
              path,
              l.sequence(),
              layout.isPreview(l.file().path())));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("ftrack_server", ftrack.serverUrl());
    metadata.put("ftrack_source_location", request.remoteLocation());
    metadata.put("ftrack_destination_location", request.to());
    metadata.put("ftrack_version_id", published.version().id());
    return MirroredTransfer.run(
        accsyn,
        ftrack,
        layout,
        clock,
        new MirroredTransfer.Spec(
            "publish-back",
            request.remoteLocation(),
            request.to(),
            remote,
            studio,
            files,
            metadata,
            request.await(),
            request.timeout(),
            request.pollInterval(),
            Optional.of(request.to()),
            List.of(),
            Optional.empty()),
        progress);
  }

  private record Local(PublishBackRequest.File file, Optional<FileSequence> sequence, long bytes) {}

  private static Local local(Path root, PublishBackRequest.File f) {
    Path p = root;
    for (String part : f.path().split("/")) {
      if (!part.isEmpty()) {
        p = p.resolve(part);
      }
    }
    String name = p.getFileName().toString();
    if (!name.contains("%") && !name.contains("#")) {
      if (!Files.isRegularFile(p)) {
        throw FlowException.badInput(
            "file " + p + " does not exist; publish files that are in your mirror " + root);
      }
      return new Local(f, Optional.empty(), size(p));
    }
    SequencePattern pattern = SequencePattern.parse(name);
    Path dir = p.getParent();
    List<Integer> frames = new ArrayList<>();
    long bytes = 0;
    if (dir != null && Files.isDirectory(dir)) {
      try (Stream<Path> list = Files.list(dir)) {
        for (Path c : (Iterable<Path>) list::iterator) {
          OptionalInt frame = pattern.frameOf(c.getFileName().toString());
          if (frame.isPresent() && Files.isRegularFile(c)) {
            frames.add(frame.getAsInt());
            bytes = Math.max(bytes, size(c));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
    if (frames.isEmpty()) {
      throw FlowException.badInput(
          "no frames of " + name + " in " + dir + "; render them before publishing");
    }
    FileSequence seq =
        FileSequence.of(
            SequencePattern.parse(f.path()),
            FrameSet.fromFrames(frames.stream().mapToInt(Integer::intValue).sorted()));
    return new Local(f, Optional.of(seq), bytes);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
