/**
 * Users: find by e-mail, list by role, invite employees and restricted (standard) users, deactivate
 * and activate, through {@link io.pipelinekit.accsyn.users.Users}.
 */
@ValueStyle
package io.pipelinekit.accsyn.users;

import io.pipelinekit.core.internal.ValueStyle;
