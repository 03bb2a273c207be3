/**
 * Settings (get, get all, set, delete) and the integration utility call, through {@link
 * io.pipelinekit.accsyn.settings.Settings}.
 */
@ValueStyle
package io.pipelinekit.accsyn.settings;

import io.pipelinekit.core.internal.ValueStyle;
