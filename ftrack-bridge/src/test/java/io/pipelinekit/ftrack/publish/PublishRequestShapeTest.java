package io.pipelinekit.ftrack.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.core.internal.JsonTree;
import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.paths.sequence.FileSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The exact operations a publish sends, against canned answers. */
class PublishRequestShapeTest {
  @StartStop final MockWebServer server = new MockWebServer();

  static String page(String entities) {
    return "{\"action\":\"query\",\"data\":["
        + entities
        + "],\"metadata\":{\"next\":{\"offset\":null}}}";
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSequencePublishSendsAssetVersionContainerMembersThenRowsMembersFirst() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body(
                "["
                    + page("{\"__entity_type__\":\"AssetType\",\"id\":\"t1\",\"short\":\"plate\"}")
                    + ","
                    + page("{\"__entity_type__\":\"Location\",\"id\":\"l1\",\"name\":\"hq\"}")
                    + ","
                    + page("{\"__entity_type__\":\"Shot\",\"id\":\"s1\",\"name\":\"sh010\"}")
                    + ","
                    + page("")
                    + "]")
            .build());
    StringBuilder creates = new StringBuilder("[");
    for (int i = 0; i < 8; i++) {
      creates
          .append(i == 0 ? "" : ",")
          .append("{\"action\":\"create\",\"data\":{\"__entity_type__\":\"X\",\"id\":\"x")
          .append(i)
          .append("\",\"version\":7}}");
    }
    server.enqueue(new MockResponse.Builder().body(creates.append("]").toString()).build());

    Publication p;
    try (FtrackSession s =
        FtrackSession.builder()
            .serverUrl(server.url("/").toString())
            .apiUser("jane")
            .apiKey("k")
            .timezoneSupport(true)
            .build()) {
      p =
          Publisher.of(s)
              .publish(
                  PublishRequest.builder()
                      .context(EntityRef.of("Shot", "s1"))
                      .assetName("bg")
                      .assetType("plate")
                      .location("hq")
                      .sequence("main", FileSequence.parse("demo/bg.####.dpx [9-10]"), 10)
                      .build());
    }
    List<Map<String, Object>> lookup =
        (List<Map<String, Object>>) JsonTree.parse(server.takeRequest().getBody().utf8());
    assertThat(lookup)
        .extracting(op -> (String) op.get("expression"))
        .containsExactly(
            "select id, short from AssetType where short is \"plate\" offset 0 limit 500",
            "select id, name from Location where name is \"hq\" offset 0 limit 500",
            "select id, name from Context where id is \"s1\" offset 0 limit 500",
            "select id, name, context_id, type_id from Asset where context_id is \"s1\" and name"
                + " is \"bg\" and type.short is \"plate\" offset 0 limit 500");

    List<Map<String, Object>> write =
        (List<Map<String, Object>>) JsonTree.parse(server.takeRequest().getBody().utf8());
    List<String> types = new ArrayList<>();
    for (Map<String, Object> op : write) {
      assertThat(op.get("action")).isEqualTo("create");
      types.add((String) op.get("entity_type"));
    }
    assertThat(types)
        .containsExactly(
            "Asset",
            "AssetVersion",
            "SequenceComponent",
            "FileComponent",
            "FileComponent",
            "ComponentLocation",
            "ComponentLocation",
            "ComponentLocation");
    Map<String, Object> asset = (Map<String, Object>) write.get(0).get("entity_data");
    assertThat(asset)
        .containsEntry("__entity_type__", "Asset")
        .containsEntry("name", "bg")
        .containsEntry("context_id", "s1")
        .containsEntry("type_id", "t1");
    Map<String, Object> version = (Map<String, Object>) write.get(1).get("entity_data");
    assertThat(version).containsEntry("asset_id", asset.get("id")).doesNotContainKey("version");
    Map<String, Object> seq = (Map<String, Object>) write.get(2).get("entity_data");
    assertThat(seq)
        .containsEntry("name", "main")
        .containsEntry("file_type", ".dpx")
        .containsEntry("padding", 4L)
        .containsEntry("size", 20L)
        .containsEntry("version_id", version.get("id"));
    Map<String, Object> member = (Map<String, Object>) write.get(3).get("entity_data");
    assertThat(member)
        .containsEntry("name", "0009")
        .containsEntry("container_id", seq.get("id"))
        .doesNotContainKey("version_id");
    List<Object> rows = new ArrayList<>();
    for (int i = 5; i < 8; i++) {
      Map<String, Object> d = (Map<String, Object>) write.get(i).get("entity_data");
      assertThat(d).containsEntry("location_id", "l1");
      rows.add(d.get("resource_identifier"));
    }
    assertThat(rows).containsExactly("demo/bg.0009.dpx", "demo/bg.0010.dpx", "demo/bg.%04d.dpx");
    assertThat(p.versionNumber()).isEqualTo(7);
    assertThat(p.component("main").id()).isEqualTo(seq.get("id"));
  }
}
