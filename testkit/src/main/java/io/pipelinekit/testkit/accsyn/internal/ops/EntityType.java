package io.pipelinekit.testkit.accsyn.internal.ops;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import java.util.Locale;

/**
 * An entity type named in a uri, resolved to the stored type: {@code job} is a transfer, {@code
 * share} is any share kind (find) or a folder (create), {@code app}/{@code server}/{@code
 * userserver}/{@code browser}/{@code lane} are clients of one type number.
 *
 * @param name the name as sent, lowercased
 * @param stored the stored entity type
 * @param clientType the client type filter, or -1
 */
public record EntityType(String name, String stored, int clientType) {

  /** Resolves a type name; unknown names are a validation error. */
  public static EntityType of(String raw) {
    String n = raw.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "job":
        return new EntityType(n, "transfer", -1);
      case "share":
        return new EntityType(n, "share", -1);
      case "app":
        return new EntityType(n, "client", 0);
      case "server":
        return new EntityType(n, "client", 1);
      case "userserver":
        return new EntityType(n, "client", 2);
      case "browser":
        return new EntityType(n, "client", 3);
      case "lane":
        return new EntityType(n, "client", 4);
      case "organization":
        return new EntityType(n, "workspace", -1);
      case "user":
      case "workspace":
      case "queue":
      case "transfer":
      case "compute":
      case "delivery":
      case "request":
      case "stream":
      case "task":
      case "file":
      case "volume":
      case "folder":
      case "home":
      case "collection":
      case "acl":
      case "site":
      case "client":
      case "engine":
        return new EntityType(n, n, -1);
      default:
        throw AccsynError.of(
            AccsynError.Kind.VALIDATION,
            "Unknown entity type '" + raw + "'!",
            "Unknown entity type '" + raw + "', see find(\"entitytypes\") for the supported ones!");
    }
  }

  /** Whether the type is a job kind (transfer, delivery, request, compute, stream). */
  public boolean isJob() {
    return stored.equals("transfer")
        || stored.equals("delivery")
        || stored.equals("request")
        || stored.equals("compute")
        || stored.equals("stream");
  }

  /** A capitalised label for messages ("Transfer"). */
  public String label() {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
