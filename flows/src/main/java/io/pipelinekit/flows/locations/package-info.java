/**
 * Which ftrack location is which accsyn party: {@link
 * io.pipelinekit.flows.locations.LocationDirectory} maps location names to accsyn's {@link
 * io.pipelinekit.accsyn.party.Party} (a site, a user by e-mail, or the workspace) and fails with
 * {@link io.pipelinekit.ftrack.UnknownLocationException} listing the known locations when a name is
 * unknown or ambiguous.
 */
package io.pipelinekit.flows.locations;
