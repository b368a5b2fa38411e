package dev.outageradar.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything that decides a feed's content: its span, its services, its labelled episodes, its broken lines
 * and its seed. The same plan always plays to the same lines.
 *
 * @param outOfOrderFraction share of posts written late, each up to {@code maxDisorder} after its event time
 */
public record SimulationPlan(Instant start, Instant end, List<SimulatedService> services, List<Episode> episodes,
                             List<MalformedLine> malformedLines, long seed, double outOfOrderFraction,
                             Duration maxDisorder) {

    /** How late a late post may be: a real feed's out-of-order tail is seconds, not minutes. */
    public static final Duration DEFAULT_MAX_DISORDER = Duration.ofSeconds(20);

    public SimulationPlan {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("plan must end after it starts: " + start + " .. " + end);
        }
        if (outOfOrderFraction < 0 || outOfOrderFraction > 1) {
            throw new IllegalArgumentException("outOfOrderFraction must be within 0..1: " + outOfOrderFraction);
        }
        services = List.copyOf(services);
        episodes = episodes.stream().sorted(Comparator.comparing(Episode::start).thenComparing(Episode::serviceId))
                .toList();
        malformedLines = malformedLines.stream().sorted(Comparator.comparing(MalformedLine::at)).toList();
        List<String> ids = services.stream().map(SimulatedService::id).toList();
        for (Episode e : episodes) {
            if (!ids.contains(e.serviceId())) {
                throw new IllegalArgumentException("episode for a service not in the plan: " + e.serviceId());
            }
        }
    }

    public SimulatedService service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + id + " in the plan"));
    }

    public List<Episode> episodesOf(String serviceId) {
        return episodes.stream().filter(e -> e.serviceId().equals(serviceId)).toList();
    }

    public List<Episode> outages() {
        return episodes.stream().filter(e -> e.kind() == Scenario.Kind.OUTAGE).toList();
    }

    public List<Episode> decoys() {
        return episodes.stream().filter(e -> e.kind() == Scenario.Kind.DECOY).toList();
    }
}
