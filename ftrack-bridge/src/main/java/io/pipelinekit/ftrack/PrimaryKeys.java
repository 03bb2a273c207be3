package io.pipelinekit.ftrack;

import java.util.List;

/**
 * Primary-key attributes per entity type. Almost every type is keyed by {@code id}; the composite
 * ones below come from the server's schemas. Known here rather than fetched through {@code
 * query_schemas} so that no extra round trip is needed to decode a response.
 */
final class PrimaryKeys {
  private PrimaryKeys() {}

  static List<String> of(String type) {
    switch (type) {
      case "JobComponent":
        return List.of("component_id", "job_id");
      case "NoteComponent":
        return List.of("component_id", "note_id");
      case "Metadata":
        return List.of("parent_id", "key");
      default:
        if (type.endsWith("CustomAttributeValue")) {
          return List.of("configuration_id", "entity_id");
        }
        return List.of("id");
    }
  }
}
