package dev.outageradar.detect;

/**
 * The detector's judgement of one closed window, published for dashboards.
 *
 * @param expected   complaints the baseline expected in this window
 * @param score      {@code -log10} of the Poisson tail probability of the count
 * @param threshold  the count from which this window would have been anomalous
 * @param incidentId the open incident after this window, or null
 */
public record WindowAssessment(String service, long windowStart, long windowEnd, long count, long recoveries,
                               double expected, double score, long threshold, boolean anomalous,
                               String incidentId) {
}
