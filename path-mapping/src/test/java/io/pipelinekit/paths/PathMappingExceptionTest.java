package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathMappingExceptionTest {
  @Test
  void keepsMessageAndCause() {
    IllegalStateException cause = new IllegalStateException("x");
    PathMappingException e = new PathMappingException("bad root", cause);
    assertThat(e).hasMessage("bad root").hasCause(cause);
  }
}
