package dev.outageradar.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalog the app ships with: it loads, covers the services people complain about, and reads real posts. */
class ShippedCatalogTest {

    private static final ServiceCatalog CATALOG = ServiceCatalog.load(Path.of("config/services.yaml"));
    private static final ComplaintMatcher MATCHER = ComplaintMatcher.compile(CATALOG);

    @Test
    void coversAtLeastTwentyFiveServicesInEveryCategoryPeopleComplainAbout() {
        Map<String, List<String>> categories = Map.of(
                "streaming", List.of("spotify", "apple-music", "youtube", "netflix", "disney-plus", "twitch"),
                "messaging", List.of("whatsapp", "discord", "slack", "telegram", "signal"),
                "social", List.of("instagram", "facebook", "x", "tiktok", "reddit"),
                "games", List.of("playstation-network", "xbox-live", "steam", "fortnite", "roblox"),
                "cloud", List.of("aws", "azure", "google-cloud", "cloudflare"),
                "developer tools", List.of("github", "gitlab"),
                "mail", List.of("gmail", "outlook"),
                "ai assistants", List.of("chatgpt", "claude", "gemini"));

        assertThat(CATALOG.services()).hasSizeGreaterThanOrEqualTo(25);
        categories.forEach((category, ids) -> assertThat(ids).as(category)
                .allSatisfy(id -> assertThat(CATALOG.service(id)).as(id).isPresent()));
    }

    @Test
    void knowsTheSupportAndStatusAccountsOfTheBigServices() {
        assertThat(CATALOG.service("spotify").orElseThrow().handles()).contains("SpotifyCares", "SpotifyStatus");
        assertThat(CATALOG.service("netflix").orElseThrow().handles()).contains("NetflixHelps");
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            @SpotifyCares the app won't load on android   | spotify
            @NetflixHelps the app won't load              | netflix
            is youtube down or is it just me              | youtube
            "#DisneyPlusDown again"                       | disney-plus
            disney+ keeps crashing                        | disney-plus
            whatsapp not sending messages, outage?        | whatsapp
            slack is down                                 | slack
            signal app not working                        | signal
            microsoft teams is down again                 | microsoft-teams
            twitter is down                               | x
            x.com won't load                              | x
            @Support can't log in                         | x
            steam servers are down                        | steam
            PSN down?? can't sign in                      | playstation-network
            aws us-east-1 outage                          | aws
            cloudflare 502 bad gateway everywhere         | cloudflare
            github actions are down                       | github
            outlook.com not loading                       | outlook
            chatgpt is down                               | chatgpt
            claude.ai is down                             | claude
            google gemini not working                     | gemini
            aws outage took down slack and reddit         | slack,reddit,aws
            """)
    void realComplaintsAreFound(String post, String services) {
        assertThat(MATCHER.classify(post).complaints()).isEqualTo(Arrays.asList(services.split(",")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            my outlook on life is not working
            the steam from my coffee went down my shirt
            cut me some slack, my wifi is down
            no signal here, network down again
            my teams are down 2-0 at half time
            claude is down bad for this girl
            gemini season got me down
            x marks the spot, not working
            my eye twitch is not going down
            azure sky, calm sea, nothing down
            "#XCOM servers down again"
            zoom in, the numbers are down
            spotify wrapped is down bad
            netflix and chill? i'm down
            the upside down on netflix is so creepy
            """)
    void commonWordsThatAreAlsoServiceNamesDoNotMakeComplaints(String post) {
        assertThat(MATCHER.classify(post)).isSameAs(Classification.NONE);
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            spotify down, is apple music down too?                   | spotify
            is apple music down too or just spotify?                 | spotify
            "#SpotifyDown is apple music also down??"                | spotify
            @SpotifyCares not loading. is youtube also down?         | spotify
            is netflix down as well? disney+ keeps crashing          | disney-plus
            slack is down. is discord down aswell?                   | slack
            """)
    void aRivalOnlyAskedAboutByComparisonIsNotAComplaint(String post, String services) {
        assertThat(MATCHER.classify(post).complaints()).isEqualTo(Arrays.asList(services.split(",")));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            is apple music down too?                                 | apple-music
            spotify and apple music are both down                    | spotify,apple-music
            spotify down. apple music down too. great day            | spotify,apple-music
            spotify down, is apple music down or just me?            | spotify,apple-music
            spotify down, is apple music down or just my wifi?       | spotify,apple-music
            apple music not working, is spotify down for you too?    | spotify,apple-music
            is spotify down for anyone else too? apple music is      | spotify,apple-music
            spotify down and also apple music?                       | spotify,apple-music
            """)
    void aRivalReportedOrAskedAboutAloneOrNextToAPersonIsStillAComplaint(String post, String services) {
        assertThat(MATCHER.classify(post).complaints()).isEqualTo(Arrays.asList(services.split(",")));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Spotify not working, switching to apple music            | spotify
            spotify is down so I'm on apple music for now            | spotify
            youtube keeps buffering so im watching twitch instead    | youtube
            "#SpotifyDown guess I'm using apple music today"         | spotify
            went to apple music cause spotify keeps crashing         | spotify
            spotify and apple music are both down                    | spotify,apple-music
            spotify down, apple music down too                       | spotify,apple-music
            spotify is down and so is apple music                    | spotify,apple-music
            "down since morning: spotify, apple music"               | spotify,apple-music
            """)
    void aRivalNamedOnlyInAClauseWithoutAProblemIsNotAComplaint(String post, String services) {
        assertThat(MATCHER.classify(post).complaints()).isEqualTo(Arrays.asList(services.split(",")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            spotify is not down for me
            is spotify down? no, works for me
            spotify is back up
            spotify isn’t down, it's your wifi
            spotify working again
            """)
    void recoveriesAreNotComplaints(String post) {
        assertThat(MATCHER.classify(post))
                .isEqualTo(new Classification(List.of(), List.of("spotify"), List.of()));
    }

    @Test
    void complaintTermsAreReportedAsTopics() {
        assertThat(MATCHER.classify("@SpotifyCares can't log in on the app, password reset page gives 502"))
                .isEqualTo(new Classification(List.of("spotify"), List.of(), List.of("login", "app", "website")));
    }
}
