package dev.outageradar.alert;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of everything outage-radar writes: snake_case fields, ISO-8601 UTC times.
 * Readers ignore unknown fields so a consumer keeps working when a later schema version adds one.
 */
public final class JsonFormat {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonFormat() {
    }

    /** Thread-safe once configured, as Jackson documents; shared to keep its caches warm. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
