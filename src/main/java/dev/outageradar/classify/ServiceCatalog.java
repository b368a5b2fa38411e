package dev.outageradar.classify;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services outage-radar watches and the vocabulary they share, read from {@code config/services.yaml}
 * and validated as a whole, so a bad catalog stops the app at start-up with one line that says what to fix.
 * The file's own header documents every key. Compile it with {@link ComplaintMatcher#compile}.
 */
public final class ServiceCatalog {

    private final List<ServiceDefinition> services;
    private final Map<String, ServiceDefinition> byId;
    private final Vocabulary vocabulary;
    private final Map<String, Object> detectorDefaults;

    ServiceCatalog(Vocabulary vocabulary, Map<String, Object> detectorDefaults, List<ServiceDefinition> services) {
        this.vocabulary = vocabulary;
        this.detectorDefaults = DeepCopy.of(detectorDefaults);
        this.services = List.copyOf(services);
        Map<String, ServiceDefinition> index = new LinkedHashMap<>();
        services.forEach(service -> index.put(service.id(), service));
        this.byId = Map.copyOf(index);
    }

    /** Reads and validates a catalog file; a missing, unreadable or invalid file is a {@link CatalogException}. */
    public static ServiceCatalog load(Path file) {
        String origin = file.toString();
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CatalogException(origin + ": file not found", e);
        } catch (CharacterCodingException e) {
            throw new CatalogException(origin + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new CatalogException(origin + ": cannot read: " + e.getMessage(), e);
        }
        return parse(yaml, origin);
    }

    /** Validates catalog YAML; {@code origin} names it in error messages (usually the file's path). */
    public static ServiceCatalog parse(String yaml, String origin) {
        return new CatalogReader(origin).read(yaml);
    }

    /** All services, in catalog order. */
    public List<ServiceDefinition> services() {
        return services;
    }

    public Optional<ServiceDefinition> service(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Detector settings for every service, interpreted by the detector; empty when the file has none. */
    public Map<String, Object> detectorDefaults() {
        return detectorDefaults;
    }
}
