package dev.outageradar.topology;

import java.util.List;

/** The application's external topics, as configured. */
public record Topics(String posts, String deadLetters, String alerts, String counts) {

    public static Topics defaults() {
        return new Topics(Names.DEFAULT_POSTS_TOPIC, Names.DEFAULT_DEAD_LETTER_TOPIC, Names.DEFAULT_ALERTS_TOPIC,
                Names.DEFAULT_COUNTS_TOPIC);
    }

    public List<String> all() {
        return List.of(posts, deadLetters, alerts, counts);
    }
}
