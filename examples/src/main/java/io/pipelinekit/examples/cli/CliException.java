package io.pipelinekit.examples.cli;

import java.util.Objects;

/**
 * A problem the command line found in its own options or settings, before asking the library: the
 * message and hint name flags and environment variables.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String hint;

  private CliException(int exitCode, String message, String hint) {
    super(Objects.requireNonNull(message, "message == null"));
    this.exitCode = exitCode;
    this.hint = Objects.requireNonNull(hint, "hint == null");
  }

  /** A wrong or missing option: what is wrong, and what to pass instead. */
  static CliException badInput(String message, String hint) {
    return new CliException(ExitCodes.BAD_INPUT, message, hint);
  }

  int exitCode() {
    return exitCode;
  }

  String hint() {
    return hint;
  }
}
