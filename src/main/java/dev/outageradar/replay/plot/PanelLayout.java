package dev.outageradar.replay.plot;

import dev.outageradar.detect.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where everything of one service's panel goes, in pixels from the panel's top-left corner: the one
 * geometry both renderers draw, so the PNG and the HTML show the same picture.
 *
 * <p>The buckets are re-binned to pixel columns, each keeping its busiest bucket as a bucket keeps its
 * busiest window: a spike stays at least a pixel wide whatever the span, and no renderer has to draw more
 * shapes than there are columns.
 */
final class PanelLayout {

    static final int WIDTH = 1200;
    static final int HEIGHT = 280;
    static final int LEFT = 70;
    static final int RIGHT = 20;
    static final int TOP = 52;
    static final int BOTTOM = 44;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    /** The page title and its note, above the first panel. */
    static final int HEADER = 56;
    static final int TITLE_Y = 20;
    static final int LEGEND_Y = 40;
    static final int TICK_SPACING = 110;
    /** "UTC" ends here, left of the axis, clear of a tick label centred on its first pixel. */
    static final int UTC_RIGHT = LEFT - 26;
    static final int COUNT_TICK_SPACING = 20;
    /** A short incident is still drawn this wide, so it can be seen and hovered. */
    static final int MIN_BAND = 3;
    /** The approximate width of a character of the 12 px sans-serif labels, for placing the legend. */
    static final int CHAR_WIDTH = 7;

    enum Mark { BAR, LINE, DASHED, BAND }

    record LegendEntry(int x, Mark mark, int colour, String label) {
    }

    /** Columns {@code x0} (inclusive) to {@code x1} (exclusive) of one height, from {@code y} to the axis. */
    record Bar(int x0, int x1, double y, long count) {
    }

    record Point(double x, double y) {
    }

    record Band(int x0, int x1, Incident incident) {
    }

    record CountTick(double y, String label) {
    }

    static final List<LegendEntry> LEGEND = legend();

    private final ServicePlot service;
    private final TimeAxis axis;
    private final long[] counts = new long[PLOT_WIDTH];
    private final double[] expected = new double[PLOT_WIDTH];
    private final double[] thresholds = new double[PLOT_WIDTH];
    private final boolean[] known = new boolean[PLOT_WIDTH];
    private final CountScale scale;

    PanelLayout(ServicePlot service, TimeAxis axis) {
        this.service = service;
        this.axis = axis;
        service.buckets().forEach(this::bin);
        this.scale = CountScale.fitting(highest(), Arrays.stream(counts).max().orElse(0), typical());
    }

    static TimeAxis timeAxis(Plot plot) {
        return new TimeAxis(plot.from(), plot.to(), LEFT, PLOT_WIDTH);
    }

    static int pageHeight(int panels) {
        return HEADER + panels * HEIGHT;
    }

    ServicePlot service() {
        return service;
    }

    boolean squareRoot() {
        return scale.squareRoot();
    }

    String stats() {
        Duration bucket = service.buckets().isEmpty() ? service.window()
                : Duration.between(service.buckets().get(0).start(), service.buckets().get(0).end());
        Duration perBar = bucket.compareTo(axis.perPixel()) >= 0 ? bucket : axis.perPixel();
        return Labels.panelStats(service, perBar, scale.squareRoot());
    }

    double y(double value) {
        return TOP + PLOT_HEIGHT * (1 - scale.fraction(value));
    }

    List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        int c = 0;
        while (c < PLOT_WIDTH) {
            int end = c + 1;
            while (end < PLOT_WIDTH && counts[end] == counts[c]) {
                end++;
            }
            if (counts[c] > 0) {
                bars.add(new Bar(LEFT + c, LEFT + end, y(counts[c]), counts[c]));
            }
            c = end;
        }
        return bars;
    }

    List<Point> expectedLine() {
        return line(expected);
    }

    List<Point> thresholdLine() {
        return line(thresholds);
    }

    List<Band> bands() {
        List<Band> bands = new ArrayList<>();
        for (Incident incident : service.incidents()) {
            int x0 = clamp((int) Math.floor(axis.x(incident.start())));
            int x1 = clamp((int) Math.ceil(axis.x(incident.end())));
            if (x1 - x0 < MIN_BAND) {
                x1 = Math.min(LEFT + PLOT_WIDTH, x0 + MIN_BAND);
                x0 = x1 - MIN_BAND;
            }
            bands.add(new Band(x0, x1, incident));
        }
        return bands;
    }

    List<CountTick> countTicks() {
        return scale.ticks(PLOT_HEIGHT, COUNT_TICK_SPACING).stream()
                .map(v -> new CountTick(y(v), Labels.count(v))).toList();
    }

    List<TimeAxis.Tick> timeTicks() {
        return axis.ticks(TICK_SPACING);
    }

    /** A bucket fills every column it overlaps; a column keeps the busiest bucket that reaches it. */
    private void bin(Bucket bucket) {
        int first = column((int) Math.floor(axis.x(bucket.start()) - LEFT));
        int last = Math.max(first, column((int) Math.ceil(axis.x(bucket.end()) - LEFT) - 1));
        for (int c = first; c <= last; c++) {
            if (!known[c] || bucket.count() > counts[c]) {
                known[c] = true;
                counts[c] = bucket.count();
                expected[c] = bucket.expected();
                thresholds[c] = bucket.threshold();
            }
        }
    }

    /** Through the columns on record: straight across the others, which had no complaints to publish. */
    private List<Point> line(double[] values) {
        List<Point> all = new ArrayList<>();
        for (int c = 0; c < PLOT_WIDTH; c++) {
            if (known[c]) {
                all.add(new Point(LEFT + c + 0.5, y(values[c])));
            }
        }
        List<Point> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean flat = i > 0 && i < all.size() - 1
                    && all.get(i - 1).y() == all.get(i).y() && all.get(i + 1).y() == all.get(i).y();
            if (!flat) {
                kept.add(all.get(i));
            }
        }
        return kept;
    }

    private double highest() {
        double highest = 0;
        for (int c = 0; c < PLOT_WIDTH; c++) {
            if (known[c]) {
                highest = Math.max(highest, Math.max(counts[c], Math.max(expected[c], thresholds[c])));
            }
        }
        return highest;
    }

    /** The normal level: the median expected count over the columns on record. */
    private double typical() {
        double[] values = new double[PLOT_WIDTH];
        int n = 0;
        for (int c = 0; c < PLOT_WIDTH; c++) {
            if (known[c]) {
                values[n++] = expected[c];
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(values, 0, n);
        return values[n / 2];
    }

    private static int column(int c) {
        return Math.min(PLOT_WIDTH - 1, Math.max(0, c));
    }

    private static int clamp(int x) {
        return Math.min(LEFT + PLOT_WIDTH, Math.max(LEFT, x));
    }

    private static List<LegendEntry> legend() {
        List<LegendEntry> entries = new ArrayList<>();
        append(entries, Mark.BAR, Palette.COMPLAINTS, Labels.UNIT);
        append(entries, Mark.LINE, Palette.EXPECTED, "expected");
        append(entries, Mark.DASHED, Palette.THRESHOLD, "threshold");
        for (Severity severity : Severity.values()) {
            append(entries, Mark.BAND, Palette.band(severity), severity.name().toLowerCase(Locale.ROOT) + " incident");
        }
        return List.copyOf(entries);
    }

    private static void append(List<LegendEntry> entries, Mark mark, int colour, String label) {
        LegendEntry previous = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        int x = previous == null ? LEFT : previous.x() + legendWidth(previous.label());
        entries.add(new LegendEntry(x, mark, colour, label));
    }

    /** A 20 px mark, a gap, the label and room before the next entry. */
    private static int legendWidth(String label) {
        return 20 + 6 + label.length() * CHAR_WIDTH + 18;
    }
}
