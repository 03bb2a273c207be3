/**
 * The ftrack event hub: {@link io.pipelinekit.ftrack.events.EventHub} connects over Socket.IO 0.9,
 * publishes {@link io.pipelinekit.ftrack.events.Event}s, subscribes with {@link
 * io.pipelinekit.ftrack.events.EventExpression}s (evaluated by the server and again locally),
 * replies, and reconnects on its own with {@link io.pipelinekit.ftrack.events.ReconnectBackoff}.
 * {@link io.pipelinekit.ftrack.events.EntityChanges} decodes {@code ftrack.update} events; the
 * {@code actions} sub-package builds web-UI actions and forms on top.
 */
@ValueStyle
package io.pipelinekit.ftrack.events;

import io.pipelinekit.core.internal.ValueStyle;
