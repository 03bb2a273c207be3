package io.pipelinekit.ftrack.events.actions;

import io.pipelinekit.ftrack.events.internal.Trees;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One widget of an action form (see docs/protocol/ftrack.md, "Actions and forms"), as the web UI
 * draws it. Build them with the static factories and add them to a {@link Form}; read what the user
 * submitted with {@link FormValues}.
 *
 * <pre>{@code
 * FormItem.text("note", "Note for the recipient").withPlaceholder("optional");
 * FormItem.enumerator("site", "Send to", List.of(FormItem.option("London", "lon"),
 *     FormItem.option("Vancouver", "van"))).withValue("lon");
 * }</pre>
 */
public sealed interface FormItem {
  /**
   * The widget as the web UI expects it.
   *
   * @return the item map
   */
  Map<String, Object> toMap();

  /**
   * Text shown to the user (markdown-ish: {@code #Title#}, {@code **bold**}, {@code <br>}).
   *
   * @param value the text
   */
  record Label(String value) implements FormItem {
    /** Checks the arguments. */
    public Label {
      Objects.requireNonNull(value, "value == null");
    }

    @Override
    public Map<String, Object> toMap() {
      return map("label", null, null, value);
    }
  }

  /**
   * A one-line text field.
   *
   * @param name the value's key in {@link FormValues}
   * @param label the caption
   * @param value the default text
   * @param placeholder the hint shown while empty
   */
  record Text(String name, String label, Optional<String> value, Optional<String> placeholder)
      implements FormItem {
    /** Checks the arguments. */
    public Text {
      checkName(name);
      Objects.requireNonNull(label, "label == null");
    }

    /**
     * With a default text.
     *
     * @param v the text
     * @return a copy
     */
    public Text withValue(String v) {
      return new Text(name, label, Optional.of(v), placeholder);
    }

    /**
     * With a placeholder.
     *
     * @param p the hint
     * @return a copy
     */
    public Text withPlaceholder(String p) {
      return new Text(name, label, value, Optional.of(p));
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = map("text", name, label, value.orElse(null));
      placeholder.ifPresent(p -> m.put("empty_text", p));
      return m;
    }
  }

  /**
   * A multi-line text field.
   *
   * @param name the value's key
   * @param label the caption
   * @param value the default text
   */
  record TextArea(String name, String label, Optional<String> value) implements FormItem {
    /** Checks the arguments. */
    public TextArea {
      checkName(name);
      Objects.requireNonNull(label, "label == null");
    }

    /**
     * With a default text.
     *
     * @param v the text
     * @return a copy
     */
    public TextArea withValue(String v) {
      return new TextArea(name, label, Optional.of(v));
    }

    @Override
    public Map<String, Object> toMap() {
      return map("textarea", name, label, value.orElse(null));
    }
  }

  /**
   * A number field.
   *
   * @param name the value's key
   * @param label the caption
   * @param value the default
   */
  record NumberField(String name, String label, Optional<BigDecimal> value) implements FormItem {
    /** Checks the arguments. */
    public NumberField {
      checkName(name);
      Objects.requireNonNull(label, "label == null");
    }

    /**
     * With a default.
     *
     * @param v the number
     * @return a copy
     */
    public NumberField withValue(Number v) {
      return new NumberField(name, label, Optional.of(new BigDecimal(v.toString())));
    }

    @Override
    public Map<String, Object> toMap() {
      return map("number", name, label, value.orElse(null));
    }
  }

  /**
   * A check box.
   *
   * @param name the value's key
   * @param label the caption
   * @param value whether it starts checked
   */
  record BooleanField(String name, String label, boolean value) implements FormItem {
    /** Checks the arguments. */
    public BooleanField {
      checkName(name);
      Objects.requireNonNull(label, "label == null");
    }

    @Override
    public Map<String, Object> toMap() {
      return map("boolean", name, label, value);
    }
  }

  /**
   * One choice of an enumerator.
   *
   * @param label what the user sees
   * @param value what comes back
   */
  record Option(String label, String value) {
    /** Checks the arguments. */
    public Option {
      Objects.requireNonNull(label, "label == null");
      Objects.requireNonNull(value, "value == null");
    }
  }

  /**
   * A drop-down, optionally with several choices.
   *
   * @param name the value's key
   * @param label the caption
   * @param options the choices
   * @param value the default choice's value
   * @param multiSelect whether several choices may be picked (values come back as a list)
   */
  record Enumerator(
      String name, String label, List<Option> options, Optional<String> value, boolean multiSelect)
      implements FormItem {
    /** Checks the arguments. */
    public Enumerator {
      checkName(name);
      Objects.requireNonNull(label, "label == null");
      options = List.copyOf(options);
      if (options.isEmpty()) {
        throw new IllegalArgumentException("enumerator '" + name + "' needs at least one option");
      }
    }

    /**
     * With a default choice.
     *
     * @param v one of the options' values
     * @return a copy
     * @throws IllegalArgumentException if no option has that value
     */
    public Enumerator withValue(String v) {
      if (options.stream().noneMatch(o -> o.value().equals(v))) {
        throw new IllegalArgumentException(
            "enumerator '" + name + "' has no option with value '" + v + "'");
      }
      return new Enumerator(name, label, options, Optional.of(v), multiSelect);
    }

    /**
     * Allowing several choices.
     *
     * @return a copy
     */
    public Enumerator withMultiSelect() {
      return new Enumerator(name, label, options, value, true);
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = map("enumerator", name, label, value.orElse(null));
      List<Object> data = new ArrayList<>();
      for (Option o : options) {
        data.add(Map.of("label", o.label(), "value", o.value()));
      }
      m.put("data", data);
      if (multiSelect) {
        m.put("multi_select", true);
      }
      return m;
    }
  }

  /**
   * A date field; the value is sent and read as {@code YYYY-MM-DD}.
   *
   * @param name the value's key
   * @param label the caption
   * @param value the default date
   */
  record DateField(String name, String label, Optional<LocalDate> value) implements FormItem {
    /** Checks the arguments. */
    public DateField {
      checkName(name);
      Objects.requireNonNull(label, "label == null");
    }

    /**
     * With a default date.
     *
     * @param v the date
     * @return a copy
     */
    public DateField withValue(LocalDate v) {
      return new DateField(name, label, Optional.of(v));
    }

    @Override
    public Map<String, Object> toMap() {
      return map("date", name, label, value.map(LocalDate::toString).orElse(null));
    }
  }

  /**
   * A value the user does not see and that comes back as it was sent: how multi-step forms keep
   * earlier answers.
   *
   * @param name the value's key
   * @param value any JSON tree
   */
  record Hidden(String name, Object value) implements FormItem {
    /** Checks the arguments. */
    public Hidden {
      checkName(name);
      value = Trees.freeze(value);
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "hidden");
      m.put("name", name);
      m.put("value", value);
      return m;
    }
  }

  /**
   * A label.
   *
   * @param text the text
   * @return the item
   */
  static Label label(String text) {
    return new Label(text);
  }

  /**
   * A text field.
   *
   * @param name the value's key
   * @param label the caption
   * @return the item
   */
  static Text text(String name, String label) {
    return new Text(name, label, Optional.empty(), Optional.empty());
  }

  /**
   * A multi-line text field.
   *
   * @param name the value's key
   * @param label the caption
   * @return the item
   */
  static TextArea textArea(String name, String label) {
    return new TextArea(name, label, Optional.empty());
  }

  /**
   * A number field.
   *
   * @param name the value's key
   * @param label the caption
   * @return the item
   */
  static NumberField number(String name, String label) {
    return new NumberField(name, label, Optional.empty());
  }

  /**
   * A check box.
   *
   * @param name the value's key
   * @param label the caption
   * @param checked whether it starts checked
   * @return the item
   */
  static BooleanField bool(String name, String label, boolean checked) {
    return new BooleanField(name, label, checked);
  }

  /**
   * A drop-down.
   *
   * @param name the value's key
   * @param label the caption
   * @param options the choices
   * @return the item
   */
  static Enumerator enumerator(String name, String label, List<Option> options) {
    return new Enumerator(name, label, options, Optional.empty(), false);
  }

  /**
   * A choice of an enumerator.
   *
   * @param label what the user sees
   * @param value what comes back
   * @return the option
   */
  static Option option(String label, String value) {
    return new Option(label, value);
  }

  /**
   * A date field.
   *
   * @param name the value's key
   * @param label the caption
   * @return the item
   */
  static DateField date(String name, String label) {
    return new DateField(name, label, Optional.empty());
  }

  /**
   * A hidden value.
   *
   * @param name the value's key
   * @param value any JSON tree
   * @return the item
   */
  static Hidden hidden(String name, Object value) {
    return new Hidden(name, value);
  }

  private static void checkName(String name) {
    Objects.requireNonNull(name, "name == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a form field needs a non-blank name");
    }
  }

  private static Map<String, Object> map(String type, String name, String label, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    if (name != null) {
      m.put("name", name);
    }
    if (label != null) {
      m.put("label", label);
    }
    if (value != null) {
      m.put("value", value);
    }
    return m;
  }
}
