package dev.outageradar.simulate;

import dev.outageradar.config.ConfigException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the command's options into a plan: the first N built-in services at their usual sizes, one decoy of
 * each kind where it fits, and the requested outages. Decoys are placed before the ordinary outages so a
 * crowded feed loses outages (and says so) rather than silently losing decoys.
 */
public final class SimulationPlanner {

    /** Even a small service is mentioned a little every day. */
    private static final double MIN_MENTIONS_PER_DAY = 20;
    /** Three times the detector's default min count: an outage smaller than that is not in the data. */
    static final double MIN_EXCESS_COMPLAINTS = 30;
    /** ... within its first hour. */
    static final Duration VISIBLE_WITHIN = Duration.ofHours(1);
    private static final int PLACEMENT_TRIES = 200;
    private static final double COMPETITOR_SHARE = 0.05;
    static final Duration LEARNING_DAY = Duration.ofDays(1);
    private static final LocalTime HOLIDAY_EVENING = LocalTime.of(18, 0);
    private static final Duration HOLIDAY_LENGTH = Duration.ofHours(5);

    private final SimulationOptions options;
    private final Rng rng;
    private final Instant start;
    private final Instant end;
    private final List<SimulatedService> services;
    private final Placement placement;

    private SimulationPlanner(SimulationOptions options) {
        this.options = options;
        this.rng = new Rng(options.seed());
        this.start = options.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        this.end = start.plus(Duration.ofDays(options.days()));
        this.services = KnownServices.all().subList(0, options.services()).stream()
                .map(k -> new SimulatedService(k, k.complaintsPerDay(), Math.max(MIN_MENTIONS_PER_DAY, k.complaintsPerDay())))
                .toList();
        this.placement = new Placement(start, end);
    }

    public static SimulationPlan plan(SimulationOptions options) {
        return new SimulationPlanner(options).plan();
    }

    private SimulationPlan plan() {
        planGrowth();
        planHoliday();
        int outages = options.outages();
        if (outages > 0) {
            planBigOutageWithCompetitors();
            outages--;
        }
        DecoyPlanner decoys = new DecoyPlanner(rng, services, placement);
        decoys.planViralMention();
        decoys.planNegated();
        decoys.planSingleAccount();
        for (int i = 0; i < outages; i++) {
            planOutage();
        }
        return new SimulationPlan(start, end, services, placement.episodes(), List.of(), options.seed(),
                options.outOfOrderFraction(), SimulationPlan.DEFAULT_MAX_DISORDER);
    }

    /** ChatGPT is the plausible grower; without it, the last service of the feed. */
    private void planGrowth() {
        if (services.size() < 2) {
            return;
        }
        SimulatedService grower = services.stream().filter(s -> s.id().equals("chatgpt")).findFirst()
                .orElse(services.get(services.size() - 1));
        placement.addAlways(new Episode(grower.id(), start, end, Scenario.GROWTH, 2.0, null));
    }

    /** One evening, 18:00 to 23:00 in each audience's own time, everyone is online a bit more. */
    private void planHoliday() {
        var day = options.start().plusDays(rng.nextInt(options.days()));
        for (SimulatedService s : services) {
            Instant from = max(start, day.atTime(HOLIDAY_EVENING).toInstant(s.service().region().offset()));
            Instant to = min(end, from.plus(HOLIDAY_LENGTH));
            if (Duration.between(from, to).toHours() >= 1) {
                placement.add(new Episode(s.id(), from, to, Scenario.HOLIDAY_SURGE, 1.5, null));
            }
        }
    }

    /**
     * The biggest outage hits the largest service that has a rival in the feed, for an hour or more, and
     * people ask whether the rival is down too: the competitor-mention decoy.
     */
    private void planBigOutageWithCompetitors() {
        SimulatedService down = services.stream()
                .filter(s -> !rivalsOf(s).isEmpty())
                .max(Comparator.comparingDouble(SimulatedService::complaintsPerDay))
                .orElse(services.stream().max(Comparator.comparingDouble(SimulatedService::complaintsPerDay)).orElseThrow());
        List<String> rivals = rivalsOf(down);
        Duration duration = Duration.ofMinutes(Math.round(rng.logUniform(60, 180)));
        List<String> blocked = new ArrayList<>(rivals);
        blocked.add(down.id());
        Instant from = placement.findStart(rng, duration, blocked, outagesFrom());
        if (from == null) {
            throw doesNotFit();
        }
        double magnitude = options.magnitude().max();
        placement.add(new Episode(down.id(), from, from.plus(duration), Scenario.SPIKE, magnitude, null));
        for (String rival : rivals) {
            double share = Math.round(COMPETITOR_SHARE * (magnitude - 1) * 1000) / 1000.0;
            placement.add(new Episode(rival, from, from.plus(duration), Scenario.COMPETITOR_MENTION, share, down.id()));
        }
    }

    /**
     * An outage of a drawn magnitude and length, on a service and at a time where it shows: one that adds
     * at least {@link #MIN_EXCESS_COMPLAINTS} complaints over the service's normal traffic within its first
     * hour ({@link #VISIBLE_WITHIN}). A 9x
     * outage of a service with 5 complaints a day, for an hour, or of a mid-sized one before dawn, is a few
     * posts: not an outage anyone could see in the posts, so not one to label. Small services still get
     * outages, the big ones at busy hours. After {@link #PLACEMENT_TRIES} draws of service and
     * time, the busiest service takes it.
     */
    private void planOutage() {
        boolean slow = rng.chance(0.25);
        double magnitude = options.magnitude().draw(rng);
        Duration duration = Duration.ofMinutes(Math.round(rng.logUniform(slow ? 30 : 5, 360)));
        Scenario scenario = slow ? Scenario.SLOW : Scenario.SPIKE;
        for (int i = 0; i < PLACEMENT_TRIES; i++) {
            SimulatedService service = rng.pick(services);
            Instant from = placement.findStart(rng, duration, List.of(service.id()), outagesFrom());
            if (from == null) {
                continue;
            }
            Episode outage = new Episode(service.id(), from, from.plus(duration), scenario, magnitude, null);
            if (excess(service, outage) >= MIN_EXCESS_COMPLAINTS) {
                placement.add(outage);
                return;
            }
        }
        SimulatedService busiest = services.stream()
                .max(Comparator.comparingDouble(SimulatedService::complaintsPerDay)).orElseThrow();
        Instant from = placement.findStart(rng, duration, List.of(busiest.id()), outagesFrom());
        if (from == null) {
            throw doesNotFit();
        }
        placement.add(new Episode(busiest.id(), from, from.plus(duration), scenario, magnitude, null));
    }

    /**
     * Outages start after the detector's documented learning day, when the feed is long enough to leave
     * one: an outage in the first hour of a fresh deployment is the deployment's normal as far as anyone
     * watching could know. Decoys may fall anywhere: staying quiet is owed from the first minute.
     */
    private Instant outagesFrom() {
        Instant afterLearning = start.plus(LEARNING_DAY);
        return Duration.between(afterLearning, end).compareTo(LEARNING_DAY) >= 0 ? afterLearning : start;
    }

    /**
     * Complaints the outage adds to the service's normal traffic in its first hour (all of it, if shorter),
     * minute by minute. The first hour, not the whole outage: a six-hour outage that adds 30 complaints
     * over six hours is five an hour, which no one would call a burst.
     */
    private double excess(SimulatedService service, Episode outage) {
        List<Episode> own = placement.episodes().stream().filter(e -> e.serviceId().equals(service.id())).toList();
        Instant until = outage.end().isBefore(outage.start().plus(VISIBLE_WITHIN))
                ? outage.end() : outage.start().plus(VISIBLE_WITHIN);
        double total = 0;
        for (Instant t = outage.start(); t.isBefore(until); t = t.plus(Duration.ofMinutes(1))) {
            total += (outage.magnitude() - 1) * Traffic.complaintsPerMinute(service, own, t) * outage.intensity(t);
        }
        return total;
    }

    private List<String> rivalsOf(SimulatedService service) {
        return service.service().competitors().stream()
                .filter(id -> services.stream().anyMatch(s -> s.id().equals(id)))
                .toList();
    }

    private ConfigException doesNotFit() {
        return new ConfigException("--outages " + options.outages() + " do not fit in " + options.days() + " day(s) of "
                + options.services() + " service(s) with " + Placement.GAP.toHours()
                + " h between windows of a service; ask for fewer outages, more days or more services");
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
