package dev.outageradar.detect;

public enum IncidentEventType {
    OUTAGE_SUSPECTED, OUTAGE_UPDATED, OUTAGE_RESOLVED
}
