package io.pipelinekit.accsyn.settings;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.HttpMethod;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Calls;
import io.pipelinekit.accsyn.internal.typed.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings (event uri {@code setting}; see docs/protocol/accsyn-v3.md, "Settings and integrations")
 * and the integration utility call. Values are always strings on the wire. Thread-safe; obtain it
 * from {@code client.settings()} or {@link #of(AccsynClient)}.
 *
 * <pre>{@code
 * Settings s = client.settings();
 * s.set(SettingScope.of("queue", queueId), "transfer_speedlimit", "100");
 * Optional<Json> limit = s.get(SettingScope.workspace(), "transfer_speedlimit");
 * Json upload = s.get("upload_location", "ftrack", Map.of("location_id", locId)).orElseThrow();
 * }</pre>
 */
public final class Settings {
  private static final String URI = "setting";
  private final AccsynClient client;

  private Settings(AccsynClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /**
   * The settings API of a client.
   *
   * @param client the client
   * @return the resource group
   */
  public static Settings of(AccsynClient client) {
    return new Settings(client);
  }

  /**
   * One setting's value ({@code GET setting}, data {@code {"entitytype", "name", "data": null}}).
   *
   * @param scope where
   * @param name the setting
   * @return the value, or empty if unset
   */
  public Optional<Json> get(SettingScope scope, String name) {
    Map<String, Object> data = JsonValues.object();
    data.put("entitytype", scope.entityType());
    data.put("name", requireName(name));
    data.put("data", null);
    return present(
        Calls.result(client, HttpMethod.GET, URI, data, null, scope.entityId().orElse(null)));
  }

  /**
   * A workspace setting of an integration, with lookup data (e.g. the ftrack integration's {@code
   * upload_location} for a location id).
   *
   * @param name the setting
   * @param integration e.g. {@code ftrack}
   * @param data lookup data
   * @return the value, or empty
   */
  public Optional<Json> get(String name, String integration, Map<String, ?> data) {
    Objects.requireNonNull(integration, "integration == null");
    JsonValues.check("setting data", data);
    Map<String, Object> d = JsonValues.object();
    d.put("entitytype", "workspace");
    d.put("name", requireName(name));
    d.put("integration", integration);
    d.put("data", data);
    return present(Calls.result(client, HttpMethod.GET, URI, d, null, null));
  }

  /**
   * Every setting of a scope ({@code GET setting} without {@code name}), defaults omitted.
   *
   * @param scope where
   * @return name → value
   */
  public Map<String, Json> all(SettingScope scope) {
    return all(scope, false, false, true);
  }

  /**
   * Every setting of a scope.
   *
   * @param scope where
   * @param recursive also settings of entities below
   * @param upstream also settings inherited from above
   * @param omitDefaults leave out settings at their default
   * @return name → value
   */
  public Map<String, Json> all(
      SettingScope scope, boolean recursive, boolean upstream, boolean omitDefaults) {
    Map<String, Object> data = JsonValues.object();
    data.put("entitytype", scope.entityType());
    data.put("recursive", recursive);
    data.put("upstream", upstream);
    data.put("omit_defaults", omitDefaults);
    Json r = Calls.result(client, HttpMethod.GET, URI, data, null, scope.entityId().orElse(null));
    return r.isObject() ? r.asMap() : Map.of();
  }

  /**
   * Sets a setting ({@code PUT setting}); format dates as ISO text and maps as JSON text.
   *
   * @param scope where
   * @param name the setting
   * @param value the value
   * @return whether accsyn confirmed
   */
  public boolean set(SettingScope scope, String name, String value) {
    Objects.requireNonNull(value, "value == null");
    Map<String, Object> data = JsonValues.object();
    data.put("entitytype", scope.entityType());
    data.put("name", requireName(name));
    data.put("value", value);
    return Calls.truthy(
        Calls.result(client, HttpMethod.PUT, URI, data, null, scope.entityId().orElse(null)));
  }

  /**
   * Removes a setting so that the inherited value applies ({@code DELETE setting}).
   *
   * @param scope where
   * @param name the setting
   * @return whether accsyn confirmed
   */
  public boolean delete(SettingScope scope, String name) {
    Map<String, Object> data = JsonValues.object();
    data.put("entitytype", scope.entityType());
    data.put("name", requireName(name));
    return Calls.truthy(
        Calls.result(client, HttpMethod.DELETE, URI, data, null, scope.entityId().orElse(null)));
  }

  /**
   * Calls an integration's utility ({@code PUT workspace/integration/<name>/utility}), e.g. {@code
   * integration("ftrack", "client_register", Map.of("client", id, "location", loc))}.
   *
   * @param name the integration, e.g. {@code ftrack}
   * @param operation the operation
   * @param data its data
   * @return the result
   */
  public Json integration(String name, String operation, Map<String, ?> data) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(operation, "operation == null");
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("integration name '" + name + "' is not a plain word");
    }
    JsonValues.check("integration data", data);
    Map<String, Object> d = JsonValues.object();
    d.put("operation", operation);
    d.put("data", data);
    return Calls.result(
        client, HttpMethod.PUT, "workspace/integration/" + name + "/utility", d, null, null);
  }

  private static Optional<Json> present(Json r) {
    return r.isNull() ? Optional.empty() : Optional.of(r);
  }

  private static String requireName(String name) {
    Objects.requireNonNull(name, "name == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("the setting name is blank");
    }
    return name;
  }
}
