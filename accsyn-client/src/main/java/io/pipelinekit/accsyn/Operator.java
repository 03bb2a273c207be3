package io.pipelinekit.accsyn;

/**
 * A comparison in an accsyn query expression (see docs/protocol/accsyn-v3.md, "Query expressions").
 * {@code IN}/{@code NOT_IN} take a collection of simple values; {@code MATCHES} takes a
 * Python-style regular expression; {@code EQ} with {@code *} in a string is a wildcard match.
 */
public enum Operator {
  /** {@code =} (with {@code *} wildcards in strings). */
  EQ("="),
  /** {@code !=}. */
  NE("!="),
  /** {@code <}. */
  LT("<"),
  /** {@code >}. */
  GT(">"),
  /** {@code <=}. */
  LE("<="),
  /** {@code >=}. */
  GE(">="),
  /** {@code in} a comma-separated list (accsyn 3.2+). */
  IN(" in "),
  /** {@code not in} a comma-separated list (accsyn 3.2+). */
  NOT_IN(" not in "),
  /** {@code contains} (accsyn 3.2+). */
  CONTAINS(" contains "),
  /** {@code not contains} (accsyn 3.2+). */
  NOT_CONTAINS(" not contains "),
  /** {@code matches} a regular expression (accsyn 3.2+). */
  MATCHES(" matches "),
  /** {@code not matches} a regular expression (accsyn 3.2+). */
  NOT_MATCHES(" not matches ");

  private final String wire;

  Operator(String wire) {
    this.wire = wire;
  }

  /**
   * The operator as written between attribute and value.
   *
   * @return e.g. {@code !=} or {@code " in "}
   */
  public String wire() {
    return wire;
  }

  boolean takesList() {
    return this == IN || this == NOT_IN;
  }
}
