package dev.outageradar.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Counts a feed's posts per service, kind and minute, so month-long feeds can be checked without holding them. */
final class Tally implements Consumer<FeedLine> {

    private final SimulationPlan plan;
    private final Map<String, int[]> perMinute = new HashMap<>();

    private Tally(SimulationPlan plan) {
        this.plan = plan;
    }

    static Tally of(SimulationPlan plan) {
        Tally tally = new Tally(plan);
        FeedSimulator.run(plan, tally);
        return tally;
    }

    @Override
    public void accept(FeedLine line) {
        if (line instanceof SimulatedPost p) {
            int minute = (int) Duration.between(plan.start(), p.post().createdAt()).toMinutes();
            perMinute.computeIfAbsent(p.serviceId() + "/" + p.kind(), k -> new int[minutes()])[minute]++;
        }
    }

    int count(String serviceId, PostKind kind, Instant from, Instant to) {
        int[] counts = perMinute.getOrDefault(serviceId + "/" + kind, new int[minutes()]);
        int sum = 0;
        for (long m = Duration.between(plan.start(), from).toMinutes(); m < Duration.between(plan.start(), to).toMinutes(); m++) {
            sum += counts[(int) m];
        }
        return sum;
    }

    /**
     * Mean count in the same hours on the other days of the feed, leaving out days where those hours touch
     * any episode of the service (growth aside), so the comparison is with ordinary days.
     */
    double sameHoursOnOrdinaryDays(String serviceId, PostKind kind, Instant from, Instant to) {
        List<Episode> own = plan.episodesOf(serviceId).stream().filter(e -> e.scenario() != Scenario.GROWTH).toList();
        int days = 0;
        long sum = 0;
        for (int shift = -400; shift <= 400; shift++) {
            Instant a = from.plus(Duration.ofDays(shift));
            Instant b = to.plus(Duration.ofDays(shift));
            if (shift == 0 || a.isBefore(plan.start()) || b.isAfter(plan.end())
                    || own.stream().anyMatch(e -> e.overlaps(a, b, Duration.ZERO))) {
                continue;
            }
            sum += count(serviceId, kind, a, b);
            days++;
        }
        if (days == 0) {
            throw new AssertionError("no ordinary day to compare " + serviceId + " " + from + " with");
        }
        return (double) sum / days;
    }

    private int minutes() {
        return (int) Duration.between(plan.start(), plan.end()).toMinutes();
    }
}
