package io.pipelinekit.testkit.accsyn.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Picks whose {@link io.pipelinekit.testkit.accsyn.Credentials} (or client) a parameter gets;
 * without it, the first admin's.
 *
 * <pre>
 * {@literal @}Test void upload({@literal @}User("vic@vendor.com") Credentials vic) { ... }
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface User {
  /** The user's e-mail. */
  String value();
}
