package io.pipelinekit.ftrack.files;

import io.pipelinekit.ftrack.FtrackException;

/**
 * A resource identifier could not be turned into a file-system or share path: the location has no
 * storage configured, stores files on the ftrack server, the identifier is not a path or leaves its
 * root, or path-mapping has no root for it. The message names the location, the identifier and what
 * to configure.
 */
public class UnresolvedPathException extends FtrackException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be resolved and how to fix it
   */
  public UnresolvedPathException(String message) {
    super(message);
  }
}
