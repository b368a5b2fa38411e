package dev.outageradar.simulate;

/** What a complaint is about; an outage often hits one of these first, so its complaints lean that way. */
enum Topic {
    LOGIN, PLAYBACK, APP, WEBSITE, PAYMENT, CONNECTION
}
