package dev.outageradar.simulate;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * What happens in a labelled window, and how its intensity rises and falls. Outages ramp up fast, hold a
 * plateau and decay more slowly, because people keep complaining a while after a fix; a slow outage is a
 * degradation that builds up over a longer stretch, but still within {@link #MAX_RAMP}: once a service
 * is broken for many, complaints reach their level within minutes (as they did in the Spotify outage of
 * September 2024). A ramp of hours would put a labelled start where there was nothing yet to see, and the
 * detection delay would measure the label, not the detector.
 */
public enum Scenario {
    SPIKE("spike", Kind.OUTAGE, 0.05, 0.30),
    SLOW("slow", Kind.OUTAGE, 0.40, 0.30),
    VIRAL_MENTION("viral-mention", Kind.DECOY, 0.05, 0.60),
    NEGATED("negated", Kind.DECOY, 0.10, 0.40),
    HOLIDAY_SURGE("holiday-surge", Kind.DECOY, 0.10, 0.10),
    GROWTH("growth", Kind.DECOY, 0, 0),
    SINGLE_ACCOUNT("single-account", Kind.DECOY, 0, 0),
    COMPETITOR_MENTION("competitor-mention", Kind.DECOY, 0.05, 0.30);

    /** Whether a detector should alert in the window (outage) or stay quiet (decoy). */
    public enum Kind {
        OUTAGE, DECOY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The longest ramp of an outage; a decoy (a holiday evening) may build up slower. */
    static final Duration MAX_RAMP = Duration.ofMinutes(15);

    private final String label;
    private final Kind kind;
    private final double rampFraction;
    private final double decayFraction;

    Scenario(String label, Kind kind, double rampFraction, double decayFraction) {
        this.label = label;
        this.kind = kind;
        this.rampFraction = rampFraction;
        this.decayFraction = decayFraction;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public static Scenario fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario: " + label));
    }

    /**
     * Intensity between 0 and 1 at {@code elapsed} into a window of {@code length}: a linear ramp over a
     * fraction of the window (for an outage at most {@link #MAX_RAMP}), a plateau, then a quadratic decay whose long tail
     * is what a slowly recovering service looks like.
     */
    double intensity(Duration elapsed, Duration length) {
        double fraction = (double) elapsed.toMillis() / length.toMillis();
        if (fraction < 0 || fraction >= 1) {
            return 0;
        }
        double ramp = kind == Kind.OUTAGE
                ? Math.min(rampFraction, (double) MAX_RAMP.toMillis() / length.toMillis()) : rampFraction;
        if (fraction < ramp) {
            return fraction / ramp;
        }
        double decayStart = 1 - decayFraction;
        if (fraction < decayStart) {
            return 1;
        }
        double remaining = 1 - (fraction - decayStart) / decayFraction;
        return remaining * remaining;
    }
}
