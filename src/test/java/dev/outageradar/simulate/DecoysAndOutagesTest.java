package dev.outageradar.simulate;

import static dev.outageradar.simulate.Plans.PER_MINUTE;
import static dev.outageradar.simulate.Plans.service;
import static dev.outageradar.simulate.Plans.thursday;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** What each kind of episode does to the feed, on one-week plans with a single episode each. */
class DecoysAndOutagesTest {

    @Test
    void viralBurstMultipliesMentionsAndLeavesComplaintsAlone() {
        Episode viral = new Episode("spotify", thursday("16:00"), thursday("20:00"), Scenario.VIRAL_MENTION, 30, null);
        SimulationPlan plan = Plans.week(List.of(service("spotify", PER_MINUTE, PER_MINUTE)), List.of(viral));

        Tally tally = Tally.of(plan);

        assertThat(ratio(tally, "spotify", PostKind.MENTION, viral)).isGreaterThan(10);
        assertThat(ratio(tally, "spotify", PostKind.COMPLAINT, viral)).isBetween(0.6, 1.6);
        assertThat(posts(plan, p -> viral.contains(p.post().createdAt()) && p.kind() == PostKind.MENTION))
                .anySatisfy(p -> assertThat(p.post().text()).containsIgnoringCase("wrapped"));
    }

    @Test
    void negatedWaveIsManyRecoveryPhrasesWithoutExtraComplaints() {
        Episode negated = new Episode("netflix", thursday("18:00"), thursday("20:00"), Scenario.NEGATED, 10, null);
        SimulationPlan plan = Plans.week(List.of(service("netflix", PER_MINUTE, PER_MINUTE)), List.of(negated));

        Tally tally = Tally.of(plan);
        List<SimulatedPost> wave = posts(plan, p -> negated.contains(p.post().createdAt()) && p.kind() == PostKind.NEGATED);

        assertThat(wave.size()).isGreaterThan(5 * tally.count("netflix", PostKind.COMPLAINT, negated.start(), negated.end()));
        assertThat(ratio(tally, "netflix", PostKind.COMPLAINT, negated)).isBetween(0.6, 1.6);
        assertThat(wave).allSatisfy(p -> assertThat(ComplaintTexts.RECOVERY_PHRASES)
                .anySatisfy(phrase -> assertThat(p.post().text().toLowerCase(Locale.ROOT)).contains(phrase)));
    }

    @Test
    void singleAccountPostsHundredsOfComplaintsAloneAndOnlyInItsWindow() {
        Episode spammer = new Episode("github", thursday("12:00"), thursday("15:00"), Scenario.SINGLE_ACCOUNT, 100, "u4242");
        SimulationPlan plan = Plans.week(List.of(service("github", 50, 20)), List.of(spammer));

        List<SimulatedPost> byAccount = posts(plan, p -> p.post().author().equals("u4242"));

        assertThat(byAccount).hasSizeBetween(240, 360)
                .allSatisfy(p -> {
                    assertThat(spammer.contains(p.post().createdAt())).isTrue();
                    assertThat(p.kind()).isEqualTo(PostKind.COMPLAINT);
                    assertThat(p.serviceId()).isEqualTo("github");
                });
        assertThat(posts(plan, p -> spammer.contains(p.post().createdAt()) && !p.post().author().equals("u4242")))
                .hasSizeLessThan(30);
    }

    @Test
    void competitorMentionsNameTheRivalDuringTheOutageWhileTheRivalStaysNormal() {
        Instant from = thursday("18:00");
        Instant to = thursday("19:00");
        Episode outage = new Episode("spotify", from, to, Scenario.SPIKE, 100, null);
        Episode rival = new Episode("apple-music", from, to, Scenario.COMPETITOR_MENTION, 4.95, "spotify");
        SimulationPlan plan = Plans.week(List.of(service("spotify", 20 * PER_MINUTE, 20 * PER_MINUTE),
                service("apple-music", 50, 50)), List.of(outage, rival));

        Tally tally = Tally.of(plan);
        List<SimulatedPost> namingBoth = posts(plan, p -> p.post().text().toLowerCase(Locale.ROOT).contains("apple music")
                && p.post().text().toLowerCase(Locale.ROOT).contains("spotify"));

        assertThat(namingBoth).hasSizeGreaterThan(1000)
                .allSatisfy(p -> {
                    assertThat(rival.contains(p.post().createdAt())).isTrue();
                    assertThat(p.serviceId()).isEqualTo("spotify");
                });
        assertThat(tally.count("apple-music", PostKind.COMPLAINT, from, to)).isLessThan(10);
    }

    @Test
    void holidayEveningRaisesAllTrafficByAboutAHalf() {
        // 18:00 to 23:00 in the audience's evening (UTC-5); four services so their noise averages out.
        List<String> ids = List.of("netflix", "spotify", "discord", "steam");
        Instant from = thursday("23:00");
        Instant to = from.plus(Duration.ofHours(5));
        SimulationPlan plan = Plans.week(ids.stream().map(id -> service(id, 5 * PER_MINUTE, 5 * PER_MINUTE)).toList(),
                ids.stream().map(id -> new Episode(id, from, to, Scenario.HOLIDAY_SURGE, 1.5, null)).toList());

        Tally tally = Tally.of(plan);

        for (PostKind kind : List.of(PostKind.COMPLAINT, PostKind.MENTION)) {
            double surge = ids.stream().mapToDouble(id -> tally.count(id, kind, from, to)).sum();
            double ordinary = ids.stream().mapToDouble(id -> tally.sameHoursOnOrdinaryDays(id, kind, from, to)).sum();
            assertThat(surge / ordinary).as(kind.name()).isBetween(1.3, 1.6);
        }
    }

    @Test
    void volumeOfAGrowingServiceDoublesOverThirtyDays() {
        Instant start = Plans.MONDAY;
        Instant end = start.plus(Duration.ofDays(30));
        SimulationPlan plan = new SimulationPlan(start, end, List.of(service("chatgpt", PER_MINUTE, 100)),
                List.of(new Episode("chatgpt", start, end, Scenario.GROWTH, 2, null)), List.of(), 7L, 0,
                SimulationPlan.DEFAULT_MAX_DISORDER);

        Tally tally = Tally.of(plan);
        int firstWeek = tally.count("chatgpt", PostKind.COMPLAINT, start, start.plus(Duration.ofDays(7)));
        int lastWeek = tally.count("chatgpt", PostKind.COMPLAINT, end.minus(Duration.ofDays(7)), end);

        // Week midpoints are 23 days apart: 2^(23/30) = 1.70.
        assertThat((double) lastWeek / firstWeek).isBetween(1.5, 1.9);
    }

    @Test
    void outageRampsUpWithinMinutesHoldsThenDecaysAndPeopleSayItIsBackUp() {
        Episode outage = new Episode("spotify", thursday("18:00"), thursday("20:00"), Scenario.SPIKE, 20, null);
        SimulationPlan plan = Plans.week(List.of(service("spotify", PER_MINUTE, PER_MINUTE)), List.of(outage));

        Tally tally = Tally.of(plan);
        int firstTwoMinutes = tally.count("spotify", PostKind.COMPLAINT, thursday("18:00"), thursday("18:02"));
        int plateauTenMinutes = tally.count("spotify", PostKind.COMPLAINT, thursday("18:30"), thursday("18:40"));
        int lastTenMinutes = tally.count("spotify", PostKind.COMPLAINT, thursday("19:50"), thursday("20:00"));
        int backUp = tally.count("spotify", PostKind.NEGATED, thursday("20:00"), thursday("20:30"));

        assertThat(plateauTenMinutes).isGreaterThan(180);
        assertThat(firstTwoMinutes).isLessThan(plateauTenMinutes / 5);
        assertThat(lastTenMinutes).isLessThan(plateauTenMinutes / 4);
        assertThat(ratio(tally, "spotify", PostKind.COMPLAINT, outage)).isGreaterThan(8);
        assertThat(backUp).isGreaterThan(3)
                .isEqualTo(tally.count("spotify", PostKind.NEGATED, plan.start(), plan.end()));
    }

    private static double ratio(Tally tally, String service, PostKind kind, Episode window) {
        return tally.count(service, kind, window.start(), window.end())
                / tally.sameHoursOnOrdinaryDays(service, kind, window.start(), window.end());
    }

    private static List<SimulatedPost> posts(SimulationPlan plan, Predicate<SimulatedPost> filter) {
        List<SimulatedPost> matching = new ArrayList<>();
        FeedSimulator.run(plan, line -> {
            if (line instanceof SimulatedPost p && filter.test(p)) {
                matching.add(p);
            }
        });
        return matching;
    }
}
