/**
 * Sites, servers, apps and lanes: list, find and create sites, list clients with their site, status
 * and roles, check whether the local app or daemon runs, and assign servers to volumes, through
 * {@link io.pipelinekit.accsyn.sites.Sites}.
 */
@ValueStyle
package io.pipelinekit.accsyn.sites;

import io.pipelinekit.core.internal.ValueStyle;
