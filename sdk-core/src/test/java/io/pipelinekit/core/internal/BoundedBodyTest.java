package io.pipelinekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {
  @Test
  void readsABodyWithinTheLimit() throws Exception {
    ResponseBody b = ResponseBody.create("{\"result\": \"é\"}", MediaType.get("application/json"));
    assertThat(BoundedBody.read(b, 100)).isEqualTo("{\"result\": \"é\"}");
    assertThat(BoundedBody.read(null, 100)).isEmpty();
  }

  @Test
  void anAnnouncedLengthOverTheLimitFailsBeforeReading() {
    ResponseBody b = ResponseBody.create(new byte[2048], null);
    assertThatThrownBy(() -> BoundedBody.read(b, 1024))
        .isInstanceOf(BoundedBody.BodyTooLargeException.class)
        .hasMessageContaining("2048 bytes")
        .hasMessageContaining("1024")
        .satisfies(
            e -> assertThat(((BoundedBody.BodyTooLargeException) e).limit()).isEqualTo(1024));
  }

  @Test
  void anEndlessBodyOfUnknownLengthStopsAtTheLimit() {
    // A source that never ends: without the limit the read would fill the heap.
    long[] served = {0};
    Source endless =
        new Source() {
          @Override
          public long read(Buffer sink, long byteCount) {
            sink.write(new byte[(int) byteCount]);
            served[0] += byteCount;
            return byteCount;
          }

          @Override
          public Timeout timeout() {
            return Timeout.NONE;
          }

          @Override
          public void close() {}
        };
    ResponseBody b = ResponseBody.create(Okio.buffer(endless), null, -1);
    assertThatThrownBy(() -> BoundedBody.read(b, 100_000))
        .isInstanceOf(BoundedBody.BodyTooLargeException.class)
        .hasMessageContaining("100000 bytes");
    assertThat(served[0]).isLessThan(200_000);
  }
}
