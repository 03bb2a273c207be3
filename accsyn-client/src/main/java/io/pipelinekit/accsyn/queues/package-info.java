/** Transfer queues through {@link io.pipelinekit.accsyn.queues.Queues}. */
@TypedStyle
package io.pipelinekit.accsyn.queues;

import io.pipelinekit.accsyn.internal.typed.TypedStyle;
