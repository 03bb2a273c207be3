package io.pipelinekit.accsyn.typed;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.deliveries.Delivery;
import io.pipelinekit.accsyn.files.FileEntry;
import io.pipelinekit.accsyn.sites.ClientStatus;
import io.pipelinekit.accsyn.sites.ClientType;
import io.pipelinekit.accsyn.sites.Host;
import io.pipelinekit.accsyn.transfers.Fixtures;
import io.pipelinekit.accsyn.transfers.TransferStatus;
import io.pipelinekit.accsyn.users.Role;
import io.pipelinekit.accsyn.users.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decoding realistic responses: fields added later, dates with and without offsets (and with
 * millis), ids with the {@code ObjectId:} prefix, sizes beyond int, unknown enum values, nulls.
 */
class DecodingFixturesTest {

  @Test
  void user() {
    User u = User.fromJson(Fixtures.json("entities/user.json"));
    assertThat(u.id()).isEqualTo("5f0c1a2b3c4d5e6f7a8b9c11");
    assertThat(u.role()).isEqualTo(Role.STANDARD);
    assertThat(u.enabled()).isTrue();
    assertThat(u.created()).contains(Instant.parse("2026-02-09T08:17:45Z"));
    assertThat(u.metadata().get("vendor").asString()).isEqualTo("compers");
    assertThat(u.extra()).containsKeys("api_key_restricted", "modified", "logged_in");
  }

  @Test
  void appWithNullSiteAndEmptyRoles() {
    Host h = Host.fromJson(Fixtures.json("entities/host.json"));
    assertThat(h.type()).isEqualTo(ClientType.APP);
    assertThat(h.status()).isEqualTo(ClientStatus.DISABLED_OFFLINE);
    assertThat(h.status().isRunning()).isFalse();
    assertThat(h.roles()).isEmpty();
    assertThat(h.site()).isEmpty();
    assertThat(h.userHr()).contains("anna@studio.com");
    assertThat(h.lastCheckin()).contains(Instant.parse("2026-11-23T00:16:26.250Z"));
    assertThat(h.extra().get("benchmark").get("cpu").orElseThrow().asDecimal())
        .isEqualByComparingTo("12.5");
  }

  @Test
  void unknownClientTypeAndStatusSurvive() {
    Host h = Host.fromJson(Fixtures.json("entities/lane.json"));
    assertThat(h.type()).isEqualTo(ClientType.UNKNOWN);
    assertThat(h.status()).isEqualTo(ClientStatus.UNKNOWN);
    assertThat(h.roles()).containsExactly("compute");
    assertThat(h.extra()).containsKey("parent");
  }

  @Test
  void recursiveListingWithHugeSizesAndMissingValues() {
    List<FileEntry> entries =
        Fixtures.json("entities/listing.json").asList().stream().map(FileEntry::fromJson).toList();
    FileEntry plates = entries.get(0);
    assertThat(plates.size()).hasValue(12_884_901_888_000L);
    assertThat(plates.children().get(0).modified()).contains(Instant.parse("2026-11-23T07:00:00Z"));
    assertThat(plates.children().get(0).extra()).containsKey("checksum");
    FileEntry notes = entries.get(1);
    assertThat(notes.size()).isEmpty();
    assertThat(notes.modified()).isEmpty();
  }

  @Test
  void deliveryWithAStatusAddedLater() {
    Delivery d = Delivery.fromJson(Fixtures.json("entities/delivery.json"));
    assertThat(d.name()).contains("plates sh010");
    assertThat(d.status()).isEqualTo(TransferStatus.UNKNOWN);
    assertThat(d.statusText()).isEqualTo("expired");
    assertThat(d.extra()).containsKeys("public", "expires");
  }

  @Test
  void numbersSentAsStringsStillRead() {
    Host h =
        Host.fromJson(
            Json.parse(
                "{\"id\": \"5f0c1a2b3c4d5e6f7a8b9c21\", \"code\": \"x\", \"type\": \"1\","
                    + " \"status\": \"ONLINE\"}"));
    assertThat(h.type()).isEqualTo(ClientType.SERVER);
    assertThat(h.status()).isEqualTo(ClientStatus.ONLINE);
  }
}
