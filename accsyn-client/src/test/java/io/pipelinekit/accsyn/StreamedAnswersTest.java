package io.pipelinekit.accsyn;

import static io.pipelinekit.accsyn.MockAccsyn.T0;
import static io.pipelinekit.accsyn.MockAccsyn.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.testing.FakeTime;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Successful answers are read into their tree as they arrive, with the same failures as text. */
class StreamedAnswersTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime(T0);

  static String tasks(int n) {
    StringBuilder sb = new StringBuilder("{\"result\": [");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ", ")
          .append("{\"id\": \"t")
          .append(i)
          .append("\", \"size\": 123456789012345, \"progress\": 0.5, \"name\": \"\\u00c5sa ")
          .append(i)
          .append("\"}");
    }
    return sb.append("]}").toString();
  }

  void chunked(String body) {
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/json")
            .chunkedBody(body, 4096)
            .build());
  }

  @Test
  void aLargeChunkedAnswerBecomesItsExactTree() {
    login(server, "admin");
    chunked(tasks(20_000));
    List<Json> found;
    try (AccsynClient c = MockAccsyn.client(server, time).build()) {
      found = c.find("task");
    }
    assertThat(found).hasSize(20_000);
    Json last = found.get(19_999);
    assertThat(last.string("id")).contains("t19999");
    assertThat(last.get("size").map(Json::asLong)).contains(123456789012345L);
    assertThat(last.string("name")).contains("Åsa 19999");
  }

  @Test
  void aSuccessfulAnswerCutShortPastItsFirstKilobytesIsTruncated() {
    login(server, "admin");
    String whole = tasks(1000);
    String cut = whole.substring(0, 20_000);
    chunked(cut);
    try (AccsynClient c = MockAccsyn.client(server, time).build()) {
      assertThatThrownBy(() -> c.find("task"))
          .isInstanceOfSatisfying(
              AccsynTruncatedResponseException.class,
              e -> assertThat(e.getMessage()).contains("cut short after 20000 bytes"));
    }
  }

  @Test
  void aSuccessfulAnswerThatIsNotJsonIsUnexpectedAndQuoted() {
    login(server, "admin");
    chunked("<html><body>Gateway says hello" + " ".repeat(10_000) + "</body></html>");
    try (AccsynClient c = MockAccsyn.client(server, time).build()) {
      assertThatThrownBy(() -> c.find("task"))
          .isInstanceOf(AccsynUnexpectedResponseException.class)
          .hasMessageContaining("not JSON")
          .hasMessageContaining("Gateway says hello");
    }
  }
}
