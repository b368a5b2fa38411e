package dev.outageradar.evaluate;

import dev.outageradar.evaluate.EvaluationReport.ByScenario;
import dev.outageradar.evaluate.EvaluationReport.DecoyAlerts;
import dev.outageradar.evaluate.EvaluationReport.FalseAlert;
import dev.outageradar.evaluate.EvaluationReport.MagnitudeOutages;
import dev.outageradar.evaluate.EvaluationReport.MissedOutage;
import dev.outageradar.evaluate.EvaluationReport.OutageStats;
import dev.outageradar.evaluate.EvaluationReport.ScenarioOutages;
import dev.outageradar.simulate.Episode;
import dev.outageradar.simulate.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Scores a detector's incidents against the labels of a simulated feed.
 *
 * <p>Matching rule. Each incident counts once, at its first event's {@code detected_at} (the end of the
 * window that opened it; a second detection of one incident is rejected); T is the tolerance, 5 minutes
 * unless given.
 * <ul>
 *   <li>A detection <em>hits</em> an outage label of the same service when its detected_at lies in
 *       [start, end + T). The tolerance forgives a window that closes just after the labelled end.</li>
 *   <li>An outage is <em>caught</em> when at least one detection hits it. Its delay is the earliest hit's
 *       detected_at − start: never negative, since a detection before the start is not a hit.</li>
 *   <li>Several detections in one outage (an incident that resolved and reopened) are all hits, but the
 *       outage is caught once. A detection in two outages closer together than T hits both.</li>
 *   <li>A detection that hits no outage is a <em>false alert</em>. When it lies in [start, end + T) of a decoy
 *       label of the same service it is a <em>decoy alert</em>, attributed to the shortest such decoy (so a
 *       holiday surge on a growing service gets the blame before the growth). A growth decoy spans the whole
 *       feed, so it takes every other false alert on its service: alerts the growth caused. Any other false
 *       alert is <em>spurious</em>.</li>
 * </ul>
 * precision = hits / detections (1.0 with no detections); recall = caught outages / outages (1.0 with no
 * outages); F1 = their harmonic mean (0 when both are 0). Delay median and p90 are nearest-rank percentiles
 * over caught outages: always a delay that really happened. False alerts per service-week = (decoy +
 * spurious alerts) / (services × span in weeks). Breakdowns by scenario and by magnitude band ({@code <3x},
 * {@code 3-10x}, {@code >=10x}) list only groups that occur in the labels.
 */
public final class Evaluation {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final Duration WEEK = Duration.ofDays(7);

    private Evaluation() {
    }

    /** With the default tolerance of 5 minutes. */
    public static EvaluationReport score(List<Episode> labels, List<Detection> detections, int services,
                                         Duration span) {
        return score(labels, detections, services, span, DEFAULT_TOLERANCE);
    }

    /**
     * @param services how many services the feed has, for the false alert rate; see {@link #serviceCount}
     * @param span     how much time the feed covers, for the same
     */
    public static EvaluationReport score(List<Episode> labels, List<Detection> detections, int services,
                                         Duration span, Duration tolerance) {
        check(labels, detections, services, span, tolerance);
        List<Episode> outages = labels.stream().filter(e -> e.kind() == Scenario.Kind.OUTAGE)
                .sorted(Comparator.comparing(Episode::start).thenComparing(Episode::serviceId)).toList();
        List<Episode> decoys = labels.stream().filter(e -> e.kind() == Scenario.Kind.DECOY).toList();
        Instant[] firstHit = new Instant[outages.size()];
        List<FalseAlert> falseAlerts = new ArrayList<>();
        int hits = 0;
        // In time order, so the first detection to hit an outage is its earliest.
        for (Detection d : byTime(detections)) {
            boolean hit = false;
            for (int i = 0; i < outages.size(); i++) {
                if (covers(outages.get(i), d, tolerance)) {
                    hit = true;
                    if (firstHit[i] == null) {
                        firstHit[i] = d.detectedAt();
                    }
                }
            }
            if (hit) {
                hits++;
            } else {
                falseAlerts.add(falseAlert(d, decoys, tolerance));
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < outages.size(); i++) {
            Episode o = outages.get(i);
            outcomes.add(new Outcome(o, firstHit[i] == null ? null : Duration.between(o.start(), firstHit[i])));
        }
        return report(detections.size(), hits, outcomes, decoys, falseAlerts, services, span, tolerance);
    }

    /** Distinct services named in the labels, plus any others the feed is known to carry. */
    public static int serviceCount(List<Episode> labels, Collection<String> others) {
        TreeSet<String> ids = new TreeSet<>(others);
        labels.forEach(e -> ids.add(e.serviceId()));
        return ids.size();
    }

    private static EvaluationReport report(int detections, int hits, List<Outcome> outcomes, List<Episode> decoys,
                                           List<FalseAlert> falseAlerts, int services, Duration span,
                                           Duration tolerance) {
        OutageStats all = stats(outcomes);
        double precision = detections == 0 ? 1.0 : (double) hits / detections;
        double f1 = precision + all.recall() == 0 ? 0 : 2 * precision * all.recall() / (precision + all.recall());
        int decoyAlerts = (int) falseAlerts.stream().filter(a -> a.decoyScenario() != null).count();
        double serviceWeeks = services * ((double) span.toMillis() / WEEK.toMillis());
        return new EvaluationReport(detections, hits, precision, all.outages(), all.caught(), all.recall(), f1,
                all.delayMedian(), all.delayP90(), decoyAlerts, falseAlerts.size() - decoyAlerts,
                falseAlerts.size() / serviceWeeks, services, span, tolerance,
                new ByScenario(byOutageScenario(outcomes), byDecoyScenario(decoys, falseAlerts)),
                byMagnitude(outcomes), missed(outcomes), falseAlerts);
    }

    /** An outage label and the delay until it was first hit, null when missed. */
    private record Outcome(Episode outage, Duration delay) {
    }

    private static List<Detection> byTime(List<Detection> detections) {
        return detections.stream().sorted(Comparator.comparing(Detection::detectedAt)
                .thenComparing(Detection::service).thenComparing(Detection::incidentId)).toList();
    }

    private static boolean covers(Episode label, Detection d, Duration tolerance) {
        return label.serviceId().equals(d.service()) && !d.detectedAt().isBefore(label.start())
                && d.detectedAt().isBefore(label.end().plus(tolerance));
    }

    private static FalseAlert falseAlert(Detection d, List<Episode> decoys, Duration tolerance) {
        String decoy = decoys.stream().filter(e -> covers(e, d, tolerance))
                .min(Comparator.comparing(Episode::duration).thenComparing(Episode::start))
                .map(e -> e.scenario().label()).orElse(null);
        return new FalseAlert(d.service(), d.incidentId(), d.openedAt(), d.detectedAt(), decoy);
    }

    private static OutageStats stats(List<Outcome> outcomes) {
        List<Duration> delays = outcomes.stream().map(Outcome::delay).filter(Objects::nonNull).toList();
        double recall = outcomes.isEmpty() ? 1.0 : (double) delays.size() / outcomes.size();
        return new OutageStats(outcomes.size(), delays.size(), recall,
                NearestRank.of(delays, 50).orElse(null), NearestRank.of(delays, 90).orElse(null));
    }

    private static List<ScenarioOutages> byOutageScenario(List<Outcome> outcomes) {
        return groups(outcomes, o -> o.outage().scenario(), Scenario.values(),
                (scenario, group) -> new ScenarioOutages(scenario.label(), stats(group)));
    }

    private static List<MagnitudeOutages> byMagnitude(List<Outcome> outcomes) {
        return groups(outcomes, o -> MagnitudeBand.of(o.outage().magnitude()), MagnitudeBand.values(),
                (band, group) -> new MagnitudeOutages(band.label(), stats(group)));
    }

    /** One row per key that has outcomes, in the keys' declared order. */
    private static <K, R> List<R> groups(List<Outcome> outcomes, Function<Outcome, K> key, K[] order,
                                         BiFunction<K, List<Outcome>, R> row) {
        List<R> rows = new ArrayList<>();
        for (K k : order) {
            List<Outcome> group = outcomes.stream().filter(o -> key.apply(o).equals(k)).toList();
            if (!group.isEmpty()) {
                rows.add(row.apply(k, group));
            }
        }
        return rows;
    }

    private static List<DecoyAlerts> byDecoyScenario(List<Episode> decoys, List<FalseAlert> falseAlerts) {
        return Arrays.stream(Scenario.values())
                .filter(s -> decoys.stream().anyMatch(e -> e.scenario() == s))
                .map(s -> new DecoyAlerts(s.label(), (int) decoys.stream().filter(e -> e.scenario() == s).count(),
                        (int) falseAlerts.stream().filter(a -> s.label().equals(a.decoyScenario())).count()))
                .toList();
    }

    private static List<MissedOutage> missed(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.delay() == null).map(Outcome::outage)
                .map(e -> new MissedOutage(e.serviceId(), e.start(), e.end(), e.scenario().label(), e.magnitude()))
                .toList();
    }

    private static void check(List<Episode> labels, List<Detection> detections, int services, Duration span,
                              Duration tolerance) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(detections, "detections");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative, got " + tolerance);
        }
        if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("span must be positive, got " + span);
        }
        Set<List<String>> incidents = new HashSet<>();
        for (Detection d : detections) {
            // Later events of an incident passed as detections would inflate precision: a caller's bug.
            if (!incidents.add(List.of(d.service(), d.incidentId()))) {
                throw new IllegalArgumentException("detections must be one per incident, got " + d.incidentId()
                        + " of " + d.service() + " twice");
            }
        }
        long named = Stream.concat(labels.stream().map(Episode::serviceId), detections.stream().map(Detection::service))
                .distinct().count();
        if (services < 1) {
            throw new IllegalArgumentException("services must be at least 1, got " + services);
        }
        if (services < named) {
            throw new IllegalArgumentException("services must be at least the " + named
                    + " services named in the labels and detections, got " + services);
        }
    }
}
