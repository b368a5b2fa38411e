package dev.outageradar.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How many posts of each flow a service gets per minute at an instant: its normal complaints and mentions
 * (times the noise), plus what its episodes add. Every episode is sized against the service's normal level
 * at that instant, which is what "a 10x outage" means.
 */
final class RateModel {

    /** After an outage some people say it is back: a small tail of recovery posts. */
    static final Duration RECOVERY_TAIL = Duration.ofMinutes(30);
    private static final double RECOVERY_SHARE = 0.02;

    /** Posts per minute of one flow; {@code about} is the service the posts are about. */
    record Rate(Flow flow, SimulatedService about, Episode episode, double perMinute) {
    }

    private final Map<String, SimulatedService> services;
    private final Map<String, List<Episode>> episodes;

    RateModel(SimulationPlan plan) {
        this.services = plan.services().stream().collect(Collectors.toMap(SimulatedService::id, Function.identity()));
        this.episodes = plan.services().stream()
                .collect(Collectors.toMap(SimulatedService::id, s -> plan.episodesOf(s.id())));
    }

    List<Rate> rates(SimulatedService service, Instant t, double noise) {
        List<Episode> own = episodes.get(service.id());
        double complaints = Traffic.complaintsPerMinute(service, own, t);
        double mentions = Traffic.mentionsPerMinute(service, own, t);
        List<Rate> rates = new ArrayList<>(4);
        rates.add(new Rate(Flow.COMPLAINT, service, null, complaints * noise));
        rates.add(new Rate(Flow.MENTION, service, null, mentions * noise));
        for (Episode e : own) {
            double intensity = e.intensity(t);
            double m = e.magnitude();
            switch (e.scenario()) {
                case SPIKE, SLOW -> {
                    rates.add(new Rate(Flow.OUTAGE_COMPLAINT, service, e, (m - 1) * complaints * intensity));
                    rates.add(new Rate(Flow.RECOVERY, service, e, RECOVERY_SHARE * (m - 1) * complaints * tail(e, t)));
                }
                case VIRAL_MENTION -> rates.add(new Rate(Flow.VIRAL, service, e, (m - 1) * mentions * intensity));
                case NEGATED -> rates.add(new Rate(Flow.NEGATED, service, e, m * complaints * intensity));
                case SINGLE_ACCOUNT -> rates.add(new Rate(Flow.SINGLE_ACCOUNT, service, e, e.contains(t) ? m / 60 : 0));
                case COMPETITOR_MENTION -> {
                    SimulatedService down = services.get(e.related());
                    double downComplaints = Traffic.complaintsPerMinute(down, episodes.get(down.id()), t);
                    rates.add(new Rate(Flow.COMPETITOR, down, e, m * downComplaints * intensity));
                }
                case GROWTH, HOLIDAY_SURGE -> {
                    // Already part of the normal level (Traffic).
                }
            }
        }
        return rates;
    }

    /** 1 right after the outage's end, falling to 0 over the recovery tail. */
    private static double tail(Episode outage, Instant t) {
        if (t.isBefore(outage.end()) || !t.isBefore(outage.end().plus(RECOVERY_TAIL))) {
            return 0;
        }
        return 1 - (double) Duration.between(outage.end(), t).toSeconds() / RECOVERY_TAIL.toSeconds();
    }
}
