package dev.outageradar.replay.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The count axis of one panel: linear while the normal level is readable on it, square root when an
 * outage towers over it.
 *
 * <p>Why square root: when a spike is 100x the normal level, a linear axis squashes the normal day into
 * the bottom 1% of the panel, so the reader cannot see what the spike is compared to. A log axis would
 * lift the normal level but flatten the outage itself (a 100x spike becomes two gridlines' worth of
 * step) and has no place for the zero-complaint windows that make up a quiet night. A square-root axis
 * keeps zero at the bottom and bigger visibly bigger, so the outage still dominates at a glance, while a
 * level 100x below the peak sits at a tenth of the height instead of a hundredth. Tick labels stay in
 * real counts, and the caption says which scale is in use.
 */
final class CountScale {

    /** Past this peak-to-normal ratio the normal level would sit below a tenth of a linear axis. */
    static final double SQUARE_ROOT_FROM_RATIO = 10;
    private static final double HEADROOM = 1.05;

    private final boolean squareRoot;
    private final double top;
    /** Between linear ticks; 0 on a square-root axis. */
    private final long step;

    private CountScale(boolean squareRoot, double top, long step) {
        this.squareRoot = squareRoot;
        this.top = top;
        this.step = step;
    }

    /**
     * @param highest the highest value drawn: count, expected or threshold
     * @param peak    the highest count
     * @param typical the normal level, e.g. the median expected count
     */
    static CountScale fitting(double highest, double peak, double typical) {
        double top = Math.max(1, highest * HEADROOM);
        if (peak > SQUARE_ROOT_FROM_RATIO * Math.max(typical, 1)) {
            return new CountScale(true, top, 0);
        }
        long step = niceStep(top / 6);
        return new CountScale(false, Math.ceil(top / step) * step, step);
    }

    boolean squareRoot() {
        return squareRoot;
    }

    /** Where a value sits, from 0 at the bottom of the axis to 1 at its top. */
    double fraction(double value) {
        double f = squareRoot ? Math.sqrt(Math.max(0, value) / top) : value / top;
        return Math.min(1, Math.max(0, f));
    }

    /** Round counts to label, at least {@code minSpacing} pixels apart on an axis {@code height} tall. */
    List<Long> ticks(double height, double minSpacing) {
        if (!squareRoot) {
            List<Long> ticks = new ArrayList<>();
            for (long v = 0; v <= top; v += step) {
                ticks.add(v);
            }
            return ticks;
        }
        // Round numbers 1, 2, 5, 10, 20, ... crowd together near zero on a square-root axis: keep those
        // far enough from the one above, from the top down.
        List<Long> candidates = new ArrayList<>();
        for (long decade = 1; decade <= top; decade *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * decade <= top) {
                    candidates.add(m * decade);
                }
            }
        }
        List<Long> ticks = new ArrayList<>();
        double lastY = Double.MAX_VALUE;
        for (int i = candidates.size() - 1; i >= 0; i--) {
            double y = fraction(candidates.get(i)) * height;
            if (lastY - y >= minSpacing && y >= minSpacing) {
                ticks.add(0, candidates.get(i));
                lastY = y;
            }
        }
        ticks.add(0, 0L);
        return ticks;
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code rough}; whole counts only. */
    private static long niceStep(double rough) {
        for (long decade = 1; ; decade *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * decade >= rough) {
                    return m * decade;
                }
            }
        }
    }
}
