/**
 * Typed views of the entities transfer integrations touch: {@link
 * io.pipelinekit.ftrack.model.Project}, {@link io.pipelinekit.ftrack.model.TypedContext} (Sequence,
 * Shot, Task, …), {@link io.pipelinekit.ftrack.model.Asset}, {@link
 * io.pipelinekit.ftrack.model.AssetVersion}, {@link io.pipelinekit.ftrack.model.Component} (file,
 * sequence, container), {@link io.pipelinekit.ftrack.model.ComponentLocation}, {@link
 * io.pipelinekit.ftrack.model.Location}, {@link io.pipelinekit.ftrack.model.Job}, {@link
 * io.pipelinekit.ftrack.model.User} and the review-session types. Every view wraps an {@link
 * io.pipelinekit.ftrack.Entity}, so unknown attributes stay reachable.
 */
@ValueStyle
package io.pipelinekit.ftrack.model;

import io.pipelinekit.core.internal.ValueStyle;
