package dev.outageradar.replay.plot;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words on the picture, shared by both renderers. */
final class Labels {

    static final String UNIT = "complaints per window";
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Labels() {
    }

    static String pageTitle(Plot plot) {
        return plot.from() == null ? "outage-radar backtest: no window was judged"
                : "outage-radar backtest, " + instant(plot.from()) + " to " + instant(plot.to()) + " UTC";
    }

    static String pageNote(Plot plot) {
        if (plot.panels().isEmpty()) {
            return "No service had a complaint in this feed.";
        }
        return plot.panels().size() + " of " + plot.services() + " services. Lines: the detector's expected count "
                + "and threshold, straight across windows without complaints. Shaded: incidents.";
    }

    /** What a reader needs to read the panel right: totals, and what a bar and the axis stand for. */
    static String panelStats(ServicePlot service, Duration perBar, boolean squareRoot) {
        List<String> parts = new ArrayList<>();
        int incidents = service.incidents().size();
        parts.add(incidents + (incidents == 1 ? " incident" : " incidents"));
        parts.add(count(service.complaints()) + " complaints");
        parts.add("peak " + count(service.peak()) + " in a " + duration(service.window()) + " window");
        // Below two windows a bar is, to the eye, a window.
        if (perBar.compareTo(service.window().multipliedBy(2)) >= 0) {
            parts.add("each bar: the busiest window of " + duration(perBar));
        }
        if (squareRoot) {
            parts.add("square-root count scale");
        }
        return String.join(" · ", parts);
    }

    static String incident(Incident incident) {
        return incident.id() + " · " + incident.severity() + " · " + instant(incident.start()) + " to "
                + instant(incident.end()) + " UTC (" + duration(Duration.between(incident.start(), incident.end()))
                + ") · peak " + count(incident.peakCount()) + " per window"
                + (incident.resolved() ? "" : " · not resolved by the end of the feed");
    }

    static String instant(Instant t) {
        return MINUTE.format(t);
    }

    /** Short enough for the count axis: 950, 9,500, 95k, 9.5M. */
    static String count(long n) {
        if (n < 10_000) {
            return String.format(Locale.ROOT, "%,d", n);
        }
        if (n < 1_000_000) {
            return trim(n / 1_000.0) + "k";
        }
        return trim(n / 1_000_000.0) + "M";
    }

    /** {@code 1 min}, {@code 2 h 8 min}, {@code 3 d}: the larger units that are not zero. */
    static String duration(Duration d) {
        if (d.toMinutes() == 0) {
            return d.toSeconds() + " s";
        }
        List<String> parts = new ArrayList<>();
        if (d.toDays() > 0) {
            parts.add(d.toDays() + " d");
        }
        if (d.toHoursPart() > 0) {
            parts.add(d.toHoursPart() + " h");
        }
        if (d.toMinutesPart() > 0 && d.toDays() == 0) {
            parts.add(d.toMinutesPart() + " min");
        }
        return String.join(" ", parts);
    }

    private static String trim(double v) {
        return v >= 100 ? String.valueOf(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
    }
}
