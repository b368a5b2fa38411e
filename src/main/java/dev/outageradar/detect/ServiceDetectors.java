package dev.outageradar.detect;

import java.util.Map;
import java.util.TreeMap;

/**
 * The detector of every service: one built from the global settings, and one per service whose catalog
 * entry overrides them. All share the seasonal model of normal, so their states are interchangeable.
 */
public final class ServiceDetectors {

    private final ServiceDetector<SeasonalBaseline.State> defaults;
    private final Map<String, ServiceDetector<SeasonalBaseline.State>> overridden = new TreeMap<>();

    public ServiceDetectors(DetectorSettings defaults, Map<String, DetectorSettings> perService) {
        this.defaults = ServiceDetector.seasonal(defaults);
        perService.forEach((service, settings) -> {
            if (!settings.equals(defaults)) {
                overridden.put(service, ServiceDetector.seasonal(settings));
            }
        });
    }

    public ServiceDetector<SeasonalBaseline.State> of(String service) {
        return overridden.getOrDefault(service, defaults);
    }
}
