package io.pipelinekit.paths;

import java.util.Objects;

/**
 * The root of an operating-system path: POSIX {@code /}, a Windows drive, a UNC share, or none for
 * a relative path.
 *
 * <p>Long Win32 forms ({@code \\?\S:\}, {@code \\?\UNC\srv\share\}) parse to the same roots as
 * their plain forms.
 *
 * <pre>{@code
 * PathRoot root = OsPath.parse("\\\\fs01\\storage\\a.exr", PathFlavour.WINDOWS).root();
 * if (root instanceof PathRoot.Unc unc) {
 *   unc.server();  // "fs01"
 * }
 * }</pre>
 */
public sealed interface PathRoot {

  /** The POSIX root {@code /}. */
  record Posix() implements PathRoot {}

  /**
   * A Windows drive root such as {@code S:\}.
   *
   * @param letter the drive letter, always upper case
   */
  record Drive(char letter) implements PathRoot {
    /** Validates and upper-cases the letter. */
    public Drive {
      if (!((letter >= 'A' && letter <= 'Z') || (letter >= 'a' && letter <= 'z'))) {
        throw new IllegalArgumentException("drive letter must be A-Z, got '" + letter + "'");
      }
      letter = Character.toUpperCase(letter);
    }
  }

  /**
   * A UNC root {@code \\server\share}.
   *
   * @param server the server name or address, as written
   * @param share the share name, as written
   */
  record Unc(String server, String share) implements PathRoot {
    /** Validates that both parts are present and hold no separator. */
    public Unc {
      Objects.requireNonNull(server, "server == null");
      Objects.requireNonNull(share, "share == null");
      if (server.isEmpty() || share.isEmpty()) {
        throw new IllegalArgumentException("a UNC root needs both \\\\server and \\share");
      }
      if ((server + share).chars().anyMatch(c -> c == '\\' || c == '/')) {
        throw new IllegalArgumentException(
            "UNC server '" + server + "' and share '" + share + "' must not contain separators");
      }
    }
  }

  /** No root: the path is relative. */
  record Relative() implements PathRoot {}

  /** The POSIX root, shared. */
  PathRoot POSIX = new Posix();

  /** The relative "root", shared. */
  PathRoot RELATIVE = new Relative();

  /**
   * Whether this root makes a path absolute.
   *
   * @return false only for {@link Relative}
   */
  default boolean isAbsolute() {
    return !(this instanceof Relative);
  }
}
