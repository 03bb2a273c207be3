/**
 * Access control: grant users read or write on shares and sub-paths, list and revoke access, and
 * manage delivery recipients, through {@link io.pipelinekit.accsyn.access.Access}.
 */
@TypedStyle
package io.pipelinekit.accsyn.access;

import io.pipelinekit.accsyn.internal.typed.TypedStyle;
