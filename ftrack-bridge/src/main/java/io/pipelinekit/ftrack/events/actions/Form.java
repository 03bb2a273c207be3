package io.pipelinekit.ftrack.events.actions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A form the web UI shows in answer to a launch, or as a pop-up. When the user submits it, the
 * action is launched again with the values ({@link ActionRequest#values()}). Immutable.
 *
 * <pre>{@code
 * Form form = Form.builder()
 *     .title("Send with accsyn")
 *     .submitButtonLabel("Send")
 *     .add(FormItem.label("Files of **3** versions"))
 *     .add(FormItem.enumerator("site", "To", List.of(FormItem.option("London", "lon"))))
 *     .add(FormItem.bool("notify", "E-mail the recipient", true))
 *     .add(FormItem.hidden("step", "confirm"))
 *     .build();
 * }</pre>
 */
public final class Form {
  private final String title;
  private final String submitButtonLabel;
  private final List<FormItem> items;

  private Form(Builder b) {
    this.title = b.title;
    this.submitButtonLabel = b.submitButtonLabel;
    this.items = List.copyOf(b.items);
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The title.
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  /**
   * The submit button's label.
   *
   * @return the label, when set
   */
  public Optional<String> submitButtonLabel() {
    return Optional.ofNullable(submitButtonLabel);
  }

  /**
   * The widgets, in order.
   *
   * @return the items
   */
  public List<FormItem> items() {
    return items;
  }

  /**
   * The form as the web UI expects it: {@code items}, {@code title}, {@code submit_button_label}.
   *
   * @return the map
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Object> list = new ArrayList<>();
    items.forEach(i -> list.add(i.toMap()));
    m.put("items", list);
    m.put("title", title);
    if (submitButtonLabel != null) {
      m.put("submit_button_label", submitButtonLabel);
    }
    return m;
  }

  @Override
  public String toString() {
    return "Form{" + title + ", " + items.size() + " items}";
  }

  /** Builds a {@link Form}; not thread-safe. */
  public static final class Builder {
    private String title = "";
    private String submitButtonLabel;
    private final List<FormItem> items = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private Builder() {}

    /**
     * The title.
     *
     * @param title the title
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title == null");
      return this;
    }

    /**
     * The submit button's label. Default: the web UI's.
     *
     * @param label the label
     * @return this builder
     */
    public Builder submitButtonLabel(String label) {
      this.submitButtonLabel = Objects.requireNonNull(label, "label == null");
      return this;
    }

    /**
     * Adds a widget.
     *
     * @param item the widget
     * @return this builder
     * @throws IllegalArgumentException if another widget has the same name
     */
    public Builder add(FormItem item) {
      Objects.requireNonNull(item, "item == null");
      Object name = item.toMap().get("name");
      if (name != null && !names.add(name.toString())) {
        throw new IllegalArgumentException(
            "two form fields are named '" + name + "'; their values would overwrite each other");
      }
      items.add(item);
      return this;
    }

    /**
     * Builds the form.
     *
     * @return the form
     * @throws IllegalArgumentException if it has no items
     */
    public Form build() {
      if (items.isEmpty()) {
        throw new IllegalArgumentException("a form needs at least one item");
      }
      return new Form(this);
    }
  }
}
