package dev.outageradar.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of the parser and the timestamp extractor over many seeded random records: random bytes,
 * valid posts with bytes flipped, cut or inserted, and JSON assembled from awkward pieces. Whatever the
 * record, nothing throws, the parser and the extractor agree on it, and an accepted post is one the rest of
 * the pipeline can use. A failure names the seed and the record, so it can be replayed.
 */
class FuzzedBytesTest {

    private static final int RECORDS = 10_000;
    private static final long SEED = 20261123L;
    private static final int MAX_TEXT = 280;
    /** When the records "reached Kafka": every post in range is behind it, so only the parser decides. */
    private static final long SENT = Instant.parse("9999-12-31T23:59:59Z").toEpochMilli();
    private static final long PARTITION_TIME = Instant.parse("2024-09-30T14:00:00Z").toEpochMilli();
    private static final String VALID = "{\"id\":\"7\",\"created_at\":\"2024-09-30T14:02:11Z\","
            + "\"text\":\"is spotify down?? #SpotifyDown\",\"author\":\"u123\",\"lang\":\"en\"}";
    private static final List<String> PIECES = List.of("{", "}", "[", "]", ":", ",", " ", "\"text\"",
            "\"created_at\"", "\"author\"", "\"id\"", "\"x\"", "\"spotify down\"", "\"2024-09-30T14:02:11Z\"",
            "\"2024-09-30T14:02:11\"", "\"1727704931000\"", "1727704931000", "0", "-1", "1e400", "1.5",
            "99999999999999999999999", "null", "true", "\"\\ud800\"", "\"\\ud83d\\ude21\"", "\"\\u0000\"",
            "\"caf\u00e9 \u20ac \ud83d\ude21\"", "\"\\\"\"", "\"\\\\\"", "\"\\q\"", "\uFEFF", "\t\n", "/*", "NaN",
            "\"+10000-01-01T00:00:00Z\"", "\"2006-03-20T23:59:59Z\"");

    private final PostParser parser = new PostParser(MAX_TEXT);
    private final PostTimestampExtractor extractor = new PostTimestampExtractor(parser, Duration.ofMinutes(5));
    private final ArchivedPostParser archived = new ArchivedPostParser(MAX_TEXT);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"random bytes", "a valid post mutated", "JSON from awkward pieces"})
    void everyRecordIsAcceptedOrRejectedAndNothingThrows(String kind) {
        Random random = new Random(SEED + kind.hashCode());
        Function<Random, byte[]> generator = switch (kind) {
            case "random bytes" -> FuzzedBytesTest::randomBytes;
            case "a valid post mutated" -> FuzzedBytesTest::mutatedPost;
            default -> FuzzedBytesTest::pieces;
        };
        int accepted = 0;
        for (int i = 0; i < RECORDS; i++) {
            byte[] record = generator.apply(random);
            try {
                accepted += check(record) ? 1 : 0;
            } catch (AssertionError | RuntimeException e) {
                fail("record " + i + " of seed " + SEED + " (" + kind + "), hex " + HexFormat.of().formatHex(record), e);
            }
        }
        assertThat(accepted).as("posts accepted among the " + kind).isLessThan(RECORDS);
        if (!kind.equals("random bytes")) {
            assertThat(accepted).as("posts accepted among the " + kind).isGreaterThan(0);
        }
    }

    /** Asserts the properties of one record; true when it was accepted. */
    private boolean check(byte[] record) {
        ParseResult result = parser.parse(record);
        assertThat(parser.parse(record)).as("the same record parses the same way twice").isEqualTo(result);
        archived.parse(record, null);
        long eventTime = extract(record, SENT);
        if (result instanceof ParseResult.Rejected rejected) {
            assertThat(rejected.reason()).isNotNull();
            assertThat(rejected.detail()).isNotBlank().doesNotContain("\n", "\r");
            assertThat(eventTime).as("a rejected record moves no clock").isEqualTo(PARTITION_TIME);
            return false;
        }
        Post post = ((ParseResult.Parsed) result).post();
        long createdAt = post.createdAt().toEpochMilli();
        assertThat(eventTime).isEqualTo(createdAt);
        assertThat(post.createdAt()).isBetween(EventTimes.FLOOR, EventTimes.CEILING);
        assertThat(post.text()).isNotBlank().hasSizeLessThanOrEqualTo(MAX_TEXT);
        for (String kept : new String[] {post.id(), post.text(), post.author(), post.lang(), post.source(), post.country()}) {
            assertThat(kept == null ? -1 : Unicode.firstUnpairedSurrogate(kept)).as("unpaired surrogate").isEqualTo(-1);
        }
        assertThat(parser.parse(PostJson.line(post).getBytes(StandardCharsets.UTF_8)))
                .as("the canonical line of an accepted post reads back as the same post")
                .isEqualTo(result);
        if (createdAt > PARTITION_TIME + Duration.ofMinutes(5).toMillis()) {
            long refused = extract(record, createdAt - Duration.ofMinutes(6).toMillis());
            assertThat(refused).isEqualTo(PARTITION_TIME);
            assertThat(extractor.confirm((ParseResult.Parsed) result, refused)).isInstanceOfSatisfying(
                    ParseResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.TIMESTAMP_IN_FUTURE));
        }
        return true;
    }

    private long extract(byte[] value, long recordTime) {
        return extractor.extract(new ConsumerRecord<>("posts", 0, 0, recordTime, TimestampType.LOG_APPEND_TIME, 0,
                0, null, value, new RecordHeaders(), Optional.empty()), PARTITION_TIME);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(512)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A valid post with a few bytes flipped, inserted, deleted, or the tail cut. */
    private static byte[] mutatedPost(Random random) {
        byte[] post = VALID.getBytes(StandardCharsets.UTF_8);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && post.length > 0; e++) {
            int at = random.nextInt(post.length);
            post = switch (random.nextInt(4)) {
                case 0 -> {
                    post[at] = (byte) random.nextInt(256);
                    yield post;
                }
                case 1 -> concat(post, at, new byte[] {(byte) random.nextInt(256)}, at);
                case 2 -> concat(post, at, new byte[0], at + 1);
                default -> Arrays.copyOf(post, at);
            };
        }
        return post;
    }

    private static byte[] concat(byte[] post, int headEnd, byte[] middle, int tailStart) {
        var out = new ByteArrayOutputStream();
        out.write(post, 0, headEnd);
        out.writeBytes(middle);
        out.write(post, tailStart, post.length - tailStart);
        return out.toByteArray();
    }

    /** Pieces of JSON, often in a plausible order: an object with known fields and awkward values. */
    private static byte[] pieces(Random random) {
        StringBuilder json = new StringBuilder();
        if (random.nextInt(4) > 0) {
            json.append("{\"text\":").append(pick(random, "\"spotify down\"", "\"\\ud800 down\"", "42", "null"))
                    .append(",\"created_at\":").append(pick(random, "\"2024-09-30T14:02:11Z\"", "1727704931000",
                            "\"2099-01-01T00:00:00Z\"", "0", "\"soon\"", "1727704931", "99999999999999999999"));
        }
        int more = random.nextInt(12);
        for (int i = 0; i < more; i++) {
            json.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        if (random.nextBoolean()) {
            json.append('}');
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
