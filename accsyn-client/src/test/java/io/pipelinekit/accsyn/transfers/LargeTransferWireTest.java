package io.pipelinekit.accsyn.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.EventEncoder;
import io.pipelinekit.accsyn.internal.PyJson;
import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.accsyn.testing.FakeTime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A job with thousands of tasks is written straight from its specs: the request carries exactly the
 * text the plain tree of {@link TransferSpec#toData()} would give, and a resend carries it whole.
 */
class LargeTransferWireTest {
  static final String JOB = "614d660de50d45bb027c9bdd";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime(Instant.parse("2026-11-23T00:16:26Z"));

  /** Tasks in every form a spec can take, with text JSON must escape. */
  static TransferSpec spec(int n) {
    List<TaskSpec> tasks = new ArrayList<>();
    AccsynPath into = AccsynPath.share("proj", "plates").at(Party.site("la")).intoFolder();
    for (int i = 0; i < n; i++) {
      AccsynPath source = AccsynPath.share("proj", "sh010", String.format("plate.%07d.exr", i));
      tasks.add(
          switch (i % 5) {
            case 0 -> TaskSpec.of(source);
            case 1 -> TaskSpec.builder().source(source).destination(into).priority(999).build();
            case 2 ->
                TaskSpec.builder()
                    .source(source)
                    .destination(AccsynPath.mirror(Party.site("la")))
                    .status(TaskStatus.ONHOLD)
                    .id("t" + i)
                    .build();
            case 3 ->
                TaskSpec.builder()
                    .source(AccsynPath.absolute("/mnt/Åsa \"q\"\\x\t😀/f" + i))
                    .destination(into)
                    .putMetadata("shot", "sh010")
                    .putMetadata("frame", i)
                    .putSetting("task_bucketsize", "1")
                    .build();
            default ->
                TaskSpec.builder()
                    .source(source)
                    .destination(into)
                    .putExtra("compute", Map.of("ratio", 0.5, "list", List.of(1, "two")))
                    .build();
          });
    }
    return TransferSpec.builder().name("plates").tasks(tasks).build();
  }

  @Test
  void theTaskListWritesAndEstimatesExactlyWhatItsPlainDataWould() {
    TransferSpec s = spec(50);
    List<Object> plain = s.tasks().stream().map(TaskSpec::toData).toList();
    TaskList lazy = new TaskList(s.tasks());
    assertThat(PyJson.write(lazy)).isEqualTo(PyJson.write(plain));
    assertThat(EventEncoder.estimateSize(lazy)).isEqualTo(EventEncoder.estimateSize(plain));
    assertThat(lazy).isEqualTo(plain);
    assertThat(Json.of(s.toData()).get("tasks").orElseThrow()).isEqualTo(Json.of(plain));
  }

  @Test
  void aLargeCreateSendsThePlainTreesTextAndAResendSendsItWhole() throws Exception {
    json(200, "{\"result\": {\"role\": \"admin\", \"id\": \"" + JOB + "\"}}");
    // The create is read, then the connection drops: the client looks for the job during the
    // settle window (one read timeout), finds none, and sends the create again.
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    for (int i = 0; i < 6; i++) {
      json(200, "{\"result\": []}");
    }
    json(200, "{\"result\": [{\"id\": \"" + JOB + "\"}]}");
    json(200, "{\"result\": [{\"id\": \"" + JOB + "\"}]}");
    json(200, "{\"result\": []}");
    TransferSpec spec = spec(3000);
    try (AccsynClient c =
        AccsynClient.builder()
            .workspace("acme")
            .username("john@user.com")
            .apiKey("SECRETKEY-0123456789")
            .endpoint(server.url("/").uri())
            .hostname("testhost")
            .clock(time)
            .sleeper(time)
            .readTimeout(Duration.ofSeconds(2))
            .build()) {
      assertThat(Transfers.of(c).create(spec).id()).isEqualTo(JOB);
    }
    take(); // login
    RecordedRequest first = take();
    for (int i = 0; i < 6; i++) {
      take();
    }
    RecordedRequest second = take();

    Json sent = Json.parse(first.getBody().utf8());
    assertThat(sent.has("data")).isFalse();
    assertThat(first.getHeaders().get("Content-Length"))
        .isEqualTo(String.valueOf(first.getBody().size()));
    String text = gunzip(sent.string("gz_data").orElseThrow());
    String requestId =
        Json.parse(text)
            .get("metadata")
            .flatMap(m -> m.string("pipelinekit_request_id"))
            .orElseThrow();
    Map<String, Object> expected = new LinkedHashMap<>(spec.toData());
    expected.put("tasks", spec.tasks().stream().map(TaskSpec::toData).toList());
    expected.put("metadata", Map.of("pipelinekit_request_id", requestId));
    assertThat(text).isEqualTo(PyJson.write(expected));

    Json resent = Json.parse(second.getBody().utf8());
    assertThat(resent.string("uri")).contains("transfer/create");
    assertThat(resent.string("gz_data")).isEqualTo(sent.string("gz_data"));
  }

  private void json(int code, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(code)
            .setHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request").isNotNull();
    return r;
  }

  static String gunzip(String b64) throws IOException {
    try (InputStream in =
        new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(b64)))) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
