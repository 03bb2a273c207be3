package io.pipelinekit.testkit.accsyn.internal.ops;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import io.pipelinekit.testkit.accsyn.internal.wire.WireEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Routes an event's {@code uri} to an operation and returns the response body. Runs the whole
 * operation under the store lock, so each event is atomic.
 */
public final class Router {
  private final Store store;
  private final EntityOps entities;
  private final FileOps files;
  private final SettingOps settings;
  private final RecipientOps recipients;
  private final AssignmentOps assignments;

  /** Creates a router over a store and the job handler. */
  public Router(Store store, JobHandler jobs) {
    this.store = store;
    this.entities = new EntityOps(store, jobs);
    this.files = new FileOps(store);
    this.settings = new SettingOps(store);
    this.recipients = new RecipientOps(store);
    this.assignments = new AssignmentOps(store);
  }

  /** Handles one event for an authenticated caller; returns the response body. */
  public Map<String, Object> handle(Caller caller, WireEvent event) {
    return store.write(() -> route(caller, event));
  }

  private Map<String, Object> route(Caller caller, WireEvent event) {
    String uri = event.uri().toLowerCase(Locale.ROOT).replaceAll("^/+|/+$", "");
    String method = event.httpMethod();
    switch (uri) {
      case "entitytypes":
        expect(method, uri, "GET");
        return result(new ArrayList<>(Store.TYPES));
      case "attributes":
        expect(method, uri, "GET");
        return result(attributes(event));
      case "setting":
        return result(settings.handle(caller, event));
      case "workspace/file":
      case "organization/file":
        return result(files.handle(caller, event));
      case "user/api_key":
        throw AccsynError.denied("API key retrieval is disabled for this workspace!");
      case "job/recipient/add":
        expect(method, uri, "PUT");
        return result(recipients.add(caller, event));
      case "job/recipients":
        expect(method, uri, "GET");
        return result(recipients.list(caller, event));
      case "job/recipient":
        expect(method, uri, "DELETE");
        return result(recipients.remove(caller, event));
      case "share/server":
      case "volume/server":
        if (method.equals("PUT")) {
          return result(assignments.assign(caller, event, true));
        }
        expect(method, uri, "DELETE");
        return result(assignments.assign(caller, event, false));
      case "share/servers":
      case "volume/servers":
        expect(method, uri, "GET");
        return result(assignments.servers(caller, event));
      default:
        break;
    }
    if (uri.startsWith("workspace/integration/") && uri.endsWith("/utility")) {
      expect(method, uri, "PUT");
      Map<String, Object> echo = new LinkedHashMap<>();
      echo.put("operation", event.dataMap().get("operation"));
      echo.put("success", true);
      return result(echo);
    }
    int slash = uri.indexOf('/');
    if (slash < 0) {
      EntityType.of(uri);
      throw unknownOperation(event.uri());
    }
    EntityType type = EntityType.of(uri.substring(0, slash));
    String verb = uri.substring(slash + 1);
    switch (verb) {
      case "find":
        expect(method, uri, "GET");
        return result(entities.find(caller, type, event));
      case "create":
        expect(method, uri, "POST");
        return result(entities.create(caller, type, event));
      case "add":
        expect(method, uri, "POST");
        return result(entities.create(caller, type, event));
      case "edit":
        expect(method, uri, "PUT");
        return result(entities.edit(caller, type, event));
      case "delete":
        expect(method, uri, "DELETE");
        return result(entities.delete(caller, type, event));
      case "deactivate":
      case "offline":
        expect(method, uri, "DELETE");
        return result(entities.deactivate(caller, type, event));
      case "activate":
        expect(method, uri, "POST");
        return result(entities.activate(caller, type, event));
      case "report":
        if (!caller.admin()) {
          throw AccsynError.denied("reports are for support and admin users only!");
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("report", "pipelinekit fake accsyn: " + entities.find(caller, type, event));
        return report;
      case "file/remove":
        expect(method, uri, "DELETE");
        return result(entities.removeFiles(caller, event));
      case "metrics":
        expect(method, uri, "GET");
        return result(List.of());
      default:
        throw unknownOperation(event.uri());
    }
  }

  private List<String> attributes(WireEvent event) {
    Object et = event.dataMap().get("entitytype");
    if (et == null) {
      throw AccsynError.invalid("Please supply the entity type to list attributes for!");
    }
    EntityType type = EntityType.of(String.valueOf(et));
    String stored = type.stored().equals("share") ? "folder" : type.stored();
    if (type.isJob()) {
      stored = "transfer";
    }
    Map<String, List<String>> table =
        Boolean.TRUE.equals(event.dataMap().get("create"))
            ? Attributes.CREATE
            : Boolean.TRUE.equals(event.dataMap().get("update"))
                ? Attributes.UPDATE
                : Attributes.READ;
    return table.getOrDefault(stored, List.of());
  }

  private static void expect(String method, String uri, String wanted) {
    if (!method.equals(wanted)) {
      throw AccsynError.invalid(
          "Operation '" + uri + "' expects HTTP " + wanted + ", not " + method + "!",
          "Unsupported REST method for '" + uri + "'!");
    }
  }

  private static AccsynError unknownOperation(String uri) {
    return AccsynError.of(
        AccsynError.Kind.NOT_FOUND,
        "Unknown operation '" + uri + "'!",
        "Unknown API operation '" + uri + "'!");
  }

  private static Map<String, Object> result(Object value) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", value);
    return body;
  }
}
