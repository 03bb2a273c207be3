package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads JSON fixtures from {@code src/test/resources/fixtures}. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * The fixture text.
   *
   * @param name e.g. {@code transfers/running.json}
   * @return the text
   */
  public static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The fixture as JSON.
   *
   * @param name the fixture
   * @return the value
   */
  public static Json json(String name) {
    return Json.parse(text(name));
  }
}
