/**
 * Users: find by e-mail, list by role, invite employees and restricted (standard) users, deactivate
 * and activate, through {@link io.pipelinekit.accsyn.users.Users}.
 */
@TypedStyle
package io.pipelinekit.accsyn.users;

import io.pipelinekit.accsyn.internal.typed.TypedStyle;
