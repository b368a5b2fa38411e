package dev.outageradar.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.outageradar.alert.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How well detections matched the labels of a feed, as {@link Evaluation#score} computed it (the matching
 * rule is documented there). Counts are event-level: one outage, one decoy window, one detection each count
 * once. Delays are null when no outage was caught. The JSON form is one object in snake_case; durations are
 * written as seconds under names ending in {@code _s}, instants as ISO-8601 UTC.
 *
 * @param detections   all detections scored
 * @param hits         detections that hit an outage
 * @param precision    hits / detections, 1.0 when there are no detections
 * @param recall       caught / outages, 1.0 when there are no outages
 * @param f1           harmonic mean of precision and recall, 0 when both are 0
 * @param decoyAlerts  false alerts inside a decoy window
 * @param spuriousAlerts false alerts inside no labelled window at all
 * @param falseAlertsPerServiceWeek (decoy + spurious alerts) / (services × span in weeks)
 * @param byMagnitude  outages per magnitude band, only bands that have outages
 * @param missed       outages no detection hit, by start
 * @param falseAlerts  detections that hit no outage, by detection time
 */
public record EvaluationReport(
        int detections, int hits, double precision,
        int outages, int caught, double recall, double f1,
        @JsonProperty("delay_median_s") @JsonSerialize(using = Seconds.class) Duration delayMedian,
        @JsonProperty("delay_p90_s") @JsonSerialize(using = Seconds.class) Duration delayP90,
        int decoyAlerts, int spuriousAlerts, double falseAlertsPerServiceWeek,
        int services,
        @JsonProperty("span_s") @JsonSerialize(using = Seconds.class) Duration span,
        @JsonProperty("tolerance_s") @JsonSerialize(using = Seconds.class) Duration tolerance,
        ByScenario byScenario, List<MagnitudeOutages> byMagnitude,
        List<MissedOutage> missed, List<FalseAlert> falseAlerts) {

    public EvaluationReport {
        byMagnitude = List.copyOf(byMagnitude);
        missed = List.copyOf(missed);
        falseAlerts = List.copyOf(falseAlerts);
    }

    /** Outages of one group and how many were caught how fast; delays null when none was caught. */
    public record OutageStats(
            int outages, int caught, double recall,
            @JsonProperty("delay_median_s") @JsonSerialize(using = Seconds.class) Duration delayMedian,
            @JsonProperty("delay_p90_s") @JsonSerialize(using = Seconds.class) Duration delayP90) {
    }

    /** Only scenarios that occur in the labels, in the order the simulator declares them. */
    public record ByScenario(List<ScenarioOutages> outages, List<DecoyAlerts> decoys) {

        public ByScenario {
            outages = List.copyOf(outages);
            decoys = List.copyOf(decoys);
        }
    }

    /** @param scenario an outage scenario's label: spike, slow */
    public record ScenarioOutages(String scenario, @JsonUnwrapped OutageStats stats) {
    }

    /** @param band {@code <3x}, {@code 3-10x} or {@code >=10x}, from the label's magnitude */
    public record MagnitudeOutages(String band, @JsonUnwrapped OutageStats stats) {
    }

    /**
     * @param scenario a decoy scenario's label
     * @param windows  labelled windows of that scenario
     * @param alerts   false alerts attributed to them
     */
    public record DecoyAlerts(String scenario, int windows, int alerts) {
    }

    public record MissedOutage(String service, Instant start, Instant end, String scenario, double magnitude) {
    }

    /** @param decoyScenario the decoy the alert fell into, or null for a spurious alert */
    public record FalseAlert(String service, String incidentId, Instant openedAt, Instant detectedAt,
                             String decoyScenario) {
    }

    /** Aligned, for a terminal. */
    public String toText() {
        return ReportText.render(this);
    }

    /** One JSON object, indented, with the shared mapper of {@link JsonFormat}. */
    public String toJson() {
        try {
            return JsonFormat.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            // Records of numbers, strings and instants always serialize; failing here is a bug.
            throw new IllegalStateException("cannot write the evaluation report as JSON", e);
        }
    }
}
