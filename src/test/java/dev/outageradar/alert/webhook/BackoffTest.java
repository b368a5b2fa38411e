package dev.outageradar.alert.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromHalfASecondUpToThirtySeconds() {
        Backoff backoff = Backoff.DEFAULT;

        assertThat(java.util.stream.IntStream.rangeClosed(1, 9)
                .mapToObj(n -> backoff.delay(n, Optional.empty()).toMillis()).toList())
                .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
        assertThat(backoff.delay(1000, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterWinsButIsCappedAtTenMinutes() {
        assertThat(Backoff.DEFAULT.delay(1, Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
        assertThat(Backoff.DEFAULT.delay(1, Optional.of(Duration.ofDays(1)))).isEqualTo(Duration.ofMinutes(10));
        assertThat(Backoff.DEFAULT.delay(1, Optional.of(Duration.ofSeconds(-3)))).isEqualTo(Duration.ZERO);
    }

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2024-09-30T14:00:00Z");

        assertThat(Backoff.retryAfter(Optional.of("120"), now)).contains(Duration.ofSeconds(120));
        assertThat(Backoff.retryAfter(Optional.of("Mon, 30 Sep 2024 14:00:45 GMT"), now))
                .contains(Duration.ofSeconds(45));
        assertThat(Backoff.retryAfter(Optional.of("soon"), now)).isEmpty();
        assertThat(Backoff.retryAfter(Optional.empty(), now)).isEmpty();
    }
}
