package dev.outageradar.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/**
 * The event schemas shipped in the jar, loaded from the classpath as a consumer would find them, with a
 * real draft 2020-12 validator. {@code format} is asserted, not only annotated (the 2020-12 default), so a
 * time that is not RFC 3339 fails.
 */
public enum EventSchemas {
    ALERT("outage-alert.v1.schema.json"),
    SERVICE_COUNT("service-count.v1.schema.json"),
    /** The current version, the one the code writes. */
    DEAD_LETTER("dead-letter.v2.schema.json"),
    DEAD_LETTER_V1("dead-letter.v1.schema.json");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final String file;
    private JsonSchema schema;

    EventSchemas(String file) {
        this.file = file;
    }

    public String location() {
        return "classpath:schemas/" + file;
    }

    /** Every violation as one readable line; empty when the event matches. */
    public List<String> violations(JsonNode event) {
        return schema().validate(event).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    public JsonNode schemaDocument() {
        return schema().getSchemaNode();
    }

    private synchronized JsonSchema schema() {
        if (schema == null) {
            schema = FACTORY.getSchema(SchemaLocation.of(location()), CONFIG);
        }
        return schema;
    }
}
