package dev.outageradar.simulate;

import static dev.outageradar.simulate.Category.*;
import static dev.outageradar.simulate.Region.*;

import java.util.List;
import java.util.Optional;

/**
 * The built-in list of services a feed can be generated for. The order matters: {@code --services N} takes
 * the first N, so the list starts with a spread of sizes (20 a minute down to 5 a day) and with competitor
 * pairs (Spotify and Apple Music) that the competitor-mention decoy needs.
 */
public final class KnownServices {

    private static final double PER_MINUTE = 24 * 60;

    private static final List<KnownService> ALL = List.of(
            new KnownService("spotify", "Spotify", "@SpotifyCares", MUSIC, NORTH_AMERICA, List.of("apple-music"), 20 * PER_MINUTE),
            new KnownService("apple-music", "Apple Music", "@AppleSupport", MUSIC, NORTH_AMERICA, List.of("spotify"), 50),
            new KnownService("netflix", "Netflix", "@NetflixHelps", VIDEO, NORTH_AMERICA, List.of("prime-video"), PER_MINUTE),
            new KnownService("youtube", "YouTube", "@TeamYouTube", VIDEO, GLOBAL, List.of("twitch"), 5 * PER_MINUTE),
            new KnownService("discord", "Discord", "@discord", CHAT, NORTH_AMERICA, List.of("slack"), PER_MINUTE),
            new KnownService("whatsapp", "WhatsApp", "@WhatsApp", CHAT, EUROPE, List.of("telegram"), 2 * PER_MINUTE),
            new KnownService("github", "GitHub", "@githubstatus", DEV, NORTH_AMERICA, List.of("gitlab"), 50),
            new KnownService("chatgpt", "ChatGPT", "@OpenAI", AI, NORTH_AMERICA, List.of(), PER_MINUTE),
            new KnownService("steam", "Steam", "@Steam", GAMES, NORTH_AMERICA, List.of(), 200),
            new KnownService("playstation-network", "PlayStation Network", "@AskPlayStation", GAMES, NORTH_AMERICA,
                    List.of("xbox-live"), 720),
            new KnownService("xbox-live", "Xbox Live", "@XboxSupport", GAMES, NORTH_AMERICA,
                    List.of("playstation-network"), 50),
            new KnownService("cloudflare", "Cloudflare", "@Cloudflare", DEV, GLOBAL, List.of("aws"), 5),
            new KnownService("instagram", "Instagram", "@instagram", SOCIAL, NORTH_AMERICA, List.of("tiktok"), 2 * PER_MINUTE),
            new KnownService("gmail", "Gmail", "@gmail", MAIL, NORTH_AMERICA, List.of("outlook"), 200),
            new KnownService("slack", "Slack", "@SlackHQ", CHAT, NORTH_AMERICA, List.of("discord"), 50),
            new KnownService("twitch", "Twitch", "@TwitchSupport", VIDEO, NORTH_AMERICA, List.of("youtube"), 200),
            new KnownService("reddit", "Reddit", "@Reddit", SOCIAL, NORTH_AMERICA, List.of(), 720),
            new KnownService("aws", "AWS", "@AWSSupport", DEV, NORTH_AMERICA, List.of("cloudflare"), 5),
            new KnownService("prime-video", "Prime Video", "@PrimeVideo", VIDEO, NORTH_AMERICA, List.of("netflix"), 200),
            new KnownService("telegram", "Telegram", "@telegram", CHAT, EUROPE, List.of("whatsapp"), 200),
            new KnownService("tiktok", "TikTok", "@TikTokSupport", SOCIAL, NORTH_AMERICA, List.of("instagram"), 720),
            new KnownService("gitlab", "GitLab", "@gitlabstatus", DEV, GLOBAL, List.of("github"), 5),
            new KnownService("outlook", "Outlook", "@Outlook", MAIL, NORTH_AMERICA, List.of("gmail"), 50),
            new KnownService("fortnite", "Fortnite", "@FortniteStatus", GAMES, NORTH_AMERICA, List.of(), 200),
            new KnownService("roblox", "Roblox", "@Roblox", GAMES, NORTH_AMERICA, List.of(), PER_MINUTE));

    private KnownServices() {
    }

    public static List<KnownService> all() {
        return ALL;
    }

    public static Optional<KnownService> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    static KnownService require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown service: " + id));
    }
}
