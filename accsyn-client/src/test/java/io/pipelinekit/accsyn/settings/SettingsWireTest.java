package io.pipelinekit.accsyn.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.accsyn.typed.Wire;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Settings and the integration utility. */
class SettingsWireTest {
  static final String QID = "5f0c1a2b3c4d5e6f7a8b9c31";

  final Wire wire = new Wire();
  final Settings settings = Settings.of(wire.client);

  @AfterEach
  void close() {
    wire.close();
  }

  @Test
  void getGetAllSetDelete() {
    wire.ok("\"100\"").ok("null").ok("{\"transfer_speedlimit\": \"100\"}").ok("true").ok("true");
    assertThat(settings.get(SettingScope.of("queue", QID), "transfer_speedlimit"))
        .map(j -> j.asString())
        .contains("100");
    assertThat(settings.get(SettingScope.workspace(), "nothing")).isEmpty();
    assertThat(settings.all(SettingScope.workspace())).containsKey("transfer_speedlimit");
    assertThat(settings.set(SettingScope.of("Queue", QID), "transfer_speedlimit", "50")).isTrue();
    assertThat(settings.delete(SettingScope.of("queue", QID), "transfer_speedlimit")).isTrue();
    wire.next()
        .is(
            "GET",
            "setting",
            "{\"entitytype\": \"queue\", \"name\": \"transfer_speedlimit\", \"data\": null}")
        .withId(QID);
    wire.next()
        .is(
            "GET",
            "setting",
            "{\"entitytype\": \"workspace\", \"name\": \"nothing\", \"data\": null}")
        .withId(null);
    wire.next()
        .is(
            "GET",
            "setting",
            "{\"entitytype\": \"workspace\", \"recursive\": false, \"upstream\": false,"
                + " \"omit_defaults\": true}");
    wire.next()
        .is(
            "PUT",
            "setting",
            "{\"entitytype\": \"queue\", \"name\": \"transfer_speedlimit\", \"value\": \"50\"}")
        .withId(QID);
    wire.next()
        .is("DELETE", "setting", "{\"entitytype\": \"queue\", \"name\": \"transfer_speedlimit\"}")
        .withId(QID);
  }

  @Test
  void integrationSettingAndUtility() {
    wire.ok("{\"id\": \"loc-2\", \"name\": \"hq\"}").ok("{\"registered\": true}");
    assertThat(settings.get("upload_location", "ftrack", Map.of("location_id", "loc-1")))
        .flatMap(j -> j.string("name"))
        .contains("hq");
    assertThat(
            settings
                .integration(
                    "ftrack", "client_register", Map.of("client", "c1", "location", "loc-1"))
                .bool("registered"))
        .contains(true);
    wire.next()
        .is(
            "GET",
            "setting",
            "{\"entitytype\": \"workspace\", \"name\": \"upload_location\", \"integration\":"
                + " \"ftrack\", \"data\": {\"location_id\": \"loc-1\"}}");
    var e = wire.next();
    assertThat(e.method()).isEqualTo("PUT");
    assertThat(e.uri()).isEqualTo("workspace/integration/ftrack/utility");
    assertThat(e.data().string("operation")).contains("client_register");
    assertThat(e.data().get("data").orElseThrow().string("location")).contains("loc-1");
  }
}
