package dev.outageradar.replay.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The count axis ({@link CountScale}): when it turns square root, and the ticks it labels. */
class PlotScaleTest {

    @Test
    void aSpikeAHundredTimesTheNormalLevelGetsASquareRootAxisOnWhichTheNormalLevelIsStillReadable() {
        CountScale scale = CountScale.fitting(1_000, 1_000, 10);

        assertThat(scale.squareRoot()).isTrue();
        // A linear axis would put the normal level at 1% of the height.
        assertThat(scale.fraction(10)).isCloseTo(0.098, within(0.001));
        assertThat(scale.fraction(1_000)).isCloseTo(0.976, within(0.001));
        assertThat(scale.fraction(0)).isZero();
        assertThat(scale.ticks(184, 20)).containsExactly(0L, 20L, 100L, 200L, 500L, 1_000L);
    }

    @Test
    void anOutageSixTimesTheNormalLevelKeepsALinearAxisWithRoundTicks() {
        CountScale scale = CountScale.fitting(60, 60, 10);

        assertThat(scale.squareRoot()).isFalse();
        assertThat(scale.ticks(184, 20)).containsExactly(0L, 20L, 40L, 60L, 80L);
        assertThat(scale.fraction(60)).isEqualTo(0.75);
    }

    @Test
    void aQuietServiceIsJudgedAgainstOneComplaintNotItsFractionOfOne() {
        assertThat(CountScale.fitting(8, 8, 0.2).squareRoot()).isFalse();
        assertThat(CountScale.fitting(12, 12, 0.2).squareRoot()).isTrue();
    }

    @Test
    void aPanelWithoutComplaintsStillHasAnAxis() {
        CountScale scale = CountScale.fitting(0, 0, 0);

        assertThat(scale.ticks(184, 20)).containsExactly(0L, 1L);
        assertThat(scale.fraction(0)).isZero();
    }
}
