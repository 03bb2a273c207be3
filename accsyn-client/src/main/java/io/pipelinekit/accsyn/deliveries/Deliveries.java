package io.pipelinekit.accsyn.deliveries;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.HttpMethod;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.Operator;
import io.pipelinekit.accsyn.Query;
import io.pipelinekit.accsyn.internal.typed.Calls;
import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.accsyn.transfers.Task;
import io.pipelinekit.accsyn.transfers.Transfer;
import io.pipelinekit.accsyn.transfers.TransferSpec;
import io.pipelinekit.accsyn.transfers.Transfers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Deliveries and upload requests (see docs/protocol/accsyn-v3.md, "Deliveries and upload
 * requests"): create, upload into, add and remove recipients, submit, abort, finish, delete, list
 * files, download. Thread-safe; obtain it from {@code client.deliveries()} or {@link
 * #of(AccsynClient)}.
 *
 * <pre>{@code
 * Deliveries d = client.deliveries();
 * Delivery temp = d.create(DeliverySpec.builder().name("notes").build());   // temporary
 * d.upload(temp.id(), AccsynPath.absolute("/Users/anna/notes.pdf"));
 * d.addRecipient(temp.id(), "vic@vendor.com", true);
 * d.submit(temp.id());
 * }</pre>
 */
public final class Deliveries {
  private final AccsynClient client;

  private Deliveries(AccsynClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /**
   * The delivery API of a client.
   *
   * @param client the client
   * @return the resource group
   */
  public static Deliveries of(AccsynClient client) {
    return new Deliveries(client);
  }

  /**
   * Creates a delivery or request ({@code POST delivery/create} or {@code request/create}).
   *
   * @param spec the delivery
   * @return the delivery
   */
  public Delivery create(DeliverySpec spec) {
    List<Json> created = client.create(type(spec.request()), spec.toData());
    if (created.isEmpty()) {
      throw new AccsynException("accsyn created the delivery but returned nothing");
    }
    return Delivery.fromJson(created.get(0));
  }

  /**
   * A delivery by id, in any state.
   *
   * @param id the id
   * @return the delivery, or empty
   */
  public Optional<Delivery> get(String id) {
    return client.get("delivery", id).map(Delivery::fromJson);
  }

  /**
   * Active deliveries.
   *
   * @return the deliveries
   */
  public List<Delivery> list() {
    return client.find(Query.of("delivery")).stream().map(Delivery::fromJson).toList();
  }

  /**
   * Active upload requests.
   *
   * @return the requests
   */
  public List<Delivery> requests() {
    return client.find(Query.of("request")).stream().map(Delivery::fromJson).toList();
  }

  /**
   * Uploads a file or folder into a temporary delivery (a transfer whose parent is the delivery);
   * needs an online client of the API user, or a {@code client=<id>:} party on the path.
   *
   * @param deliveryId the delivery
   * @param source the file or folder
   * @return the upload transfer
   */
  public Transfer upload(String deliveryId, AccsynPath source) {
    return Transfers.of(client)
        .create(TransferSpec.builder().parent(deliveryId).source(source).build());
  }

  /**
   * Downloads a delivery (a transfer whose parent is the delivery).
   *
   * @param deliveryId the delivery
   * @param destination where to put the files
   * @return the download transfer
   */
  public Transfer download(String deliveryId, AccsynPath destination) {
    return Transfers.of(client)
        .create(TransferSpec.builder().parent(deliveryId).destination(destination).build());
  }

  /**
   * The files of a delivery ({@code task WHERE job.id=<id>}).
   *
   * @param deliveryId the delivery
   * @return the tasks
   */
  public List<Task> files(String deliveryId) {
    return client.find(Query.of("task").where("job.id", Operator.EQ, deliveryId)).stream()
        .map(Task::fromJson)
        .toList();
  }

  /**
   * Adds a recipient ({@code PUT job/recipient/add id=<delivery>}); an e-mail of a user who does
   * not exist yet is invited unless {@code invite} is false.
   *
   * @param deliveryId the delivery or request
   * @param user the user, by e-mail or id
   * @param invite whether to invite a new user
   */
  public void addRecipient(String deliveryId, String user, boolean invite) {
    String recipient = userId(user);
    Calls.result(
        client,
        HttpMethod.PUT,
        "job/recipient/add",
        Calls.data("recipient", recipient, "invite", invite),
        null,
        deliveryId);
  }

  /**
   * The recipients ({@code GET job/recipients id=<delivery>}).
   *
   * @param deliveryId the delivery or request
   * @return the recipients
   */
  public List<Recipient> recipients(String deliveryId) {
    Json r = Calls.result(client, HttpMethod.GET, "job/recipients", Map.of(), null, deliveryId);
    return Calls.list(r).stream().filter(Json::isObject).map(Recipient::fromJson).toList();
  }

  /**
   * Removes a recipient ({@code DELETE job/recipient id=<delivery>}).
   *
   * @param deliveryId the delivery or request
   * @param user the user, by e-mail or id
   */
  public void removeRecipient(String deliveryId, String user) {
    Calls.result(
        client,
        HttpMethod.DELETE,
        "job/recipient",
        Map.of("recipient", userId(user)),
        null,
        deliveryId);
  }

  /**
   * Submits a temporary delivery ({@code status: pending}); needs a file and a recipient.
   *
   * @param id the delivery
   * @return the delivery
   */
  public Delivery submit(String id) {
    return status(id, "pending");
  }

  /**
   * Aborts a delivery.
   *
   * @param id the delivery
   * @return the delivery
   */
  public Delivery abort(String id) {
    return status(id, "aborted");
  }

  /**
   * Finishes a delivery; temporary files are deleted after a grace period.
   *
   * @param id the delivery
   * @return the delivery
   */
  public Delivery finish(String id) {
    return status(id, "done");
  }

  /**
   * Deletes a delivery that was not submitted.
   *
   * @param id the delivery
   */
  public void delete(String id) {
    client.delete("delivery", id, false);
  }

  private Delivery status(String id, String status) {
    return Delivery.fromJson(client.update("delivery", id, Map.of("status", status)));
  }

  private String userId(String user) {
    Objects.requireNonNull(user, "user == null");
    String u = user.strip().toLowerCase(Locale.ROOT);
    if (Calls.isId(u)) {
      return u;
    }
    return client
        .findOne(Query.of("user").where("code", Operator.EQ, u))
        .flatMap(j -> j.string("id"))
        .orElse(u);
  }

  private static String type(boolean request) {
    return request ? "request" : "delivery";
  }
}
