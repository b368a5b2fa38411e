package dev.outageradar.replay.plot;

import java.time.Instant;
import java.util.List;

/**
 * The picture's content, ready for a renderer: the panels share one time span, from the first window of
 * the backtest to the last, so incidents of different services line up.
 *
 * @param from     start of the first window or incident of any service, null when the feed had none
 * @param services how many services the backtest saw, shown or not
 */
public record Plot(Instant from, Instant to, int services, List<ServicePlot> panels) {

    public Plot {
        panels = List.copyOf(panels);
    }
}
