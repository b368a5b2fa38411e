package dev.outageradar.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterSizeTest {

    private static Headers headers() {
        return new RecordHeaders()
                .add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8))
                .add(DeadLetterHeaders.REASON, "NOT_JSON".getBytes(StandardCharsets.UTF_8))
                .add(DeadLetterHeaders.DETAIL, "not valid JSON: Unrecognized token 'xxxx'".getBytes(StandardCharsets.UTF_8));
    }

    private static int size(DeadLetterSize.Letter letter) {
        int total = (letter.key() == null ? 0 : letter.key().length) + (letter.value() == null ? 0 : letter.value().length);
        for (Header header : letter.headers()) {
            total += header.key().length() + header.value().length;
        }
        return total;
    }

    private static String header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aDeadLetterWithinTheBudgetIsSentAsItCame() {
        byte[] key = {1, 2};
        byte[] value = new byte[DeadLetterSize.MAX_BYTES - 500];
        Headers headers = headers();

        DeadLetterSize.Letter letter = DeadLetterSize.fit(key, value, headers);

        assertThat(letter.key()).isSameAs(key);
        assertThat(letter.value()).isSameAs(value);
        assertThat(letter.headers()).isSameAs(headers);
        assertThat(header(letter.headers(), DeadLetterHeaders.TRUNCATED)).isNull();
    }

    @Test
    void aValueAtTheTopicsLimitLosesItsEndAndKeepsItsKeyAndEveryHeader() {
        byte[] value = new byte[1_048_300];
        Arrays.fill(value, (byte) 'x');

        DeadLetterSize.Letter letter = DeadLetterSize.fit(new byte[] {7}, value, headers());

        assertThat(size(letter)).isLessThanOrEqualTo(DeadLetterSize.MAX_BYTES);
        assertThat(letter.key()).containsExactly(7);
        assertThat(letter.value()).hasSize(998_864).containsOnly('x');
        assertThat(header(letter.headers(), "traceparent")).isNotNull();
        assertThat(header(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("NOT_JSON");
        assertThat(header(letter.headers(), DeadLetterHeaders.TRUNCATED))
                .isEqualTo("value cut from 1048300 to 998864 bytes");
    }

    @Test
    void aKeyTooLargeOnItsOwnIsCutAndTheValueAndTheRecordsOwnHeadersAreDropped() {
        DeadLetterSize.Letter letter = DeadLetterSize.fit(new byte[1_040_000], "{}".getBytes(StandardCharsets.UTF_8),
                headers());

        assertThat(size(letter)).isLessThanOrEqualTo(DeadLetterSize.MAX_BYTES);
        assertThat(letter.value()).isEmpty();
        assertThat(header(letter.headers(), "traceparent")).isNull();
        assertThat(header(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("NOT_JSON");
        assertThat(header(letter.headers(), DeadLetterHeaders.TRUNCATED)).isEqualTo("key cut from 1040000 to "
                + letter.key().length + " bytes; value (2 bytes) and the record's own headers (66 bytes) dropped");
    }

    @Test
    void aNullValueStaysNull() {
        assertThat(DeadLetterSize.fit(new byte[1_040_000], null, headers()).value()).isNull();
    }
}
