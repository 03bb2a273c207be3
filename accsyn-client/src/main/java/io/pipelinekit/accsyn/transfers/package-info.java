/**
 * Transfer jobs and their tasks: {@link io.pipelinekit.accsyn.transfers.Transfers} creates them
 * from a typed {@link io.pipelinekit.accsyn.transfers.TransferSpec}, finds, edits and deletes them,
 * edits tasks in bulk, and watches progress to a {@link
 * io.pipelinekit.accsyn.transfers.TransferOutcome}.
 */
@ValueStyle
package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.core.internal.ValueStyle;
