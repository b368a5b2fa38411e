package dev.outageradar.simulate;

import java.time.ZoneOffset;
import java.util.List;

/**
 * Where most of a service's complaining audience lives: its clock drives the daily rhythm and its
 * countries fill the {@code country} field. A fixed offset instead of a time zone keeps the rhythm free of
 * daylight-saving jumps, which would only add noise to the labels.
 */
public enum Region {
    NORTH_AMERICA(ZoneOffset.ofHours(-5), List.of("US", "US", "US", "US", "US", "US", "US", "US", "CA", "MX")),
    EUROPE(ZoneOffset.ofHours(1), List.of("GB", "GB", "DE", "DE", "FR", "ES", "IT", "NL", "PL", "IE")),
    GLOBAL(ZoneOffset.UTC, List.of("US", "US", "US", "GB", "IN", "IN", "BR", "DE", "CA", "AU"));

    private final ZoneOffset offset;
    private final List<String> countries;

    Region(ZoneOffset offset, List<String> countries) {
        this.offset = offset;
        this.countries = countries;
    }

    public ZoneOffset offset() {
        return offset;
    }

    /** Countries repeat in the list to weight them: most of a North American audience is in the US. */
    String country(Rng rng) {
        return rng.pick(countries);
    }
}
