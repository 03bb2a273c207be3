package io.pipelinekit.testkit.ftrack.internal;

import java.time.ZoneId;
import java.util.Map;

/**
 * What the fake says about itself in {@code query_server_information}, and how it pages.
 *
 * @param version the server version string
 * @param timezoneSupport {@code is_timezone_support_enabled}; datetimes are then UTC
 * @param zone the zone of naive datetimes without timezone support
 * @param storageScenario the {@code storage_scenario} object, or null for none
 * @param nextOffsetOnFullPage a full page answers {@code next.offset = offset + limit} even when it
 *     is the last one (the client then sees an empty page); otherwise the last page says null
 */
public record ServerSettings(
    String version,
    boolean timezoneSupport,
    ZoneId zone,
    Map<String, Object> storageScenario,
    boolean nextOffsetOnFullPage) {}
