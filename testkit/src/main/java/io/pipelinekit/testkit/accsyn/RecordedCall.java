package io.pipelinekit.testkit.accsyn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP round trip the fake served: what came in, which accsyn operation it was, what went out,
 * and which injected fault (if any) shaped it.
 *
 * <pre>{@code
 * RecordedCall last = fake.calls().get(fake.calls().size() - 1);
 * assertThat(last.operation()).isEqualTo("transfer/create");
 * assertThat(last.event()).containsKey("eid");
 * }</pre>
 */
public final class RecordedCall {
  private final long sequence;
  private final String method;
  private final String path;
  private final String operation;
  private final Map<String, Object> event;
  private final int status;
  private final String responseBody;
  private final String fault;

  private RecordedCall(Builder b) {
    this.sequence = b.sequence;
    this.method = Objects.requireNonNull(b.method, "method");
    this.path = Objects.requireNonNull(b.path, "path");
    this.operation = Objects.requireNonNull(b.operation, "operation");
    this.event = Collections.unmodifiableMap(new LinkedHashMap<>(b.event));
    this.status = b.status;
    this.responseBody = b.responseBody == null ? "" : b.responseBody;
    this.fault = b.fault;
  }

  /** A builder (used by the fake). */
  public static Builder builder() {
    return new Builder();
  }

  /** Order of arrival, from 1. */
  public long sequence() {
    return sequence;
  }

  /** HTTP method. */
  public String method() {
    return method;
  }

  /** Request path without the query, e.g. {@code /api/v3/event}. */
  public String path() {
    return path;
  }

  /**
   * The accsyn operation: the event's {@code uri} lowercased ({@code transfer/find}), {@code
   * login}, {@code lookup} (master endpoint discovery), or {@code unknown}.
   */
  public String operation() {
    return operation;
  }

  /** The decoded event envelope (with {@code gz_data} inflated into {@code data}); may be empty. */
  public Map<String, Object> event() {
    return event;
  }

  /** The HTTP status sent, or 0 when the connection was dropped without a response. */
  public int status() {
    return status;
  }

  /** The response body sent ("" when none). */
  public String responseBody() {
    return responseBody;
  }

  /** The injected fault that shaped this call, if any ({@code latency}, {@code throttle}, ...). */
  public Optional<String> fault() {
    return Optional.ofNullable(fault);
  }

  @Override
  public String toString() {
    return "RecordedCall{#"
        + sequence
        + " "
        + method
        + " "
        + path
        + " "
        + operation
        + " -> "
        + status
        + (fault == null ? "" : " [" + fault + "]")
        + "}";
  }

  /**
   * Builds a {@link RecordedCall} (the fake does; tests rarely need to); not thread-safe.
   *
   * <pre>{@code
   * RecordedCall c = RecordedCall.builder().method("GET").path("/api/v3/event").build();
   * }</pre>
   */
  public static final class Builder {
    private long sequence;
    private String method;
    private String path;
    private String operation = "unknown";
    private Map<String, Object> event = Map.of();
    private int status;
    private String responseBody;
    private String fault;

    private Builder() {}

    /** Sets the sequence number. */
    public Builder sequence(long sequence) {
      this.sequence = sequence;
      return this;
    }

    /** Sets the HTTP method. */
    public Builder method(String method) {
      this.method = method;
      return this;
    }

    /** Sets the path. */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /** Sets the operation. */
    public Builder operation(String operation) {
      this.operation = operation;
      return this;
    }

    /** Sets the decoded event. */
    public Builder event(Map<String, Object> event) {
      this.event = Objects.requireNonNull(event, "event");
      return this;
    }

    /** Sets the HTTP status. */
    public Builder status(int status) {
      this.status = status;
      return this;
    }

    /** Sets the response body. */
    public Builder responseBody(String responseBody) {
      this.responseBody = responseBody;
      return this;
    }

    /** Sets the applied fault. */
    public Builder fault(String fault) {
      this.fault = fault;
      return this;
    }

    /** Builds the value. */
    public RecordedCall build() {
      return new RecordedCall(this);
    }
  }
}
