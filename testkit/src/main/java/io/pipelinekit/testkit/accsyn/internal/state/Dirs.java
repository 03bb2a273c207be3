package io.pipelinekit.testkit.accsyn.internal.state;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where things live on the local disk. Each site has a directory (its storage, where each volume is
 * a sub-directory named after the volume code); each user app has a directory that acts as that
 * machine's file-system root, so {@code C:\jobs\a.exr} on a Windows app is {@code <app
 * dir>/C/jobs/a.exr} and {@code /Users/vic/x} on a Mac is {@code <app dir>/Users/vic/x}.
 */
public final class Dirs {
  private Dirs() {}

  /** A site's directory. */
  public static Path siteDir(Store store, Entity site) {
    return store.root().resolve("sites").resolve(safe(site.code()));
  }

  /** A volume's directory at a site. */
  public static Path volumeDir(Store store, Entity site, Entity volume) {
    return siteDir(store, site).resolve(safe(volume.code()));
  }

  /** An app's (or user server's) root directory. */
  public static Path clientDir(Store store, Entity user, Entity client) {
    return store.root().resolve("users").resolve(safe(user.code())).resolve(safe(client.code()));
  }

  /** Splits a path into components on / and \, dropping empty and "." parts, refusing "..". */
  public static List<String> components(String path) {
    List<String> out = new ArrayList<>();
    for (String part : path.split("[/\\\\]")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw AccsynError.invalid("Path '" + path + "' must not contain '..'!");
      }
      out.add(part);
    }
    return out;
  }

  /** Resolves share-relative components beneath a directory. */
  public static Path under(Path dir, String relative) {
    Path p = dir;
    for (String c : components(relative)) {
      p = p.resolve(c);
    }
    return p;
  }

  /**
   * Turns an absolute local path of a machine into a directory below that machine's root: {@code
   * C:\a} becomes {@code C/a}, {@code \\srv\share\a} becomes {@code srv/share/a}, {@code /a/b}
   * becomes {@code a/b}.
   */
  public static Path local(Path machineRoot, String absolute) {
    String p = absolute;
    if (p.length() >= 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':') {
      p = p.charAt(0) + "/" + p.substring(2);
    }
    return under(machineRoot, p);
  }

  /** Whether a path is absolute for some OS: {@code /x}, {@code \x}, {@code C:}, UNC. */
  public static boolean isAbsolute(String path) {
    return path.startsWith("/")
        || path.startsWith("\\")
        || (path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':');
  }

  /** Lowercases for case-insensitive comparison, folding \ to /. */
  public static String fold(String path) {
    return path.replace('\\', '/').toLowerCase(Locale.ROOT);
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9@._+-]", "_");
  }
}
