package dev.outageradar.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelCsvTest {

    @TempDir
    Path dir;

    @Test
    void writesAHeaderAndOneRowPerEpisode() throws IOException {
        List<Episode> episodes = List.of(
                new Episode("spotify", Instant.parse("2024-09-30T14:00:00Z"), Instant.parse("2024-09-30T16:00:00Z"),
                        Scenario.SPIKE, 527.32, null),
                new Episode("apple-music", Instant.parse("2024-09-30T14:00:00Z"), Instant.parse("2024-09-30T16:00:00Z"),
                        Scenario.COMPETITOR_MENTION, 4.95, "spotify"),
                new Episode("github", Instant.parse("2024-09-30T18:00:00Z"), Instant.parse("2024-09-30T23:00:00Z"),
                        Scenario.HOLIDAY_SURGE, 1.5, null));
        Path labels = dir.resolve("labels.csv");

        LabelCsv.write(labels, episodes);

        assertThat(Files.readAllLines(labels)).containsExactly(
                "service,start,end,kind,scenario,magnitude,related",
                "spotify,2024-09-30T14:00:00Z,2024-09-30T16:00:00Z,outage,spike,527.32,",
                "apple-music,2024-09-30T14:00:00Z,2024-09-30T16:00:00Z,decoy,competitor-mention,4.95,spotify",
                "github,2024-09-30T18:00:00Z,2024-09-30T23:00:00Z,decoy,holiday-surge,1.5,");
    }

    @Test
    void labelsOfAPlannedFeedReadBackAsTheSameEpisodes() throws IOException {
        SimulationPlan plan = SimulationPlanner.plan(
                new SimulationOptions(LocalDate.of(2024, 9, 1), 30, 12, 30, new MagnitudeRange(2, 100), 42, 0.01));
        Path labels = dir.resolve("labels.csv");

        LabelCsv.write(labels, plan.episodes());

        assertThat(LabelCsv.read(labels)).isEqualTo(plan.episodes());
    }

    @Test
    void aRowWhoseKindContradictsItsScenarioIsRejectedWithItsLineNumber() throws IOException {
        Path labels = dir.resolve("labels.csv");
        Files.write(labels, List.of(LabelCsv.HEADER,
                "spotify,2024-09-30T14:00:00Z,2024-09-30T16:00:00Z,decoy,spike,10,"));

        assertThatThrownBy(() -> LabelCsv.read(labels))
                .isInstanceOf(IOException.class)
                .hasMessage(labels + " line 2: scenario spike is a outage, not decoy");
    }
}
