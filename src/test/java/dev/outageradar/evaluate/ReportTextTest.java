package dev.outageradar.evaluate;

import static dev.outageradar.evaluate.Fixtures.WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportTextTest {

    @Test
    void headlineFiguresThenBreakdownsThenEveryMissedOutageAndFalseAlert() {
        assertThat(Reports.mixed().toText()).isEqualTo("""
                3 detections against 2 outages and 2 decoy windows
                8 services over 7d, tolerance 5m

                precision     0.333  1 of 3 detections hit an outage
                recall        0.500  1 of 2 outages caught
                F1            0.400
                delay                median 1m 40s, p90 1m 40s
                false alerts      2  1 in decoys, 1 spurious; 0.250 per service-week

                Outages by scenario
                scenario  outages  caught  recall  delay median  delay p90
                spike           1       1   1.000        1m 40s     1m 40s
                slow            1       0   0.000             -          -

                Outages by magnitude
                magnitude  outages  caught  recall  delay median  delay p90
                <3x              1       0   0.000             -          -
                >=10x            1       1   1.000        1m 40s     1m 40s

                Decoys
                scenario            windows  alerts
                growth                    1       0
                competitor-mention        1       1

                Missed outages (1)
                service  start                 end                   scenario  magnitude
                netflix  2024-09-30T02:00:00Z  2024-09-30T04:00:00Z  slow           2.5x

                False alerts (2)
                service      detected at           cause               incident           opened at
                discord      2024-09-30T09:31:00Z  spurious            discord@09:31      2024-09-30T09:30:00Z
                apple-music  2024-09-30T14:31:00Z  competitor-mention  apple-music@14:31  2024-09-30T14:30:00Z
                """);
    }

    @Test
    void emptySectionsSayNone() {
        assertThat(Evaluation.score(List.of(), List.of(), 1, WEEK).toText()).isEqualTo("""
                0 detections against 0 outages and 0 decoy windows
                1 services over 7d, tolerance 5m

                precision     1.000  0 of 0 detections hit an outage
                recall        1.000  0 of 0 outages caught
                F1            1.000
                delay                median -, p90 -
                false alerts      0  0 in decoys, 0 spurious; 0.000 per service-week

                Outages by scenario
                none

                Outages by magnitude
                none

                Decoys
                none

                Missed outages (0)
                none

                False alerts (0)
                none
                """);
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PT1M40S    | 1m 40s
            PT0S       | 0s
            PT0.9S     | 0s
            PT5M       | 5m
            PT2H5M     | 2h 5m
            PT1H0M5S   | 1h 0m 5s
            PT720H     | 30d
            PT26H3M    | 1d 2h 3m
            """)
    void durationsReadLargestUnitFirstWithoutTrailingZeroUnits(String iso, String text) {
        assertThat(ReportText.duration(Duration.parse(iso))).isEqualTo(text);
    }
}
