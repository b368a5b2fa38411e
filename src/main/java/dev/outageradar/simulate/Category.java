package dev.outageradar.simulate;

/** What a service is for; it decides what people say about it when nothing is wrong. */
public enum Category {
    MUSIC, VIDEO, CHAT, SOCIAL, GAMES, DEV, AI, MAIL
}
