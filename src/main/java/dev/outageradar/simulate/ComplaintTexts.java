package dev.outageradar.simulate;

import java.util.List;
import java.util.Map;

/**
 * What people write when a service fails them, and when it does not. Every complaint names the service
 * (lowercase name, #NameDown or the support handle) next to a problem term from {@link #PROBLEM_TERMS};
 * every negated or recovery post carries a phrase from {@link #RECOVERY_PHRASES}. The classifier is written
 * against these two lists, and the tests hold each template to them.
 */
final class ComplaintTexts {

    static final List<String> PROBLEM_TERMS =
            List.of("down", "not working", "won't load", "can't log in", "outage", "crashing", "error");

    static final List<String> RECOVERY_PHRASES = List.of("works for me", "not down", "back up");

    static final List<String> GENERAL = List.of(
            "is {name} down??",
            "is {name} down for anyone else?",
            "{tag} anyone else?",
            "{name} not working for me",
            "{name} is down again",
            "{name} down?",
            "is it just me or is {name} down",
            "{name} outage right now?",
            "{handle} is {name} down? nothing works",
            "{name} keeps giving me an error");

    static final Map<Topic, List<String>> BY_TOPIC = Map.of(
            Topic.LOGIN, List.of("{handle} can't log in", "can't log in to {name}",
                    "{name} won't let me log in, error every time", "{name} login error again",
                    "can't log in to {name} {tag}"),
            Topic.PLAYBACK, List.of("{name} won't load", "{name} won't load anything",
                    "{name} stuck loading, not working", "{name} won't load anything {tag}"),
            Topic.APP, List.of("{name}'s app keeps crashing", "{name} app crashing every time I open it",
                    "{name} app not working", "{handle} the app keeps crashing"),
            Topic.WEBSITE, List.of("{name} website won't load", "the {name} website is down",
                    "{name} site not working for me"),
            Topic.PAYMENT, List.of("{handle} payment error, can't renew", "{name} payment not working",
                    "{name} says payment error on my card"),
            Topic.CONNECTION, List.of("{name} keeps saying connection error", "{name} connection error, is it down?",
                    "{name} servers down?", "{handle} connection error all day"));

    static final List<String> NEGATED = List.of(
            "is {name} down? no, works for me",
            "{name} is not down for me",
            "{name} not down here, works for me",
            "{name} works for me, must be your wifi",
            "is {name} down? not down for me",
            "{name} seems fine, works for me");

    static final List<String> RECOVERY = List.of(
            "{name} is back up",
            "{name} back up, finally",
            "ok {name} is back up {tag}",
            "{name} works for me now");

    /** {@code {name}} is the service that is down, {@code {other}} the competitor that is not. */
    static final List<String> COMPETITOR = List.of(
            "{name} down, is {other} down too?",
            "is {other} down too or just {name}?",
            "{name} is down so I'm on {other} for now",
            "{name} not working, switching to {other}",
            "{tag} guess I'm using {other} today");

    private static final List<String> ENDINGS =
            List.of("", "", "", "", " ugh", " 😩", " again", " smh", " pls fix", " rn", "!!");

    private ComplaintTexts() {
    }

    /** A complaint, about {@code topic} half of the time when one is given. */
    static String complaint(KnownService service, Topic topic, Rng rng) {
        String template;
        if (topic != null && rng.chance(0.5)) {
            template = rng.pick(BY_TOPIC.get(topic));
        } else if (rng.chance(0.45)) {
            template = rng.pick(GENERAL);
        } else {
            template = rng.pick(BY_TOPIC.get(Topic.values()[rng.nextInt(Topic.values().length)]));
        }
        String text = Template.fill(template, service, null, rng) + rng.pick(ENDINGS);
        return rng.chance(0.03) ? Template.shout(text) : text;
    }

    static String negated(KnownService service, Rng rng) {
        return Template.fill(rng.pick(NEGATED), service, null, rng);
    }

    static String recovery(KnownService service, Rng rng) {
        return Template.fill(rng.pick(RECOVERY), service, null, rng);
    }

    static String competitor(KnownService down, KnownService other, Rng rng) {
        return Template.fill(rng.pick(COMPETITOR), down, other, rng);
    }
}
