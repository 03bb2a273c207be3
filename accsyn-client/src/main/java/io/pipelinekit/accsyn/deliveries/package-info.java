/**
 * Deliveries and upload requests (spec §5.6) through {@link
 * io.pipelinekit.accsyn.deliveries.Deliveries}.
 */
@TypedStyle
package io.pipelinekit.accsyn.deliveries;

import io.pipelinekit.accsyn.internal.typed.TypedStyle;
