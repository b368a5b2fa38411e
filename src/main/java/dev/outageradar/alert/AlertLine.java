package dev.outageradar.alert;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One readable line per alert event, for a terminal. */
public final class AlertLine {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    private AlertLine() {
    }

    public static String format(AlertEvent e) {
        String line = String.format(Locale.ROOT, "%s  %-16s  %-20s %-8s  %,d complaints/window vs %.1f expected (x%.0f)  %s",
                TIME.format(e.detectedAt()), e.type(), e.service(), e.severity(), e.count(), e.expected(),
                e.ratio(), e.incidentId());
        return switch (e.type()) {
            case OUTAGE_RESOLVED -> line + String.format(Locale.ROOT, "  lasted %d min, peak %,d",
                    e.durationSeconds() / 60, e.peakCount());
            case OUTAGE_SUSPECTED -> line + (e.topTerms().isEmpty() ? "" : "  about: " + String.join(", ", e.topTerms()));
            default -> line;
        };
    }
}
