package dev.outageradar.detect;

/**
 * How bad an incident looks, from its ratio to normal and its volume: a 30x jump from 2 to 60 complaints
 * is not as critical as 300 to 9,000, so the higher levels also need volume (in multiples of min count).
 */
public enum Severity {
    MINOR, MAJOR, CRITICAL;

    static Severity of(long count, double ratio, long minCount) {
        if (ratio >= 20 && count >= 10 * minCount) {
            return CRITICAL;
        }
        if (ratio >= 5 && count >= 3 * minCount) {
            return MAJOR;
        }
        return MINOR;
    }
}
