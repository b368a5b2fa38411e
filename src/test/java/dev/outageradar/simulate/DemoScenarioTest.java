package dev.outageradar.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoScenarioTest {

    private static final SimulationPlan DEMO = DemoScenario.plan(42);

    @TempDir
    Path dir;

    @Test
    void theTwoHourSpotifyOutageHoldsAtLeastThirtyThousandComplaintsFromManyPeople() {
        Set<String> authors = new HashSet<>();
        int[] complaints = new int[1];

        FeedSimulator.run(DEMO, line -> {
            if (line instanceof SimulatedPost p && p.serviceId().equals("spotify") && p.kind() == PostKind.COMPLAINT
                    && !p.post().createdAt().isBefore(DemoScenario.OUTAGE_START)
                    && p.post().createdAt().isBefore(DemoScenario.OUTAGE_END)) {
                complaints[0]++;
                authors.add(p.post().author());
            }
        });

        assertThat(complaints[0]).isGreaterThanOrEqualTo(30_000);
        assertThat(authors).hasSizeGreaterThan(complaints[0] * 8 / 10);
    }

    @Test
    void outsideTheOutageEveryServiceIsQuietAndLabelledTrafficIsTheOnlyIncident() {
        Tally tally = Tally.of(DEMO);

        assertThat(DEMO.services()).hasSize(8);
        assertThat(DEMO.episodes()).containsExactly(new Episode("spotify", DemoScenario.OUTAGE_START,
                DemoScenario.OUTAGE_END, Scenario.SPIKE, DEMO.episodes().get(0).magnitude(), null));
        for (SimulatedService service : DEMO.services()) {
            for (Instant hour = DEMO.start(); hour.isBefore(DEMO.end()); hour = hour.plus(Duration.ofHours(1))) {
                boolean outage = service.id().equals("spotify") && !hour.isBefore(DemoScenario.OUTAGE_START)
                        && hour.isBefore(DemoScenario.OUTAGE_END);
                if (!outage) {
                    assertThat(tally.count(service.id(), PostKind.COMPLAINT, hour, hour.plus(Duration.ofHours(1))))
                            .as(service.id() + " at " + hour).isLessThanOrEqualTo(150);
                }
            }
        }
    }

    @Test
    void theFeedStaysUnderEightyThousandLinesWithExactlyThreeBrokenOnesOneOfEachKind() throws IOException {
        Path feed = dir.resolve("demo.jsonl");
        try (FeedWriter writer = FeedWriter.open(feed)) {
            FeedSimulator.run(DEMO, writer::write);
        }

        List<String> lines = Files.readAllLines(feed);
        List<String> defects = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            defects.addAll(defectOf(json, line));
        }

        assertThat(lines).hasSizeBetween(40_000, 80_000);
        assertThat(defects).containsExactly("not json", "missing created_at", "bad created_at 2024-09-30T25:61");
    }

    private static List<String> defectOf(ObjectMapper json, String line) {
        JsonNode post;
        try {
            post = json.readTree(line);
        } catch (JsonProcessingException e) {
            return List.of("not json");
        }
        if (!post.has("created_at")) {
            return List.of("missing created_at");
        }
        String createdAt = post.get("created_at").asText();
        try {
            Instant.parse(createdAt);
            return List.of();
        } catch (DateTimeParseException e) {
            return List.of("bad created_at " + createdAt.substring(0, 16));
        }
    }
}
