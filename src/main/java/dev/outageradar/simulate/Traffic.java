package dev.outageradar.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The normal level of a service's traffic at an instant, before noise: its daily volume shaped by the
 * audience's rhythm, a growth trend and a holiday surge. Outages and other decoys are measured against
 * this level, so a 10x outage at 04:00 is smaller in posts than a 10x outage at 20:00, as in real life.
 */
final class Traffic {

    private static final double MINUTES_PER_DAY = 24 * 60;
    private static final Duration GROWTH_PERIOD = Duration.ofDays(30);

    private Traffic() {
    }

    /** Normal complaints per minute. {@code episodes} are the service's own. */
    static double complaintsPerMinute(SimulatedService service, List<Episode> episodes, Instant t) {
        return service.complaintsPerDay() / MINUTES_PER_DAY * factor(service, episodes, t);
    }

    /** Normal posts per minute that mention the service without complaining. */
    static double mentionsPerMinute(SimulatedService service, List<Episode> episodes, Instant t) {
        return service.mentionsPerDay() / MINUTES_PER_DAY * factor(service, episodes, t);
    }

    private static double factor(SimulatedService service, List<Episode> episodes, Instant t) {
        double factor = Rhythm.factor(t, service.service().region().offset());
        for (Episode e : episodes) {
            if (e.scenario() == Scenario.GROWTH && e.contains(t)) {
                double periods = (double) Duration.between(e.start(), t).toSeconds() / GROWTH_PERIOD.toSeconds();
                factor *= Math.pow(e.magnitude(), periods);
            } else if (e.scenario() == Scenario.HOLIDAY_SURGE) {
                factor *= 1 + (e.magnitude() - 1) * e.intensity(t);
            }
        }
        return factor;
    }
}
