package dev.outageradar.evaluate;

import java.time.Instant;
import java.util.Objects;

/**
 * One incident as the detector reported it, reduced to what scoring needs: taken from the incident's first
 * event (OUTAGE_SUSPECTED). Only {@code detectedAt} decides a match; {@code openedAt} and the id are carried
 * so a person can find the incident behind a false alert.
 *
 * @param detectedAt event time of the detection: the end of the window that triggered it
 */
public record Detection(String service, String incidentId, Instant openedAt, Instant detectedAt) {

    public Detection {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }
}
