package io.pipelinekit.flows;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.accsyn.transfers.Task;
import io.pipelinekit.accsyn.transfers.TaskSpec;
import io.pipelinekit.accsyn.transfers.TaskStatus;
import io.pipelinekit.accsyn.transfers.TransferOutcome;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.jobs.FeedbackJob;
import io.pipelinekit.ftrack.jobs.JobFeedback;
import io.pipelinekit.ftrack.publish.Publisher;
import io.pipelinekit.ftrack.publish.Registration;
import io.pipelinekit.paths.SharePath;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part Send and Publish-back share: planned files from one party to another with mirrored
 * paths, in the day's job, reported on an ftrack Job, and registered at the destination location
 * only for the files that really arrived, with the destination's own identifier.
 */
final class MirroredTransfer {
  private static final Logger LOG = LoggerFactory.getLogger(MirroredTransfer.class);

  private MirroredTransfer() {}

  record Spec(
      String flow,
      String fromName,
      String toName,
      Party from,
      Party to,
      List<PlannedFile> files,
      Map<String, Object> jobMetadata,
      boolean await,
      Duration timeout,
      Duration pollInterval,
      Optional<String> registerIn,
      List<String> warnings,
      Optional<String> requestKey) {}

  static TransferResult run(
      AccsynClient accsyn,
      FtrackSession ftrack,
      StudioLayout layout,
      Clock clock,
      Spec spec,
      FlowProgress progress) {
    if (!spec.to().canMirror()) {
      throw FlowException.badInput(
          "cannot mirror paths into '"
              + spec.toName()
              + "': the destination must be a site or a user's machine");
    }
    List<TaskSpec> tasks = new ArrayList<>();
    Map<String, List<String>> keysOfFile = new LinkedHashMap<>();
    for (PlannedFile f : spec.files()) {
      List<String> keys = new ArrayList<>();
      int i = 0;
      for (SharePath p : f.taskPaths()) {
        String key = f.key() + "#" + i++;
        keys.add(key);
        TaskSpec.Builder t =
            TaskSpec.builder()
                .source(AccsynPath.of(p).withParty(spec.from()))
                .destination(AccsynPath.mirror(spec.to()))
                .putMetadata(DailyJobs.TASK_KEY, key);
        spec.requestKey().ifPresent(k -> t.putMetadata(DailyJobs.REQUEST_KEY, k));
        f.componentId().ifPresent(c -> t.putMetadata("ftrack_component_id", c));
        f.versionId().ifPresent(v -> t.putMetadata("ftrack_version_id", v));
        if (f.preview()) {
          t.priority(999); // previews first, as the review script did
        }
        tasks.add(t.build());
      }
      keysOfFile.put(f.key(), keys);
    }
    long fileCount = spec.files().stream().mapToLong(PlannedFile::fileCount).sum();
    String label = spec.flow() + " " + spec.fromName() + " > " + spec.toName();
    DailyJobs jobs = DailyJobs.of(accsyn, clock);

    Optional<FeedbackJob> feedback =
        Checks.apiUser(ftrack)
            .map(u -> JobFeedback.of(ftrack).start(u, label + ": " + fileCount + " files"));
    try {
      DailyJobs.Submission s =
          jobs.submit(
              jobs.name(spec.fromName(), spec.toName(), spec.flow()),
              true,
              spec.jobMetadata(),
              tasks,
              spec.requestKey());
      if (s.resumed()) {
        progress.step(
            "This request's "
                + s.taskCount()
                + " tasks are already in accsyn job "
                + s.jobId()
                + " '"
                + s.jobName()
                + "'; not submitting them again");
      } else {
        progress.step(
            (s.appended() ? "Appended " : "Submitted ")
                + tasks.size()
                + " tasks ("
                + fileCount
                + " files) to accsyn job "
                + s.jobId()
                + " '"
                + s.jobName()
                + "'");
      }
      if (!spec.await()) {
        feedback.ifPresent(
            j ->
                j.done(
                    "Submitted accsyn job "
                        + s.jobId()
                        + "; files are registered in "
                        + spec.toName()
                        + " when a run with --wait sees them arrive"));
        List<FileOutcome> out = new ArrayList<>();
        for (PlannedFile f : spec.files()) {
          out.add(outcome(f, spec, false, Optional.empty()));
        }
        return result(spec, s, TransferResult.Status.SUBMITTED, out);
      }
      TransferOutcome o =
          jobs.await(
              s,
              label,
              spec.timeout(),
              spec.pollInterval(),
              new FlowProgress() {
                @Override
                public void transfer(String l, io.pipelinekit.accsyn.transfers.Transfer t) {
                  progress.transfer(l, t);
                  feedback.ifPresent(
                      j ->
                          j.update(
                              label + ": " + t.status().wire(), t.percent().orElse(0) / 100.0));
                }
              });
      Map<String, TaskStatus> byKey = new HashMap<>();
      for (Task t : DailyJobs.ours(o, new LinkedHashSet<>(allKeys(keysOfFile)))) {
        DailyJobs.key(t).ifPresent(k -> byKey.put(k, t.status()));
      }
      Registration.Builder reg = spec.registerIn().map(Registration::in).orElse(null);
      Map<String, String> identifiers = new LinkedHashMap<>();
      Set<String> arrivedKeys = new LinkedHashSet<>();
      for (PlannedFile f : spec.files()) {
        boolean arrived =
            keysOfFile.get(f.key()).stream().allMatch(k -> byKey.get(k) == TaskStatus.DONE);
        if (arrived) {
          arrivedKeys.add(f.key());
          if (reg != null && f.componentId().isPresent()) {
            String id = layout.identifier(f.path());
            reg.add(f.componentId().get(), id);
            identifiers.put(f.key(), id);
          }
        }
      }
      if (reg != null && !identifiers.isEmpty()) {
        Publisher.of(ftrack).register(reg.build());
        progress.step(
            "Registered "
                + identifiers.size()
                + (identifiers.size() == 1 ? " component" : " components")
                + " in ftrack location "
                + spec.toName());
      }
      List<FileOutcome> out = new ArrayList<>();
      for (PlannedFile f : spec.files()) {
        out.add(
            outcome(
                f,
                spec,
                arrivedKeys.contains(f.key()),
                Optional.ofNullable(identifiers.get(f.key()))));
      }
      TransferResult.Status status =
          arrivedKeys.size() == spec.files().size()
              ? TransferResult.Status.DONE
              : arrivedKeys.isEmpty()
                  ? TransferResult.Status.FAILED
                  : TransferResult.Status.PARTIAL;
      TransferResult r = result(spec, s, status, out);
      String summary =
          r.filesArrived()
              + " of "
              + fileCount
              + " files arrived in "
              + spec.toName()
              + " (accsyn job "
              + s.jobId()
              + " "
              + o.status().wire()
              + "), "
              + r.registered()
              + (r.registered() == 1 ? " component registered" : " components registered");
      feedback.ifPresent(j -> finish(j, status, summary));
      progress.step(summary);
      return r;
    } catch (RuntimeException e) {
      // The caller gets the first real cause; a failure to mark the Job is only attached to it.
      feedback.ifPresent(
          j -> {
            try {
              if (j.finalStatus().isEmpty()) {
                j.fail(label + " failed: " + e.getMessage());
              }
            } catch (RuntimeException cleanup) {
              e.addSuppressed(cleanup);
            }
          });
      throw e;
    } finally {
      feedback.ifPresent(MirroredTransfer::closeQuietly);
    }
  }

  private static void closeQuietly(FeedbackJob j) {
    try {
      j.close();
    } catch (RuntimeException e) {
      LOG.warn("could not close the ftrack Job of a transfer", e);
    }
  }

  private static void finish(FeedbackJob j, TransferResult.Status status, String summary) {
    if (status == TransferResult.Status.DONE) {
      j.done(summary);
    } else {
      j.fail(summary);
    }
  }

  private static List<String> allKeys(Map<String, List<String>> keysOfFile) {
    List<String> all = new ArrayList<>();
    keysOfFile.values().forEach(all::addAll);
    return all;
  }

  private static FileOutcome outcome(
      PlannedFile f, Spec spec, boolean arrived, Optional<String> registeredAs) {
    String src = AccsynPath.of(f.path()).withParty(spec.from()).toString();
    String dst = spec.to() + ":" + f.path();
    return new FileOutcome(
        f.label(), f.componentId(), src, dst, f.fileCount(), arrived, registeredAs);
  }

  private static TransferResult result(
      Spec spec, DailyJobs.Submission s, TransferResult.Status status, List<FileOutcome> out) {
    return new TransferResult(
        spec.flow(),
        s.jobId(),
        s.jobName(),
        s.appended(),
        status,
        spec.fromName(),
        spec.toName(),
        out,
        spec.warnings());
  }
}
