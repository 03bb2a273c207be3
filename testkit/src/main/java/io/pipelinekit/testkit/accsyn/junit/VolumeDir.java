package io.pipelinekit.testkit.accsyn.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a volume's directory at a site ("storage at hq") as a {@link java.nio.file.Path}.
 *
 * <pre>
 * {@literal @}Test void t({@literal @}VolumeDir(site = "hq", volume = "storage") Path storage) { ... }
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface VolumeDir {
  /** The site code. */
  String site();

  /** The volume code. */
  String volume();
}
