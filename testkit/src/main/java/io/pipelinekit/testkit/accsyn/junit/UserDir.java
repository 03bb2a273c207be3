package io.pipelinekit.testkit.accsyn.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a user's machine as a {@link java.nio.file.Path}: the root of their first app, or with
 * {@link #path()} the directory behind an absolute path on it (the employee's {@code S:} drive).
 *
 * <pre>
 * {@literal @}Test void t({@literal @}UserDir(value = "anna@studio.com", path = "S:") Path sDrive) { ... }
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UserDir {
  /** The user's e-mail. */
  String value();

  /** An absolute path on the user's machine; empty for the machine root. */
  String path() default "";
}
