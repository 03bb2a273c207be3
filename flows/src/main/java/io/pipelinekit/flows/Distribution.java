package io.pipelinekit.flows;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a review distribution: what was sent, to whom, and how each participant's transfer
 * or delivery ended.
 *
 * @param reviewSessionId the ftrack review session
 * @param reviewSessionName its name
 * @param mode on-prem or cloud
 * @param directory the directory under each participant's download folder
 * @param files the previews and sequences
 * @param upload cloud mode: the upload into the intermediate folder
 * @param recipients one entry per participant
 * @param warnings what was skipped and why
 */
public record Distribution(
    String reviewSessionId,
    String reviewSessionName,
    ReviewRequest.Mode mode,
    String directory,
    List<PlannedFile> files,
    Optional<TransferResult> upload,
    List<Recipient> recipients,
    List<String> warnings) {

  /** Copies the lists. */
  public Distribution {
    Objects.requireNonNull(reviewSessionId, "reviewSessionId == null");
    files = List.copyOf(files);
    recipients = List.copyOf(recipients);
    warnings = List.copyOf(warnings);
  }

  /**
   * One participant's share of a distribution.
   *
   * @param email the participant
   * @param offers the accsyn deliveries offered to them, each with the directory to download it
   *     into (below their download folder)
   * @param status {@code SUBMITTED} once offered; participants download with their accsyn app
   */
  public record Recipient(String email, List<Offer> offers, TransferResult.Status status) {
    /** Copies the list. */
    public Recipient {
      offers = List.copyOf(offers);
    }
  }

  /**
   * One accsyn delivery and where its files belong.
   *
   * @param deliveryId the delivery
   * @param directory the directory below the participant's download folder
   */
  public record Offer(String deliveryId, String directory) {}

  /**
   * Whether every participant got (or was offered) every file.
   *
   * @return true when nothing failed
   */
  public boolean succeeded() {
    return upload.map(TransferResult::succeeded).orElse(true)
        && recipients.stream()
            .allMatch(
                r ->
                    r.status() == TransferResult.Status.DONE
                        || r.status() == TransferResult.Status.SUBMITTED);
  }
}
