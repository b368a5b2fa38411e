package dev.outageradar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory from {@code /proc/self/status} (Linux): VmHWM, the peak resident set
 * since start, and VmRSS, the resident set now; -1 where the file is missing (not Linux).
 */
public record ProcessMemory(long peakRssBytes, long rssBytes) {

    public static ProcessMemory now() {
        try {
            long peak = -1;
            long now = -1;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line) * 1024;
                } else if (line.startsWith("VmRSS:")) {
                    now = kilobytes(line) * 1024;
                }
            }
            return new ProcessMemory(peak, now);
        } catch (IOException | RuntimeException e) {
            return new ProcessMemory(-1, -1);
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
