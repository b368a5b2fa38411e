package dev.outageradar.simulate;

import static dev.outageradar.simulate.Plans.MONDAY;
import static dev.outageradar.simulate.Plans.PER_MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedSimulatorTest {

    /** Spotify at 20 complaints a minute and three smaller services: about 150,000 lines. */
    private static final SimulationOptions TWO_DAYS =
            new SimulationOptions(LocalDate.of(2024, 9, 1), 2, 4, 3, new MagnitudeRange(2, 20), 42, 0.02);

    @TempDir
    Path dir;

    @Test
    void sameSeedAndOptionsWriteIdenticalBytes() throws IOException {
        for (String name : List.of("feed.jsonl", "feed.jsonl.gz")) {
            Path first = write(SimulationPlanner.plan(TWO_DAYS), dir.resolve("a-" + name));
            Path second = write(SimulationPlanner.plan(TWO_DAYS), dir.resolve("b-" + name));

            assertThat(Files.size(first)).isGreaterThan(100_000);
            assertThat(Files.mismatch(first, second)).as(name).isEqualTo(-1L);
        }
    }

    @Test
    void differentSeedWritesADifferentFeed() throws IOException {
        SimulationOptions otherSeed = new SimulationOptions(TWO_DAYS.start(), 2, 4, 3, TWO_DAYS.magnitude(), 43, 0.02);

        Path first = write(SimulationPlanner.plan(TWO_DAYS), dir.resolve("a.jsonl"));
        Path second = write(SimulationPlanner.plan(otherSeed), dir.resolve("b.jsonl"));

        assertThat(Files.mismatch(first, second)).isNotEqualTo(-1L);
    }

    @Test
    void linesFollowEventTimeExceptLatePostsWithinTwentySeconds() {
        List<Instant> times = createdAt(SimulationPlanner.plan(TWO_DAYS));

        Instant newest = Instant.MIN;
        int late = 0;
        for (Instant t : times) {
            assertThat(t).isAfterOrEqualTo(newest.equals(Instant.MIN) ? t : newest.minusSeconds(20));
            late += t.isBefore(newest) ? 1 : 0;
            newest = t.isAfter(newest) ? t : newest;
        }
        assertThat((double) late / times.size()).as("share of late lines").isBetween(0.005, 0.02);
    }

    @Test
    void withoutOutOfOrderPostsEveryLineIsAtOrAfterThePreviousOne() {
        SimulationOptions inOrder = new SimulationOptions(TWO_DAYS.start(), 2, 4, 3, TWO_DAYS.magnitude(), 42, 0);

        List<Instant> times = createdAt(SimulationPlanner.plan(inOrder));

        assertThat(times).isSorted();
    }

    @Test
    void complaintsAtEightInTheEveningFarOutnumberThoseAtFourInTheMorningLocalTime() {
        SimulationPlan plan = Plans.week(List.of(Plans.service("netflix", PER_MINUTE, 100)), List.of());
        int[] perLocalHour = new int[24];

        FeedSimulator.run(plan, line -> {
            if (line instanceof SimulatedPost p && p.kind() == PostKind.COMPLAINT) {
                perLocalHour[p.post().createdAt().atOffset(ZoneOffset.ofHours(-5)).getHour()]++;
            }
        });

        assertThat(perLocalHour[4]).isGreaterThan(50);
        assertThat(perLocalHour[20]).isGreaterThan(5 * perLocalHour[4]);
    }

    @Test
    void everyLineIsAPostInTheNormalizedJsonForm() throws IOException {
        Path feed = write(Plans.week(List.of(Plans.service("spotify", PER_MINUTE, PER_MINUTE)), List.of()),
                dir.resolve("feed.jsonl"));
        ObjectMapper json = new ObjectMapper();

        List<String> lines = Files.readAllLines(feed);

        assertThat(lines).hasSizeGreaterThan(10_000);
        for (String line : lines.subList(0, 2000)) {
            JsonNode post = json.readTree(line);
            assertThat(post.fieldNames()).toIterable()
                    .containsExactly("id", "created_at", "text", "author", "lang", "source", "country");
            assertThat(post.get("id").asText()).matches("\\d{19}");
            assertThat(Instant.parse(post.get("created_at").asText())).isAfterOrEqualTo(MONDAY);
            assertThat(post.get("author").asText()).matches("u\\d+");
            assertThat(post.get("lang").asText()).isEqualTo("en");
            assertThat(post.get("source").asText()).isIn("twitter", "bluesky", "mastodon");
            assertThat(post.get("country").asText()).isIn("US", "CA", "MX");
        }
        assertThat(lines.stream().map(l -> l.substring(7, 26)).distinct().count()).isEqualTo(lines.size());
    }

    @Test
    void anOutageBurstComesFromManyPeopleWithRetweetsAndQuotes() {
        Episode outage = new Episode("spotify", Plans.thursday("18:00"), Plans.thursday("19:00"), Scenario.SPIKE, 50, null);
        SimulationPlan plan = Plans.week(List.of(Plans.service("spotify", PER_MINUTE, PER_MINUTE)), List.of(outage));
        List<SimulatedPost> burst = new ArrayList<>();

        FeedSimulator.run(plan, line -> {
            if (line instanceof SimulatedPost p && outage.contains(p.post().createdAt()) && p.kind() == PostKind.COMPLAINT) {
                burst.add(p);
            }
        });

        Set<String> authors = new HashSet<>();
        burst.forEach(p -> authors.add(p.post().author()));
        List<SimulatedPost> retweets = burst.stream().filter(p -> p.post().text().startsWith("RT @u")).toList();
        assertThat(burst).hasSizeGreaterThan(1500);
        assertThat(authors).hasSizeGreaterThan(burst.size() * 8 / 10);
        assertThat(retweets).hasSizeGreaterThan(burst.size() / 20)
                .allSatisfy(rt -> assertThat(rt.post().source()).isEqualTo("twitter"));
        assertThat(burst).anySatisfy(p -> assertThat(p.post().text()).contains("https://t.co/"));
        assertThat(burst).anySatisfy(p -> assertThat(p.post().text()).contains("#SpotifyDown"));
        assertThat(burst).anySatisfy(p -> assertThat(p.post().text()).contains("@SpotifyCares"));
    }

    private Path write(SimulationPlan plan, Path path) throws IOException {
        try (FeedWriter writer = FeedWriter.open(path)) {
            FeedSimulator.run(plan, writer::write);
        }
        return path;
    }

    private static List<Instant> createdAt(SimulationPlan plan) {
        List<Instant> times = new ArrayList<>();
        Consumer<FeedLine> sink = line -> times.add(((SimulatedPost) line).post().createdAt());
        FeedSimulator.run(plan, sink);
        return times;
    }
}
