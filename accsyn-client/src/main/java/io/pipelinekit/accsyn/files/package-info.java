/**
 * File operations on accsyn paths: ls with options, exists, size, mkdir, rename, move and delete,
 * single or batched, through {@link io.pipelinekit.accsyn.files.Files}.
 */
@TypedStyle
package io.pipelinekit.accsyn.files;

import io.pipelinekit.accsyn.internal.typed.TypedStyle;
