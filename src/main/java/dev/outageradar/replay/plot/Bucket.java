package dev.outageradar.replay.plot;

import java.time.Instant;

/**
 * A stretch of one service's windows reduced to its busiest window: the count of that window and what the
 * model said of it, so a spike and the line it crossed stay side by side after downsampling.
 *
 * @param count     complaints in the busiest window of the stretch
 * @param expected  complaints expected in that window
 * @param threshold count from which that window would have opened an incident
 */
public record Bucket(Instant start, Instant end, long count, double expected, long threshold) {
}
