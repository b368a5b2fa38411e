package dev.outageradar.replay.plot;

import static dev.outageradar.replay.plot.PlotFixtures.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shared UTC time axis ({@link TimeAxis}). */
class PlotTimeAxisTest {

    @Test
    void aDayOverElevenHundredPixelsIsLabelledEveryThreeHoursWithTheDateUnderMidnight() {
        TimeAxis axis = new TimeAxis(DAY, DAY.plus(Duration.ofDays(1)), 70, 1_110);

        assertThat(axis.ticks(110)).containsExactly(
                new TimeAxis.Tick(70, "00:00", "Sep 30"), new TimeAxis.Tick(208.75, "03:00", ""),
                new TimeAxis.Tick(347.5, "06:00", ""), new TimeAxis.Tick(486.25, "09:00", ""),
                new TimeAxis.Tick(625, "12:00", ""), new TimeAxis.Tick(763.75, "15:00", ""),
                new TimeAxis.Tick(902.5, "18:00", ""), new TimeAxis.Tick(1_041.25, "21:00", ""),
                new TimeAxis.Tick(1_180, "00:00", "Oct 1"));
    }

    @Test
    void aMonthIsLabelledOnMondaysWithTheYearUnderTheFirst() {
        // 2024-09-30 is a Monday; the axis starts mid-morning.
        TimeAxis axis = new TimeAxis(DAY.plus(Duration.ofHours(10)), DAY.plus(Duration.ofDays(30)), 70, 1_110);

        assertThat(axis.ticks(110)).extracting(TimeAxis.Tick::label, TimeAxis.Tick::context).containsExactly(
                tuple("Oct 7", "2024"), tuple("Oct 14", ""),
                tuple("Oct 21", ""), tuple("Oct 28", ""));
    }
}
