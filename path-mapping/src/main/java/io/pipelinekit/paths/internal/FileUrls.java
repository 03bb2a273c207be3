package io.pipelinekit.paths.internal;

import io.pipelinekit.paths.FailureKind;
import io.pipelinekit.paths.MappingResult;
import io.pipelinekit.paths.PathFlavour;
import io.pipelinekit.paths.PathRoot;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads {@code file:} URLs in the spellings DCCs and trackers produce: {@code file:///S:/a}, {@code
 * file://S:/a}, {@code file://localhost/S%3a/a}, {@code file://server/share/a} (UNC) and {@code
 * file:///mnt/a} (POSIX). Percent escapes are decoded as UTF-8, one name at a time: an escaped
 * separator ({@code %2F}, {@code %5C}) is part of a name, never a separator.
 */
final class FileUrls {
  private FileUrls() {}

  static boolean isFileUrl(String text) {
    return Text.regionMatchesAscii(text, 0, "file:");
  }

  static MappingResult<RawPath> parse(String url) {
    String rest = url.substring(5);
    String rawHost = "";
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      rawHost = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
      rest = slash < 0 ? "" : rest.substring(slash);
    }
    String host;
    String first;
    List<String> posixNames;
    try {
      host = percentDecode(rawHost);
      int second = rest.indexOf('/', 1);
      first =
          rest.startsWith("/")
              ? percentDecode(rest.substring(1, second < 0 ? rest.length() : second))
              : "";
      posixNames = decodedNames(rest, false);
    } catch (IllegalArgumentException e) {
      return MappingResult.failure(
          FailureKind.MALFORMED, url, "'" + shown(url) + "' has " + e.getMessage());
    }
    if (host.indexOf('\0') >= 0 || posixNames.stream().anyMatch(p -> p.indexOf('\0') >= 0)) {
      return nul(url);
    }
    if (host.indexOf('/') >= 0 || host.indexOf('\\') >= 0) {
      return escapedSeparator(url, "its host '" + host + "'");
    }
    if (host.length() == 9 && Text.regionMatchesAscii(host, 0, "localhost")) {
      host = "";
    }
    boolean trailing = rest.endsWith("/") || rest.endsWith("\\");
    if (isDrive(host)) {
      // file://S:/path: the drive sits where the host should be.
      return drive(url, host.charAt(0), rest, 0, trailing);
    }
    if (!host.isEmpty()) {
      return unc(url, host, rest, trailing);
    }
    if (isDrive(first)) {
      // file:///S:/path: the first name, right after the slash, is a drive.
      return drive(url, first.charAt(0), rest, 1, trailing);
    }
    if (!rest.startsWith("/")) {
      return MappingResult.failure(
          FailureKind.MALFORMED, url, "'" + shown(url) + "' is not an absolute file URL");
    }
    for (String p : posixNames) {
      if (p.indexOf('/') >= 0) {
        return escapedSeparator(url, "the name '" + p + "'");
      }
    }
    return MappingResult.success(
        new RawPath(
            PathFlavour.POSIX,
            PathRoot.POSIX,
            posixNames,
            !posixNames.isEmpty() && rest.endsWith("/")),
        List.of());
  }

  /** {@code file://server/share/...}: the first name is the share. */
  private static MappingResult<RawPath> unc(
      String url, String server, String rest, boolean trailing) {
    List<String> names = decodedNames(rest, true);
    if (names.isEmpty()) {
      return MappingResult.failure(
          FailureKind.MALFORMED,
          url,
          "'" + shown(url) + "' names a server but no share; write file://server/share/...");
    }
    MappingResult<RawPath> bad = checkWindowsNames(url, names);
    if (bad != null) {
      return bad;
    }
    List<String> below = names.subList(1, names.size());
    return MappingResult.success(
        new RawPath(
            PathFlavour.WINDOWS,
            new PathRoot.Unc(server, names.get(0)),
            below,
            !below.isEmpty() && trailing),
        List.of());
  }

  /** A drive-rooted URL; the first {@code skip} names are the drive itself. */
  private static MappingResult<RawPath> drive(
      String url, char letter, String rest, int skip, boolean trailing) {
    List<String> names = decodedNames(rest, true);
    names = names.subList(skip, names.size());
    MappingResult<RawPath> bad = checkWindowsNames(url, names);
    if (bad != null) {
      return bad;
    }
    return MappingResult.success(
        new RawPath(
            PathFlavour.WINDOWS, new PathRoot.Drive(letter), names, !names.isEmpty() && trailing),
        List.of());
  }

  /** The first problem with decoded Windows names, or null. */
  private static MappingResult<RawPath> checkWindowsNames(String url, List<String> names) {
    for (String n : names) {
      if (n.indexOf('/') >= 0 || n.indexOf('\\') >= 0) {
        return escapedSeparator(url, "the name '" + n + "'");
      }
    }
    return null;
  }

  /**
   * The non-empty names of a URL path, each decoded on its own. In Windows URLs a written {@code \}
   * separates too, as it does in Windows paths.
   */
  private static List<String> decodedNames(String rest, boolean backslashSeparates) {
    List<String> out = new ArrayList<>();
    int n = rest.length();
    int i = 0;
    while (i < n) {
      int end = i;
      while (end < n && !isSeparator(rest.charAt(end), backslashSeparates)) {
        end++;
      }
      if (end > i) {
        out.add(percentDecode(rest.substring(i, end)));
      }
      i = end + 1;
    }
    return Collections.unmodifiableList(out);
  }

  private static boolean isSeparator(char c, boolean backslashSeparates) {
    return c == '/' || (backslashSeparates && c == '\\');
  }

  private static MappingResult<RawPath> nul(String url) {
    return MappingResult.failure(
        FailureKind.INVALID_CHAR,
        url,
        "'" + shown(url) + "' decodes to a NUL character (%00), which no OS allows in a path");
  }

  private static MappingResult<RawPath> escapedSeparator(String url, String where) {
    return MappingResult.failure(
        FailureKind.INVALID_CHAR,
        url,
        "'"
            + shown(url)
            + "' has a percent-encoded separator (%2F or %5C) in "
            + where
            + "; an escaped separator is part of a name, and no name or server may hold one."
            + " Write the separator unescaped if it separates, or rename the file");
  }

  /** The URL as a message quotes it: NUL shown as \0, as every failure shows it. */
  private static String shown(String url) {
    return url.indexOf('\0') < 0 ? url : url.replace("\0", "\\0");
  }

  private static boolean isDrive(String s) {
    return s.length() == 2 && OsPathParser.isAsciiLetter(s.charAt(0)) && s.charAt(1) == ':';
  }

  /**
   * Decodes percent escapes. Each run of escapes must be UTF-8 on its own; every other character,
   * an unpaired surrogate included, is kept as it is.
   *
   * @throws IllegalArgumentException for a truncated or non-hex escape, or a run that is not UTF-8
   */
  static String percentDecode(String s) {
    int pct = s.indexOf('%');
    if (pct < 0) {
      return s;
    }
    int n = s.length();
    StringBuilder sb = new StringBuilder(n);
    sb.append(s, 0, pct);
    int i = pct;
    while (i < n) {
      char c = s.charAt(i);
      if (c != '%') {
        sb.append(c);
        i++;
        continue;
      }
      byte[] bytes = new byte[(n - i) / 3 + 1];
      int count = 0;
      while (i < n && s.charAt(i) == '%') {
        if (i + 2 >= n) {
          throw new IllegalArgumentException("a truncated percent escape '" + s.substring(i) + "'");
        }
        int hi = Text.hexDigit(s.charAt(i + 1));
        int lo = Text.hexDigit(s.charAt(i + 2));
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException(
              "a bad percent escape '" + s.substring(i, i + 3) + "'");
        }
        bytes[count++] = (byte) (hi * 16 + lo);
        i += 3;
      }
      try {
        sb.append(
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, count)));
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("percent escapes that are not UTF-8 text");
      }
    }
    return sb.toString();
  }
}
