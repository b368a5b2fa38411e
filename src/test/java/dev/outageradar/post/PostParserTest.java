package dev.outageradar.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PostParserTest {

    private final PostParser parser = new PostParser(280);

    private static byte[] utf8(Object... parts) {
        var out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private ParseResult parse(String json) {
        return parser.parse(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void normalizedPostKeepsEveryFieldAndIgnoresUnknownOnes() {
        ParseResult result = parse("""
                {"id": "1840392", "created_at": "2024-09-30T14:02:11Z", "text": "is spotify down?? #SpotifyDown",
                 "author": "u123", "lang": "en", "source": "twitter", "country": "US",
                 "entities": {"hashtags": [{"tag": "SpotifyDown"}]}, "retweets": 4}
                """);

        assertThat(result).isEqualTo(new ParseResult.Parsed(new Post("1840392", Instant.parse("2024-09-30T14:02:11Z"),
                "is spotify down?? #SpotifyDown", "u123", "en", "twitter", "US")));
    }

    @ParameterizedTest(name = "created_at {0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "\"2024-09-30T14:02:11Z\"          | 2024-09-30T14:02:11Z",
        "\"2024-09-30T16:02:11+02:00\"     | 2024-09-30T14:02:11Z",
        "\"2024-09-30T14:02:11.250Z\"      | 2024-09-30T14:02:11.250Z",
        "1727704931000                     | 2024-09-30T14:02:11Z",
        "\"1727704931000\"                 | 2024-09-30T14:02:11Z"})
    void createdAtAcceptsIsoWithOffsetAndEpochMillis(String createdAt, String expected) {
        ParseResult result = parse("{\"created_at\": " + createdAt + ", \"text\": \"spotify down\"}");

        assertThat(((ParseResult.Parsed) result).post().createdAt()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void numericIdsBecomeText() {
        ParseResult result = parse("{\"id\": 1840392, \"created_at\": 1727704931000, \"text\": \"x\"}");

        assertThat(((ParseResult.Parsed) result).post().id()).isEqualTo("1840392");
    }

    @ParameterizedTest(name = "{0} is rejected as {1}")
    @CsvSource(delimiter = '|', value = {
        "not json at all                                             | NOT_JSON",
        "{\"text\": \"spotify down\", \"created_at\": \"2024-09-30T14:02:11Z\" | NOT_JSON",
        "{\"text\": \"a\", \"created_at\": 1727704931000} trailing    | NOT_JSON",
        "''                                                          | NOT_JSON",
        "[1, 2, 3]                                                   | NOT_AN_OBJECT",
        "\"just a string\"                                           | NOT_AN_OBJECT",
        "{\"created_at\": \"2024-09-30T14:02:11Z\"}                  | MISSING_TEXT",
        "{\"created_at\": \"2024-09-30T14:02:11Z\", \"text\": \"  \"} | MISSING_TEXT",
        "{\"created_at\": \"2024-09-30T14:02:11Z\", \"text\": 42}     | BAD_FIELD",
        "{\"text\": \"spotify down\"}                                | MISSING_CREATED_AT",
        "{\"text\": \"spotify down\", \"created_at\": null}          | MISSING_CREATED_AT",
        "{\"text\": \"spotify down\", \"created_at\": \"yesterday\"} | BAD_TIMESTAMP",
        "{\"text\": \"spotify down\", \"created_at\": \"2024-09-30T14:02:11\"} | BAD_TIMESTAMP",
        "{\"text\": \"spotify down\", \"created_at\": -5}            | BAD_TIMESTAMP",
        "{\"text\": \"spotify down\", \"created_at\": {\"t\": 1}}    | BAD_TIMESTAMP",
        "{\"text\": \"spotify down\", \"created_at\": 0}             | BAD_TIMESTAMP",
        "{\"text\": \"spotify down\", \"created_at\": \"2006-03-20T23:59:59Z\"} | BAD_TIMESTAMP",
        "{\"text\": \"spotify down\", \"created_at\": \"+10000-01-01T00:00:00Z\"} | BAD_TIMESTAMP",
        "{\"text\": \"spotify down\", \"created_at\": 99999999999999999999999} | BAD_TIMESTAMP",
        "{\"text\": \"spotify down\", \"created_at\": \"99999999999999999999999\"} | BAD_TIMESTAMP",
        "{\"text\": \"spotify down\", \"created_at\": 1.7277049E12}  | BAD_TIMESTAMP",
        "{\"text\": \"spotify down\", \"created_at\": \"-1727704931000\"} | BAD_TIMESTAMP",
        "{\"text\": \"a\", \"text\": \"b\", \"created_at\": 1727704931000} | BAD_FIELD",
        "{\"text\": \"spotify down \\ud83d\", \"created_at\": 1727704931000} | BAD_FIELD",
        "{\"text\": \"spotify down\", \"author\": \"\\udc00x\", \"created_at\": 1727704931000} | BAD_FIELD"})
    void unusableRecordsAreRejectedWithTheirReason(String json, RejectReason reason) {
        ParseResult result = parse(json);

        assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(reason);
            assertThat(rejected.detail()).isNotBlank().doesNotContain("\n");
        });
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "[1, 2, 3]         | an array",
        "\"just a string\" | a string",
        "42                | a number",
        "true              | a boolean",
        "null              | null"})
    void valueThatIsNotAnObjectIsNamedInTheReason(String json, String found) {
        assertThat(parse(json)).isEqualTo(
                new ParseResult.Rejected(RejectReason.NOT_AN_OBJECT, "expected a JSON object, found " + found));
    }

    @Test
    void nullValueIsRejected() {
        assertThat(parse(null)).isEqualTo(new ParseResult.Rejected(RejectReason.NULL_VALUE, "record value is null"));
    }

    @Test
    void textOverTheLimitIsRejectedWithItsLength() {
        ParseResult result = parse("{\"created_at\": 1727704931000, \"text\": \"" + "a".repeat(281) + "\"}");

        assertThat(result).isEqualTo(new ParseResult.Rejected(RejectReason.TEXT_TOO_LONG,
                "text has 281 characters, the limit is 280"));
    }

    @Test
    void invalidUtf8IsRejectedNotThrown() {
        byte[] bytes = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThat(parser.parse(bytes)).isInstanceOfSatisfying(ParseResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.NOT_JSON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedUtf8")
    void bytesThatAreNotStrictUtf8AreRejectedAsNotJsonWithTheirOffset(String name, byte[] bytes, String detail) {
        assertThat(parser.parse(bytes)).isEqualTo(new ParseResult.Rejected(RejectReason.NOT_JSON, detail));
    }

    static Stream<Arguments> malformedUtf8() {
        String post = "{\"created_at\": 1727704931000, \"text\": \"spotify down\"}";
        return Stream.of(
                Arguments.of("overlong '/' inside the text", utf8("{\"text\": \"a", 0xC0, 0xAF, "\"}"),
                        "not UTF-8: malformed byte 0xC0 at offset 11"),
                Arguments.of("UTF-8-encoded surrogate", utf8("{\"text\": \"a", 0xED, 0xA0, 0x80, "\"}"),
                        "not UTF-8: malformed byte 0xED at offset 11"),
                Arguments.of("continuation byte alone in an ignored field", utf8("{\"x\": \"", 0x80, "\"}"),
                        "not UTF-8: malformed byte 0x80 at offset 7"),
                Arguments.of("sequence cut short at the end", utf8(post, 0xE2, 0x82),
                        "not UTF-8: malformed byte 0xE2 at offset " + post.length()),
                Arguments.of("past U+10FFFF", utf8("{\"text\": \"", 0xF4, 0x90, 0x80, 0x80, "\"}"),
                        "not UTF-8: malformed byte 0xF4 at offset 10"),
                Arguments.of("UTF-16 without a byte order mark", post.getBytes(StandardCharsets.UTF_16LE),
                        "not UTF-8 JSON: a NUL byte at offset 1 (UTF-16 or UTF-32 text?)"),
                Arguments.of("UTF-16 with a byte order mark", post.getBytes(StandardCharsets.UTF_16),
                        "not UTF-8: malformed byte 0xFE at offset 0"));
    }

    @Test
    void aLeadingUtf8ByteOrderMarkIsIgnored() {
        byte[] bytes = utf8("", 0xEF, 0xBB, 0xBF, "{\"created_at\": 1727704931000, \"text\": \"spotify down\"}");

        assertThat(parser.parse(bytes)).isInstanceOfSatisfying(ParseResult.Parsed.class,
                parsed -> assertThat(parsed.post().text()).isEqualTo("spotify down"));
    }

    @Test
    void wellFormedMultiByteTextIsKept() {
        ParseResult result = parse("{\"created_at\": 1727704931000, \"text\": \"spotify est en panne \u00e9\u20ac"
                + "\ud83d\ude21 \\ud83d\\ude21\"}");

        assertThat(((ParseResult.Parsed) result).post().text()).isEqualTo("spotify est en panne \u00e9\u20ac\ud83d\ude21 \ud83d\ude21");
    }

    @Test
    void detailsNameWhatWasFoundAndWhy() {
        assertThat(parse("{\"created_at\": 1727704931000, \"text\": 42}")).isEqualTo(new ParseResult.Rejected(
                RejectReason.BAD_FIELD, "text must be a string, found a number"));
        assertThat(parse("{\"text\": \"a\", \"created_at\": 1.5}")).isEqualTo(new ParseResult.Rejected(
                RejectReason.BAD_TIMESTAMP, "created_at must be an ISO-8601 string or epoch milliseconds, found a decimal number"));
        assertThat(parse("{\"text\": \"a\", \"created_at\": 1727704931}")).isEqualTo(new ParseResult.Rejected(
                RejectReason.BAD_TIMESTAMP, "created_at 1727704931 is before 2006-03-21 in epoch milliseconds, older than any post (epoch seconds?)"));
        assertThat(parse("{\"text\": \"a\", \"created_at\": 1727704931000000}")).isEqualTo(new ParseResult.Rejected(
                RejectReason.BAD_TIMESTAMP, "created_at 1727704931000000 is after the year 9999 in epoch milliseconds (epoch microseconds?)"));
        assertThat(parse("{\"text\": \"a\", \"created_at\": 1, \"created_at\": 1727704931000}")).isEqualTo(
                new ParseResult.Rejected(RejectReason.BAD_FIELD, "created_at appears more than once"));
        assertThat(parse("{\"created_at\": 1727704931000, \"text\": \"spotify \\ud83d down\"}")).isEqualTo(
                new ParseResult.Rejected(RejectReason.BAD_FIELD, "text is not valid Unicode: unpaired surrogate \\uD83D at character 8"));
    }

    @Test
    void jsonNestedTenThousandDeepIsOverTheLimitWhereverItIs() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        ParseResult.Rejected expected = new ParseResult.Rejected(RejectReason.LIMIT_EXCEEDED,
                "over a parser limit: Document nesting depth (1001) exceeds the maximum allowed (1000)");

        assertThat(parse("{\"x\": " + deep + ", \"created_at\": 1727704931000, \"text\": \"spotify down\"}"))
                .isEqualTo(expected);
        assertThat(parse("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))).isEqualTo(expected);
        assertThat(parse(deep)).isEqualTo(new ParseResult.Rejected(RejectReason.NOT_AN_OBJECT,
                "expected a JSON object, found an array"));
    }

    @Test
    void numberOfTwoThousandDigitsIsOverTheLimit() {
        assertThat(parse("{\"text\": \"a\", \"created_at\": " + "9".repeat(2_000) + "}")).isEqualTo(
                new ParseResult.Rejected(RejectReason.LIMIT_EXCEEDED,
                        "over a parser limit: Number value length (2000) exceeds the maximum allowed (1000)"));
    }

    @Test
    void aKeptFieldOtherThanTextIsLimitedToAThousandCharacters() {
        assertThat(parse("{\"created_at\": 1727704931000, \"text\": \"a\", \"author\": \"" + "u".repeat(1_001) + "\"}"))
                .isEqualTo(new ParseResult.Rejected(RejectReason.LIMIT_EXCEEDED, "author has more than 1000 characters"));
    }

    @Test
    void textIsAcceptedUpToTheLimitExactly() {
        PostParser longTexts = new PostParser(5_000);
        String post = "{\"created_at\": 1727704931000, \"text\": \"%s\"}";

        assertThat(longTexts.parse(String.format(post, "a".repeat(5_000)).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseResult.Parsed.class);
        assertThat(longTexts.parse(String.format(post, "a".repeat(5_001)).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new ParseResult.Rejected(RejectReason.TEXT_TOO_LONG,
                        "text has more than 5000 characters, the limit is 5000"));
    }

    @Test
    void fiftyMegabyteTextIsRejectedWithoutDecodingIt() {
        byte[] huge = ("{\"created_at\": 1727704931000, \"text\": \"" + "a".repeat(50_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        ParseResult result = parser.parse(huge);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(result).isEqualTo(new ParseResult.Rejected(RejectReason.TEXT_TOO_LONG,
                "text has more than 1000 characters, the limit is 280"));
        assertThat(allocated).as("bytes allocated to parse a 50 MB record").isLessThan(2_000_000);
    }

    @Test
    void canonicalLineParsesBackToTheSamePost() {
        Post full = new Post("1840392", Instant.parse("2024-09-30T14:02:11.250Z"), "is \"spotify\" down?\nyes",
                "u123", "en", "twitter", "US");
        Post bare = new Post(null, Instant.parse("2024-09-30T14:02:11Z"), "spotify down", null, null, null, null);

        assertThat(parse(PostJson.line(full))).isEqualTo(new ParseResult.Parsed(full));
        assertThat(parse(PostJson.line(bare))).isEqualTo(new ParseResult.Parsed(bare));
    }

    @Test
    void canonicalLineHasFixedFieldOrderAndUtcTime() {
        Post fromOffset = ((ParseResult.Parsed) parse("""
                {"country": "DE", "text": "spotify down", "created_at": "2024-09-30T16:02:11+02:00", "id": "7"}
                """)).post();

        assertThat(PostJson.line(fromOffset)).isEqualTo("{\"id\":\"7\",\"created_at\":\"2024-09-30T14:02:11Z\","
                + "\"text\":\"spotify down\",\"author\":null,\"lang\":null,\"source\":null,\"country\":\"DE\"}");
    }
}
