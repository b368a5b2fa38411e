package dev.outageradar.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written reader of UTC times agrees with Java's ISO formatter, and leaves it every other form. */
class EventTimesFastPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-09-30T14:01:00Z", "2024-09-30T14:01:00.5Z", "2024-09-30T14:01:00.123Z",
        "2024-02-29T23:59:59.999999999Z", "2006-03-21T00:00:00Z", "9999-12-31T23:59:59.999Z", "2010-01-01T00:00:00Z",
        "2023-12-31T00:00:00.000001Z"})
    void readsTheCommonUtcFormExactlyAsTheFormatterDoes(String text) {
        Instant formatter = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();

        assertThat(EventTimes.utcFast(text)).isEqualTo(formatter);
        assertThat(EventTimes.parse(text)).isEqualTo(formatter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-09-30T14:01:00+02:00", "2024-09-30T14:01Z", "2024-09-30T14:01:00.Z",
        "2024-09-30T14:01:00.1234567890Z", "2024-09-30t14:01:00Z", "2024-09-30T14:01:00z", "2023-02-29T00:00:00Z",
        "2024-13-01T00:00:00Z", "2024-09-31T00:00:00Z", "2024-09-30T24:00:00Z", "2024-09-30T14:60:00Z",
        "2024-09-30T14:01:60Z", "2024-09-30 14:01:00Z", "+2024-09-30T14:01:00Z", "2024-09-30T14:01:00,5Z",
        "20x4-09-30T14:01:00Z", "2024-09-30T14:01:00.1x3Z"})
    void leavesEveryOtherFormToTheFormatter(String text) {
        assertThat(EventTimes.utcFast(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2024-09-30T24:00:00Z", "2024-09-30T14:01:60Z"})
    void impossibleTimesAreStillRefusedWithTheFormattersMessage(String text) {
        assertThatThrownBy(() -> EventTimes.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("created_at is not ISO-8601 with an offset or Z: " + text);
    }
}
