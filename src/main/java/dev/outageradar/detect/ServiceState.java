package dev.outageradar.detect;

/**
 * Everything the detector keeps for one service: the learned baseline and noise, the last windows, the
 * open incident (or null) and the last window already judged, so that no window is judged twice and none
 * is skipped.
 *
 * @param learnedThrough start of the newest window learned, so none is learned twice
 * @param <S> the baseline model's state
 */
public record ServiceState<S>(String service, long lastClosedWindowStart, long learnedThrough, S baseline,
                              Dispersion dispersion, RecentWindows recent, OpenIncident incident) {

    /** Whether any window has been judged since the service was first seen (a resolved incident counts). */
    public boolean hasJudgedAnyWindow() {
        return recent.size() > 0 || learnedThrough != Long.MIN_VALUE || incident != null;
    }
}
