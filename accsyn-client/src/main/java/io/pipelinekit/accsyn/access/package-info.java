/**
 * Access control: grant users read or write on shares and sub-paths, list and revoke access, and
 * manage delivery recipients, through {@link io.pipelinekit.accsyn.access.Access}.
 */
@ValueStyle
package io.pipelinekit.accsyn.access;

import io.pipelinekit.core.internal.ValueStyle;
