package io.pipelinekit.ftrack.internal;

import io.pipelinekit.ftrack.Entity;
import io.pipelinekit.ftrack.EntityRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/** Literal quoting and name checks for the ftrack query language. */
public final class QueryText {
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private QueryText() {}

  /**
   * Checks an attribute path.
   *
   * @param path e.g. {@code version.asset.name}
   * @return the path
   * @throws IllegalArgumentException if it holds anything but names and dots
   */
  public static String checkPath(String path) {
    Objects.requireNonNull(path, "path == null");
    if (!PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          "'" + path + "' is not an attribute path (names of letters, digits and _, joined by .)");
    }
    return path;
  }

  /**
   * Checks an entity type name.
   *
   * @param type e.g. {@code AssetVersion}
   * @return the name
   * @throws IllegalArgumentException if it is not a plain name
   */
  public static String checkType(String type) {
    Objects.requireNonNull(type, "type == null");
    if (!NAME.matcher(type).matches()) {
      throw new IllegalArgumentException("'" + type + "' is not an entity type name");
    }
    return type;
  }

  /**
   * Quotes a string: double quotes, with {@code \}, {@code "} and {@code '} escaped by a backslash
   * as the official JavaScript client does.
   *
   * @param s the string
   * @return the quoted literal
   */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '"' || c == '\'') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }

  /**
   * A datetime literal: naive, whole seconds, quoted, in the zone the server reads naive datetimes
   * in (UTC with timezone support, its own zone without).
   *
   * @param t the instant
   * @param zone the server's zone for naive datetimes
   * @return e.g. {@code "2026-06-01T14:00:00"}
   */
  public static String datetime(Instant t, ZoneId zone) {
    return quote(SECONDS.format(LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.SECONDS), zone)));
  }

  /**
   * Renders a value as a literal.
   *
   * @param value a string, number, boolean, null, Instant, LocalDate, EntityRef or Entity
   * @return the literal
   */
  public static String literal(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof String) {
      return quote((String) value);
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return value.toString();
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return new BigDecimal(value.toString()).toPlainString();
    }
    if (value instanceof Instant) {
      return datetime((Instant) value, ZoneOffset.UTC);
    }
    if (value instanceof LocalDate) {
      return quote(value.toString());
    }
    if (value instanceof EntityRef) {
      return quote(((EntityRef) value).id());
    }
    if (value instanceof Entity) {
      return quote(((Entity) value).id());
    }
    throw new IllegalArgumentException(
        "cannot use a " + value.getClass().getName() + " in a query; use a string or a number");
  }
}
