package io.pipelinekit.ftrack;

/**
 * {@code one()} found no entity or more than one, or a lookup found nothing. The message holds the
 * query.
 */
public class FtrackResultCountException extends FtrackException {
  private static final long serialVersionUID = 1L;

  private final int count;

  /**
   * Creates the exception.
   *
   * @param message what was looked for
   * @param count how many entities were found (at most 2 is reported for {@code one()})
   */
  public FtrackResultCountException(String message, int count) {
    super(message);
    this.count = count;
  }

  /**
   * How many entities were found.
   *
   * @return 0, or 2 for "more than one"
   */
  public int count() {
    return count;
  }
}
