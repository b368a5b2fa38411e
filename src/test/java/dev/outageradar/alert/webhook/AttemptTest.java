package dev.outageradar.alert.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which answers are worth another try: server errors, timeouts and rate limits, never a refused body. */
class AttemptTest {

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({
        "200, Accepted", "202, Accepted", "204, Accepted",
        "400, Rejected", "401, Rejected", "404, Rejected", "413, Rejected",
        "408, Retryable", "429, Retryable", "500, Retryable", "502, Retryable", "503, Retryable"})
    void classifiesTheStatus(int status, String kind) {
        Attempt attempt = Attempt.ofStatus(status, "", Optional.empty());

        assertThat(attempt.getClass().getSimpleName()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "HTTP {0} keeps Retry-After")
    @CsvSource({"429", "503"})
    void aRetryableAnswerKeepsTheReceiversRetryAfter(int status) {
        Attempt attempt = Attempt.ofStatus(status, "", Optional.of(Duration.ofSeconds(3)));

        assertThat(attempt).isEqualTo(new Attempt.Retryable("HTTP " + status, Optional.of(Duration.ofSeconds(3))));
    }
}
