package dev.outageradar.classify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words every service shares: what makes a mention a complaint, what makes it a recovery, what only
 * compares a service with another, and what people complain about. Terms are kept as written in the catalog.
 *
 * @param problems   complaint signals ("down", "not working", "can't log in")
 * @param recoveries negations and recoveries ("not down", "back up", "works for me")
 * @param topics     topic key to its terms, in catalog order; reported as "top complaint terms"
 * @param neutral    phrases that contain a problem or recovery word but are neither ("calm down",
 *                   "let me down"): being longer, they win over the word inside them
 * @param comparisons markers that ask whether a service fails like another ("too", "also", "or just"); in a
 *                   question they attach to the service mention just before them (see {@link ComplaintMatcher})
 * @param clauseBreaks conjunctions that begin a new clause ("so", "but", "because"); in a post that names
 *                   several services they scope problem terms (see {@link ComplaintMatcher})
 */
public record Vocabulary(List<String> problems, List<String> recoveries, Map<String, List<String>> topics,
                         List<String> neutral, List<String> comparisons, List<String> clauseBreaks) {

    public Vocabulary {
        problems = List.copyOf(problems);
        recoveries = List.copyOf(recoveries);
        neutral = List.copyOf(neutral);
        comparisons = List.copyOf(comparisons);
        clauseBreaks = List.copyOf(clauseBreaks);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        topics.forEach((key, terms) -> copy.put(key, List.copyOf(terms)));
        topics = Collections.unmodifiableMap(copy);
    }

    /** A vocabulary without neutral phrases, comparisons or clause breaks. */
    public Vocabulary(List<String> problems, List<String> recoveries, Map<String, List<String>> topics) {
        this(problems, recoveries, topics, List.of(), List.of(), List.of());
    }
}
