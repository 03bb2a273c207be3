package io.pipelinekit.paths;

/**
 * Thrown when a root table is inconsistent: a malformed or relative root, a folder whose parent is
 * missing, two shares with the same code, two defaults, or two shares owning the same root. The
 * message names the entries involved and says how to fix the table.
 *
 * <pre>{@code
 * try {
 *   RootTable.load(Path.of("roots.json"));
 * } catch (RootTableException e) {
 *   System.err.println("fix roots.json: " + e.getMessage());
 * }
 * }</pre>
 */
public final class RootTableException extends PathMappingException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is inconsistent and how to fix it
   */
  public RootTableException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause, e.g. an I/O or syntax error while loading a file.
   *
   * @param message what is wrong
   * @param cause the cause
   */
  public RootTableException(String message, Throwable cause) {
    super(message, cause);
  }
}
