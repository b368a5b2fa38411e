package dev.outageradar.topology;

import dev.outageradar.detect.WindowAssessment;

/**
 * One judged window as the window history keeps it, keyed by service at the window's start: what a
 * service's chart draws. The expected level and the threshold are the ones the detector used when it
 * judged the window, not recomputed later with what it has learned since.
 *
 * @param threshold the count from which this window would have been anomalous
 * @param score     {@code -log10} of the tail probability of the strongest scale (kept as a float)
 */
public record JudgedWindow(long count, double expected, long threshold, double score, boolean anomalous) {

    static JudgedWindow of(WindowAssessment assessment) {
        return new JudgedWindow(assessment.count(), assessment.expected(), assessment.threshold(), assessment.score(),
                assessment.anomalous());
    }
}
