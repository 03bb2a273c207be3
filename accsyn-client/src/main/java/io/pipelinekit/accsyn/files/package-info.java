/**
 * File operations on accsyn paths: ls with options, exists, size, mkdir, rename, move and delete,
 * single or batched, through {@link io.pipelinekit.accsyn.files.Files}.
 */
@ValueStyle
package io.pipelinekit.accsyn.files;

import io.pipelinekit.core.internal.ValueStyle;
