package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.AccsynConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings accsyn's Python client reads from the environment and {@code .env} files (see
 * docs/protocol/accsyn-v3.md, "Configuration"), resolved the same way, with errors that name the
 * variable and the fix.
 */
public final class EnvSettings {
  /** Workspace variables in precedence order. */
  public static final List<String> WORKSPACE_VARS =
      List.of("ACCSYN_WORKSPACE", "ACCSYN_DOMAIN", "ACCSYN_ORG");

  private final Map<String, String> env;
  private final String source;

  private EnvSettings(Map<String, String> env, String source) {
    this.env = env;
    this.source = source;
  }

  /**
   * Reads the environment, then the {@code .env} file: the file named by {@code
   * ACCSYN_CREDENTIALS_PATH} (which must exist), else {@code <workingDir>/.env} if present. As in
   * the Python client, values from the file override the environment.
   *
   * @param environment the process environment
   * @param workingDir the directory whose {@code .env} is read
   * @return the settings
   * @throws AccsynConfigurationException if the named file is missing or unreadable
   */
  public static EnvSettings load(Map<String, String> environment, Path workingDir) {
    Map<String, String> merged = new HashMap<>(environment);
    String credentials = environment.get("ACCSYN_CREDENTIALS_PATH");
    Path file = null;
    String source = "the environment";
    if (credentials != null && !credentials.isBlank()) {
      file = workingDir.resolve(credentials.strip());
      if (!Files.isRegularFile(file)) {
        throw new AccsynConfigurationException(
            "ACCSYN_CREDENTIALS_PATH names "
                + credentials
                + ", which is not a readable file; point it at your .env file (KEY=VALUE lines)"
                + " or unset it");
      }
    } else if (Files.isRegularFile(workingDir.resolve(".env"))) {
      file = workingDir.resolve(".env");
    }
    if (file != null) {
      merged.putAll(parseDotEnv(file));
      source = "the environment and " + file.getFileName();
    }
    return new EnvSettings(merged, source);
  }

  /**
   * Parses {@code KEY=VALUE} lines; blank lines and {@code #} comments are skipped, matching single
   * or double quotes around a value are removed, lines without {@code =} are ignored (as the Python
   * client does).
   *
   * @param file the file
   * @return the values
   */
  static Map<String, String> parseDotEnv(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AccsynConfigurationException(
          "cannot read the credentials file "
              + file.getFileName()
              + " ("
              + e.getClass().getSimpleName()
              + "); check its permissions or set ACCSYN_CREDENTIALS_PATH to another file");
    }
    Map<String, String> out = new HashMap<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2
          && ((value.startsWith("\"") && value.endsWith("\""))
              || (value.startsWith("'") && value.endsWith("'")))) {
        value = value.substring(1, value.length() - 1);
      }
      out.put(key, value);
    }
    return out;
  }

  /**
   * Where the values came from, for messages.
   *
   * @return e.g. {@code the environment and .env}
   */
  public String source() {
    return source;
  }

  /**
   * A variable, if set and not blank.
   *
   * @param name the variable
   * @return the stripped value
   */
  public Optional<String> get(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /**
   * The workspace from the first variable set among {@link #WORKSPACE_VARS}.
   *
   * @return the workspace code
   */
  public Optional<String> workspace() {
    for (String k : WORKSPACE_VARS) {
      Optional<String> v = get(k);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /**
   * Dev mode from {@code AS_DEV}: {@code true} or {@code 1} switch it on, as in the Python client;
   * {@code false}, {@code 0} or unset leave it off.
   *
   * @return whether dev mode is on
   * @throws AccsynConfigurationException for any other value, which Python would silently read as
   *     off
   */
  public boolean dev() {
    Optional<String> v = get("AS_DEV");
    if (v.isEmpty()) {
      return false;
    }
    String s = v.get();
    if (s.equals("true") || s.equals("1")) {
      return true;
    }
    if (s.equals("false") || s.equals("0")) {
      return false;
    }
    throw new AccsynConfigurationException(
        "AS_DEV is \""
            + s
            + "\"; set it to true or 1 for dev mode (plain http to 127.0.0.1:8181), or to false,"
            + " 0 or nothing to talk to accsyn (accsyn's Python client reads any other value,"
            + " True included, as off)");
  }
}
