package io.pipelinekit.testkit.accsyn.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a site's directory as a {@link java.nio.file.Path}.
 *
 * <pre>
 * {@literal @}Test void t({@literal @}SiteDir("la") Path la) { ... }
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SiteDir {
  /** The site code. */
  String value();
}
