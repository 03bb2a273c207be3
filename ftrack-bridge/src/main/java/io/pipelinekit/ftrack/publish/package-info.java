/**
 * Publishing and registering: {@link io.pipelinekit.ftrack.publish.Publisher} publishes an
 * AssetVersion (creating the Asset if needed) with file and sequence components registered in a
 * location, in one atomic batch, and registers existing components in a destination location after
 * a transfer, with the destination's own resource identifiers.
 */
package io.pipelinekit.ftrack.publish;
