package dev.outageradar.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A large feed written fast, for measuring throughput and memory rather than detection: normalized posts
 * about the given service names, evenly spaced in event time (ten a second unless told otherwise), most of
 * them complaints, from a million authors, one line in ten thousand malformed. Deterministic for a seed.
 */
public final class SyntheticFeed {

    private static final String[] TEMPLATES = {
        "is %s down?? #%sDown", "%s not working for me", "can't log in to %s again", "%s app keeps crashing",
        "anyone else having issues with %s?", "watching something on %s tonight", "%s is back up, finally",
        "%s is not down for me, works fine", "the %s website is down!!", "@%s help, payment failed"};
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");
    private static final int AUTHORS = 1_000_000;

    private SyntheticFeed() {
    }

    public static void write(Path file, long posts, List<String> serviceNames, long seed) throws IOException {
        write(file, posts, serviceNames, seed, Duration.ofMillis(100));
    }

    /** @param spacing event time between two posts (at least a millisecond) */
    public static void write(Path file, long posts, List<String> serviceNames, long seed, Duration spacing)
            throws IOException {
        long spacingMs = Math.max(1, spacing.toMillis());
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            for (long i = 0; i < posts; i++) {
                if (i % 10_000 == 9_999) {
                    out.write("{\"created_at\": \"not a time\", \"text\": \"broken on purpose\"}\n");
                    continue;
                }
                String text = text(random, serviceNames);
                Instant at = START.plusMillis(i * spacingMs);
                out.write("{\"id\":\"" + i + "\",\"created_at\":\"" + at + "\",\"text\":\"" + text
                        + "\",\"author\":\"u" + random.nextInt(AUTHORS) + "\",\"lang\":\"en\",\"source\":\"twitter\"}\n");
            }
        }
    }

    /** One post's text about a service drawn from the names: a complaint, a recovery or a mere mention. */
    static String text(SplittableRandom random, List<String> serviceNames) {
        String name = serviceNames.get(random.nextInt(serviceNames.size()));
        return String.format(TEMPLATES[random.nextInt(TEMPLATES.length)], name, name.replace(" ", ""));
    }
}
