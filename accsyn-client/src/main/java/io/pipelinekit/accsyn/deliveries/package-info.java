/**
 * Deliveries and upload requests (spec §5.6) through {@link
 * io.pipelinekit.accsyn.deliveries.Deliveries}.
 */
@ValueStyle
package io.pipelinekit.accsyn.deliveries;

import io.pipelinekit.core.internal.ValueStyle;
