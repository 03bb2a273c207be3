package io.pipelinekit.ftrack.events.actions;

import io.pipelinekit.ftrack.events.internal.Trees;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values of a submitted form ({@code data.values} of the launch), read by type. Parsing is
 * lenient because the web UI's value types are not documented: numbers may come as strings,
 * booleans as {@code "true"}, dates as a date or a datetime. A value of the wrong type throws
 * {@link FormValueException}; a missing value is an empty {@link Optional}. Immutable.
 *
 * <pre>{@code
 * String site = values.choice("site").orElse("lon");
 * boolean notify = values.bool("notify").orElse(false);
 * Optional<LocalDate> due = values.date("due");
 * }</pre>
 */
public final class FormValues {
  private final Map<String, Object> values;

  private FormValues(Map<String, Object> values) {
    this.values = values;
  }

  /**
   * Values from a map.
   *
   * @param values the map as submitted
   * @return the values
   */
  public static FormValues of(Map<String, ?> values) {
    return new FormValues(Trees.freezeMap(values));
  }

  /**
   * The submitted names.
   *
   * @return the names
   */
  public Set<String> names() {
    return values.keySet();
  }

  /**
   * Whether a value was submitted (and is not null).
   *
   * @param name the field name
   * @return true when present
   */
  public boolean has(String name) {
    return values.get(name) != null;
  }

  /**
   * A text value; numbers and booleans are given as text.
   *
   * @param name the field name
   * @return the text
   * @throws FormValueException if the value is a list or an object
   */
  public Optional<String> text(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    return Optional.of(Trees.text(v).orElseThrow(() -> wrong(name, v, "text")));
  }

  /**
   * A number value.
   *
   * @param name the field name
   * @return the number; empty also for an empty string
   * @throws FormValueException if the value is not a number
   */
  public Optional<BigDecimal> number(String name) {
    Object v = values.get(name);
    if (v == null || "".equals(v)) {
      return Optional.empty();
    }
    if (v instanceof BigDecimal d) {
      return Optional.of(d);
    }
    if (v instanceof Number n) {
      return Optional.of(new BigDecimal(n.toString()));
    }
    if (v instanceof String s) {
      try {
        return Optional.of(new BigDecimal(s.strip()));
      } catch (NumberFormatException e) {
        throw wrong(name, v, "a number");
      }
    }
    throw wrong(name, v, "a number");
  }

  /**
   * A boolean value: {@code true}/{@code false}, or the strings {@code true}, {@code false}, {@code
   * 1}, {@code 0}, {@code yes}, {@code no}, {@code on}, {@code off} in any case, or 0/1.
   *
   * @param name the field name
   * @return the flag
   * @throws FormValueException for anything else
   */
  public Optional<Boolean> bool(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    String s = Trees.text(v).orElseThrow(() -> wrong(name, v, "a boolean"));
    switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
      case "yes":
      case "on":
        return Optional.of(true);
      case "false":
      case "0":
      case "no":
      case "off":
      case "":
        return Optional.of(false);
      default:
        throw wrong(name, v, "a boolean");
    }
  }

  /**
   * The chosen value of a single-choice enumerator.
   *
   * @param name the field name
   * @return the option value
   * @throws FormValueException if several values were chosen
   */
  public Optional<String> choice(String name) {
    Object v = values.get(name);
    if (v instanceof List<?> l) {
      if (l.size() > 1) {
        throw wrong(name, v, "one choice");
      }
      return l.isEmpty() ? Optional.empty() : Trees.text(l.get(0));
    }
    return text(name);
  }

  /**
   * The chosen values of a multi-select enumerator (a single value gives a list of one).
   *
   * @param name the field name
   * @return the option values, empty when none
   */
  public List<String> choices(String name) {
    Object v = values.get(name);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object o : l) {
        out.add(Trees.text(o).orElseThrow(() -> wrong(name, v, "a list of choices")));
      }
    } else if (v != null && !"".equals(v)) {
      out.add(Trees.text(v).orElseThrow(() -> wrong(name, v, "a list of choices")));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * A date value: {@code YYYY-MM-DD}, an ISO datetime (its date is taken), or ftrack's {@code
   * {"__type__": "date"|"datetime", "value": …}}.
   *
   * @param name the field name
   * @return the date
   * @throws FormValueException if it is not a date
   */
  public Optional<LocalDate> date(String name) {
    Object v = values.get(name);
    if (v instanceof Map<?, ?> m && m.get("value") != null) {
      v = m.get("value");
    }
    if (v == null || "".equals(v)) {
      return Optional.empty();
    }
    if (!(v instanceof String s) || s.length() < 10) {
      throw wrong(name, v, "a date (YYYY-MM-DD)");
    }
    try {
      return Optional.of(LocalDate.parse(s.substring(0, 10)));
    } catch (DateTimeParseException e) {
      throw wrong(name, v, "a date (YYYY-MM-DD)");
    }
  }

  /**
   * A hidden value, as it was sent.
   *
   * @param name the field name
   * @return the tree
   */
  public Optional<Object> hidden(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /**
   * The values as submitted.
   *
   * @return an unmodifiable tree
   */
  public Map<String, Object> asMap() {
    return values;
  }

  private static FormValueException wrong(String name, Object v, String expected) {
    String shown = String.valueOf(v);
    if (shown.length() > 80) {
      shown = shown.substring(0, 80) + "…";
    }
    return new FormValueException(
        "form field '" + name + "' should be " + expected + " but is '" + shown + "'");
  }

  @Override
  public String toString() {
    return "FormValues" + values.keySet();
  }
}
