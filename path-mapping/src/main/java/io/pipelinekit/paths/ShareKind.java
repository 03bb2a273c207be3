package io.pipelinekit.paths;

import io.pipelinekit.paths.internal.Text;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind prefix of accsyn share notation ({@code kind=code/path}).
 *
 * <pre>{@code
 * SharePath.parse("volume=storage/a.exr").kind();   // VOLUME
 * }</pre>
 */
public enum ShareKind {
  /** {@code share=}: relaxed, resolves to a volume, shared folder, home or collection. */
  SHARE,
  /** {@code volume=}: a volume (formerly "root share") by code or id. */
  VOLUME,
  /** {@code folder=}: a shared folder inside a volume. */
  FOLDER,
  /** {@code home=}: a user's home share. */
  HOME,
  /** {@code collection=}: a collection share. */
  COLLECTION;

  /**
   * The notation keyword.
   *
   * @return e.g. {@code "volume"}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Looks a kind up by keyword, ignoring case.
   *
   * @param key e.g. {@code "share"}
   * @return the kind, or empty
   */
  public static Optional<ShareKind> fromKey(String key) {
    for (ShareKind k : values()) {
      if (key.length() == k.key().length() && Text.regionMatchesAscii(key, 0, k.key())) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a share of kind {@code actual} in the root table may be named with this keyword. {@code
   * share=} accepts every kind; the others accept only themselves.
   *
   * @param actual the kind the table gives the share
   * @return true if the notation fits
   */
  public boolean accepts(ShareKind actual) {
    return this == SHARE || this == actual;
  }
}
