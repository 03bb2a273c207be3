package io.pipelinekit.paths;

/**
 * Why a path could not be parsed or mapped. Every failure carries one of these, so callers can
 * branch on the reason instead of parsing messages.
 *
 * <pre>{@code
 * MappingResult<OsPath> r = mapper.toOs("/storage/../etc/passwd", Target.of(Platform.WINDOWS));
 * if (r.failure().map(f -> f.kind() == FailureKind.ESCAPES_ROOT).orElse(false)) {
 *   throw new SecurityException(r.failure().get().message());
 * }
 * }</pre>
 */
public enum FailureKind {
  /** The path lies under no configured root. */
  NO_MATCH,
  /** A {@code ..} climbs out of the root the path started in. */
  ESCAPES_ROOT,
  /** A relative path where an absolute one is required. */
  RELATIVE,
  /** A Windows drive-relative path such as {@code S:shots\a.exr}: its meaning depends on state. */
  DRIVE_RELATIVE,
  /** A Windows root-relative path such as {@code \shots\a.exr}: its drive is unknown. */
  ROOT_RELATIVE,
  /** A Win32 device path ({@code \\.\...}), which is not a file on a storage root. */
  DEVICE_PATH,
  /** A name Windows would silently change: it ends with a dot or a space. */
  INVALID_WINDOWS_NAME,
  /** A Windows reserved device name such as {@code CON}, {@code AUX.exr}, {@code com1.txt}. */
  RESERVED_NAME,
  /** A character the target cannot store, such as {@code <>:"|?*} on Windows. */
  INVALID_CHAR,
  /** More than one share owns the same root; give a share hint to choose. */
  AMBIGUOUS,
  /** The share notation names a share the root table does not have. */
  UNKNOWN_SHARE,
  /** The share has no root for the requested platform and site. */
  NO_ROOT_FOR_TARGET,
  /** The text is not a well-formed path of the expected flavour. */
  MALFORMED,
  /**
   * The output is longer than the target can hold: a Windows path over 32,767 UTF-16 units, or a
   * Windows name over 255.
   */
  TOO_LONG,
  /**
   * A {@code .} or {@code ..} in a {@code \\?\} path. Windows takes such a path literally, so the
   * component is a name, not a step; no other notation can hold a name {@code ..}.
   */
  LITERAL_DOT_SEGMENT
}
