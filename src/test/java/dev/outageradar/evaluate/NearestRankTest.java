package dev.outageradar.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearestRankTest {

    @ParameterizedTest(name = "p{1} of [{0}] is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            7                     | 50  | 7
            7                     | 90  | 7
            3 1                   | 50  | 1
            3 1                   | 90  | 3
            5 1 4 2 3             | 50  | 3
            1 2 3 4 5 6 7 8 9 10  | 50  | 5
            1 2 3 4 5 6 7 8 9 10  | 90  | 9
            1 2 3 4 5 6 7 8 9 10  | 91  | 10
            1 2 3 4 5 6 7 8 9 10  | 100 | 10
            1 2 3 4 5 6 7 8 9 10  | 1   | 1
            """)
    void theValueAtRankCeilingOfPTimesNOverAHundredInSortedOrder(String seconds, int percent, long expected) {
        List<Duration> values = Arrays.stream(seconds.split(" ")).map(s -> Duration.ofSeconds(Long.parseLong(s))).toList();

        assertThat(NearestRank.of(values, percent)).contains(Duration.ofSeconds(expected));
    }

    @Test
    void noValuesHaveNoPercentile() {
        assertThat(NearestRank.of(List.of(), 50)).isEqualTo(Optional.empty());
    }

    @Test
    void aPercentOutsideOneToAHundredIsRejected() {
        assertThatThrownBy(() -> NearestRank.of(List.of(Duration.ZERO), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("percentile must be in 1..100, got 0");
        assertThatThrownBy(() -> NearestRank.of(List.of(Duration.ZERO), 101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("percentile must be in 1..100, got 101");
    }
}
