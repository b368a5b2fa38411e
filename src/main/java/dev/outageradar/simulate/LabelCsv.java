package dev.outageradar.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels file: one CSV row per episode, ordered by start, with a header
 * {@code service,start,end,kind,scenario,magnitude,related}. Times are ISO-8601 UTC, the end exclusive;
 * {@code kind} is {@code outage} (a detector should alert) or {@code decoy} (it should not). No field ever
 * needs quoting: ids, instants, scenario names, numbers and author ids carry no commas.
 */
public final class LabelCsv {

    public static final String HEADER = "service,start,end,kind,scenario,magnitude,related";

    private LabelCsv() {
    }

    public static void write(Path path, List<Episode> episodes) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (Episode e : episodes) {
                out.write(String.join(",", e.serviceId(), e.start().toString(), e.end().toString(), e.kind().label(),
                        e.scenario().label(), number(e.magnitude()), e.related() == null ? "" : e.related()));
                out.write('\n');
            }
        }
    }

    public static List<Episode> read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(path + ": not a labels file, expected the header " + HEADER);
        }
        List<Episode> episodes = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            episodes.add(parse(path, i + 1, lines.get(i)));
        }
        return episodes;
    }

    private static Episode parse(Path path, int lineNumber, String line) throws IOException {
        String[] f = line.split(",", -1);
        try {
            if (f.length != 7) {
                throw new IllegalArgumentException("expected 7 fields, got " + f.length);
            }
            Scenario scenario = Scenario.fromLabel(f[4]);
            if (!scenario.kind().label().equals(f[3])) {
                throw new IllegalArgumentException("scenario " + f[4] + " is a " + scenario.kind().label() + ", not " + f[3]);
            }
            return new Episode(f[0], Instant.parse(f[1]), Instant.parse(f[2]), scenario, Double.parseDouble(f[5]),
                    f[6].isEmpty() ? null : f[6]);
        } catch (RuntimeException e) {
            throw new IOException(path + " line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    /** Shortest exact form: 1.5, 2, 556.37. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
