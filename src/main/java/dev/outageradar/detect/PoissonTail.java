package dev.outageradar.detect;

/**
 * How surprising a count is: the score is {@code -log10 P(X >= count)}, so 6 means "one in a million".
 * X is Poisson with the expected mean when the rate is known exactly; when the rate itself wanders (busy
 * and quiet spells) by a relative variance c, X is negative binomial with variance {@code mean + c·mean²}
 * (a Poisson count of a Gamma-distributed rate). Works in log space throughout, because the interesting
 * tails (900 posts where 300 were expected) underflow a double.
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

    /**
     * {@code -log10 P(X >= count)} for X negative binomial with the given mean and variance
     * {@code expected + rateVariance·expected²}; the Poisson score when rateVariance is 0.
     */
    public static double score(long count, double expected, double rateVariance) {
        if (rateVariance <= 0) {
            return score(count, expected);
        }
        if (count <= 0 || count <= expected) {
            return 0.0;
        }
        double r = 1 / rateVariance;
        double p = expected / (expected + r);
        // P(X >= k) = I_p(k, r), the regularized incomplete beta function.
        return -logRegularizedBeta(p, count, r) / LN10;
    }

    /** ln I_x(a, b) by its continued fraction, using the symmetry that keeps the fraction convergent. */
    static double logRegularizedBeta(double x, double a, double b) {
        double logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
        if (x < (a + 1) / (a + b + 2)) {
            return logFront + Math.log(betaFraction(x, a, b)) - Math.log(a);
        }
        double complement = Math.exp(logFront + Math.log(betaFraction(1 - x, b, a)) - Math.log(b));
        return Math.log1p(-Math.min(complement, 1.0));
    }

    /** Lentz's method for the continued fraction of I_x(a, b). */
    private static double betaFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m < 100_000; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + even * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + even / c;
            c = Math.abs(c) < tiny ? tiny : c;
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + odd * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + odd / c;
            c = Math.abs(c) < tiny ? tiny : c;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    private static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
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
