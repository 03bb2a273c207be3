package io.pipelinekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor redactor = new Redactor(List.of("s3cr3t-key", "ab", "c2VjcmV0"));

  @Test
  void hidesConfiguredValuesAnywhere() {
    assertThat(redactor.redact("key=s3cr3t-key; b64 c2VjcmV0"))
        .isEqualTo("key=<redacted>; b64 <redacted>");
  }

  @Test
  void ignoresValuesTooShortToBeSecrets() {
    assertThat(redactor.redact("abc")).isEqualTo("abc");
  }

  @Test
  void hidesSecretLookingJsonFieldsOfEitherService() {
    String json =
        "{\"api_key\": \"other\", \"ftrack-api-key\": \"k2\", \"password\":\"p\","
            + " \"refresh_token\": \"t\\\"x\", \"name\": \"kept\"}";
    assertThat(redactor.redact(json))
        .isEqualTo(
            "{\"api_key\": \"<redacted>\", \"ftrack-api-key\": \"<redacted>\","
                + " \"password\":\"<redacted>\", \"refresh_token\": \"<redacted>\","
                + " \"name\": \"kept\"}");
  }

  @Test
  void excerptsAreRedactedAndCut() {
    assertThat(redactor.excerpt("  s3cr3t-key and more text  ", 14)).isEqualTo("<redacted> and…");
    assertThat(redactor.redact(null)).isEmpty();
  }
}
