package dev.outageradar.replay.plot;

import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.ServiceCount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what a backtest publishes, one window and one alert at a time, for the picture drawn at the
 * end. Memory stays bounded on long feeds: each service keeps at most {@code bucketsPerService} buckets
 * (see {@link SeriesBuckets}), its totals and its incidents, never the windows themselves.
 */
public final class PlotData {

    /** About two buckets per pixel column of a panel: fine enough that re-binning to pixels loses nothing. */
    public static final int DEFAULT_BUCKETS = 2_000;

    private final int bucketsPerService;
    private final Map<String, ServiceTrack> services = new TreeMap<>();
    private Instant from;
    private Instant to;

    public PlotData() {
        this(DEFAULT_BUCKETS);
    }

    /** @param bucketsPerService even, so neighbouring buckets merge in pairs, and at least 2 */
    public PlotData(int bucketsPerService) {
        if (bucketsPerService < 2 || bucketsPerService % 2 != 0) {
            throw new IllegalArgumentException("buckets per service must be even and at least 2, got "
                    + bucketsPerService);
        }
        this.bucketsPerService = bucketsPerService;
    }

    public void addCount(ServiceCount count) {
        track(count.service()).add(count);
        extend(count.windowStart(), count.windowEnd());
    }

    public void addAlert(AlertEvent alert) {
        track(alert.service()).add(alert);
        extend(alert.openedAt(), alert.windowEnd());
    }

    /** The chosen services, or the top ones; an unknown service is a {@code ConfigException}. */
    public Plot plot(PlotSelection selection) {
        List<String> chosen = selection.choose(services.values().stream().map(ServiceTrack::totals).toList());
        List<ServicePlot> panels = chosen.stream().map(s -> services.get(s).plot(to)).toList();
        return new Plot(from, to, services.size(), panels);
    }

    private ServiceTrack track(String service) {
        return services.computeIfAbsent(service, s -> new ServiceTrack(s, bucketsPerService));
    }

    private void extend(Instant start, Instant end) {
        from = from == null || start.isBefore(from) ? start : from;
        to = to == null || end.isAfter(to) ? end : to;
    }
}
