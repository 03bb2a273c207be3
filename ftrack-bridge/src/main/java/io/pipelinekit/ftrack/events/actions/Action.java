package io.pipelinekit.ftrack.events.actions;

import io.pipelinekit.ftrack.events.internal.Trees;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How an action appears in the Actions menu (the discover reply item; see docs/protocol/ftrack.md,
 * "Actions and forms") and which selections it applies to. Items with the same label are grouped by
 * the web UI, with the variant under it. Immutable.
 *
 * <pre>{@code
 * Action send = Action.builder()
 *     .identifier("accsyn.send").label("accsyn").variant("Send")
 *     .description("Send the selected files with accsyn").icon("https://…/accsyn.png")
 *     .appliesTo(SelectedEntity.Kind.VERSION, SelectedEntity.Kind.CONTEXT)
 *     .build();
 * }</pre>
 */
public final class Action {
  private final String identifier;
  private final String label;
  private final String variant;
  private final String description;
  private final String icon;
  private final Set<SelectedEntity.Kind> appliesTo;
  private final boolean allowEmptySelection;
  private final Map<String, Object> extra;

  private Action(Builder b) {
    this.identifier = b.identifier;
    this.label = b.label;
    this.variant = b.variant;
    this.description = b.description;
    this.icon = b.icon;
    this.appliesTo = Set.copyOf(b.appliesTo);
    this.allowEmptySelection = b.allowEmptySelection;
    this.extra = Trees.freezeMap(b.extra);
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
   * The identifier launches are matched by.
   *
   * @return e.g. {@code accsyn.send}
   */
  public String identifier() {
    return identifier;
  }

  /**
   * The menu label.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * The variant shown under the label.
   *
   * @return the variant, when set
   */
  public Optional<String> variant() {
    return Optional.ofNullable(variant);
  }

  /**
   * The description.
   *
   * @return the description, when set
   */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * The icon: a URL or a predefined name.
   *
   * @return the icon, when set
   */
  public Optional<String> icon() {
    return Optional.ofNullable(icon);
  }

  /**
   * The kinds of selected entities the action applies to; empty for any.
   *
   * @return the kinds
   */
  public Set<SelectedEntity.Kind> appliesTo() {
    return appliesTo;
  }

  /**
   * Whether the selection may be empty.
   *
   * @return the flag
   */
  public boolean allowEmptySelection() {
    return allowEmptySelection;
  }

  /**
   * Whether the action applies to a selection: non-empty (unless allowed) and every entity of an
   * accepted kind.
   *
   * @param request the discover request
   * @return true when it applies
   */
  public boolean appliesTo(ActionRequest request) {
    if (request.selection().isEmpty()) {
      return allowEmptySelection;
    }
    return appliesTo.isEmpty()
        || request.selection().stream().allMatch(e -> appliesTo.contains(e.kind()));
  }

  /**
   * The discover reply item: {@code label}, {@code variant}, {@code actionIdentifier}, {@code
   * description}, {@code icon} and the extra keys (which come back in the launch).
   *
   * @return the item
   */
  public Map<String, Object> toItem() {
    Map<String, Object> m = new LinkedHashMap<>(extra);
    m.put("label", label);
    if (variant != null) {
      m.put("variant", variant);
    }
    m.put("actionIdentifier", identifier);
    if (description != null) {
      m.put("description", description);
    }
    if (icon != null) {
      m.put("icon", icon);
    }
    return m;
  }

  @Override
  public String toString() {
    return "Action{" + identifier + "}";
  }

  /** Builds an {@link Action}; not thread-safe. */
  public static final class Builder {
    private String identifier;
    private String label;
    private String variant;
    private String description;
    private String icon;
    private final Set<SelectedEntity.Kind> appliesTo = EnumSet.noneOf(SelectedEntity.Kind.class);
    private boolean allowEmptySelection;
    private final Map<String, Object> extra = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The identifier (required), unique per action on the server.
     *
     * @param identifier letters, digits, {@code . _ -}
     * @return this builder
     */
    public Builder identifier(String identifier) {
      Objects.requireNonNull(identifier, "identifier == null");
      if (!identifier.matches("[A-Za-z0-9._\\-]+")) {
        throw new IllegalArgumentException(
            "action identifier '"
                + identifier
                + "' may only hold letters, digits, '.', '_' and '-' (it is used unquoted in"
                + " subscriptions)");
      }
      this.identifier = identifier;
      return this;
    }

    /**
     * The label (required).
     *
     * @param label the label
     * @return this builder
     */
    public Builder label(String label) {
      this.label = Objects.requireNonNull(label, "label == null");
      return this;
    }

    /**
     * The variant.
     *
     * @param variant the variant
     * @return this builder
     */
    public Builder variant(String variant) {
      this.variant = Objects.requireNonNull(variant, "variant == null");
      return this;
    }

    /**
     * The description.
     *
     * @param description the description
     * @return this builder
     */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description == null");
      return this;
    }

    /**
     * The icon.
     *
     * @param icon a URL or a predefined name
     * @return this builder
     */
    public Builder icon(String icon) {
      this.icon = Objects.requireNonNull(icon, "icon == null");
      return this;
    }

    /**
     * Limits the action to selections of these kinds (all selected entities must match). Default:
     * any kind.
     *
     * @param kinds the kinds
     * @return this builder
     */
    public Builder appliesTo(SelectedEntity.Kind... kinds) {
      appliesTo.addAll(Set.of(kinds));
      return this;
    }

    /**
     * Shows the action with nothing selected too. Default false.
     *
     * @param allow the flag
     * @return this builder
     */
    public Builder allowEmptySelection(boolean allow) {
      this.allowEmptySelection = allow;
      return this;
    }

    /**
     * An extra item key, passed back unchanged in the launch event.
     *
     * @param key the key
     * @param value a JSON tree
     * @return this builder
     */
    public Builder putExtra(String key, Object value) {
      extra.put(Objects.requireNonNull(key, "key == null"), value);
      return this;
    }

    /**
     * Builds the action.
     *
     * @return the action
     * @throws IllegalArgumentException if the identifier or label is missing
     */
    public Action build() {
      if (identifier == null || label == null) {
        throw new IllegalArgumentException("an action needs an identifier and a label");
      }
      return new Action(this);
    }
  }
}
