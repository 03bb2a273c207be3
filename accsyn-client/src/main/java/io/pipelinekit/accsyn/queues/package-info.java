/** Transfer queues through {@link io.pipelinekit.accsyn.queues.Queues}. */
@ValueStyle
package io.pipelinekit.accsyn.queues;

import io.pipelinekit.core.internal.ValueStyle;
