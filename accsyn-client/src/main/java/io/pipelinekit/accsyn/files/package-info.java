/**
 * File operations on accsyn paths (spec §2.4): ls with options, exists, size, mkdir, rename, move
 * and delete, single or batched, through {@link io.pipelinekit.accsyn.files.Files}.
 */
@ValueStyle
package io.pipelinekit.accsyn.files;

import io.pipelinekit.core.internal.ValueStyle;
