package io.pipelinekit.paths.internal;

import io.pipelinekit.paths.FailureKind;
import io.pipelinekit.paths.MappingResult;
import io.pipelinekit.paths.PathFlavour;
import io.pipelinekit.paths.PathRoot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parses operating-system path text of a known flavour into a {@link RawPath}. Never uses {@code
 * java.nio.file}, whose answers depend on the host OS.
 */
public final class OsPathParser {
  private OsPathParser() {}

  /** Parses {@code text} as a path of {@code flavour}; {@code file:} URLs are accepted too. */
  public static MappingResult<RawPath> parse(String text, PathFlavour flavour) {
    if (text.isEmpty()) {
      return MappingResult.failure(
          FailureKind.MALFORMED, text, "the path is empty; give an absolute path or share path");
    }
    if (text.indexOf('\0') >= 0) {
      return MappingResult.failure(
          FailureKind.INVALID_CHAR,
          text,
          "'"
              + text.replace("\0", "\\0")
              + "' contains a NUL character (shown as \\0), which no OS allows");
    }
    if (FileUrls.isFileUrl(text)) {
      return FileUrls.parse(text);
    }
    return flavour == PathFlavour.WINDOWS ? parseWindows(text) : parsePosix(text);
  }

  private static MappingResult<RawPath> parsePosix(String text) {
    boolean absolute = text.charAt(0) == '/';
    List<String> parts = split(text, 0, PathFlavour.POSIX);
    boolean trailing = !parts.isEmpty() && text.charAt(text.length() - 1) == '/';
    return ok(
        new RawPath(
            PathFlavour.POSIX, absolute ? PathRoot.POSIX : PathRoot.RELATIVE, parts, trailing),
        text);
  }

  private static MappingResult<RawPath> parseWindows(String text) {
    int n = text.length();
    boolean sep0 = isWinSep(text.charAt(0));
    if (sep0 && n > 1 && isWinSep(text.charAt(1))) {
      return parseDoubleSeparator(text);
    }
    if (sep0) {
      return MappingResult.failure(
          FailureKind.ROOT_RELATIVE,
          text,
          "'"
              + text
              + "' is relative to the current drive, which is unknown here;"
              + " write it with a drive letter (S:\\...) or as a UNC path");
    }
    if (n >= 2 && text.charAt(1) == ':' && isAsciiLetter(text.charAt(0))) {
      if (n == 2 || !isWinSep(text.charAt(2))) {
        return MappingResult.failure(
            FailureKind.DRIVE_RELATIVE,
            text,
            "'"
                + text
                + "' is relative to the current directory of drive "
                + text.substring(0, 2)
                + ", which is unknown here; write "
                + text.substring(0, 2)
                + "\\ followed by the full path");
      }
      return driveResult(text, text.charAt(0), 2, PathFlavour.WINDOWS);
    }
    List<String> parts = split(text, 0, PathFlavour.WINDOWS);
    return ok(new RawPath(PathFlavour.WINDOWS, PathRoot.RELATIVE, parts, endsWithSep(text)), text);
  }

  /** {@code \\server\share}, {@code \\?\...} long forms and {@code \\.\} device paths. */
  private static MappingResult<RawPath> parseDoubleSeparator(String text) {
    int n = text.length();
    if (n >= 4 && (text.charAt(2) == '.' || text.charAt(2) == '?') && isWinSep(text.charAt(3))) {
      if (text.charAt(2) == '.') {
        return MappingResult.failure(
            FailureKind.DEVICE_PATH,
            text,
            "'" + text + "' is a Win32 device path (\\\\.\\), not a file on a storage root");
      }
      return parseLongForm(text);
    }
    // \\server\share\rest
    int serverEnd = nextSep(text, 2);
    if (serverEnd == 2) {
      return MappingResult.failure(
          FailureKind.MALFORMED, text, "'" + text + "' has an empty UNC server name");
    }
    String server = text.substring(2, serverEnd);
    if (serverEnd >= n) {
      return serverOnly(text);
    }
    int shareEnd = nextSep(text, serverEnd + 1);
    String share = text.substring(serverEnd + 1, shareEnd);
    if (share.isEmpty()) {
      return serverOnly(text);
    }
    List<String> parts = split(text, shareEnd, PathFlavour.WINDOWS);
    return ok(
        new RawPath(
            PathFlavour.WINDOWS,
            new PathRoot.Unc(server, share),
            parts,
            !parts.isEmpty() && endsWithSep(text)),
        text);
  }

  private static MappingResult<RawPath> serverOnly(String text) {
    return MappingResult.failure(
        FailureKind.MALFORMED,
        text,
        "'"
            + text
            + "' names a server but no share; a UNC root needs both, as in \\\\server\\share");
  }

  /** {@code \\?\S:\...} and {@code \\?\UNC\server\share\...}: only {@code \} separates. */
  private static MappingResult<RawPath> parseLongForm(String text) {
    String rest = text.substring(4);
    if (rest.indexOf('/') >= 0) {
      return MappingResult.failure(
          FailureKind.MALFORMED,
          text,
          "'"
              + text
              + "' contains '/', which a \\\\?\\ path takes literally and no Windows name can"
              + " hold; write it with '\\' separators");
    }
    if (rest.length() >= 2 && rest.charAt(1) == ':' && isAsciiLetter(rest.charAt(0))) {
      if (rest.length() > 2 && rest.charAt(2) != '\\') {
        return MappingResult.failure(
            FailureKind.MALFORMED, text, "'" + text + "' has no separator after the drive letter");
      }
      List<String> parts = splitBackslashOnly(rest, 2);
      return literal(
          text, new PathRoot.Drive(rest.charAt(0)), parts, !parts.isEmpty() && rest.endsWith("\\"));
    }
    if (rest.length() > 4 && Text.regionMatchesAscii(rest, 0, "UNC\\")) {
      List<String> parts = splitBackslashOnly(rest, 4);
      if (parts.size() < 2) {
        return serverOnly(text);
      }
      return literal(
          text,
          new PathRoot.Unc(parts.get(0), parts.get(1)),
          parts.subList(2, parts.size()),
          parts.size() > 2 && rest.endsWith("\\"));
    }
    return MappingResult.failure(
        FailureKind.DEVICE_PATH,
        text,
        "'" + text + "' is a \\\\?\\ path that names neither a drive nor a UNC share");
  }

  /**
   * A {@code \\?\} path: Windows passes its names to the file system as written, so {@code .} and
   * {@code ..} are names (which nothing else can hold) and trailing dots and spaces stay.
   */
  private static MappingResult<RawPath> literal(
      String text, PathRoot root, List<String> names, boolean trailing) {
    boolean keepsTrailing = false;
    for (String name : names) {
      if (name.equals(".") || name.equals("..")) {
        return MappingResult.failure(
            FailureKind.LITERAL_DOT_SEGMENT,
            text,
            "'"
                + text
                + "' is a \\\\?\\ path, which Windows takes literally, so its '"
                + name
                + "' is a name and not a step; no share or POSIX path can hold that name."
                + " Drop the \\\\?\\ prefix to let '"
                + name
                + "' step, or write the path without it");
      }
      char last = name.charAt(name.length() - 1);
      keepsTrailing |= last == '.' || last == ' ';
    }
    return ok(new RawPath(PathFlavour.WINDOWS, root, names, trailing, keepsTrailing), text);
  }

  /** Builds a drive-rooted result from the components after {@code start}. */
  static MappingResult<RawPath> driveResult(
      String text, char letter, int start, PathFlavour flavour) {
    List<String> parts = split(text, start, flavour);
    return ok(
        new RawPath(
            PathFlavour.WINDOWS,
            new PathRoot.Drive(letter),
            parts,
            !parts.isEmpty() && endsWithSep(text)),
        text);
  }

  private static MappingResult<RawPath> ok(RawPath path, String text) {
    return MappingResult.success(path, List.of());
  }

  /** Splits on the flavour's separators from {@code start}, dropping empty components. */
  public static List<String> split(String text, int start, PathFlavour flavour) {
    List<String> parts = new ArrayList<>(12);
    int n = text.length();
    int i = start;
    while (i < n) {
      while (i < n && flavour.isSeparator(text.charAt(i))) {
        i++;
      }
      int begin = i;
      while (i < n && !flavour.isSeparator(text.charAt(i))) {
        i++;
      }
      if (i > begin) {
        parts.add(text.substring(begin, i));
      }
    }
    return Collections.unmodifiableList(parts);
  }

  private static List<String> splitBackslashOnly(String text, int start) {
    List<String> parts = new ArrayList<>();
    int i = start;
    int n = text.length();
    while (i < n) {
      int next = text.indexOf('\\', i);
      if (next < 0) {
        next = n;
      }
      if (next > i) {
        parts.add(text.substring(i, next));
      }
      i = next + 1;
    }
    return Collections.unmodifiableList(parts);
  }

  private static int nextSep(String text, int from) {
    int i = from;
    while (i < text.length() && !isWinSep(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean endsWithSep(String text) {
    return isWinSep(text.charAt(text.length() - 1));
  }

  static boolean isWinSep(char c) {
    return c == '\\' || c == '/';
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
