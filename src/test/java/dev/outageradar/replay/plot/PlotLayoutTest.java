package dev.outageradar.replay.plot;

import static dev.outageradar.replay.plot.PlotFixtures.DAY;
import static dev.outageradar.replay.plot.PlotFixtures.MINUTE;
import static dev.outageradar.replay.plot.PlotFixtures.alert;
import static dev.outageradar.replay.plot.PlotFixtures.at;
import static dev.outageradar.replay.plot.PlotFixtures.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One panel's geometry ({@link PanelLayout}), which both renderers draw. */
class PlotLayoutTest {

    private static PanelLayout onlyPanel(PlotData data) {
        Plot plot = data.plot(PlotSelection.top(1));
        return new PanelLayout(plot.panels().get(0), PanelLayout.timeAxis(plot));
    }

    @Test
    void windowsWithoutComplaintsHaveNoBarAndTheModelLinesRunStraightAcrossThem() {
        PlotData data = new PlotData();
        for (Instant t = at("00:00"); t.isBefore(at("24:00")); t = t.plus(MINUTE)) {
            boolean quiet = !t.isBefore(at("10:00")) && t.isBefore(at("14:00"));
            if (!quiet) {
                boolean morning = t.isBefore(at("10:00"));
                data.addCount(window("steam", t, 5, morning ? 8 : 12, morning ? 20 : 28));
            }
        }

        PanelLayout layout = onlyPanel(data);

        // 10:00 falls at x=532.5 and 14:00 at 717.5.
        assertThat(layout.bars()).containsExactly(new PanelLayout.Bar(70, 533, layout.y(5), 5),
                new PanelLayout.Bar(717, 1180, layout.y(5), 5));
        assertThat(layout.expectedLine()).containsExactly(new PanelLayout.Point(70.5, layout.y(8)),
                new PanelLayout.Point(532.5, layout.y(8)), new PanelLayout.Point(717.5, layout.y(12)),
                new PanelLayout.Point(1179.5, layout.y(12)));
        assertThat(layout.thresholdLine()).extracting(PanelLayout.Point::x)
                .containsExactly(70.5, 532.5, 717.5, 1179.5);
    }

    @Test
    void aOneMinuteSpikeInAMonthStillGetsItsOwnColumnAtItsFullCount() {
        PlotData data = new PlotData();
        Instant spike = DAY.plus(Duration.ofDays(15));
        for (int minute = 0; minute < 30 * 24 * 60; minute++) {
            Instant start = DAY.plus(MINUTE.multipliedBy(minute));
            data.addCount(window("steam", start, start.equals(spike) ? 1_000 : 10, 10, 30));
        }

        PanelLayout layout = onlyPanel(data);

        // Half the month: x = 70 + 1110 / 2 = 625.
        assertThat(layout.bars()).containsExactly(new PanelLayout.Bar(70, 625, layout.y(10), 10),
                new PanelLayout.Bar(625, 626, layout.y(1_000), 1_000),
                new PanelLayout.Bar(626, 1180, layout.y(10), 10));
        assertThat(layout.stats()).contains("each bar: the busiest window of 38 min");
    }

    @Test
    void anIncidentShorterThanAPixelIsStillABandYouCanSee() {
        PlotData data = new PlotData();
        for (int minute = 0; minute < 30 * 24 * 60; minute++) {
            data.addCount(window("steam", DAY.plus(MINUTE.multipliedBy(minute)), 10, 10, 30));
        }
        data.addAlert(alert(IncidentEventType.OUTAGE_SUSPECTED, "blip", "steam", "12:00", "12:00", Severity.MINOR, 90));
        data.addAlert(alert(IncidentEventType.OUTAGE_RESOLVED, "blip", "steam", "12:00", "12:01", Severity.MINOR, 90));

        List<PanelLayout.Band> bands = onlyPanel(data).bands();

        // 12:00 on the first of thirty days: x = 70 + 1110 / 60 = 88.5.
        assertThat(bands).extracting(PanelLayout.Band::x0, PanelLayout.Band::x1)
                .containsExactly(tuple(88, 91));
    }
}
