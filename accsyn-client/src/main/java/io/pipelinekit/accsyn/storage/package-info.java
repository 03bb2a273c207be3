/**
 * Storage: volumes with per-OS and VPN paths, shared folders, homes and collections through {@link
 * io.pipelinekit.accsyn.storage.Storage}, and {@link
 * io.pipelinekit.accsyn.storage.StorageRootTables}, which turns the workspace's own storage
 * configuration into a path-mapping {@link io.pipelinekit.paths.RootTable}.
 */
@ValueStyle
package io.pipelinekit.accsyn.storage;

import io.pipelinekit.core.internal.ValueStyle;
