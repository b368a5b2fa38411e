package dev.outageradar.replay.plot;

import java.time.Duration;
import java.util.List;

/**
 * Everything one panel shows of a service.
 *
 * @param window  the detector's window: the unit of "complaints per window"
 * @param buckets only stretches with at least one published window, in time order; the time between them
 *                had no complaints and no judgement on record
 */
public record ServicePlot(String service, long complaints, long peak, Duration window, List<Bucket> buckets,
                          List<Incident> incidents) {

    public ServicePlot {
        buckets = List.copyOf(buckets);
        incidents = List.copyOf(incidents);
    }
}
