package dev.outageradar.alert.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outageradar.alert.AlertEvent;
import dev.outageradar.alert.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The exact body each kind of receiver gets for the opening and the resolution of an incident. */
class PayloadFormatTest {

    private static final Instant NOW = Instant.parse("2024-09-30T14:05:00Z");

    @Test
    void slackShowsServiceTypeFiguresAndEscapedSamplePosts() throws Exception {
        JsonNode body = render(new SlackPayload(), Events.suspected());

        assertThat(body).isEqualTo(parse("""
                {"text": ":red_circle: spotify: outage suspected (CRITICAL, 900 complaints vs 30.0 expected, spotify-20240930T1400Z)",
                 "blocks": [
                  {"type": "header", "text": {"type": "plain_text", "text": ":red_circle: spotify: outage suspected", "emoji": true}},
                  {"type": "section", "fields": [
                    {"type": "mrkdwn", "text": "*Severity*\\nCRITICAL"},
                    {"type": "mrkdwn", "text": "*Complaints*\\n900 vs 30.0 expected (x30)"},
                    {"type": "mrkdwn", "text": "*Opened at*\\n2024-09-30T14:00:00Z"},
                    {"type": "mrkdwn", "text": "*Incident*\\n`spotify-20240930T1400Z`"}]},
                  {"type": "section", "text": {"type": "mrkdwn",
                    "text": "*Sample posts*\\n> is spotify down?\\n> &lt;!channel&gt; spotify &amp; me"}}]}
                """));
    }

    @Test
    void slackMarksAResolutionWithACheckMark() throws Exception {
        JsonNode body = render(new SlackPayload(), Events.resolved());

        assertThat(body.get("text").asText()).startsWith(":white_check_mark: spotify: outage resolved (CRITICAL, 31 ");
        assertThat(body.at("/blocks/0/text/text").asText()).isEqualTo(":white_check_mark: spotify: outage resolved");
    }

    @Test
    void alertmanagerFiresWithAnEndFourResendIntervalsAhead() throws Exception {
        JsonNode body = render(new AlertmanagerPayload(Duration.ofSeconds(60)), Events.suspected());

        assertThat(body).isEqualTo(parse("""
                [{"labels": {"alertname": "OutageSuspected", "service": "spotify", "incident_id": "spotify-20240930T1400Z"},
                  "annotations": {"summary": "spotify outage suspected",
                    "description": "900 complaints in the window ending 2024-09-30T14:01:00Z against 30.0 expected (x30); peak 900.",
                    "severity": "critical", "event_type": "OUTAGE_SUSPECTED", "sequence": "1"},
                  "startsAt": "2024-09-30T14:00:00Z",
                  "endsAt": "2024-09-30T14:09:00Z"}]
                """));
    }

    @Test
    void alertmanagerResolvesWithTheSameLabelsEndingAtTheResolution() throws Exception {
        JsonNode firing = render(new AlertmanagerPayload(Duration.ofSeconds(60)), Events.suspected());
        JsonNode body = render(new AlertmanagerPayload(Duration.ofSeconds(60)), Events.resolved());

        assertThat(body.at("/0/labels")).isEqualTo(firing.at("/0/labels"));
        assertThat(body.at("/0/annotations/summary").asText()).isEqualTo("spotify outage resolved");
        assertThat(body.at("/0/startsAt").asText()).isEqualTo("2024-09-30T14:00:00Z");
        assertThat(body.at("/0/endsAt").asText()).isEqualTo("2024-09-30T14:30:00Z");
    }

    @Test
    void pagerDutyTriggersWithTheIncidentAsDedupKey() throws Exception {
        JsonNode body = render(new PagerDutyPayload("R0UTING"), Events.suspected());

        assertThat(body).isEqualTo(parse("""
                {"routing_key": "R0UTING", "event_action": "trigger", "dedup_key": "spotify-20240930T1400Z",
                 "payload": {"summary": "spotify outage suspected: 900 complaints vs 30.0 expected",
                   "source": "outage-radar", "severity": "critical", "timestamp": "2024-09-30T14:01:00Z",
                   "component": "spotify",
                   "custom_details": {"incident_id": "spotify-20240930T1400Z", "type": "OUTAGE_SUSPECTED",
                     "sequence": 1, "opened_at": "2024-09-30T14:00:00Z", "count": 900, "expected": 30.0,
                     "ratio": 30.0, "sample_posts": ["is spotify down?", "<!channel> spotify & me"],
                     "top_terms": ["login"]}}}
                """));
    }

    @Test
    void pagerDutyResolvesTheSameDedupKey() throws Exception {
        JsonNode body = render(new PagerDutyPayload("R0UTING"), Events.resolved());

        assertThat(body).isEqualTo(parse("""
                {"routing_key": "R0UTING", "event_action": "resolve", "dedup_key": "spotify-20240930T1400Z"}
                """));
    }

    @Test
    void genericSendsTheEventExactlyAsOnTheTopic() {
        String raw = Events.json(Events.suspected());

        assertThat(new GenericPayload().body(Events.suspected(), raw, NOW)).isSameAs(raw);
        assertThat(new GenericPayload().body(Events.resolved(), "{\"any\":1}", NOW)).isEqualTo("{\"any\":1}");
    }

    @Test
    void idempotencyKeyNamesIncidentTypeAndSequence() {
        assertThat(IdempotencyKey.of(Events.suspected())).isEqualTo("spotify-20240930T1400Z/OUTAGE_SUSPECTED/1");
        assertThat(IdempotencyKey.of(Events.resolved())).isEqualTo("spotify-20240930T1400Z/OUTAGE_RESOLVED/2");
    }

    private static JsonNode render(PayloadFormat format, AlertEvent event) throws Exception {
        return parse(format.body(event, Events.json(event), NOW));
    }

    private static JsonNode parse(String json) throws Exception {
        return JsonFormat.mapper().readTree(json);
    }
}
