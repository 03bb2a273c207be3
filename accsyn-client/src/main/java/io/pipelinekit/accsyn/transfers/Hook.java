package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.internal.typed.JsonValues;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A job hook, e.g. the publish workflow's {@code hook-job-publish-server} with the pre-publish
 * result files.
 *
 * <pre>{@code
 * Hook.of("hook-job-publish-server", Map.of("files", prepublished));
 * }</pre>
 */
@Value.Immutable
public interface Hook {
  /**
   * When the hook runs ({@code when}).
   *
   * @return e.g. {@code hook-job-publish-server}
   */
  String when();

  /**
   * The hook's data ({@code data}).
   *
   * @return JSON values
   */
  Map<String, Object> data();

  /**
   * A hook.
   *
   * @param when when it runs
   * @param data its data
   * @return the hook
   */
  static Hook of(String when, Map<String, ?> data) {
    return builder().when(when).putAllData(data).build();
  }

  /** Checks the data. */
  @Value.Check
  default void check() {
    if (when().isBlank()) {
      throw new IllegalArgumentException("a hook needs a 'when', e.g. hook-job-publish-server");
    }
    JsonValues.check("hook data", data());
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Hook}; not thread-safe. */
  final class Builder extends ImmutableHook.Builder {}
}
