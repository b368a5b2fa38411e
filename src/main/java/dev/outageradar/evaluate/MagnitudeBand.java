package dev.outageradar.evaluate;

/**
 * Outage sizes as an analyst thinks of them: barely above normal, clearly above, a flood. A 2x outage of a
 * quiet service is hard to see even in principle, so recall means little without this split.
 */
enum MagnitudeBand {
    BELOW_3("<3x", 0, 3),
    FROM_3_TO_10("3-10x", 3, 10),
    FROM_10(">=10x", 10, Double.POSITIVE_INFINITY);

    private final String label;
    private final double from;
    private final double below;

    MagnitudeBand(String label, double from, double below) {
        this.label = label;
        this.from = from;
        this.below = below;
    }

    String label() {
        return label;
    }

    static MagnitudeBand of(double magnitude) {
        for (MagnitudeBand band : values()) {
            if (magnitude >= band.from && magnitude < band.below) {
                return band;
            }
        }
        throw new IllegalArgumentException("not an outage magnitude: " + magnitude);
    }
}
