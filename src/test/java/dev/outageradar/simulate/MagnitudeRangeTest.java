package dev.outageradar.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outageradar.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MagnitudeRangeTest {

    @ParameterizedTest
    @CsvSource({"2, 2, 2", "2..100, 2, 100", "1.5..3.25, 1.5, 3.25", " 5 .. 50 , 5, 50"})
    void parsesAFixedMultiplierOrARange(String text, double min, double max) {
        assertThat(MagnitudeRange.parse(text)).isEqualTo(new MagnitudeRange(min, max));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0.5..3", "100..2", "2..2000", "abc", "2..", "..5", "2..5..9", "NaN", ""})
    void rejectsAnythingElseWithOneLineSayingWhatIsAllowed(String text) {
        assertThatThrownBy(() -> MagnitudeRange.parse(text))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--magnitude must be a multiplier like 5 or a range like 2..100, above 1 and at most 1000, got '"
                        + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "2..100", "10..20"})
    void drawsStayWithinTheRange(String text) {
        MagnitudeRange range = MagnitudeRange.parse(text);
        Rng rng = new Rng(3);

        for (int i = 0; i < 1000; i++) {
            assertThat(range.draw(rng)).isBetween(range.min(), range.max());
        }
    }
}
