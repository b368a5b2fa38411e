package dev.outageradar.simulate;

import java.util.Locale;

/**
 * Fills a text template for one service. Placeholders: {@code {name}} the name as typed (lowercase most of
 * the time, the display name otherwise), {@code {tag}} the #NameDown hashtag, {@code {handle}} the support
 * handle, {@code {other}} a second service's lowercase name.
 */
final class Template {

    private Template() {
    }

    static String fill(String template, KnownService service, KnownService other, Rng rng) {
        String name = rng.chance(0.7) ? service.lowercaseName() : service.name();
        String text = template.replace("{name}", name)
                .replace("{tag}", service.downHashtag())
                .replace("{handle}", service.handle());
        return other == null ? text : text.replace("{other}", other.lowercaseName());
    }

    /** An angry post in capitals; a classifier must not depend on case. */
    static String shout(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
