package dev.outageradar.detect;

/**
 * How surprising a window's count is if complaints arrive as a Poisson process with the expected rate:
 * the score is {@code -log10 P(X >= count)}, so 6 means "one in a million windows". Works in log space
 * throughout, because the interesting tails (900 posts where 300 were expected) underflow a double.
 */
public final class PoissonTail {

    private static final double LN10 = Math.log(10);
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61503916999185, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    private PoissonTail() {
    }

    /** {@code -log10 P(X >= count)} for X ~ Poisson(expected); 0 when the count is not above expected. */
    public static double score(long count, double expected) {
        if (count <= 0 || count <= expected) {
            return 0.0;
        }
        double lambda = Math.max(expected, 1e-9);
        // P(X >= k) for Poisson(lambda) equals the regularized lower incomplete gamma P(k, lambda).
        return -logRegularizedGammaP(count, lambda) / LN10;
    }

    /** ln P(a, x) for x < a + 1 (the only case reached: count above the expected level). */
    static double logRegularizedGammaP(double a, double x) {
        if (x >= a + 1) {
            return Math.log1p(-Math.exp(logRegularizedGammaQ(a, x)));
        }
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < 100_000; n++) {
            term *= x / (a + n);
            sum += term;
            if (term < sum * 1e-15) {
                break;
            }
        }
        return Math.log(sum) - x + a * Math.log(x) - logGamma(a);
    }

    /** ln Q(a, x) by Lentz's continued fraction, accurate for x >= a + 1. */
    static double logRegularizedGammaQ(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 100_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return Math.log(h) - x + a * Math.log(x) - logGamma(a);
    }

    /** Lanczos approximation, g = 7; relative error about 1e-15 for positive arguments. */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
