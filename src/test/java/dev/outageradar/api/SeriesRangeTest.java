package dev.outageradar.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesRangeTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant NEWEST_END = Instant.parse("2024-09-30T15:00:00Z");
    private static final Instant OLDEST = Instant.parse("2024-09-29T14:00:00Z");

    @Test
    void defaultIsTheDayUpToTheEndOfTheNewestWindow() {
        SeriesRange range = SeriesRange.of(Map.of(), NEWEST_END, OLDEST, MINUTE);

        assertThat(range).isEqualTo(new SeriesRange(Instant.parse("2024-09-29T15:00:00Z"), NEWEST_END));
    }

    @Test
    void fromAloneReachesToTheNewestWindowAndToAloneGoesADayBack() {
        assertThat(SeriesRange.of(Map.of("from", "2024-09-30T14:00:00Z"), NEWEST_END, OLDEST, MINUTE))
                .isEqualTo(new SeriesRange(Instant.parse("2024-09-30T14:00:00Z"), NEWEST_END));
        assertThat(SeriesRange.of(Map.of("to", "2024-09-30T12:00:00Z"), NEWEST_END, OLDEST, MINUTE))
                .isEqualTo(new SeriesRange(Instant.parse("2024-09-29T12:00:00Z"), Instant.parse("2024-09-30T12:00:00Z")));
    }

    @Test
    void withShortWindowsTheDefaultSpanShrinksToTheCap() {
        Duration fiveSeconds = Duration.ofSeconds(5);

        SeriesRange range = SeriesRange.of(Map.of(), NEWEST_END, null, fiveSeconds);

        assertThat(range.from()).isEqualTo(NEWEST_END.minus(fiveSeconds.multipliedBy(SeriesRange.MAX_POINTS)));
    }

    @Test
    void aRangeReachingBeyondTheHistoryIsCountedOnlyForWhatTheHistoryHolds() {
        Map<String, String> wide = Map.of("from", "2000-01-01T00:00:00Z", "to", "2100-01-01T00:00:00Z");

        assertThat(SeriesRange.of(wide, NEWEST_END, OLDEST, MINUTE).to()).isEqualTo(Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(SeriesRange.of(wide, NEWEST_END, null, MINUTE).from()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
    }

    @Test
    void aRangeHoldingMoreWindowsThanTheCapIsRefused() {
        Instant monthAgo = NEWEST_END.minus(Duration.ofDays(30));

        assertThatThrownBy(() -> SeriesRange.of(Map.of("from", "2024-08-01T00:00:00Z"), NEWEST_END, monthAgo, MINUTE))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("from 2024-08-01T00:00:00Z to 2024-09-30T15:00:00Z holds 43200 windows of PT1M;"
                        + " at most 10080 can be asked for at once");
    }

    @Test
    void malformedOrEmptyRangesAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> SeriesRange.of(Map.of("from", "yesterday"), NEWEST_END, OLDEST, MINUTE))
                .hasMessage("from=\"yesterday\" is not an ISO-8601 UTC time such as 2024-09-30T13:00:00Z");
        assertThatThrownBy(() -> SeriesRange.of(Map.of("to", "2024-09-30"), NEWEST_END, OLDEST, MINUTE))
                .hasMessageStartingWith("to=\"2024-09-30\" is not an ISO-8601 UTC time");
        assertThatThrownBy(() -> SeriesRange.of(Map.of("from", "2024-09-30T16:00:00Z"), NEWEST_END, OLDEST, MINUTE))
                .hasMessage("from (2024-09-30T16:00:00Z) must be before to (2024-09-30T15:00:00Z)");
    }
}
