package io.pipelinekit.paths.internal;

import io.pipelinekit.paths.FailureKind;
import io.pipelinekit.paths.MappingResult;
import io.pipelinekit.paths.PathFlavour;
import io.pipelinekit.paths.PathRoot;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads {@code file:} URLs in the spellings DCCs and trackers produce: {@code file:///S:/a}, {@code
 * file://S:/a}, {@code file://localhost/S%3a/a}, {@code file://server/share/a} (UNC) and {@code
 * file:///mnt/a} (POSIX). Percent escapes are decoded as UTF-8.
 */
final class FileUrls {
  private FileUrls() {}

  static boolean isFileUrl(String text) {
    return Text.regionMatchesAscii(text, 0, "file:");
  }

  static MappingResult<RawPath> parse(String url) {
    String rest = url.substring(5);
    String host = "";
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      host = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
      rest = slash < 0 ? "" : rest.substring(slash);
    }
    String path;
    try {
      path = percentDecode(rest);
      host = percentDecode(host);
    } catch (IllegalArgumentException e) {
      return MappingResult.failure(
          FailureKind.MALFORMED, url, "'" + url + "' has " + e.getMessage());
    }
    if (path.indexOf('\0') >= 0 || host.indexOf('\0') >= 0) {
      return MappingResult.failure(
          FailureKind.INVALID_CHAR,
          url,
          "'" + url + "' decodes to a NUL character (%00), which no OS allows in a path");
    }
    if (host.length() == 9 && Text.regionMatchesAscii(host, 0, "localhost")) {
      host = "";
    }
    if (!host.isEmpty() && isDrive(host, 0)) {
      // file://S:/path: the drive sits where the host should be.
      return OsPathParser.driveResult(host + path, host.charAt(0), 2, PathFlavour.WINDOWS);
    }
    if (!host.isEmpty()) {
      List<String> parts = OsPathParser.split(path, 0, PathFlavour.POSIX);
      if (parts.isEmpty()) {
        return MappingResult.failure(
            FailureKind.MALFORMED,
            url,
            "'" + url + "' names a server but no share; write file://server/share/...");
      }
      return MappingResult.success(
          new RawPath(
              PathFlavour.WINDOWS,
              new PathRoot.Unc(host, parts.get(0)),
              parts.subList(1, parts.size()),
              parts.size() > 1 && path.endsWith("/")),
          List.of());
    }
    if (path.length() >= 3 && path.charAt(0) == '/' && isDrive(path, 1)) {
      return OsPathParser.driveResult(path, path.charAt(1), 3, PathFlavour.WINDOWS);
    }
    if (!path.startsWith("/")) {
      return MappingResult.failure(
          FailureKind.MALFORMED, url, "'" + url + "' is not an absolute file URL");
    }
    List<String> parts = OsPathParser.split(path, 0, PathFlavour.POSIX);
    return MappingResult.success(
        new RawPath(
            PathFlavour.POSIX, PathRoot.POSIX, parts, !parts.isEmpty() && path.endsWith("/")),
        List.of());
  }

  private static boolean isDrive(String s, int at) {
    return s.length() >= at + 2
        && OsPathParser.isAsciiLetter(s.charAt(at))
        && s.charAt(at + 1) == ':'
        && (s.length() == at + 2 || s.charAt(at + 2) == '/');
  }

  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          throw new IllegalArgumentException("a truncated percent escape '" + s.substring(i) + "'");
        }
        int hi = Text.hexDigit(s.charAt(i + 1));
        int lo = Text.hexDigit(s.charAt(i + 2));
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException(
              "a bad percent escape '" + s.substring(i, i + 3) + "'");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(bytes, 0, bytes.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("percent escapes that are not UTF-8 text");
    }
  }
}
