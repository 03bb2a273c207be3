/**
 * ftrack actions on the event hub: an {@link io.pipelinekit.ftrack.events.actions.ActionHandler}
 * declares an {@link io.pipelinekit.ftrack.events.actions.Action} and answers launches with a
 * message or a {@link io.pipelinekit.ftrack.events.actions.Form}; {@link
 * io.pipelinekit.ftrack.events.actions.ActionService} serves handlers, with {@link
 * io.pipelinekit.ftrack.events.actions.ClaimStore}s so that replicas do one click's work once;
 * {@link io.pipelinekit.ftrack.events.actions.UserInterface} pushes notices and pop-ups.
 */
@ValueStyle
package io.pipelinekit.ftrack.events.actions;

import io.pipelinekit.core.internal.ValueStyle;
