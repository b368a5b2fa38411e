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
}
