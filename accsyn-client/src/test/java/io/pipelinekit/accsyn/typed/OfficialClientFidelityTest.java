package io.pipelinekit.accsyn.typed;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.accsyn.AttributeSet;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.Query;
import io.pipelinekit.accsyn.files.LsOptions;
import io.pipelinekit.accsyn.internal.EventEncoder;
import io.pipelinekit.accsyn.party.AccsynPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events that accsyn's Python client (3.3) also sends, compared byte for byte with what it sends
 * for the same call: attribute sets, the host queries, the {@code gz_data} switch and single-string
 * file filters.
 */
class OfficialClientFidelityTest {
  final Wire wire = new Wire();

  @AfterEach
  void close() {
    wire.close();
  }

  @Test
  void attributesCanBeAskedForTheCreateOrUpdateSet() {
    wire.ok("[\"id\", \"name\"]").ok("[\"name\", \"tasks\"]").ok("[\"status\"]").ok("[\"x\"]");
    assertThat(wire.client.find("attributes WHERE entitytype=transfer"))
        .extracting(Json::asString)
        .containsExactly("id", "name");
    assertThat(wire.client.attributes("transfer", AttributeSet.CREATE))
        .containsExactly("name", "tasks");
    assertThat(wire.client.attributes("Transfer", AttributeSet.UPDATE)).containsExactly("status");
    wire.client.find(Query.parse("attributes WHERE entitytype=user").create(true).update(true));
    wire.next()
        .is(
            "GET",
            "attributes",
            "{\"entitytype\": \"transfer\", \"create\": false, \"update\": false}");
    wire.next()
        .is(
            "GET",
            "attributes",
            "{\"entitytype\": \"transfer\", \"create\": true, \"update\": false}");
    wire.next()
        .is(
            "GET",
            "attributes",
            "{\"entitytype\": \"transfer\", \"create\": false, \"update\": true}");
    wire.next()
        .is("GET", "attributes", "{\"entitytype\": \"user\", \"create\": true, \"update\": true}");
  }

  @Test
  void hostQueriesKeepTheHostsCaseAndAreTheOfficialText() {
    wire.ok("[]").ok("[]");
    wire.client.sites().isAppRunning("Anna-WS");
    wire.client.sites().isDaemonRunning("Anna-WS");
    wire.next()
        .is("GET", "client/find", "{}")
        .withQuery("user=" + Wire.USER_ID + " AND code=Anna-WS AND type=0");
    wire.next()
        .is("GET", "client/find", "{}")
        .withQuery("user=" + Wire.USER_ID + " AND code=Anna-WS AND (type=1 OR type=2)");
  }

  @Test
  void aFoundQueryKeepsTheCaseOfItsValues() {
    wire.ok("[]");
    wire.client.find("Client WHERE code=Anna-WS");
    wire.next().is("GET", "client/find", "{}").withQuery("code=Anna-WS");
  }

  /** A transfer payload whose estimate in the official client is exactly {@code size}. */
  static Map<String, Object> transferOfEstimate(long size, Map<String, Object> metadata) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", "");
    if (metadata != null) {
      p.put("metadata", metadata);
    }
    List<Object> tasks = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      tasks.add(Map.of("source", "share=projects/shot_" + i + "/plate.exr", "destination", "la"));
    }
    p.put("tasks", tasks);
    long pad = size - EventEncoder.estimateSize(p);
    assertThat(pad).isPositive();
    p.put("name", "n".repeat((int) pad));
    assertThat(EventEncoder.estimateSize(p)).isEqualTo(size);
    return p;
  }

  @Test
  void gzipSwitchIsWhereTheOfficialClientSwitchesForTheSameUserPayload() {
    long t = EventEncoder.GZ_THRESHOLD;
    for (int i = 0; i < 4; i++) {
      wire.ok("[{\"id\": \"6a0c1a2b3c4d5e6f7a8b9c0" + i + "\"}]");
    }
    wire.client.create("transfer", Json.of(transferOfEstimate(t, null)));
    wire.client.create("transfer", Json.of(transferOfEstimate(t + 1, null)));
    wire.client.create("transfer", Json.of(transferOfEstimate(t, Map.of("shot", "sh010"))));
    wire.client.create("transfer", Json.of(transferOfEstimate(t + 1, Map.of("shot", "sh010"))));
    assertThat(wire.next().event().has("gz_data")).as("at the threshold").isFalse();
    assertThat(wire.next().event().has("gz_data")).as("above the threshold").isTrue();
    Json withMeta = wire.next().event();
    assertThat(withMeta.has("gz_data")).as("own metadata, at the threshold").isFalse();
    assertThat(withMeta.get("data").orElseThrow().get("metadata").orElseThrow().has("shot"))
        .isTrue();
    assertThat(wire.next().event().has("gz_data")).as("own metadata, above").isTrue();
  }

  @Test
  void singleStringFiltersAreSentAsStrings() {
    wire.ok("[]").ok("[]");
    wire.client
        .files()
        .ls(
            AccsynPath.share("proj"),
            LsOptions.builder().include("*.exr").exclude("re('Icon\\r')").build());
    wire.client.files().ls(AccsynPath.share("proj"), LsOptions.builder().exclude("*.tmp").build());
    wire.next()
        .is(
            "GET",
            "workspace/file",
            "{\"op\": \"ls\", \"path\": \"share=proj\", \"download\": true, \"recursive\": false,"
                + " \"getsize\": false, \"include\": \"*.exr\", \"exclude\": \"re('Icon\\\\r')\"}");
    wire.next()
        .is(
            "GET",
            "workspace/file",
            "{\"op\": \"ls\", \"path\": \"share=proj\", \"download\": true, \"recursive\": false,"
                + " \"getsize\": false, \"exclude\": \"*.tmp\"}");
  }
}
