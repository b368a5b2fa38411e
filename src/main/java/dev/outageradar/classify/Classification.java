package dev.outageradar.classify;

import java.util.List;

/**
 * What one post says about the services of the catalog.
 *
 * @param complaints service ids the post complains about, in catalog order, without duplicates
 * @param recoveries service ids the post says are fine or back, in catalog order, without duplicates; a
 *                   service is never in both lists
 * @param topics     topic keys found in the post, in vocabulary order; only reported for a post that
 *                   complains or recovers, since a topic word without a service is noise
 */
public record Classification(List<String> complaints, List<String> recoveries, List<String> topics) {

    /** A post about no service of the catalog: the answer for almost every post. */
    public static final Classification NONE = new Classification(List.of(), List.of(), List.of());

    public Classification {
        complaints = List.copyOf(complaints);
        recoveries = List.copyOf(recoveries);
        topics = List.copyOf(topics);
    }

    public boolean isEmpty() {
        return complaints.isEmpty() && recoveries.isEmpty() && topics.isEmpty();
    }
}
