package dev.outageradar.simulate;

/**
 * Author ids in the feed's {@code u<number>} form. Three posts in ten come from a pool of regulars, skewed
 * so that a few of them post often; the rest from millions of casual users, so a burst of complaints comes
 * from many distinct people, as a real outage does.
 */
final class Authors {

    static final int REGULARS = 50_000;
    private static final int CASUAL = 4_000_000;

    private Authors() {
    }

    static String draw(Rng rng) {
        if (rng.chance(0.3)) {
            double u = rng.nextDouble();
            return "u" + (1 + (int) (REGULARS * u * u));
        }
        return "u" + (REGULARS + 1 + rng.nextInt(CASUAL));
    }
}
