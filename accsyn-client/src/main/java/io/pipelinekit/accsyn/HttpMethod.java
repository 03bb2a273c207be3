package io.pipelinekit.accsyn;

/**
 * The HTTP method of an accsyn call. The operation itself is named by the event's uri; the method
 * decides the encoding: GET and DELETE carry the event in the query string, PUT and POST in the
 * body (see docs/protocol/accsyn-v3.md, "Encoding"). Only GET is retried automatically.
 */
public enum HttpMethod {
  /** Reads ({@code find}, {@code workspace/file} ls); retried on transient failures. */
  GET,
  /** Edits ({@code edit}, login). */
  PUT,
  /** Creates ({@code create}, {@code activate}). */
  POST,
  /** Deletes and deactivations. */
  DELETE;

  /**
   * Whether the event goes in the query string rather than the body.
   *
   * @return true for GET and DELETE
   */
  public boolean eventInQuery() {
    return this == GET || this == DELETE;
  }
}
