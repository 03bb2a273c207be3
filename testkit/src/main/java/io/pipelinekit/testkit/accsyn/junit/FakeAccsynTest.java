package io.pipelinekit.testkit.accsyn.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a fresh {@link io.pipelinekit.testkit.accsyn.FakeAccsyn}: one per test
 * method by default, or one per class. Test methods receive the fake, {@link
 * io.pipelinekit.testkit.accsyn.Credentials}, its base {@link java.net.URI} and directories as
 * parameters.
 *
 * <pre>
 * {@literal @}FakeAccsynTest(seed = "studio.json")
 * class PublishPluginTest {
 *   {@literal @}Test
 *   void sendsToLa(FakeAccsyn fake, {@literal @}User("anna@studio.com") Credentials anna,
 *                  {@literal @}VolumeDir(site = "hq", volume = "storage") Path storage) { ... }
 * }
 * </pre>
 *
 * <p>For a fixture built in code, register {@link FakeAccsynExtension} as a field instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeAccsynExtension.class)
public @interface FakeAccsynTest {
  /** A JSON seed on the test class's classpath (relative to its package, or absolute with /). */
  String seed() default "";

  /** One fake for the whole class instead of one per test method. */
  boolean perClass() default false;

  /** Deterministic mode: fixed ids and clock; transfers run on {@code fake.runTransfers()}. */
  boolean deterministic() default false;
}
