/**
 * Which ftrack location is which accsyn party: {@link
 * io.pipelinekit.ftrack.locations.LocationDirectory} maps location names to {@link
 * io.pipelinekit.ftrack.locations.Party} values (a site, a user by e-mail, or the workspace) and
 * fails with {@link io.pipelinekit.ftrack.locations.UnknownLocationException} listing the known
 * locations when a name is unknown or ambiguous.
 */
@ValueStyle
package io.pipelinekit.ftrack.locations;

import io.pipelinekit.core.internal.ValueStyle;
