package dev.outageradar.simulate;

import java.util.List;
import java.util.Map;

/**
 * What people write about a service when nothing is wrong: everyday mentions by category, and the bursts a
 * launch or a yearly event sets off. None carries a problem term, which is what makes a viral burst a fair
 * decoy: many posts name the service, none complains.
 */
final class MentionTexts {

    static final Map<Category, List<String>> EVERYDAY = Map.of(
            Category.MUSIC, List.of("listening to {name} while working", "new playlist on {name}",
                    "this {name} playlist is perfect", "{name} shuffle knows me too well",
                    "what are you all listening to on {name}?"),
            Category.VIDEO, List.of("watching {name} tonight", "anything good on {name}?",
                    "{name} recommendations please", "started a new series on {name}",
                    "{name} has the best documentaries"),
            Category.CHAT, List.of("join our {name} group", "sent you the link on {name}", "{name} call tonight?",
                    "talking to friends on {name}"),
            Category.SOCIAL, List.of("posted a new photo on {name}", "scrolling {name} again", "saw this on {name} lol",
                    "{name} has the best memes today"),
            Category.GAMES, List.of("playing on {name} tonight", "{name} sale this weekend", "add me on {name}",
                    "finally finished my game on {name}"),
            Category.DEV, List.of("just pushed my side project to {name}", "moving our stuff to {name}",
                    "{name} pricing thread", "reading the {name} docs"),
            Category.AI, List.of("asked {name} to plan my week", "{name} wrote my cover letter",
                    "{name} is great for brainstorming", "using {name} to learn spanish"),
            Category.MAIL, List.of("cleaning up my {name} inbox", "inbox zero on {name} finally", "switched to {name}",
                    "{name} filters are saving me"));

    static final List<String> ANY_SERVICE =
            List.of("I love {name}", "using {name} a lot lately", "{name} is great", "thoughts on {name}?");

    /** Real yearly events where a service has one; the generic launch chatter otherwise. */
    static final Map<String, List<String>> VIRAL_BY_SERVICE = Map.of(
            "spotify", List.of("Spotify Wrapped is out!", "my {name} wrapped is so embarrassing lol",
                    "{name} Wrapped time!!", "who else got their {name} wrapped already"),
            "netflix", List.of("the new season just dropped on {name}!", "everyone is watching the same {name} show",
                    "{name} finale tonight!!"),
            "steam", List.of("{name} summer sale is live!", "my wallet vs the {name} sale",
                    "what did you get in the {name} sale?"));

    static final List<String> VIRAL_ANY = List.of("{name} just announced something big",
            "everyone is talking about the new {name} update", "{name} is trending right now",
            "did you see the {name} announcement?");

    private MentionTexts() {
    }

    static String everyday(KnownService service, Rng rng) {
        List<String> templates = rng.chance(0.8) ? EVERYDAY.get(service.category()) : ANY_SERVICE;
        return Template.fill(rng.pick(templates), service, null, rng);
    }

    static String viral(KnownService service, Rng rng) {
        List<String> templates = VIRAL_BY_SERVICE.getOrDefault(service.id(), VIRAL_ANY);
        return Template.fill(rng.pick(templates), service, null, rng);
    }
}
