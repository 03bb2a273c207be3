/**
 * Parties and paths: who is at each end of a transfer ({@link io.pipelinekit.accsyn.party.Party})
 * and where the files are ({@link io.pipelinekit.accsyn.party.AccsynPath}), formatted exactly as
 * accsyn reads them and built on path-mapping's {@link io.pipelinekit.paths.SharePath}.
 */
@ValueStyle
package io.pipelinekit.accsyn.party;

import io.pipelinekit.core.internal.ValueStyle;
