package io.pipelinekit.paths;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of a mapping: either a value with optional warnings, or a typed failure. Mapping
 * never returns a silently different path: whatever could not be mapped exactly is a failure.
 *
 * <pre>{@code
 * MappingResult<OsPath> r = mapper.toOs("/storage/shots/a.exr", Target.of(Platform.WINDOWS));
 * if (r.isSuccess()) {
 *   System.out.println(r.orElseThrow());          // S:\shots\a.exr
 *   r.warnings().forEach(System.err::println);
 * } else {
 *   System.err.println(r.failure().orElseThrow());
 * }
 * }</pre>
 *
 * @param <T> the mapped value type, e.g. {@link OsPath} or {@link SharePath}
 */
public final class MappingResult<T> {
  private final T value;
  private final MappingFailure failure;
  private final List<String> warnings;

  private MappingResult(T value, MappingFailure failure, List<String> warnings) {
    this.value = value;
    this.failure = failure;
    this.warnings = warnings.isEmpty() ? List.of() : List.copyOf(warnings);
  }

  /**
   * A successful result.
   *
   * @param value the mapped value
   * @param warnings notes about lossy but accepted conversions, possibly empty
   * @param <T> the value type
   * @return the result
   */
  public static <T> MappingResult<T> success(T value, List<String> warnings) {
    return new MappingResult<>(Objects.requireNonNull(value, "value == null"), null, warnings);
  }

  /**
   * A failed result.
   *
   * @param failure the reason
   * @param <T> the value type
   * @return the result
   */
  public static <T> MappingResult<T> failure(MappingFailure failure) {
    return new MappingResult<>(null, Objects.requireNonNull(failure, "failure == null"), List.of());
  }

  /**
   * A failed result built from its parts.
   *
   * @param kind the reason
   * @param input the rejected input
   * @param message what was wrong and how to fix it
   * @param <T> the value type
   * @return the result
   */
  public static <T> MappingResult<T> failure(FailureKind kind, String input, String message) {
    return failure(new MappingFailure(kind, input, message));
  }

  /**
   * Whether mapping succeeded.
   *
   * @return true if {@link #value()} is present
   */
  public boolean isSuccess() {
    return failure == null;
  }

  /**
   * The mapped value.
   *
   * @return the value, or empty on failure
   */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /**
   * The reason for a failure.
   *
   * @return the failure, or empty on success
   */
  public Optional<MappingFailure> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * The failure kind, for concise checks in code and tests.
   *
   * @return the kind, or empty on success
   */
  public Optional<FailureKind> failureKind() {
    return failure().map(MappingFailure::kind);
  }

  /**
   * Notes about accepted but lossy conversions, e.g. Win32 trailing-dot stripping or a {@code :}
   * that macOS Finder shows as {@code /}.
   *
   * @return the warnings, possibly empty
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The value, or an exception that carries the typed failure.
   *
   * @return the value
   * @throws PathRejectedException if mapping failed
   */
  public T orElseThrow() {
    if (failure != null) {
      throw new PathRejectedException(failure);
    }
    return value;
  }

  /**
   * Transforms a successful value, keeping warnings; a failure passes through unchanged.
   *
   * @param fn the transformation
   * @param <R> the new value type
   * @return the transformed result
   */
  public <R> MappingResult<R> map(Function<? super T, ? extends R> fn) {
    if (failure != null) {
      return failure(failure);
    }
    return success(fn.apply(value), warnings);
  }

  @Override
  public String toString() {
    if (failure != null) {
      return "MappingResult{" + failure + "}";
    }
    return "MappingResult{" + value + (warnings.isEmpty() ? "" : ", warnings=" + warnings) + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MappingResult<?> other
        && Objects.equals(value, other.value)
        && Objects.equals(failure, other.failure)
        && warnings.equals(other.warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, failure, warnings);
  }
}
