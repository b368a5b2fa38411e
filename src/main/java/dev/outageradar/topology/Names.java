package dev.outageradar.topology;

/**
 * Every name the topology gives away: default topic names, processor names and state store names.
 * Store names end up in changelog topic names and processor names in repartition topics, so renaming one
 * drops or orphans state: treat a change here like a schema change.
 */
public final class Names {

    public static final String DEFAULT_POSTS_TOPIC = "posts";
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "posts.dlq";
    public static final String DEFAULT_ALERTS_TOPIC = "outage-alerts";
    public static final String DEFAULT_COUNTS_TOPIC = "service-counts";

    public static final String SOURCE_POSTS = "posts-source";
    public static final String PARSE_POSTS = "parse-posts";
    public static final String SPLIT_PARSED = "parsed-";
    public static final String BRANCH_ACCEPTED = "accepted";
    public static final String BRANCH_REJECTED = "rejected";
    public static final String DEAD_LETTER_VALUE = "dead-letter-value";
    public static final String SINK_DEAD_LETTERS = "dead-letters-sink";
    public static final String ACCEPTED_POST = "accepted-post";
    public static final String CLASSIFY_POSTS = "classify-posts";
    /** Also names the internal topic: {@code <application.id>-complaints-by-service-repartition}. */
    public static final String REPARTITION_BY_SERVICE = "complaints-by-service";
    public static final String DETECT_OUTAGES = "detect-outages";
    public static final String SPLIT_OUTPUTS = "detector-";
    public static final String BRANCH_COUNTS = "counts";
    public static final String BRANCH_ALERTS = "alerts";
    public static final String COUNT_VALUE = "service-count-value";
    public static final String ALERT_VALUE = "alert-value";
    /** Sets the CloudEvents {@code ce_*} headers of each alert record (see CloudEventHeaders). */
    public static final String ALERT_CLOUDEVENT_HEADERS = "alert-cloudevent-headers";
    public static final String SINK_COUNTS = "service-counts-sink";
    public static final String SINK_ALERTS = "alerts-sink";

    /** Complaint tallies of the windows still open, per service and window start. */
    public static final String STORE_OPEN_WINDOWS = "open-windows";
    /** Per service: learned baseline, open incident, last judged window. */
    public static final String STORE_SERVICE_STATE = "service-state";

    /** Per service and author: when their latest counted complaint was posted, to count people, not posts. */
    public static final String STORE_COMPLAINT_AUTHORS = "complaint-authors";

    /**
     * Per service, at each window's start: every window the detector judged (empty ones included), with
     * the count, expected level and threshold it used; a window store kept for history.window.retention.
     * Read by the query API's series and the dashboard's chart.
     */
    public static final String STORE_WINDOW_HISTORY = "window-history";

    /**
     * Per service and opening time: every incident, open or resolved (see IncidentSummary), kept for
     * history.incident.retention after it resolved. Read by the query API's recent incidents.
     */
    public static final String STORE_INCIDENT_HISTORY = "incident-history";

    /** Per detector task: event-time progress of every posts partition (see SourceClock). */
    public static final String STORE_SOURCE_CLOCK = "source-clock";

    /** Every state store of the topology. */
    public static final java.util.List<String> ALL_STORES = java.util.List.of(STORE_OPEN_WINDOWS, STORE_SERVICE_STATE,
            STORE_COMPLAINT_AUTHORS, STORE_WINDOW_HISTORY, STORE_INCIDENT_HISTORY, STORE_SOURCE_CLOCK);

    private Names() {
    }
}
