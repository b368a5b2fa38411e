package dev.outageradar.evaluate;

import static dev.outageradar.evaluate.Fixtures.detection;
import static dev.outageradar.evaluate.Fixtures.label;

import dev.outageradar.simulate.Episode;
import dev.outageradar.simulate.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One small evaluation with a bit of everything, for the renderings' tests. */
final class Reports {

    private Reports() {
    }

    /**
     * Spotify's outage is caught after 1m 40s, netflix's slow one is missed, apple-music's alert falls in a
     * competitor-mention decoy and discord's in nothing; 8 services over a week.
     */
    static EvaluationReport mixed() {
        List<Episode> labels = List.of(
                label("spotify", Scenario.SPIKE, "14:00", "16:00", 527.32),
                label("netflix", Scenario.SLOW, "02:00", "04:00", 2.5),
                new Episode("apple-music", Fixtures.at("14:00"), Fixtures.at("16:00"), Scenario.COMPETITOR_MENTION,
                        4.95, "spotify"),
                new Episode("steam", Fixtures.at("00:00"), Instant.parse("2024-10-07T00:00:00Z"), Scenario.GROWTH,
                        2, null));
        List<Detection> detections = List.of(detection("spotify", "14:01:40"), detection("apple-music", "14:31"),
                detection("discord", "09:31"));
        return Evaluation.score(labels, detections, 8, Duration.ofDays(7));
    }
}
