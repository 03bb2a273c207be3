/**
 * The ftrack bridge: a typed subset of the ftrack REST API for file-transfer integrations.
 *
 * <p>Start with {@link io.pipelinekit.ftrack.FtrackSession}: it sends batches of {@link
 * io.pipelinekit.ftrack.Operation}s to {@code /api}, decodes normalised responses into merged
 * {@link io.pipelinekit.ftrack.Entity} graphs, pages queries lazily ({@link
 * io.pipelinekit.ftrack.Query}, {@link io.pipelinekit.ftrack.QueryResult}) and commits {@link
 * io.pipelinekit.ftrack.UnitOfWork}s atomically. Sub-packages build on it: {@code model} (typed
 * views), {@code files} (selections to files and paths), {@code locations} (which location is which
 * accsyn party), {@code jobs} (user feedback) and {@code publish}.
 */
@ValueStyle
package io.pipelinekit.ftrack;

import io.pipelinekit.core.internal.ValueStyle;
