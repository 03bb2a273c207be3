package io.pipelinekit.accsyn;

/**
 * Which attributes of an entity type accsyn lists ({@code GET attributes}): those a find returns,
 * those a create accepts, or those an update accepts. The server answers each with its own set.
 *
 * <pre>{@code
 * List<String> settable = client.attributes("transfer", AttributeSet.CREATE);
 * }</pre>
 */
public enum AttributeSet {
  /** What a find returns ({@code create: false, update: false}). */
  READ,
  /** What a create accepts ({@code create: true}). */
  CREATE,
  /** What an update accepts ({@code update: true}). */
  UPDATE
}
