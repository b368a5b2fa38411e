package dev.outageradar.replay.plot;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.ServiceCount;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the picture remembers of one service while the backtest runs: totals, buckets and incidents. */
final class ServiceTrack {

    private final String service;
    private final SeriesBuckets buckets;
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private long complaints;
    private long peak;
    private Duration window = Duration.ZERO;

    ServiceTrack(String service, int capacity) {
        this.service = service;
        this.buckets = new SeriesBuckets(capacity);
    }

    void add(ServiceCount count) {
        buckets.add(count.windowStart(), count.windowEnd(), count.count(), count.expected(), count.threshold());
        complaints += count.count();
        peak = Math.max(peak, count.count());
        if (window.isZero()) {
            window = Duration.between(count.windowStart(), count.windowEnd());
        }
    }

    void add(AlertEvent alert) {
        incidents.merge(alert.incidentId(), Incident.opened(alert), (known, fresh) -> known.with(alert));
    }

    ServiceTotals totals() {
        return new ServiceTotals(service, incidents.size(), complaints);
    }

    ServicePlot plot(Instant dataEnd) {
        List<Incident> bands = incidents.values().stream().map(i -> i.endingBy(dataEnd)).toList();
        return new ServicePlot(service, complaints, peak, window, buckets.buckets(), bands);
    }
}
