package dev.outageradar.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The episodes planned so far and where a new one may go: windows of one service stay at least
 * {@link #GAP} apart, so every label is unambiguous and each outage has quiet hours around it to be
 * compared with. Growth spans the whole feed and is exempt.
 */
final class Placement {

    static final Duration GAP = Duration.ofHours(2);
    private static final int ATTEMPTS = 2000;

    private final Instant start;
    private final Instant end;
    private final List<Episode> episodes = new ArrayList<>();

    Placement(Instant start, Instant end) {
        this.start = start;
        this.end = end;
    }

    List<Episode> episodes() {
        return List.copyOf(episodes);
    }

    /** Adds without checking: for growth, which overlaps everything by nature. */
    void addAlways(Episode episode) {
        episodes.add(episode);
    }

    boolean isFree(String serviceId, Instant from, Instant to) {
        return episodes.stream().noneMatch(e -> e.scenario() != Scenario.GROWTH && e.serviceId().equals(serviceId)
                && e.overlaps(from, to, GAP));
    }

    /**
     * Tries random minute-aligned starts until the window is free for every one of {@code serviceIds};
     * returns the start, or null when the feed is too crowded.
     */
    Instant findStart(Rng rng, Duration duration, List<String> serviceIds) {
        return findStart(rng, duration, serviceIds, start);
    }

    /** As {@link #findStart(Rng, Duration, List)}, starting no earlier than {@code notBefore}. */
    Instant findStart(Rng rng, Duration duration, List<String> serviceIds, Instant notBefore) {
        Instant first = notBefore.isAfter(start) ? notBefore : start;
        long slots = Duration.between(first, end.minus(duration)).toMinutes();
        if (slots < 0) {
            return null;
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            Instant from = first.plus(Duration.ofMinutes((long) (rng.nextDouble() * (slots + 1))));
            Instant to = from.plus(duration);
            if (serviceIds.stream().allMatch(id -> isFree(id, from, to))) {
                return from;
            }
        }
        return null;
    }

    void add(Episode episode) {
        episodes.add(episode);
    }
}
