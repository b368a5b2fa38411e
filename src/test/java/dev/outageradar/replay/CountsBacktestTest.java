package dev.outageradar.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.ConfigLoader;
import dev.outageradar.detect.DetectorSettings;
import dev.outageradar.detect.IncidentEvent;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.ServiceDetectors;
import dev.outageradar.simulate.FeedSimulator;
import dev.outageradar.simulate.FeedWriter;
import dev.outageradar.simulate.MagnitudeRange;
import dev.outageradar.simulate.SimulationOptions;
import dev.outageradar.simulate.SimulationPlanner;
import dev.outageradar.topology.TopologySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts of a feed replayed through the detectors alone give the incidents the whole topology gives for
 * the feed: the fast path measures the same detector.
 */
class CountsBacktestTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path temp;

    @Test
    void theCountsOfASimulatedFeedGiveEveryIncidentEventOfTheTopology() throws IOException {
        Path feed = temp.resolve("feed.jsonl.gz");
        try (FeedWriter writer = FeedWriter.open(feed)) {
            FeedSimulator.run(SimulationPlanner.plan(new SimulationOptions(LocalDate.parse("2024-09-01"), 3, 8, 6,
                    MagnitudeRange.parse("3..50"), 5, 0.01)), writer::write);
        }
        AppConfig app = ConfigLoader.load(Path.of("config/application.properties"), false, Map.of(), Map.of());
        ServiceCatalog catalog = ServiceCatalog.load(app.catalog());
        TopologySettings settings = app.topologyWith(catalog);
        Path counts = temp.resolve("counts.tsv");
        List<AlertEvent> topology = new ArrayList<>();
        Backtest.Summary summary;
        try (WindowCounts.Writer writer = new WindowCounts.Writer(counts)) {
            summary = Backtest.run(feed, FeedFormat.AUTO, settings, ComplaintMatcher.compile(catalog),
                    alert -> topology.add(withoutPosts(alert)),
                    count -> writer.add(count.service(), count.windowStart(), count.count()), rejected -> { });
        }

        List<AlertEvent> replayed = new ArrayList<>();
        CountsBacktest.Span span = CountsBacktest.run(WindowCounts.read(counts),
                new ServiceDetectors(settings.detector(), settings.serviceDetectors()), settings.windowSize(),
                event -> replayed.add(withoutPosts(AlertEvent.of(event))));

        assertThat(topology).as("the feed must open incidents").hasSizeGreaterThan(6)
                .anyMatch(e -> e.type() == IncidentEventType.OUTAGE_RESOLVED);
        assertThat(replayed).containsExactlyInAnyOrderElementsOf(topology);
        assertThat(span.from()).isEqualTo(summary.from());
        assertThat(span.to()).isEqualTo(summary.to());
    }

    @Test
    void aServiceIsJudgedFromItsFirstCountedWindowAndAMissingWindowIsEmpty() throws IOException {
        Instant start = Instant.parse("2024-09-02T00:00:00Z");
        Path counts = temp.resolve("counts.tsv");
        try (WindowCounts.Writer writer = new WindowCounts.Writer(counts)) {
            // Five complaints a minute for two hours, then a minute of 200, then two silent hours: the incident
            // resolves once 15 quiet minutes no longer hold the burst.
            for (int minute = 0; minute < 120; minute++) {
                writer.add("spotify", start.plus(MINUTE.multipliedBy(minute)), 5);
            }
            writer.add("spotify", start.plus(MINUTE.multipliedBy(120)), 200);
            writer.add("netflix", start.plus(MINUTE.multipliedBy(240)), 1);
        }
        DetectorSettings settings = DetectorSettings.defaults(MINUTE);
        List<IncidentEvent> events = new ArrayList<>();

        CountsBacktest.Span span = CountsBacktest.run(WindowCounts.read(counts), new ServiceDetectors(settings, Map.of()),
                MINUTE, events::add);

        assertThat(events).extracting(e -> e.type() + " " + e.service() + " " + e.detectedAt())
                .containsExactly("OUTAGE_SUSPECTED spotify 2024-09-02T02:01:00Z",
                        "OUTAGE_RESOLVED spotify 2024-09-02T02:16:00Z");
        assertThat(span.from()).isEqualTo(start);
        assertThat(span.to()).isEqualTo(start.plus(MINUTE.multipliedBy(241)));
    }

    @Test
    void aLineThatIsNotACountStopsTheReadWithItsNumber() throws IOException {
        Path counts = temp.resolve("bad.tsv");
        Files.write(counts, List.of(WindowCounts.HEADER, "spotify\t2024-09-02T00:00:00Z\t3", "spotify\tyesterday\t3"));

        assertThatThrownBy(() -> WindowCounts.read(counts)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(counts + ":3: ");
    }

    @Test
    void aFileWithoutTheHeaderIsNotACountsFile() throws IOException {
        Path counts = temp.resolve("feed.jsonl");
        Files.write(counts, List.of("{\"text\":\"spotify down\"}"));

        assertThatThrownBy(() -> WindowCounts.read(counts)).isInstanceOf(IOException.class)
                .hasMessage(counts + ": not a counts file (first line must be 'service window_start complaints', "
                        + "tab-separated)");
    }

    /** The event but for the posts behind it (samples and top terms), which counts do not carry. */
    private static AlertEvent withoutPosts(AlertEvent a) {
        return new AlertEvent(a.schemaVersion(), a.type(), a.incidentId(), a.sequence(), a.service(), a.windowStart(),
                a.windowEnd(), a.count(), a.expected(), a.score(), a.ratio(), a.severity(), a.openedAt(), a.peakCount(),
                a.durationSeconds(), a.detectedAt(), List.of(), List.of(), a.evidenceSeconds(), a.evidenceCount(),
                a.evidenceExpected());
    }
}
