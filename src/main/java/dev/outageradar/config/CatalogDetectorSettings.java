package dev.outageradar.config;

import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.classify.ServiceDefinition;
import dev.outageradar.detect.DetectorSettings;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the detector settings a catalog holds: {@code detector_defaults} on top of the global settings
 * for every service, then each service's own {@code detector:} entry on top of those.
 */
public final class CatalogDetectorSettings {

    private CatalogDetectorSettings() {
    }

    /** Settings of every service of the catalog, in catalog order. */
    public static Map<String, DetectorSettings> resolve(DetectorSettings global, ServiceCatalog catalog,
                                                        String origin) {
        DetectorSettings defaults = DetectorParameters.apply(global, values(catalog.detectorDefaults()),
                name -> origin + ": detector_defaults " + name, origin + ": detector_defaults");
        Map<String, DetectorSettings> perService = new LinkedHashMap<>();
        for (ServiceDefinition service : catalog.services()) {
            String where = origin + ": service " + service.id() + ": detector";
            perService.put(service.id(), DetectorParameters.apply(defaults, values(service.detector()),
                    name -> where + " " + name, where));
        }
        return perService;
    }

    private static Map<String, String> values(Map<String, Object> yaml) {
        Map<String, String> values = new TreeMap<>();
        yaml.forEach((key, value) -> values.put(DetectorParameters.normalize(key), text(value)));
        return values;
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
