package dev.outageradar.post;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Mastodon status as the REST API returns it. A reblog counts for the account that reblogged, at the time it
 * did, with the content it spread (the project's rule for reposts); the reblog's own {@code content} is empty.
 */
final class MastodonStatus {

    static final String SOURCE = "mastodon";

    private MastodonStatus() {
    }

    static Translation translate(JsonNode status) {
        JsonNode reblog = status.path("reblog");
        JsonNode shown = reblog.isObject() ? reblog : status;
        String html = Translation.string(shown, "content");
        String text = html == null ? null : MastodonHtml.text(html);
        if (Translation.blank(text)) {
            return new Translation.Refused(RejectReason.MISSING_TEXT, "Mastodon status has no text");
        }
        JsonNode createdAt = Translation.present(status, "created_at");
        if (createdAt == null) {
            return new Translation.Refused(RejectReason.MISSING_CREATED_AT, "Mastodon status has no created_at");
        }
        return Translation.Normalized.of(Translation.scalar(status, "id"), createdAt, text,
                Translation.string(status.path("account"), "acct"), Translation.string(shown, "language"), SOURCE);
    }
}
