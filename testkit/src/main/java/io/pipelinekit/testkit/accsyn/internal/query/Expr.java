package io.pipelinekit.testkit.accsyn.internal.query;

import java.util.List;

/** A parsed query expression: a tree of AND/OR over comparisons. */
public sealed interface Expr {

  /** Both sides must hold. */
  record And(Expr left, Expr right) implements Expr {}

  /** Either side must hold. */
  record Or(Expr left, Expr right) implements Expr {}

  /**
   * {@code attribute op value(s)}.
   *
   * @param attribute dotted attribute path, lowercased
   * @param op the operator
   * @param values one value, or the list for {@code in}/{@code not in}
   */
  record Comparison(String attribute, Op op, List<String> values) implements Expr {}

  /** Comparison operators of the accsyn query language. */
  enum Op {
    /** {@code =} (with {@code *} wildcards). */
    EQ,
    /** {@code !=} or {@code <>}. */
    NE,
    /** {@code <}. */
    LT,
    /** {@code >}. */
    GT,
    /** {@code <=}. */
    LE,
    /** {@code >=}. */
    GE,
    /** {@code in a,b,c}. */
    IN,
    /** {@code not in a,b,c}. */
    NOT_IN,
    /** {@code contains x}. */
    CONTAINS,
    /** {@code not contains x}. */
    NOT_CONTAINS,
    /** {@code matches regex}. */
    MATCHES,
    /** {@code not matches regex}. */
    NOT_MATCHES
  }
}
