package io.pipelinekit.paths;

/**
 * How the components of a storage root are compared with the components of an input path.
 *
 * <p>Case-insensitive comparison mimics NTFS: each code point is upper-cased on its own with the
 * simple, locale-independent mapping, so the comparison never changes string lengths and never
 * depends on the JVM default locale ({@code i} and {@code İ} stay different, as on Windows). The
 * remainder of a mapped path always keeps its own case; only the root's canonical spelling is
 * replaced.
 *
 * <pre>{@code
 * Share.volume("storage").mac("/Volumes/storage", CasePolicy.SENSITIVE);
 * }</pre>
 */
public enum CasePolicy {
  /** Components must be equal code point for code point (after NFC normalisation). */
  SENSITIVE,
  /** Components are equal when their simple upper-case code points are equal. */
  INSENSITIVE
}
