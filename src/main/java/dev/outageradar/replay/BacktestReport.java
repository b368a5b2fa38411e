package dev.outageradar.replay;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.ServiceCount;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.evaluate.TextTable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per service, what a backtest saw: incidents opened, complaints counted, and the busiest window. Fed one
 * closed window and one alert at a time; keeps a few numbers per service, however long the feed.
 */
public final class BacktestReport {

    /** @param peakWindow start of the window with the most complaints, null before any */
    public record ServiceLine(String service, long incidents, long complaints, long peak, Instant peakWindow) {
    }

    private final Map<String, ServiceLine> lines = new TreeMap<>();

    public void count(ServiceCount count) {
        ServiceLine line = lines.getOrDefault(count.service(), new ServiceLine(count.service(), 0, 0, 0, null));
        boolean peak = count.count() > line.peak();
        lines.put(count.service(), new ServiceLine(line.service(), line.incidents(), line.complaints() + count.count(),
                peak ? count.count() : line.peak(), peak ? count.windowStart() : line.peakWindow()));
    }

    public void alert(AlertEvent alert) {
        if (alert.type() != IncidentEventType.OUTAGE_SUSPECTED) {
            return;
        }
        ServiceLine line = lines.getOrDefault(alert.service(), new ServiceLine(alert.service(), 0, 0, 0, null));
        lines.put(alert.service(), new ServiceLine(line.service(), line.incidents() + 1, line.complaints(), line.peak(),
                line.peakWindow()));
    }

    /** Services with incidents first, most incidents and complaints first. */
    public List<ServiceLine> services() {
        return lines.values().stream()
                .sorted(Comparator.comparingLong(ServiceLine::incidents).reversed()
                        .thenComparing(Comparator.comparingLong(ServiceLine::complaints).reversed())
                        .thenComparing(ServiceLine::service))
                .toList();
    }

    public String toText() {
        TextTable table = new TextTable("lrrrl").row("service", "incidents", "complaints", "peak", "peak window");
        for (ServiceLine line : services()) {
            table.row(line.service(), Long.toString(line.incidents()), String.format("%,d", line.complaints()),
                    String.format("%,d", line.peak()), line.peakWindow() == null ? "-" : line.peakWindow().toString());
        }
        return table.render();
    }
}
