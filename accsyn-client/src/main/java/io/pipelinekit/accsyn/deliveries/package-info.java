/** Deliveries and upload requests through {@link io.pipelinekit.accsyn.deliveries.Deliveries}. */
@TypedStyle
package io.pipelinekit.accsyn.deliveries;

import io.pipelinekit.accsyn.internal.typed.TypedStyle;
