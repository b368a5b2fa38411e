package dev.outageradar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.detect.DetectorSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogDetectorSettingsTest {

    private static final DetectorSettings GLOBAL = DetectorSettings.defaults(Duration.ofMinutes(1));

    private static Map<String, DetectorSettings> resolve(String services) {
        String yaml = """
                vocabulary:
                  problems: [down]
                  recoveries: [back up]
                detector_defaults:
                  min_ratio: 2.5
                services:
                """ + services;
        return CatalogDetectorSettings.resolve(GLOBAL, ServiceCatalog.parse(yaml, "services.yaml"), "services.yaml");
    }

    @Test
    void aServiceOverridesTheCatalogDefaultsWhichOverrideTheGlobalSettings() {
        Map<String, DetectorSettings> settings = resolve("""
                  - id: spotify
                    name: Spotify
                    names: [spotify]
                    detector: {min_count: 20, scales: [5m, 1h], warmup: 0s}
                  - id: netflix
                    name: Netflix
                    names: [netflix]
                """);

        DetectorSettings spotify = settings.get("spotify");
        assertThat(spotify.minCount()).isEqualTo(20);
        assertThat(spotify.scales()).containsExactly(Duration.ofMinutes(5), Duration.ofHours(1));
        assertThat(spotify.warmup()).isZero();
        assertThat(spotify.minRatio()).isEqualTo(2.5);
        assertThat(spotify.minScore()).isEqualTo(GLOBAL.minScore());
        DetectorSettings netflix = settings.get("netflix");
        assertThat(netflix.minCount()).isEqualTo(GLOBAL.minCount());
        assertThat(netflix.minRatio()).isEqualTo(2.5);
        assertThat(settings.keySet()).containsExactly("spotify", "netflix");
    }

    @Test
    void aBadValueNamesTheFileTheServiceAndTheKey() {
        assertThatThrownBy(() -> resolve("""
                  - id: spotify
                    name: Spotify
                    names: [spotify]
                    detector: {min_count: lots}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("services.yaml: service spotify: detector min.count=\"lots\" is invalid: "
                        + "expected a whole number of at least 1");
    }

    @Test
    void anUnknownKeyIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> resolve("""
                  - id: spotify
                    name: Spotify
                    names: [spotify]
                    detector: {min_cuont: 5}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("services.yaml: service spotify: detector min.cuont is not a detector "
                        + "setting (known: " + String.join(", ", List.of(DetectorParameters.NAMES.get(0))));
    }

    @Test
    void settingsThatContradictEachOtherAreOneLine() {
        assertThatThrownBy(() -> resolve("""
                  - id: spotify
                    name: Spotify
                    names: [spotify]
                    detector: {scales: [90s]}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("services.yaml: service spotify: detector: every scale must be a positive multiple "
                        + "of the window size (PT1M30S)");
    }
}
