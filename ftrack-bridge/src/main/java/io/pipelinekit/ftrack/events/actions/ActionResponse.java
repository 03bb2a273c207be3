package io.pipelinekit.ftrack.events.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a launch answers: a message (success or failure notice in the web UI), a form, or nothing.
 *
 * <pre>{@code
 * return ActionResponse.success("Sending 12 files, see the Jobs menu for progress");
 * return ActionResponse.failure("Select at least one version");
 * return ActionResponse.form(form);
 * return ActionResponse.none();
 * }</pre>
 */
public sealed interface ActionResponse {
  /**
   * The reply payload.
   *
   * @return the data, or empty for no reply
   */
  Optional<Map<String, Object>> toReplyData();

  /**
   * A notice.
   *
   * @param success true for a success notice
   * @param message the text
   */
  record Message(boolean success, String message) implements ActionResponse {
    /** Checks the arguments. */
    public Message {
      Objects.requireNonNull(message, "message == null");
    }

    @Override
    public Optional<Map<String, Object>> toReplyData() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("success", success);
      m.put("message", message);
      return Optional.of(m);
    }
  }

  /**
   * A form to fill in; submitting it launches the action again with values.
   *
   * @param form the form
   */
  record FormResponse(Form form) implements ActionResponse {
    /** Checks the arguments. */
    public FormResponse {
      Objects.requireNonNull(form, "form == null");
    }

    @Override
    public Optional<Map<String, Object>> toReplyData() {
      return Optional.of(form.toMap());
    }
  }

  /** No reply. */
  record None() implements ActionResponse {
    @Override
    public Optional<Map<String, Object>> toReplyData() {
      return Optional.empty();
    }
  }

  /**
   * A success notice.
   *
   * @param message the text
   * @return the response
   */
  static ActionResponse success(String message) {
    return new Message(true, message);
  }

  /**
   * A failure notice.
   *
   * @param message the text
   * @return the response
   */
  static ActionResponse failure(String message) {
    return new Message(false, message);
  }

  /**
   * A form.
   *
   * @param form the form
   * @return the response
   */
  static ActionResponse form(Form form) {
    return new FormResponse(form);
  }

  /**
   * No reply.
   *
   * @return the response
   */
  static ActionResponse none() {
    return new None();
  }
}
