package dev.outageradar.simulate;

import java.time.Instant;

/** A broken line the feed carries on purpose, written just before the first post at or after {@code at}. */
public record MalformedLine(Instant at, Defect defect) {

    /** The ways a line of a real feed arrives broken. */
    public enum Defect {
        /** Cut off mid-record, as when a writer dies. */
        NOT_JSON,
        /** Valid JSON without the event time the pipeline needs. */
        MISSING_CREATED_AT,
        /** An event time that is no instant at all (hour 25). */
        BAD_TIMESTAMP
    }
}
