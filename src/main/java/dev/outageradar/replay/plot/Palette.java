package dev.outageradar.replay.plot;

import dev.outageradar.detect.Severity;
import java.awt.Color;

/**
 * The colours of both renderers, so the PNG and the HTML are the same picture. Incidents are shaded by
 * severity, pale to dark, and drawn opaque under everything else so the data stays on top.
 */
final class Palette {

    static final int BACKGROUND = 0xFFFFFF;
    static final int GRID = 0xE6E6E6;
    static final int AXIS = 0x8C8C8C;
    static final int TEXT = 0x222222;
    static final int MUTED = 0x666666;
    static final int COMPLAINTS = 0x7EA6D6;
    static final int EXPECTED = 0x2E8540;
    static final int THRESHOLD = 0xE15759;

    private Palette() {
    }

    static int band(Severity severity) {
        return switch (severity) {
            case MINOR -> 0xFFF0C2;
            case MAJOR -> 0xFDD9A8;
            case CRITICAL -> 0xF8BFC0;
        };
    }

    static String hex(int rgb) {
        return String.format("#%06x", rgb);
    }

    static Color awt(int rgb) {
        return new Color(rgb);
    }
}
