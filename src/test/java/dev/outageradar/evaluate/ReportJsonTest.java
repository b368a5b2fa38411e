package dev.outageradar.evaluate;

import static dev.outageradar.evaluate.Fixtures.WEEK;
import static dev.outageradar.evaluate.Fixtures.label;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.simulate.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    @Test
    void oneObjectWithExactlyTheDocumentedKeysInOrder() throws Exception {
        JsonNode json = JsonFormat.mapper().readTree(Reports.mixed().toJson());

        assertThat(json.isObject()).isTrue();
        assertThat(names(json)).containsExactly("detections", "hits", "precision", "outages", "caught", "recall", "f1",
                "delay_median_s", "delay_p90_s", "decoy_alerts", "spurious_alerts", "false_alerts_per_service_week",
                "services", "span_s", "tolerance_s", "by_scenario", "by_magnitude", "missed", "false_alerts");
        assertThat(names(json.get("by_scenario"))).containsExactly("outages", "decoys");
        assertThat(names(json.get("by_scenario").get("outages").get(0)))
                .containsExactly("scenario", "outages", "caught", "recall", "delay_median_s", "delay_p90_s");
        assertThat(names(json.get("by_scenario").get("decoys").get(0))).containsExactly("scenario", "windows", "alerts");
        assertThat(names(json.get("by_magnitude").get(0)))
                .containsExactly("band", "outages", "caught", "recall", "delay_median_s", "delay_p90_s");
        assertThat(names(json.get("missed").get(0))).containsExactly("service", "start", "end", "scenario", "magnitude");
        assertThat(names(json.get("false_alerts").get(0)))
                .containsExactly("service", "incident_id", "opened_at", "detected_at", "decoy_scenario");
    }

    @Test
    void headlineNumbersAreTheReportsWithDurationsInSeconds() throws Exception {
        JsonNode json = JsonFormat.mapper().readTree(Reports.mixed().toJson());

        assertThat(json.get("detections").asInt()).isEqualTo(3);
        assertThat(json.get("hits").asInt()).isEqualTo(1);
        assertThat(json.get("precision").asDouble()).isEqualTo(1 / 3.0);
        assertThat(json.get("outages").asInt()).isEqualTo(2);
        assertThat(json.get("caught").asInt()).isEqualTo(1);
        assertThat(json.get("recall").asDouble()).isEqualTo(0.5);
        assertThat(json.get("f1").asDouble()).isEqualTo(2 * (1 / 3.0) * 0.5 / (1 / 3.0 + 0.5));
        assertThat(json.get("delay_median_s").isIntegralNumber()).isTrue();
        assertThat(json.get("delay_median_s").asLong()).isEqualTo(100);
        assertThat(json.get("delay_p90_s").asLong()).isEqualTo(100);
        assertThat(json.get("decoy_alerts").asInt()).isEqualTo(1);
        assertThat(json.get("spurious_alerts").asInt()).isEqualTo(1);
        assertThat(json.get("false_alerts_per_service_week").asDouble()).isEqualTo(2 / 8.0);
        assertThat(json.get("services").asInt()).isEqualTo(8);
        assertThat(json.get("span_s").asLong()).isEqualTo(7 * 24 * 3600);
        assertThat(json.get("tolerance_s").asLong()).isEqualTo(300);
    }

    @Test
    void breakdownsAndListsCarryLabelsNamesAndIsoTimes() throws Exception {
        JsonNode json = JsonFormat.mapper().readTree(Reports.mixed().toJson());

        assertThat(json.get("by_scenario").toString()).isEqualTo("""
                {"outages":[\
                {"scenario":"spike","outages":1,"caught":1,"recall":1.0,"delay_median_s":100,"delay_p90_s":100},\
                {"scenario":"slow","outages":1,"caught":0,"recall":0.0,"delay_median_s":null,"delay_p90_s":null}],\
                "decoys":[{"scenario":"growth","windows":1,"alerts":0},\
                {"scenario":"competitor-mention","windows":1,"alerts":1}]}""");
        assertThat(json.get("by_magnitude").toString()).isEqualTo("""
                [{"band":"<3x","outages":1,"caught":0,"recall":0.0,"delay_median_s":null,"delay_p90_s":null},\
                {"band":">=10x","outages":1,"caught":1,"recall":1.0,"delay_median_s":100,"delay_p90_s":100}]""");
        assertThat(json.get("missed").toString()).isEqualTo("""
                [{"service":"netflix","start":"2024-09-30T02:00:00Z","end":"2024-09-30T04:00:00Z",\
                "scenario":"slow","magnitude":2.5}]""");
        assertThat(json.get("false_alerts").toString()).isEqualTo("""
                [{"service":"discord","incident_id":"discord@09:31","opened_at":"2024-09-30T09:30:00Z",\
                "detected_at":"2024-09-30T09:31:00Z","decoy_scenario":null},\
                {"service":"apple-music","incident_id":"apple-music@14:31","opened_at":"2024-09-30T14:30:00Z",\
                "detected_at":"2024-09-30T14:31:00Z","decoy_scenario":"competitor-mention"}]""");
    }

    @Test
    void delaysAreNullWhenNothingWasCaughtAndKeepTheirFractionOtherwise() throws Exception {
        JsonNode missed = JsonFormat.mapper().readTree(
                Evaluation.score(List.of(label("spotify", Scenario.SPIKE, "14:00", "16:00", 50)), List.of(), 1, WEEK)
                        .toJson());
        JsonNode halfSecond = JsonFormat.mapper().readTree(
                Evaluation.score(List.of(label("spotify", Scenario.SPIKE, "14:00", "16:00", 50)),
                        List.of(new Detection("spotify", "s", Fixtures.at("14:00"), Fixtures.at("14:00")
                                .plus(Duration.ofMillis(1500)))), 1, WEEK).toJson());

        assertThat(missed.has("delay_median_s")).isTrue();
        assertThat(missed.get("delay_median_s").isNull()).isTrue();
        assertThat(missed.get("delay_p90_s").isNull()).isTrue();
        assertThat(halfSecond.get("delay_median_s").decimalValue()).isEqualByComparingTo("1.5");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
