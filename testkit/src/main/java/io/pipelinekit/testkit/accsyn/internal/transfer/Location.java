package io.pipelinekit.testkit.accsyn.internal.transfer;

import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import java.nio.file.Path;

/**
 * A resolved place on some machine.
 *
 * @param site the site, for server-side locations (null on a user's machine)
 * @param client the server or app holding the files
 * @param volume the volume, when the location is on (or mapped from) a share; else null
 * @param volumeRelative the path relative to the volume root; null without a volume
 * @param share the share named in the path (volume, folder or home); null without one
 * @param physical the real local path of the fake
 * @param absolute the absolute OS path accsyn reports ({@code path_abs_final})
 */
public record Location(
    Entity site,
    Entity client,
    Entity volume,
    String volumeRelative,
    Entity share,
    Path physical,
    String absolute) {}
