package dev.outageradar.simulate;

/** The truth about one generated post, known to the simulator and to tests, never written to the feed. */
public enum PostKind {
    /** Says the service is failing (also retweets and quotes of such a post). */
    COMPLAINT,
    /** Names the service without any problem. */
    MENTION,
    /** Asks whether it is down and answers no, or says it is back up. */
    NEGATED
}
