package dev.outageradar.alert.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outageradar.alert.AlertEvent;
import java.time.Instant;
import java.util.Locale;

/**
 * A Slack incoming-webhook message: {@code text} for notifications and clients without blocks, and blocks
 * with a header (service and type), the figures as fields, and the sample posts. Sample posts are written
 * by strangers, so Slack's control characters in them are escaped: a post cannot ping a channel or forge
 * a link.
 */
public final class SlackPayload implements PayloadFormat {

    @Override
    public String body(AlertEvent e, String raw, Instant now) {
        String title = emoji(e) + " " + e.service() + ": " + label(e);
        ObjectNode message = Json.object();
        message.put("text", title + String.format(Locale.ROOT, " (%s, %,d complaints vs %.1f expected, %s)",
                e.severity(), e.count(), e.expected(), e.incidentId()));
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", title).put("emoji", true);
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        field(fields, "Severity", e.severity().toString());
        field(fields, "Complaints", String.format(Locale.ROOT, "%,d vs %.1f expected (x%.0f)",
                e.count(), e.expected(), e.ratio()));
        field(fields, "Opened at", e.openedAt().toString());
        field(fields, "Incident", "`" + escape(e.incidentId()) + "`");
        if (!e.samplePosts().isEmpty()) {
            StringBuilder posts = new StringBuilder("*Sample posts*");
            e.samplePosts().forEach(post -> posts.append("\n> ").append(escape(post.replace('\n', ' '))));
            blocks.addObject().put("type", "section")
                    .putObject("text").put("type", "mrkdwn").put("text", posts.toString());
        }
        return Json.write(message);
    }

    private static void field(ArrayNode fields, String name, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", "*" + name + "*\n" + value);
    }

    private static String label(AlertEvent e) {
        return switch (e.type()) {
            case OUTAGE_SUSPECTED -> "outage suspected";
            case OUTAGE_UPDATED -> "outage updated";
            case OUTAGE_RESOLVED -> "outage resolved";
        };
    }

    private static String emoji(AlertEvent e) {
        return switch (e.type()) {
            case OUTAGE_SUSPECTED -> ":red_circle:";
            case OUTAGE_UPDATED -> ":large_orange_circle:";
            case OUTAGE_RESOLVED -> ":white_check_mark:";
        };
    }

    /** Slack's documented escaping for message text: only these three characters. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
