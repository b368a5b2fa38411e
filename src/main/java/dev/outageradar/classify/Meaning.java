package dev.outageradar.classify;

/**
 * What a catalog term means, packed into an int (kind in the low 4 bits, service or topic index above) so
 * the scan of a post reads plain int arrays. Kinds are grouped into layers: terms compete for the words of a
 * post only within their layer (see {@link ComplaintMatcher}).
 */
final class Meaning {

    /** Service layer: a name, #name, @name or handle of service {@code target}. */
    static final int MENTION = 0;
    /** Service layer: a hashtag or phrase of service {@code target}, a complaint by itself. */
    static final int SERVICE_COMPLAINT = 1;
    /** Exclusion layer: takes the post out of service {@code target}'s counts. */
    static final int EXCLUSION = 2;
    /** Signal layer: a problem term. */
    static final int PROBLEM = 3;
    /** Signal layer: a recovery or negation term. */
    static final int RECOVERY = 4;
    /** Signal layer: a phrase that hides the problem or recovery word inside it. */
    static final int NEUTRAL = 5;
    /** Topic layer: a term of topic {@code target}. */
    static final int TOPIC = 6;
    /** Signal layer: a comparison marker ("too", "or just"). */
    static final int COMPARISON = 7;
    /** Signal layer: a word that begins a new clause ("so", "but", "because"). */
    static final int CLAUSE_BREAK = 8;

    static final int SERVICE_LAYER = 1;
    static final int SIGNAL_LAYER = 2;
    static final int EXCLUSION_LAYER = 4;
    static final int TOPIC_LAYER = 8;

    private Meaning() {
    }

    static int of(int kind, int target) {
        return target << 4 | kind;
    }

    static int kind(int meaning) {
        return meaning & 15;
    }

    static int target(int meaning) {
        return meaning >>> 4;
    }

    static int layer(int meaning) {
        return switch (kind(meaning)) {
            case MENTION, SERVICE_COMPLAINT -> SERVICE_LAYER;
            case PROBLEM, RECOVERY, NEUTRAL, COMPARISON, CLAUSE_BREAK -> SIGNAL_LAYER;
            case EXCLUSION -> EXCLUSION_LAYER;
            default -> TOPIC_LAYER;
        };
    }
}
