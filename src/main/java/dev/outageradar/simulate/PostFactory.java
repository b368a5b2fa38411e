package dev.outageradar.simulate;

import java.time.Instant;

/**
 * Writes one post of a flow: its text, author, network and country. Retweets ("RT @u123: ...") and quotes
 * (a text with a link) carry their own author, so a burst of them still counts many people.
 */
final class PostFactory {

    private static final String LINK_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Rng rng;

    PostFactory(Rng rng) {
        this.rng = rng;
    }

    Draft draft(RateModel.Rate rate, Instant at) {
        KnownService about = rate.about().service();
        boolean bot = rate.flow() == Flow.SINGLE_ACCOUNT;
        String source = bot ? "twitter" : source();
        String text = decorate(text(rate, about), rate.flow(), source);
        String author = bot ? rate.episode().related() : Authors.draw(rng);
        return new Draft(at, text, author, source, about.region().country(rng), about.id(), rate.flow().kind());
    }

    private String text(RateModel.Rate rate, KnownService about) {
        return switch (rate.flow()) {
            case COMPLAINT, SINGLE_ACCOUNT -> ComplaintTexts.complaint(about, null, rng);
            case OUTAGE_COMPLAINT -> ComplaintTexts.complaint(about, topicOf(rate.episode()), rng);
            case COMPETITOR -> ComplaintTexts.competitor(about, KnownServices.require(rate.episode().serviceId()), rng);
            case MENTION -> MentionTexts.everyday(about, rng);
            case VIRAL -> MentionTexts.viral(about, rng);
            case NEGATED -> ComplaintTexts.negated(about, rng);
            case RECOVERY -> ComplaintTexts.recovery(about, rng);
        };
    }

    /** An outage hits one thing first (log-in, payments...); fixed per outage without a field in the label. */
    private static Topic topicOf(Episode outage) {
        return Topic.values()[Math.floorMod(outage.start().getEpochSecond() / 60, Topic.values().length)];
    }

    private String decorate(String text, Flow flow, String source) {
        boolean original = flow == Flow.SINGLE_ACCOUNT || flow == Flow.RECOVERY || flow == Flow.NEGATED;
        if (original) {
            return text;
        }
        double retweets = flow.kind() == PostKind.COMPLAINT ? 0.10 : 0.05;
        if (source.equals("twitter") && rng.chance(retweets)) {
            return "RT @" + Authors.draw(rng) + ": " + text;
        }
        if (rng.chance(0.04)) {
            return text + " https://t.co/" + linkCode();
        }
        return text;
    }

    private String source() {
        double u = rng.nextDouble();
        return u < 0.75 ? "twitter" : u < 0.90 ? "bluesky" : "mastodon";
    }

    private String linkCode() {
        StringBuilder code = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            code.append(LINK_CHARS.charAt(rng.nextInt(LINK_CHARS.length())));
        }
        return code.toString();
    }
}
