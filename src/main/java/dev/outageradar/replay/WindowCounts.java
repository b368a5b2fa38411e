package dev.outageradar.replay;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Complaints per service and window, as a backtest counted them: what the detector sees of a feed, and
 * all it needs. Written once from a feed ({@code evaluate --write-counts}), a counts file replays through
 * the detector in seconds ({@link CountsBacktest}), where the feed takes minutes through the topology: the
 * way to try detector settings.
 *
 * <p>The file is tab-separated text with a header, one line per window that had complaints (or fell in an
 * incident): {@code service  window_start  complaints}, the start as an ISO-8601 instant. A window missing
 * from the file had none.
 */
public final class WindowCounts {

    static final String HEADER = "service\twindow_start\tcomplaints";

    /** Per service, window start (epoch millis) to complaints. */
    private final SortedMap<String, NavigableMap<Long, Long>> series;

    private WindowCounts(SortedMap<String, NavigableMap<Long, Long>> series) {
        this.series = series;
    }

    /** Per service, in order of id: window start (epoch millis) to complaints, in time order. */
    public SortedMap<String, NavigableMap<Long, Long>> series() {
        return Collections.unmodifiableSortedMap(series);
    }

    /** Start of the first window of any service, or null when there is none. */
    public Instant from() {
        return series.values().stream().map(NavigableMap::firstKey).min(Long::compare).map(Instant::ofEpochMilli)
                .orElse(null);
    }

    /** Start of the last window of any service, or null when there is none. */
    public Instant lastWindowStart() {
        return series.values().stream().map(NavigableMap::lastKey).max(Long::compare).map(Instant::ofEpochMilli)
                .orElse(null);
    }

    /** Reads a counts file; a line that is not {@code service, instant, count} stops with its number. */
    public static WindowCounts read(Path file) throws IOException {
        SortedMap<String, NavigableMap<Long, Long>> series = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw new IOException(file + ": not a counts file (first line must be '"
                        + HEADER.replace('\t', ' ') + "', tab-separated)");
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                try {
                    if (fields.length != 3 || fields[0].isEmpty()) {
                        throw new IllegalArgumentException("expected 3 tab-separated fields");
                    }
                    long complaints = Long.parseLong(fields[2]);
                    if (complaints < 0) {
                        throw new IllegalArgumentException("negative count");
                    }
                    series.computeIfAbsent(fields[0], s -> new TreeMap<>())
                            .merge(Instant.parse(fields[1]).toEpochMilli(), complaints, Long::sum);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new IOException(file + ":" + number + ": " + e.getMessage() + ": " + line);
                }
            }
        }
        return new WindowCounts(series);
    }

    /** Writes a counts file one window at a time, in whatever order the windows close. */
    public static final class Writer implements Closeable {

        private final BufferedWriter out;

        public Writer(Path file) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(HEADER);
            out.newLine();
        }

        public void add(String service, Instant windowStart, long complaints) {
            try {
                out.write(service + '\t' + windowStart + '\t' + complaints);
                out.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
