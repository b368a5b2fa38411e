package dev.outageradar.detect;

import java.util.List;
import java.util.Map;

/**
 * What was counted for one service in one closed window.
 *
 * @param samples a few complaint texts, kept so an alert can show what people say
 * @param topics  complaint topic (login, playback, ...) to number of complaints mentioning it
 */
public record WindowTally(String service, long windowStart, long windowEnd, long complaints, long recoveries,
                          List<String> samples, Map<String, Long> topics) {

    public static WindowTally empty(String service, long windowStart, long windowEnd) {
        return new WindowTally(service, windowStart, windowEnd, 0, 0, List.of(), Map.of());
    }
}
