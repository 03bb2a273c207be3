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

  @Test
  void aCountedSourceKeepsTheHeadCountsAndStopsPastTheLimit() throws Exception {
    String text = "x".repeat(5000);
    BoundedBody.Counted counted =
        BoundedBody.counted(ResponseBody.create(text, MediaType.get("text/plain")), 10_000);
    assertThat(Okio.buffer(counted).readUtf8()).isEqualTo(text);
    assertThat(counted.count()).isEqualTo(5000);
    assertThat(counted.head()).hasSize(BoundedBody.Counted.HEAD).isEqualTo(text.substring(0, 4096));

    BoundedBody.Counted over =
        BoundedBody.counted(
            ResponseBody.create(
                Okio.buffer(Okio.source(new java.io.ByteArrayInputStream(new byte[5000]))),
                null,
                -1),
            1000);
    assertThatThrownBy(() -> Okio.buffer(over).readByteArray())
        .isInstanceOf(BoundedBody.BodyTooLargeException.class)
        .hasMessageContaining("over the limit of 1000 bytes");
    assertThatThrownBy(() -> BoundedBody.counted(ResponseBody.create(new byte[2048], null), 1024))
        .isInstanceOf(BoundedBody.BodyTooLargeException.class)
        .hasMessageContaining("2048 bytes");
  }
}
