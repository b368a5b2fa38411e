package dev.outageradar.alert;

import dev.outageradar.detect.WindowAssessment;
import java.time.Instant;

/**
 * A record on the service-counts topic, keyed by service id: one closed window, for dashboards.
 * Windows without complaints and outside incidents are not published; read a missing window as zero.
 *
 * @param threshold the count from which this window would have opened an incident
 */
public record ServiceCount(int schemaVersion, String service, Instant windowStart, Instant windowEnd, long count,
                           long recoveries, double expected, long threshold, double score, boolean anomalous,
                           String incidentId) {

    public static final int SCHEMA_VERSION = 1;

    public static ServiceCount of(WindowAssessment a) {
        return new ServiceCount(SCHEMA_VERSION, a.service(), Instant.ofEpochMilli(a.windowStart()),
                Instant.ofEpochMilli(a.windowEnd()), a.count(), a.recoveries(), AlertEvent.round(a.expected()),
                a.threshold(), AlertEvent.round(a.score()), a.anomalous(), a.incidentId());
    }
}
