package dev.outageradar.detect;

import java.util.List;
import java.util.Map;

/**
 * What the detector remembers about a service's open incident between windows.
 *
 * @param sequence     sequence number of the last event emitted for it
 * @param reportedPeak peak count carried by the last event, so growth is reported at a bounded rate
 * @param quietWindows consecutive near-normal windows so far
 * @param samples      sample posts from the window that opened it
 * @param topics       complaint topic counts over the incident
 */
public record OpenIncident(String id, long openedAt, double expectedAtOpen, int sequence, long peakCount,
                           long reportedPeak, Severity severity, int quietWindows, List<String> samples,
                           Map<String, Long> topics) {
}
