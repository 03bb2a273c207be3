package io.pipelinekit.accsyn.deliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.accsyn.transfers.TransferStatus;
import io.pipelinekit.accsyn.typed.Wire;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deliveries and upload requests. */
class DeliveriesWireTest {
  static final String DID = "614d660de50d45bb027c9bd0";
  static final String DELIVERY =
      "{\"id\": \"" + DID + "\", \"name\": \"plates\", \"status\": \"init\", \"public\": false}";

  final Wire wire = new Wire();
  final Deliveries deliveries = Deliveries.of(wire.client);

  @AfterEach
  void close() {
    wire.close();
  }

  @Test
  void createsDeliveriesOfExistingFilesAndRequests() {
    wire.ok("[" + DELIVERY + "]").ok("[" + DELIVERY + "]");
    Delivery d =
        deliveries.create(
            DeliverySpec.builder()
                .name("plates")
                .addFile(AccsynPath.share("x", "y.png"))
                .addFile(AccsynPath.volume("assets", "logo.jpeg"))
                .addRecipients(" vic@vendor.com", "vic@vendor.com")
                .build());
    assertThat(d.status()).isEqualTo(TransferStatus.INIT);
    assertThat(d.extra()).containsKey("public");
    deliveries.create(
        DeliverySpec.builder()
            .name("uploads")
            .request(true)
            .addRecipient("vic@vendor.com")
            .destination(AccsynPath.defaultVolume("source", "from_client"))
            .submitLater(true)
            .build());
    wire.next()
        .isJobCreate(
            "POST",
            "delivery/create",
            "{\"name\": \"plates\", \"tasks\": [\"share=x/y.png\", \"volume=assets/logo.jpeg\"],"
                + " \"recipients\": [\"vic@vendor.com\"]}");
    wire.next()
        .isJobCreate(
            "POST",
            "request/create",
            "{\"name\": \"uploads\", \"recipients\": [\"vic@vendor.com\"], \"destination\":"
                + " \"volume=(default)/source/from_client\", \"status\": \"init\"}");
    assertThatThrownBy(
            () ->
                DeliverySpec.builder()
                    .name("x")
                    .request(true)
                    .addFile(AccsynPath.share("a"))
                    .build())
        .hasMessageContaining("no files");
  }

  @Test
  void filesPlacedInFoldersGoOutAsSourceAndDestinationWithMetadata() {
    wire.ok("[" + DELIVERY + "]");
    AccsynPath movie = AccsynPath.share("proj", "sh010", "v001", "sh010.mov");
    deliveries.create(
        DeliverySpec.builder()
            .name("dailies")
            .addFile(movie, "sh010_v001")
            .addFile(AccsynPath.share("proj", "sh020", "v001", "main.1001.exr"), "sh020_v001/")
            .addFile(AccsynPath.share("proj", "notes.pdf"))
            .addRecipient("rita@client.com")
            .putMetadata("review", "r1")
            .build());
    wire.next()
        .isJobCreate(
            "POST",
            "delivery/create",
            "{\"name\": \"dailies\", \"tasks\": [{\"source\": \"share=proj/sh010/v001/sh010.mov\","
                + " \"destination\": \"sh010_v001/\"}, {\"source\":"
                + " \"share=proj/sh020/v001/main.1001.exr\", \"destination\": \"sh020_v001/\"},"
                + " \"share=proj/notes.pdf\"], \"recipients\": [\"rita@client.com\"],"
                + " \"metadata\": {\"review\": \"r1\"}}");
    for (String bad : List.of("../up", "/abs", "a\\b", "site=la:x", "a//b", "./a", " ")) {
      assertThatThrownBy(() -> DeliverySpec.builder().name("d").addFile(movie, bad).build())
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be a relative path below the recipient's download folder");
    }
    assertThatThrownBy(
            () ->
                DeliverySpec.builder()
                    .name("d")
                    .addFile(movie)
                    .putFolder(AccsynPath.share("proj", "other.mov"), "x")
                    .build())
        .hasMessageContaining("not a file of the delivery");
  }

  @Test
  void temporaryDeliveryFlow() {
    wire.ok("[{\"id\": \"614d660de50d45bb027c9bdd\", \"status\": \"init\"}]"); // upload
    wire.ok("[{\"id\": \"5f0c1a2b3c4d5e6f7a8b9c11\"}]"); // user lookup
    wire.ok("true"); // recipient add
    wire.ok(
        "[{\"actioned\": false, \"user\": \"5f0c1a2b3c4d5e6f7a8b9c11\", \"user_hr\":"
            + " \"vic@vendor.com\"}]");
    wire.ok("[" + DELIVERY.replace("init", "pending") + "]"); // submit
    deliveries.upload(DID, AccsynPath.absolute("/Users/anna/notes.pdf"));
    deliveries.addRecipient(DID, "vic@vendor.com", false);
    assertThat(deliveries.recipients(DID))
        .singleElement()
        .satisfies(r -> assertThat(r.userHr()).contains("vic@vendor.com"));
    assertThat(deliveries.submit(DID).status()).isEqualTo(TransferStatus.PENDING);

    var upload = wire.next();
    assertThat(upload.uri()).isEqualTo("transfer/create");
    assertThat(upload.data().string("parent")).contains(DID);
    assertThat(upload.data().string("source")).contains("/Users/anna/notes.pdf");
    wire.next().is("GET", "user/find", "{\"single_entity_query\": true}");
    wire.next()
        .is(
            "PUT",
            "job/recipient/add",
            "{\"recipient\": \"5f0c1a2b3c4d5e6f7a8b9c11\", \"invite\": false}")
        .withId(DID);
    wire.next().is("GET", "job/recipients", "{}").withId(DID);
    wire.next().is("PUT", "delivery/edit", "{\"status\": \"pending\"}").withId(DID);
  }

  @Test
  void otherDeliveryOperations() {
    wire.ok("true"); // remove recipient (given by id: no lookup)
    wire.ok("[" + DELIVERY.replace("init", "aborted") + "]");
    wire.ok("[" + DELIVERY.replace("init", "done") + "]");
    wire.ok("true");
    wire.ok("[{\"id\": \"t-0\", \"status\": \"done\"}]");
    wire.ok("[{\"id\": \"614d660de50d45bb027c9bdd\", \"status\": \"waiting\"}]");
    deliveries.removeRecipient(DID, "5f0c1a2b3c4d5e6f7a8b9c11");
    deliveries.abort(DID);
    deliveries.finish(DID);
    deliveries.delete(DID);
    assertThat(deliveries.files(DID)).hasSize(1);
    deliveries.download(DID, AccsynPath.absolute("/tmp").intoFolder());
    wire.next()
        .is("DELETE", "job/recipient", "{\"recipient\": \"5f0c1a2b3c4d5e6f7a8b9c11\"}")
        .withId(DID);
    wire.next().is("PUT", "delivery/edit", "{\"status\": \"aborted\"}");
    wire.next().is("PUT", "delivery/edit", "{\"status\": \"done\"}");
    assertThat(wire.next().uri()).isEqualTo("delivery/delete");
    wire.next().is("GET", "task/find", "{}").withQuery("job.id=\"" + DID + "\"");
    var download = wire.next();
    assertThat(download.data().string("destination")).contains("/tmp/");
    assertThat(download.data().string("parent")).contains(DID);
  }

  @Test
  void anUnknownRecipientIsSentByEmailSoAccsynInvitesThem() {
    wire.ok("[]").ok("true");
    deliveries.addRecipient(DID, " New@Client.com ", true);
    wire.next()
        .is("GET", "user/find", "{\"single_entity_query\": true}")
        .withQuery("code=\"new@client.com\"");
    wire.next()
        .is("PUT", "job/recipient/add", "{\"recipient\": \"new@client.com\", \"invite\": true}")
        .withId(DID);
  }
}
