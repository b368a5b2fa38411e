package dev.outageradar.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outageradar.alert.EventSchemas;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.broker.KafkaBroker;
import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the production topology on a real broker: a seeded mix of good posts and bad records of
 * every kind, interleaved on three posts partitions, null keys and values among them. Nothing stops the
 * application; every bad record is on the dead-letter topic with the reason of its kind, its key and bytes;
 * the published counts are exactly those of the good posts; and posts from the far future, one of them the
 * first record of its partition, close no window: every good post after them is counted, none is late.
 */
@Tag("integration")
@Timeout(240)
class FuzzedInputOnBrokerTest {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final long SEED = 6_003L;
    private static final int PARTITIONS = 3;
    private static final Instant START = Instant.parse("2024-09-30T10:00:00Z");
    private static final int MINUTES = 20;
    /** Good posts per minute and partition. */
    private static final int PER_MINUTE = 12;
    /** After each good post, another bad record follows with this probability. */
    private static final double BAD_SHARE = 0.2;
    private static final Path CATALOG = Path.of("src/test/resources/classify/test-services.yaml");
    /** One complaint per service of the test catalog, about that service alone. */
    private static final Map<String, String> COMPLAINTS = Map.of(
            "spotify", "is spotify down?? #SpotifyDown",
            "netflix", "netflix won't load for me",
            "youtube", "youtube not working again",
            "youtube-music", "youtube music is down",
            "steam", "cannot buy anything #SteamDown");
    private static final String NOT_A_COMPLAINT = "lovely weather today";
    /** What good posts may add to their text: it changes nothing. */
    private static final String DECORATION = " \u00e9\u20ac \ud83d\ude21\n";
    /**
     * Close to the largest value a record can have under the producer's and broker's default size limits
     * (1 MiB), with room for a key and a few headers; its dead letter, with the dlq.* headers, would be larger.
     */
    private static final int LARGEST_VALUE = 1_048_300;

    @TempDir
    Path temp;

    /**
     * Every kind of bad record, with the reason its dead letter must carry. Each is made for a time, the
     * time of the good post before it, so a mistaken acceptance would land in a window being counted.
     */
    enum Bad {
        NULL_VALUE("NULL_VALUE", (r, at) -> null),
        EMPTY("NOT_JSON", (r, at) -> new byte[0]),
        BLANK("NOT_JSON", (r, at) -> utf8(" \n\t ")),
        PROSE("NOT_JSON", (r, at) -> utf8("is spotify down?")),
        RANDOM_BYTES("NOT_JSON", (r, at) -> {
            byte[] bytes = new byte[1 + r.nextInt(400)];
            r.nextBytes(bytes);
            bytes[0] = (byte) (0x80 | r.nextInt(0x80)); // no byte below 0x80 starts anything JSON
            return bytes;
        }),
        TRAILING_CONTENT("NOT_JSON", (r, at) -> utf8(post(at, COMPLAINTS.get("spotify")) + " and more")),
        OVERLONG_UTF8_IN_TEXT("NOT_JSON", (r, at) -> bytes("{\"created_at\":\"" + at + "\",\"text\":\"spotify down ",
                0xC0, 0xAF, "\"}")),
        INVALID_UTF8_IN_IGNORED_FIELD("NOT_JSON", (r, at) -> bytes("{\"x\":\"", 0xFF, "\",\"created_at\":\"" + at
                + "\",\"text\":\"is spotify down?\"}")),
        UTF16("NOT_JSON", (r, at) -> post(at, COMPLAINTS.get("netflix")).getBytes(StandardCharsets.UTF_16LE)),
        ARRAY("NOT_AN_OBJECT", (r, at) -> utf8("[" + post(at, COMPLAINTS.get("spotify")) + "]")),
        STRING("NOT_AN_OBJECT", (r, at) -> utf8("\"is spotify down?\"")),
        NUMBER("NOT_AN_OBJECT", (r, at) -> utf8("42")),
        JSON_NULL("NOT_AN_OBJECT", (r, at) -> utf8("null")),
        MISSING_TEXT("MISSING_TEXT", (r, at) -> utf8("{\"created_at\":\"" + at + "\"}")),
        BLANK_TEXT("MISSING_TEXT", (r, at) -> utf8(post(at, "   "))),
        MISSING_CREATED_AT("MISSING_CREATED_AT", (r, at) -> utf8("{\"text\":\"is spotify down?\"}")),
        NULL_CREATED_AT("MISSING_CREATED_AT", (r, at) -> utf8("{\"text\":\"is spotify down?\",\"created_at\":null}")),
        TEXT_NOT_A_STRING("BAD_FIELD", (r, at) -> utf8("{\"created_at\":\"" + at + "\",\"text\":42}")),
        TEXT_GIVEN_TWICE("BAD_FIELD", (r, at) -> utf8("{\"created_at\":\"" + at
                + "\",\"text\":\"is spotify down?\",\"text\":\"all fine\"}")),
        TIME_GIVEN_TWICE("BAD_FIELD", (r, at) -> utf8("{\"created_at\":\"" + at
                + "\",\"text\":\"is spotify down?\",\"created_at\":\"2099-01-01T00:00:00Z\"}")),
        UNPAIRED_SURROGATE("BAD_FIELD", (r, at) -> utf8(post(at, "is spotify down? \\ud83d"))),
        TIME_IN_WORDS("BAD_TIMESTAMP", (r, at) -> utf8(post("\"soon\"", "is spotify down?"))),
        LOCAL_TIME("BAD_TIMESTAMP", (r, at) -> utf8(post("\"" + at.toString().replace("Z", "") + "\"", "spotify down"))),
        EPOCH_ZERO("BAD_TIMESTAMP", (r, at) -> utf8(post("0", "is spotify down?"))),
        NEGATIVE("BAD_TIMESTAMP", (r, at) -> utf8(post("-5", "is spotify down?"))),
        EPOCH_SECONDS("BAD_TIMESTAMP", (r, at) -> utf8(post(Long.toString(at.getEpochSecond()), "is spotify down?"))),
        BEFORE_THE_FIRST_TWEET("BAD_TIMESTAMP", (r, at) -> utf8(post("\"2006-03-20T23:59:59Z\"", "spotify down"))),
        AFTER_9999("BAD_TIMESTAMP", (r, at) -> utf8(post("\"+10000-01-01T00:00:00Z\"", "is spotify down?"))),
        DECIMAL_TIME("BAD_TIMESTAMP", (r, at) -> utf8(post(at.toEpochMilli() + ".5", "is spotify down?"))),
        TIME_BEYOND_A_LONG("BAD_TIMESTAMP", (r, at) -> utf8(post("99999999999999999999999", "spotify down"))),
        YEAR_2099("TIMESTAMP_IN_FUTURE", (r, at) -> utf8(post("\"2099-01-01T00:00:00Z\"", COMPLAINTS.get("steam")))),
        YEAR_9999("TIMESTAMP_IN_FUTURE", (r, at) -> utf8(post("\"9999-12-31T23:59:59Z\"", COMPLAINTS.get("youtube")))),
        AN_HOUR_AHEAD("TIMESTAMP_IN_FUTURE", (r, at) -> utf8(post(Instant.now().plus(Duration.ofHours(1)),
                COMPLAINTS.get("netflix")))),
        NESTED_10000_DEEP("LIMIT_EXCEEDED", (r, at) -> utf8("{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000)
                + ",\"created_at\":\"" + at + "\",\"text\":\"is spotify down?\"}")),
        NUMBER_OF_2000_DIGITS("LIMIT_EXCEEDED", (r, at) -> utf8(post("9".repeat(2_000), "is spotify down?"))),
        TEXT_OVER_THE_LIMIT("TEXT_TOO_LONG", (r, at) -> utf8(post(at, "is spotify down? " + "a".repeat(4_000)))),
        TEXT_OF_900_KB("TEXT_TOO_LONG", (r, at) -> utf8(post(at, "is spotify down? " + "a".repeat(900_000)))),
        LARGEST_RECORD("NOT_JSON", (r, at) -> utf8("x".repeat(LARGEST_VALUE))),
        /** With a key of a megabyte (see {@link #bad}). */
        KEY_OF_A_MEGABYTE("NULL_VALUE", (r, at) -> null);

        /** Kinds too large to repeat: each is sent once. */
        static final Set<Bad> ONCE = EnumSet.of(TEXT_OF_900_KB, LARGEST_RECORD, KEY_OF_A_MEGABYTE);
        /** Kinds whose dead letter is too large to send whole, and is cut (DeadLetterSize). */
        static final Set<Bad> CUT = EnumSet.of(LARGEST_RECORD, KEY_OF_A_MEGABYTE);

        final String reason;
        final BiFunction<Random, Instant, byte[]> make;

        Bad(String reason, BiFunction<Random, Instant, byte[]> make) {
            this.reason = reason;
            this.make = make;
        }
    }

    /** A record to send to a posts partition, and what must become of it. */
    private record Planned(int partition, byte[] key, byte[] value, RecordHeaders headers, Bad bad, String complaint,
                           Instant at, boolean late) {
    }

    @Test
    void everyBadRecordIsDeadLetteredWithItsReasonAndTheGoodPostsAreCountedExactly() {
        Topics topics = new Topics(KAFKA.uniqueName("posts"), KAFKA.uniqueName("posts.dlq"),
                KAFKA.uniqueName("alerts"), KAFKA.uniqueName("counts"));
        createTopicsAsTheAppDoes(topics);
        ComplaintMatcher matcher = ComplaintMatcher.compile(ServiceCatalog.load(CATALOG));
        COMPLAINTS.forEach((service, text) -> {
            assertThat(matcher.classify(text).complaints()).as(text).containsExactly(service);
            assertThat(matcher.classify(text + DECORATION).complaints()).as(text).containsExactly(service);
        });
        assertThat(matcher.classify(NOT_A_COMPLAINT).isEmpty()).isTrue();
        List<Planned> plan = plan(new Random(SEED));
        List<Planned> bad = plan.stream().filter(p -> p.bad() != null).toList();
        Map<String, Long> expected = expectedCounts(plan);
        TopologySettings settings = TopologySettings.defaults();
        // No partition may go idle while the others still have posts: all of them are sent at once.
        settings = new TopologySettings(topics, settings.grace(), settings.maxTextLength(), settings.maxFutureSkew(),
                settings.detector(), PARTITIONS, Duration.ofMinutes(10), settings.authorHorizon(), Map.of(), false,
                settings.history());
        List<Throwable> threadFailures = new CopyOnWriteArrayList<>();
        List<KafkaStreams.State> states = new CopyOnWriteArrayList<>();

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (KafkaStreams streams = new KafkaStreams(OutageTopology.build(settings, matcher, new PipelineMetrics(meters)),
                streamsProps())) {
            streams.setUncaughtExceptionHandler(e -> {
                threadFailures.add(e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            streams.setStateListener((now, before) -> states.add(now));
            streams.start();
            Map<String, Planned> sent = send(topics.posts(), plan);

            List<ConsumerRecord<byte[], byte[]>> dead = KAFKA.consumeBytes(topics.deadLetters(),
                    read -> read.size() >= bad.size() || streams.state() == KafkaStreams.State.ERROR,
                    Duration.ofSeconds(120), true);
            Map<String, Long> published = publishedCounts(KAFKA.consume(topics.counts(),
                    read -> publishedCounts(read).keySet().containsAll(expected.keySet())
                            || streams.state() == KafkaStreams.State.ERROR,
                    Duration.ofSeconds(120), true));

            assertThat(threadFailures).isEmpty();
            assertThat(states).doesNotContain(KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.ERROR);
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(dead).hasSize(bad.size());
            assertThat(dead).allSatisfy(letter -> {
                Planned original = sent.get(header(letter, DeadLetterHeaders.SOURCE_PARTITION) + "/"
                        + header(letter, DeadLetterHeaders.SOURCE_OFFSET));
                assertThat(original).as("the record a dead letter came from").isNotNull();
                assertThat(original.bad()).as("a good post was dead-lettered: " + header(letter, DeadLetterHeaders.DETAIL))
                        .isNotNull();
                assertThat(letter.headers().headers(DeadLetterHeaders.REASON)).as(original.bad().name())
                        .singleElement().extracting(h -> new String(h.value(), StandardCharsets.UTF_8))
                        .isEqualTo(original.bad().reason);
                assertThat(header(letter, DeadLetterHeaders.DETAIL)).isNotBlank();
                assertThat(letter.headers().lastHeader("dlq.retries")).isNull();
                assertThat(EventSchemas.DEAD_LETTER.violations(OutageFeed.headersAsJson(letter.headers()))).isEmpty();
                if (header(letter, DeadLetterHeaders.TRUNCATED) == null) {
                    assertThat(letter.key()).isEqualTo(original.key());
                    assertThat(letter.value()).isEqualTo(original.value());
                } else {
                    assertThat(Bad.CUT).contains(original.bad());
                    assertThat(letter.serializedKeySize() + Math.max(0, letter.serializedValueSize()))
                            .isLessThanOrEqualTo(DeadLetterSize.MAX_BYTES);
                }
            });
            assertThat(bad).extracting(Planned::bad).containsAll(EnumSet.allOf(Bad.class));
            assertThat(dead).filteredOn(letter -> header(letter, DeadLetterHeaders.TRUNCATED) != null)
                    .hasSize(Bad.CUT.size());
            // Every good post in time is in its window: the posts from 2099 and 9999, first on their partitions,
            // closed none. A good post that came late would be missing here, and counted below.
            assertThat(published).isEqualTo(expected);
            long late = plan.stream().filter(Planned::late).count();
            assertThat(late).isPositive();
            assertThat(total(meters, PipelineMetrics.LATE_COMPLAINTS)).as("late complaints").isEqualTo(late);
            assertThat(total(meters, PipelineMetrics.DEAD_LETTERS)).isEqualTo(bad.size());
            assertThat(total(meters, PipelineMetrics.POSTS)).isEqualTo(plan.size());
        }
    }

    /**
     * Per partition, good posts at a steady pace through {@link #MINUTES} minutes, each followed now and then
     * by bad records; every kind of bad record at least once; a post from 2099 first on partition 0 and one
     * from the year 9999 early on the others; from the middle on, old posts (2023, and the first day a post can
     * have) about a service already counted on the partition, which must be late; and a few posts five
     * minutes after the end on every partition, so that every window of the plan closes.
     */
    private static List<Planned> plan(Random random) {
        List<Planned> plan = new ArrayList<>();
        List<Bad> everyKind = new ArrayList<>(EnumSet.allOf(Bad.class));
        int slots = MINUTES * PER_MINUTE;
        for (int p = 0; p < PARTITIONS; p++) {
            Instant first = START.plusSeconds(p);
            plan.add(bad(p, random, p == 0 ? Bad.YEAR_2099 : Bad.YEAR_9999, first));
            Set<String> counted = new HashSet<>();
            for (int slot = 0; slot < slots; slot++) {
                Instant at = first.plusMillis(slot * 60_000L / PER_MINUTE);
                plan.add(good(p, random, at));
                String service = plan.get(plan.size() - 1).complaint();
                if (service != null) {
                    counted.add(service);
                }
                if (slot % 17 == 5 && !everyKind.isEmpty()) {
                    plan.add(bad(p, random, everyKind.remove(0), at));
                }
                while (random.nextDouble() < BAD_SHARE) {
                    Bad kind = Bad.values()[random.nextInt(Bad.values().length)];
                    if (!Bad.ONCE.contains(kind)) {
                        plan.add(bad(p, random, kind, at));
                    }
                }
                if (slot > slots / 2 && slot % 31 == 0 && !counted.isEmpty()) {
                    String known = counted.stream().sorted().toList().get(random.nextInt(counted.size()));
                    Instant old = random.nextBoolean() ? Instant.parse("2023-01-01T12:00:00Z")
                            : Instant.parse("2006-03-21T00:00:00Z");
                    plan.add(new Planned(p, null, utf8(post(old, COMPLAINTS.get(known))), new RecordHeaders(), null,
                            known, old, true));
                }
            }
            for (int i = 0; i < 3; i++) {
                Instant after = START.plus(Duration.ofMinutes(MINUTES + 5)).plusSeconds(i);
                plan.add(new Planned(p, null, utf8(post(after, NOT_A_COMPLAINT)), new RecordHeaders(), null, null,
                        after, false));
            }
        }
        assertThat(everyKind).as("kinds the plan had no room for").isEmpty();
        return plan;
    }

    private static Planned bad(int partition, Random random, Bad kind, Instant at) {
        RecordHeaders headers = new RecordHeaders();
        if (random.nextInt(4) == 0) {
            // dlq.* headers of the producer's own must not survive next to ours.
            headers.add(DeadLetterHeaders.REASON, utf8("FORGED"));
            headers.add("dlq.retries", utf8("3"));
            headers.add("traceparent", utf8("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        }
        byte[] key = kind == Bad.KEY_OF_A_MEGABYTE ? new byte[1_040_000] : key(random);
        return new Planned(partition, key, kind.make.apply(random, at), headers, kind, null, at, false);
    }

    /**
     * A post about a random service (or about none), written in one of the forms a good post may take: with
     * or without author, a byte order mark, epoch millis, an offset, escapes, unknown fields deep or long.
     */
    private static Planned good(int partition, Random random, Instant at) {
        List<String> services = COMPLAINTS.keySet().stream().sorted().toList();
        String service = random.nextInt(6) == 0 ? null : services.get(random.nextInt(services.size()));
        String text = service == null ? NOT_A_COMPLAINT : COMPLAINTS.get(service);
        String author = random.nextInt(3) == 0 ? null : "u" + partition + "-" + at.toEpochMilli();
        ObjectNode json = JsonFormat.mapper().createObjectNode();
        switch (random.nextInt(8)) {
            case 0 -> json.put("created_at", at.toEpochMilli());
            case 1 -> json.put("created_at", Long.toString(at.toEpochMilli()));
            case 2 -> json.put("created_at", at.atOffset(ZoneOffset.ofHours(2)).toString());
            default -> json.put("created_at", at.toString());
        }
        json.put("text", random.nextBoolean() ? text : text + DECORATION);
        json.put("author", author);
        if (random.nextInt(10) == 0) {
            var nested = json.putArray("entities");
            for (int depth = 0; depth < 100; depth++) {
                nested = nested.addArray();
            }
        }
        if (random.nextInt(50) == 0) {
            json.put("raw_html", "<p>" + "x".repeat(100_000) + "</p>");
        }
        byte[] value = utf8(json.toString());
        if (random.nextInt(20) == 0) {
            value = bytes("", 0xEF, 0xBB, 0xBF, json.toString());
        }
        byte[] key = author != null && random.nextBoolean() ? utf8(author) : key(random);
        return new Planned(partition, key, value, new RecordHeaders(), null, service, at, false);
    }

    /** Null, or a few random bytes: the application never reads keys, so none can hurt. */
    private static byte[] key(Random random) {
        if (random.nextBoolean()) {
            return null;
        }
        byte[] key = new byte[random.nextInt(20)];
        random.nextBytes(key);
        return key;
    }

    /** Sends the plan, each partition's records in plan order, and returns them by "partition/offset". */
    private static Map<String, Planned> send(String topic, List<Planned> plan) {
        List<ProducerRecord<byte[], byte[]>> records = plan.stream()
                .map(p -> new ProducerRecord<>(topic, p.partition(), null, p.key(), p.value(), p.headers()))
                .toList();
        List<RecordMetadata> written = KAFKA.produce(records);
        Map<String, Planned> sent = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            sent.put(written.get(i).partition() + "/" + written.get(i).offset(), plan.get(i));
        }
        return sent;
    }

    private static Map<String, Long> expectedCounts(List<Planned> plan) {
        return plan.stream().filter(p -> p.bad() == null && p.complaint() != null && !p.late())
                .collect(Collectors.groupingBy(p -> p.complaint() + " " + windowStart(p.at()), TreeMap::new,
                        Collectors.counting()));
    }

    private static Map<String, Long> publishedCounts(List<ConsumerRecord<String, String>> records) {
        Map<String, Long> counts = new TreeMap<>();
        for (ConsumerRecord<String, String> record : records) {
            var json = OutageFeed.json(record.value().getBytes(StandardCharsets.UTF_8));
            counts.merge(json.get("service").asText() + " " + json.get("window_start").asText(),
                    json.get("count").asLong(), Long::sum);
        }
        return counts;
    }

    private static Instant windowStart(Instant at) {
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), 60_000L) * 60_000L);
    }

    /** A counter's count summed over all its tags. */
    private static long total(SimpleMeterRegistry meters, String counter) {
        return Math.round(meters.find(counter).counters().stream().mapToDouble(Counter::count).sum());
    }

    /** As the application creates them: record timestamps are the broker's append time. */
    private static void createTopicsAsTheAppDoes(Topics topics) {
        var created = KAFKA.admin().createTopics(topics.all().stream()
                .map(name -> new NewTopic(name, PARTITIONS, (short) 1)
                        .configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime")))
                .toList());
        try {
            created.all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Properties streamsProps() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, KAFKA.uniqueName("outage-radar-fuzz"));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, temp.resolve("state").toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return props;
    }

    private static String post(Instant at, String text) {
        return post("\"" + at + "\"", text);
    }

    /** A post with {@code createdAt} written as given (JSON), and a text with nothing to escape. */
    private static String post(String createdAt, String text) {
        return "{\"created_at\":" + createdAt + ",\"text\":\"" + text + "\"}";
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Strings as UTF-8 and integers as single bytes, in order. */
    private static byte[] bytes(Object... parts) {
        var out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(utf8(text));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
