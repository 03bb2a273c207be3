package io.pipelinekit.ftrack.events.actions;

import java.util.Optional;

/**
 * The user who opened the Actions menu or clicked an action: {@code source.user} of the event.
 *
 * @param id the User id (sent by the web UI)
 * @param username the user name
 */
public record ActionUser(Optional<String> id, String username) {}
