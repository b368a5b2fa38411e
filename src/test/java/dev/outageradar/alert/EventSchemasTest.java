package dev.outageradar.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import dev.outageradar.post.RejectReason;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schemas themselves: valid draft 2020-12, strict enough to catch a broken event, and in step with the
 * enums and the schema version in the code. That emitted events match them is OutageTopologySchemaTest's.
 */
class EventSchemasTest {

    private static final Instant AT = Instant.parse("2024-09-30T14:01:00Z");

    @ParameterizedTest
    @EnumSource(EventSchemas.class)
    void everyShippedSchemaIsAValidDraft202012Schema(EventSchemas schema) {
        var metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(schema.schemaDocument())).isEmpty();
        assertThat(schema.schemaDocument().path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void anAlertAsTheCodeWritesItMatches() {
        assertThat(EventSchemas.ALERT.violations(alert())).isEmpty();
    }

    @Test
    void anAlertMissingAFieldIsRejected() {
        ObjectNode alert = alert();
        alert.remove("incident_id");

        assertThat(EventSchemas.ALERT.violations(alert)).singleElement().asString().contains("incident_id");
    }

    @Test
    void anAlertWithAnUnknownTypeOrSeverityIsRejected() {
        ObjectNode alert = alert();
        alert.put("type", "OUTAGE_MAYBE");
        alert.put("severity", "SEVERE");

        assertThat(EventSchemas.ALERT.violations(alert)).hasSize(2)
                .anySatisfy(message -> assertThat(message).contains("/type"))
                .anySatisfy(message -> assertThat(message).contains("/severity"));
    }

    @Test
    void anAlertWithALocalTimeOrAnExtraFieldOrAnotherVersionIsRejected() {
        ObjectNode alert = alert();
        alert.put("detected_at", "2024-09-30 14:01");
        alert.put("region", "eu");
        alert.put("schema_version", 2);

        assertThat(EventSchemas.ALERT.violations(alert)).hasSize(3)
                .anySatisfy(message -> assertThat(message).contains("/detected_at"))
                .anySatisfy(message -> assertThat(message).contains("region"))
                .anySatisfy(message -> assertThat(message).contains("/schema_version"));
    }

    @Test
    void aServiceCountOutsideAnIncidentHasANullIncidentIdAndMatches() {
        var count = new ServiceCount(ServiceCount.SCHEMA_VERSION, "spotify", AT.minusSeconds(60), AT, 3, 0, 2.5, 12,
                0.4, false, null);

        JsonNode json = JsonFormat.mapper().valueToTree(count);

        assertThat(json.get("incident_id").isNull()).isTrue();
        assertThat(EventSchemas.SERVICE_COUNT.violations(json)).isEmpty();
    }

    @Test
    void aServiceCountWithACountAsTextIsRejected() {
        ObjectNode count = JsonFormat.mapper().valueToTree(new ServiceCount(ServiceCount.SCHEMA_VERSION, "spotify",
                AT.minusSeconds(60), AT, 3, 0, 2.5, 12, 0.4, false, null));
        count.put("count", "3");

        assertThat(EventSchemas.SERVICE_COUNT.violations(count)).singleElement().asString().contains("/count");
    }

    @Test
    void deadLetterHeadersWithAnUnknownReasonOrAnUnlistedDlqHeaderAreRejected() {
        ObjectNode headers = deadLetterHeaders();
        headers.put("dlq.reason", "TOO_ANGRY");
        headers.put("dlq.retries", "3");

        assertThat(EventSchemas.DEAD_LETTER.violations(headers)).isNotEmpty()
                .anySatisfy(message -> assertThat(message).contains("dlq.reason"))
                .anySatisfy(message -> assertThat(message).contains("dlq.retries"));
    }

    @Test
    void deadLetterHeadersMayCarryTheOriginalRecordsOwnHeaders() {
        ObjectNode headers = deadLetterHeaders();
        headers.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertThat(EventSchemas.DEAD_LETTER.violations(headers)).isEmpty();
    }

    @Test
    void deadLetterHeadersWithoutTheirSourceAreRejected() {
        ObjectNode headers = deadLetterHeaders();
        headers.remove("dlq.source.offset");

        assertThat(EventSchemas.DEAD_LETTER.violations(headers)).singleElement().asString()
                .contains("dlq.source.offset");
    }

    @Test
    void theSchemasEnumsAndVersionsAreThoseOfTheCode() {
        assertThat(values(EventSchemas.ALERT, "type")).containsExactlyElementsOf(names(IncidentEventType.values()));
        assertThat(values(EventSchemas.ALERT, "severity")).containsExactlyElementsOf(names(Severity.values()));
        assertThat(values(EventSchemas.DEAD_LETTER, "dlq.reason")).containsExactlyElementsOf(names(RejectReason.values()));
        assertThat(property(EventSchemas.ALERT, "schema_version").get("const").asInt()).isEqualTo(AlertEvent.SCHEMA_VERSION);
        assertThat(property(EventSchemas.SERVICE_COUNT, "schema_version").get("const").asInt())
                .isEqualTo(ServiceCount.SCHEMA_VERSION);
    }

    private static ObjectNode alert() {
        var event = new AlertEvent(AlertEvent.SCHEMA_VERSION, IncidentEventType.OUTAGE_SUSPECTED,
                "spotify-20240930T1400Z", 1, "spotify", AT.minusSeconds(60), AT, 37, 0.742, 61.913, 49.865,
                Severity.MAJOR, AT.minusSeconds(60), 37, 60, AT, List.of("is spotify down??"), List.of("login"), 60,
                37, 0.742);
        return JsonFormat.mapper().valueToTree(event);
    }

    private static ObjectNode deadLetterHeaders() {
        return JsonFormat.mapper().createObjectNode()
                .put("dlq.reason", "NOT_JSON")
                .put("dlq.detail", "not JSON: Unrecognized token 'not'")
                .put("dlq.source.topic", "posts")
                .put("dlq.source.partition", "0")
                .put("dlq.source.offset", "41");
    }

    private static JsonNode property(EventSchemas schema, String name) {
        return schema.schemaDocument().get("properties").get(name);
    }

    private static List<String> values(EventSchemas schema, String name) {
        return JsonFormat.mapper().convertValue(property(schema, name).get("enum"),
                JsonFormat.mapper().getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }
}
