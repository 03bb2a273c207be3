/**
 * From what an ftrack action receives to files: {@link
 * io.pipelinekit.ftrack.files.SelectionResolver} turns a selection (projects, contexts, tasks,
 * versions, review sessions, lists) into every component with its resource identifier in every
 * location, sequences rebuilt from their members, in a fixed number of requests; {@link
 * io.pipelinekit.ftrack.files.PathResolver} turns identifiers into file-system paths per location
 * ({@link io.pipelinekit.ftrack.files.LocationStorage}) and, through path-mapping, into accsyn
 * share paths.
 */
@ValueStyle
package io.pipelinekit.ftrack.files;

import io.pipelinekit.core.internal.ValueStyle;
