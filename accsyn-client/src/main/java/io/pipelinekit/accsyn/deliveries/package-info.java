/** Deliveries and upload requests through {@link io.pipelinekit.accsyn.deliveries.Deliveries}. */
@ValueStyle
package io.pipelinekit.accsyn.deliveries;

import io.pipelinekit.core.internal.ValueStyle;
