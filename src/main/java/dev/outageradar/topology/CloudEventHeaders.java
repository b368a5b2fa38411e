package dev.outageradar.topology;

import dev.outageradar.alert.AlertEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 attributes of an alert record, in the Kafka protocol binding's binary mode: one
 * {@code ce_*} header each, the JSON body left as it is. CloudEvents-aware consumers route and deduplicate
 * on these without parsing the body.
 *
 * <p>{@code ce_id} is the incident id and the event's sequence: the same event replayed from the same feed
 * gets the same id, which is what deduplication on {@code (source, id)} needs. {@code ce_source} is
 * {@code urn:outage-radar:<application.id>}: one deployment is one context of detection, so two deployments
 * (say, with different catalogs) that see the same incident do not pass for duplicates of each other, while
 * the instances of one deployment share it.
 */
public final class CloudEventHeaders {

    public static final String SPECVERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATASCHEMA = "ce_dataschema";
    /** The binding maps {@code datacontenttype} to this plain header, not to a {@code ce_} one. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPECVERSION_1_0 = "1.0";
    public static final String JSON = "application/json";
    /** The {@code $id} of the alert's JSON Schema, shipped at {@code schemas/outage-alert.v1.schema.json}. */
    public static final String ALERT_DATASCHEMA = "urn:outage-radar:schema:outage-alert:v" + AlertEvent.SCHEMA_VERSION;

    private CloudEventHeaders() {
    }

    /**
     * Fresh headers rather than the ones the record came with: an alert is a new event, and headers of the
     * posts behind it must not pass for its attributes.
     */
    static Headers of(AlertEvent alert, String applicationId) {
        Headers headers = new RecordHeaders();
        put(headers, SPECVERSION, SPECVERSION_1_0);
        put(headers, ID, id(alert));
        put(headers, SOURCE, source(applicationId));
        put(headers, TYPE, type(alert));
        // Instant.toString is RFC 3339 in UTC, as CloudEvents requires.
        put(headers, TIME, alert.detectedAt().toString());
        put(headers, SUBJECT, alert.service());
        put(headers, DATASCHEMA, ALERT_DATASCHEMA);
        put(headers, CONTENT_TYPE, JSON);
        return headers;
    }

    public static String id(AlertEvent alert) {
        return alert.incidentId() + "/" + alert.sequence();
    }

    public static String source(String applicationId) {
        return "urn:outage-radar:" + applicationId;
    }

    /** Spelled out rather than derived from the enum's names, so that renaming a constant cannot change them. */
    public static String type(AlertEvent alert) {
        return switch (alert.type()) {
            case OUTAGE_SUSPECTED -> "dev.outageradar.outage.suspected";
            case OUTAGE_UPDATED -> "dev.outageradar.outage.updated";
            case OUTAGE_RESOLVED -> "dev.outageradar.outage.resolved";
        };
    }

    private static void put(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
