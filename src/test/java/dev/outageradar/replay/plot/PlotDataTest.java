package dev.outageradar.replay.plot;

import static dev.outageradar.replay.plot.PlotFixtures.DAY;
import static dev.outageradar.replay.plot.PlotFixtures.MINUTE;
import static dev.outageradar.replay.plot.PlotFixtures.STEAM_OUTAGE;
import static dev.outageradar.replay.plot.PlotFixtures.alert;
import static dev.outageradar.replay.plot.PlotFixtures.at;
import static dev.outageradar.replay.plot.PlotFixtures.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlotDataTest {

    @Test
    void thirtyDaysOfMinutesFitInTheBucketsAndTheSpikeKeepsItsCountAndTheModelAtIt() {
        PlotData data = new PlotData(2_000);
        Instant spike = DAY.plus(Duration.ofDays(17)).plus(Duration.ofMinutes(12 * 60 + 34));
        for (int minute = 0; minute < 30 * 24 * 60; minute++) {
            Instant start = DAY.plus(MINUTE.multipliedBy(minute));
            boolean isSpike = start.equals(spike);
            data.addCount(window("steam", start, isSpike ? 1_000 : 10, isSpike ? 12.5 : 10, isSpike ? 40 : 30));
        }

        List<Bucket> buckets = data.plot(PlotSelection.top(1)).panels().get(0).buckets();

        // 43,200 minutes in at most 2,000 buckets: the width doubles from 1 minute to 32.
        assertThat(buckets).hasSize(30 * 24 * 60 / 32);
        assertThat(buckets).allSatisfy(b -> assertThat(Duration.between(b.start(), b.end()))
                .isEqualTo(Duration.ofMinutes(32)));
        assertThat(buckets.get(0).start()).isEqualTo(DAY);
        List<Bucket> busy = buckets.stream().filter(b -> b.count() > 10).toList();
        assertThat(busy).singleElement().satisfies(b -> {
            assertThat(b.count()).isEqualTo(1_000);
            assertThat(b.expected()).isEqualTo(12.5);
            assertThat(b.threshold()).isEqualTo(40);
            assertThat(b.start()).isBeforeOrEqualTo(spike);
            assertThat(b.end()).isAfter(spike);
        });
        assertThat(buckets).filteredOn(b -> b.count() == 10)
                .allSatisfy(b -> assertThat(b.expected()).isEqualTo(10.0)).hasSize(buckets.size() - 1);
    }

    @Test
    void windowsWithoutComplaintsLeaveNoBucketRatherThanAnInventedModel() {
        PlotData data = new PlotData(8);
        data.addCount(window("steam", at("00:00"), 4, 5, 20));
        data.addCount(window("steam", at("00:05"), 6, 7, 22));

        List<Bucket> buckets = data.plot(PlotSelection.top(1)).panels().get(0).buckets();

        assertThat(buckets).containsExactly(
                new Bucket(at("00:00"), at("00:01"), 4, 5, 20),
                new Bucket(at("00:05"), at("00:06"), 6, 7, 22));
    }

    @Test
    void anIncidentSpansFromItsOpeningToTheEndOfTheWindowThatResolvedItAtItsWorstSeverity() {
        ServicePlot steam = PlotFixtures.steamOutageDay().plot(PlotSelection.of(List.of("steam"))).panels().get(0);

        assertThat(steam.incidents()).containsExactly(
                new Incident(STEAM_OUTAGE, "steam", at("14:00"), at("14:40"), true, Severity.CRITICAL, 1_000));
        assertThat(steam.complaints()).isEqualTo(10L * (24 * 60 - 40) + 300L * 39 + 1_000);
        assertThat(steam.peak()).isEqualTo(1_000);
        assertThat(steam.window()).isEqualTo(MINUTE);
    }

    @Test
    void anIncidentStillOpenWhenTheFeedEndsLastsToTheEndOfTheData() {
        PlotData data = new PlotData();
        data.addCount(window("steam", at("13:59"), 10, 10, 30));
        data.addCount(window("steam", at("14:00"), 300, 10, 30));
        data.addAlert(alert(IncidentEventType.OUTAGE_SUSPECTED, "open", "steam", "14:00", "14:00", Severity.MAJOR,
                300));
        data.addCount(window("steam", at("14:01"), 280, 10, 30));

        Plot plot = data.plot(PlotSelection.top(1));

        assertThat(plot.from()).isEqualTo(at("13:59"));
        assertThat(plot.to()).isEqualTo(at("14:02"));
        assertThat(plot.panels().get(0).incidents()).containsExactly(
                new Incident("open", "steam", at("14:00"), at("14:02"), false, Severity.MAJOR, 300));
    }
}
