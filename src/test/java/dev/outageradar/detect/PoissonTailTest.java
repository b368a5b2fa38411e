package dev.outageradar.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoissonTailTest {

    @ParameterizedTest(name = "P(X >= {0} | lambda {1}) = {2}")
    @CsvSource({
        // Reference values computed exactly with the Poisson CDF.
        "3,   0.5, 0.014387677",
        "10,  1.0, 1.1142547e-7",
        "5,   4.0, 0.37116306",
        "130, 100, 0.0022820931"})
    void scoreIsMinusLog10OfTheUpperTail(long count, double expected, double tail) {
        assertThat(PoissonTail.score(count, expected)).isCloseTo(-Math.log10(tail), within(1e-3));
    }

    @Test
    void hugeDeviationsDoNotUnderflow() {
        double score = PoissonTail.score(900, 300);

        assertThat(score).isFinite().isGreaterThan(100);
    }

    @Test
    void countsAtOrBelowExpectedAreNotSurprising() {
        assertThat(PoissonTail.score(0, 0.5)).isZero();
        assertThat(PoissonTail.score(300, 300)).isZero();
        assertThat(PoissonTail.score(250, 300)).isZero();
    }

    @Test
    void scoreGrowsWithTheCount() {
        double previous = 0;
        for (long count = 11; count < 200; count++) {
            double score = PoissonTail.score(count, 10);
            assertThat(score).isGreaterThan(previous);
            previous = score;
        }
    }

    @Test
    void aWanderingRateMakesTheTailNegativeBinomial() {
        // Mean 10 with relative rate variance 0.1 is NB(r = 10, p = 1/2): P(X >= 20) = 0.0307142.
        assertThat(PoissonTail.score(20, 10, 0.1)).isCloseTo(-Math.log10(0.03071417286992073), within(1e-6));
    }

    @Test
    void aNearlyFixedRateScoresLikePoisson() {
        assertThat(PoissonTail.score(25, 10, 1e-9)).isCloseTo(PoissonTail.score(25, 10), within(1e-3));
        assertThat(PoissonTail.score(25, 10, 0)).isEqualTo(PoissonTail.score(25, 10));
    }

    @Test
    void rateNoiseMattersForABusyServiceAndHardlyForAQuietOne() {
        // Twice normal is overwhelming evidence under Poisson at 1,000 a minute, and ordinary when the
        // rate itself wanders by 30%; at 5 a minute, where count noise dominates, it lowers 4x normal's
        // score only modestly (from 6.5 to 4.2).
        assertThat(PoissonTail.score(2_000, 1_000)).isGreaterThan(100);
        assertThat(PoissonTail.score(2_000, 1_000, 0.09)).isLessThan(4);
        assertThat(PoissonTail.score(20, 5)).isGreaterThan(6);
        assertThat(PoissonTail.score(20, 5, 0.09)).isGreaterThan(4);
    }

    @Test
    void negativeBinomialTailsDoNotUnderflow() {
        assertThat(PoissonTail.score(5_000, 10, 0.05)).isFinite().isGreaterThan(100);
    }
}
