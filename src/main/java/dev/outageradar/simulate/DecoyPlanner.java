package dev.outageradar.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Places the decoys that look like trouble to a naive counter but are not outages: a viral burst of
 * mentions, a wave of "is it down? no", and one account posting hundreds of complaints. Each goes where it
 * is most deceptive, and is skipped when the feed has no room for it.
 */
final class DecoyPlanner {

    private static final double ONE_PER_MINUTE = 24 * 60;

    private final Rng rng;
    private final List<SimulatedService> services;
    private final Placement placement;

    DecoyPlanner(Rng rng, List<SimulatedService> services, Placement placement) {
        this.rng = rng;
        this.services = services;
        this.placement = placement;
    }

    /** On the most mentioned service ("Spotify Wrapped is out!"), 20 to 50 times its usual mentions. */
    void planViralMention() {
        SimulatedService target = services.stream().max(Comparator.comparingDouble(SimulatedService::mentionsPerDay))
                .orElseThrow();
        place(target, Scenario.VIRAL_MENTION, round(rng.uniform(20, 50)), hours(3, 8), null);
    }

    /** Where complaints are common enough that many "no, works for me" replies look like a wave. */
    void planNegated() {
        List<SimulatedService> busy = services.stream().filter(s -> s.complaintsPerDay() >= ONE_PER_MINUTE).toList();
        SimulatedService target = rng.pick(busy.isEmpty() ? services : busy);
        place(target, Scenario.NEGATED, round(rng.uniform(5, 15)), hours(1, 3), null);
    }

    /** On a quiet service, where hundreds of posts from one account dwarf everyone else. */
    void planSingleAccount() {
        List<SimulatedService> quiet = services.stream().filter(s -> s.complaintsPerDay() <= ONE_PER_MINUTE).toList();
        SimulatedService target = rng.pick(quiet.isEmpty() ? services : quiet);
        String account = "u" + (1 + rng.nextInt(Authors.REGULARS));
        place(target, Scenario.SINGLE_ACCOUNT, round(rng.uniform(80, 150)), hours(2, 4), account);
    }

    private void place(SimulatedService service, Scenario scenario, double magnitude, Duration duration, String related) {
        Instant from = placement.findStart(rng, duration, List.of(service.id()));
        if (from != null) {
            placement.add(new Episode(service.id(), from, from.plus(duration), scenario, magnitude, related));
        }
    }

    private Duration hours(int min, int max) {
        return Duration.ofMinutes(Math.round(rng.uniform(min * 60, max * 60)));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
