package dev.outageradar.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The bundled demo feed ({@code samples/spotify-outage-2024-09.jsonl.gz}): eight services with low, diurnal
 * traffic for a normal day, a two-hour Spotify outage from 14:00Z on 2024-09-30 peaking near
 * {@value #PEAK_COMPLAINTS_PER_MINUTE} complaints a minute, then four quiet hours so event time moves on and
 * the incident can be seen to end. Three broken lines exercise the dead-letter path. Small enough (about
 * 60,000 lines) to play through a real broker in well under two minutes.
 */
public final class DemoScenario {

    public static final Instant START = Instant.parse("2024-09-29T14:00:00Z");
    public static final Instant END = Instant.parse("2024-09-30T20:00:00Z");
    public static final Instant OUTAGE_START = Instant.parse("2024-09-30T14:00:00Z");
    public static final Instant OUTAGE_END = Instant.parse("2024-09-30T16:00:00Z");
    static final double PEAK_COMPLAINTS_PER_MINUTE = 500;

    private static final double PER_HOUR = 24;
    /** Mentions are a background here, a third of the complaints: the demo is about the outage. */
    private static final double MENTION_SHARE = 1.0 / 3;

    private DemoScenario() {
    }

    public static SimulationPlan plan(long seed) {
        List<SimulatedService> services = List.of(
                service("spotify", 60 * PER_HOUR),
                service("apple-music", 6 * PER_HOUR),
                service("netflix", 20 * PER_HOUR),
                service("youtube", 30 * PER_HOUR),
                service("discord", 10 * PER_HOUR),
                service("steam", 4 * PER_HOUR),
                service("github", 3 * PER_HOUR),
                service("chatgpt", 15 * PER_HOUR));
        Episode outage = new Episode("spotify", OUTAGE_START, OUTAGE_END, Scenario.SPIKE, magnitude(services.get(0)), null);
        List<MalformedLine> broken = List.of(
                new MalformedLine(Instant.parse("2024-09-30T03:17:00Z"), MalformedLine.Defect.NOT_JSON),
                new MalformedLine(Instant.parse("2024-09-30T14:41:00Z"), MalformedLine.Defect.MISSING_CREATED_AT),
                new MalformedLine(Instant.parse("2024-09-30T17:52:00Z"), MalformedLine.Defect.BAD_TIMESTAMP));
        return new SimulationPlan(START, END, services, List.of(outage), broken, seed, 0.01,
                SimulationPlan.DEFAULT_MAX_DISORDER);
    }

    private static SimulatedService service(String id, double complaintsPerDay) {
        return new SimulatedService(KnownServices.require(id), complaintsPerDay, complaintsPerDay * MENTION_SHARE);
    }

    /** The multiplier that puts the plateau, half an hour in, at the intended peak rate. */
    private static double magnitude(SimulatedService spotify) {
        double normal = Traffic.complaintsPerMinute(spotify, List.of(), OUTAGE_START.plus(Duration.ofMinutes(30)));
        return Math.round((1 + PEAK_COMPLAINTS_PER_MINUTE / normal) * 100) / 100.0;
    }
}
