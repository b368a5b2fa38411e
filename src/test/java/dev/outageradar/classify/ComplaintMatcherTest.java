package dev.outageradar.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matching rules, against the small fixture catalog (spotify, netflix, youtube, youtube-music, steam). */
class ComplaintMatcherTest {

    private static final ComplaintMatcher MATCHER =
            ComplaintMatcher.compile(ServiceCatalog.load(ServiceCatalogTest.FIXTURE));

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "#SpotifyDown"                                | spotify                | ""
            is spotify down??                             | spotify                | ""
            Spotify not working                           | spotify                | ""
            SPOTIFY IS DOWN                               | spotify                | ""
            @SpotifyCares can't log in                    | spotify                | login
            @SpotifyStatus down?                          | spotify                | ""
            "#Spotify down again"                         | spotify                | ""
            @spotify down again                           | spotify                | ""
            spotify outage in europe                      | spotify                | ""
            spotify's app is down                         | spotify                | app
            Spotify’s app won’t load                      | spotify                | app
            spotify cant log in                           | spotify                | login
            spotify isnt working                          | spotify                | ""
            spotify💀down                                  | spotify                | ""
            down. spotify. again.                         | spotify                | ""
            @NetflixHelps the app won't load              | netflix                | app
            spotify and netflix both down                 | spotify,netflix        | ""
            netflix and spotify both down                 | spotify,netflix        | ""
            spotify down, spotify still down              | spotify                | ""
            youtube music is down                         | youtube-music          | ""
            youtube and youtube music are down            | youtube,youtube-music  | ""
            steam store is down                           | steam                  | ""
            "#steamdown"                                  | steam                  | ""
            """)
    void aMentionWithAProblemOrAServiceHashtagOrPhraseIsAComplaint(String post, String services, String topics) {
        assertThat(MATCHER.classify(post)).isEqualTo(new Classification(ids(services), List.of(), ids(topics)));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            spotify is not down for me                    | spotify
            spotify is back up                            | spotify
            is spotify down? no, works for me             | spotify
            Spotify isn’t down                            | spotify
            spotify isnt down                             | spotify
            spotify working again                         | spotify
            "#SpotifyDown over, back up now"              | spotify
            spotify isn't down but netflix is             | spotify,netflix
            """)
    void aMentionWithARecoveryTermIsARecoveryNeverAComplaint(String post, String services) {
        assertThat(MATCHER.classify(post)).isEqualTo(new Classification(List.of(), ids(services), List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            spotify is not working for me
            spotify isn't working for me either
            """)
    void aLongerProblemStartingEarlierWinsOverARecoveryInsideIt(String post) {
        assertThat(MATCHER.classify(post))
                .isEqualTo(new Classification(List.of("spotify"), List.of(), List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unspotify is down
            spotifyy is down
            listening to spotify all day
            @SpotifyCares thanks for the quick help
            the servers are down
            spotify wrapped is down bad
            "#SpotifyWrapped spotify down"
            calm down, spotify has your playlist
            https://open.spotify.com/track/42 this song gets me down
            download spotify now
            steam is down
            the steam from my coffee went down my shirt
            ""
            """)
    void aPostWithoutAMentionAndASignalOrWithAnExclusionIsAboutNoService(String post) {
        assertThat(MATCHER.classify(post)).isSameAs(Classification.NONE);
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            spotify down, is netflix down too?                      | spotify
            is netflix down too or just spotify?                    | spotify
            is netflix down or just spotify?                        | spotify
            "#SpotifyDown is netflix also down??"                   | spotify
            @SpotifyCares won't load. is youtube music also down?   | spotify
            spotify not working. is netflix not working either?     | spotify
            spotify down?! netflix as well?                         | spotify
            is netflix down too? spotify is                         | spotify
            netflix and youtube are down, spotify too?              | netflix,youtube
            """)
    void aServiceAskedAboutByComparisonInAQuestionIsNotAComplaintWhenAnotherIsComplainedAboutDirectly(
            String post, String services) {
        assertThat(MATCHER.classify(post)).isEqualTo(new Classification(ids(services), List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            is netflix down too?                                    | netflix
            netflix down as well??                                  | netflix
            is spotify down too? is netflix down too?               | spotify,netflix
            spotify wrapped is down, is netflix down too?           | netflix
            """)
    void aServiceAskedAboutByComparisonIsStillAComplaintWhenNoOtherIsComplainedAboutDirectly(
            String post, String services) {
        assertThat(MATCHER.classify(post)).isEqualTo(new Classification(ids(services), List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            spotify down. netflix down too. great day               | spotify,netflix
            spotify down, netflix is down as well                   | spotify,netflix
            spotify not working and netflix isn't working either    | spotify,netflix
            spotify down is netflix down too                        | spotify,netflix
            """)
    void aComparisonInAStatementIsAReportAboutTheComparedServiceToo(String post, String services) {
        assertThat(MATCHER.classify(post)).isEqualTo(new Classification(ids(services), List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            spotify down, also is netflix down?                     | spotify,netflix
            spotify down. too bad. is netflix down?                 | spotify,netflix
            spotify down, netflix down, is it my wifi too?          | spotify,netflix
            is it either spotify or netflix that's down?            | spotify,netflix
            """)
    void aComparisonAsksOnlyAboutTheNearestMentionBeforeItInItsOwnClause(String post, String services) {
        assertThat(MATCHER.classify(post)).isEqualTo(new Classification(ids(services), List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Spotify not working, switching to netflix               | spotify
            spotify is down so I'm on netflix for now               | spotify
            youtube won't load so im watching netflix instead       | youtube
            switched to netflix because spotify is down             | spotify
            spotify is down but netflix works                       | spotify
            watching netflix while spotify is down                  | spotify
            spotify down. watching netflix                          | spotify
            @SpotifyCares can't log in, watching netflix instead    | spotify
            "#SpotifyDown guess I'm using netflix today"            | spotify
            "#SpotifyDown, not working since 9, switching to netflix" | spotify
            """)
    void inAPostNamingSeveralServicesAProblemCountsOnlyForTheServicesOfItsClause(String post, String services) {
        assertThat(MATCHER.classify(post).complaints()).isEqualTo(ids(services));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            spotify and netflix are both down                       | spotify,netflix
            spotify down, netflix down too                          | spotify,netflix
            spotify down, netflix too                               | spotify,netflix
            spotify down but netflix is down as well                | spotify,netflix
            spotify is down and so is netflix                       | spotify,netflix
            is spotify down? netflix is                             | spotify,netflix
            "#SpotifyDown, netflix not working"                     | spotify,netflix
            """)
    void eachServiceWithAProblemOrAComparisonInItsOwnClauseIsAComplaint(String post, String services) {
        assertThat(MATCHER.classify(post).complaints()).isEqualTo(ids(services));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "down since morning: spotify, netflix"                  | spotify,netflix
            outage again. spotify, netflix, youtube                 | spotify,netflix,youtube
            spotify and netflix, so down today                      | spotify,netflix
            """)
    void whenNoClauseNamesAServiceBesideAProblemTheProblemCountsForEveryMentionedService(
            String post, String services) {
        assertThat(MATCHER.classify(post).complaints()).isEqualTo(ids(services));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            is spotify down? can't log in
            spotify. so annoying. down again
            spotify, so annoying, won't load again
            """)
    void inAPostNamingOneServiceAProblemAnywhereCounts(String post) {
        assertThat(MATCHER.classify(post).complaints()).containsExactly("spotify");
    }

    @Test
    void aRecoveryInAnyClauseStillMakesThePostARecoveryForEveryMentionedService() {
        assertThat(MATCHER.classify("spotify was down so I used netflix, now spotify is back up"))
                .isEqualTo(new Classification(List.of(), List.of("spotify", "netflix"), List.of()));
    }

    @Test
    void aComparisonDoesNotTurnARecoveryIntoAnythingElse() {
        assertThat(MATCHER.classify("spotify back up, is netflix back up too?"))
                .isEqualTo(new Classification(List.of(), List.of("spotify", "netflix"), List.of()));
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            spotify can't log in, password reset is down          | login
            spotify app crashing, playback down, can't log in     | login,playback,app
            spotify down: buffering buffering buffering           | playback
            spotify is down                                       | ""
            """)
    void topicsOfAComplaintAreReportedOnceEachInVocabularyOrder(String post, String topics) {
        assertThat(MATCHER.classify(post)).isEqualTo(new Classification(List.of("spotify"), List.of(), ids(topics)));
    }

    @Test
    void topicsOfARecoveryAreReportedToo() {
        assertThat(MATCHER.classify("spotify down? no, the app works for me"))
                .isEqualTo(new Classification(List.of(), List.of("spotify"), List.of("app")));
    }

    @Test
    void topicWordsWithoutAServiceAreNotReported() {
        Classification classification = MATCHER.classify("my login page is down and the app keeps crashing");

        assertThat(classification).isSameAs(Classification.NONE);
        assertThat(classification.isEmpty()).isTrue();
    }

    @Test
    void aLongPostIsClassifiedLikeAShortOne() {
        String filler = "lorem ipsum dolor sit amet ".repeat(500);

        assertThat(MATCHER.classify(filler + " is spotify down? " + filler))
                .isEqualTo(new Classification(List.of("spotify"), List.of(), List.of()));
    }

    @Test
    void classifyingFromManyThreadsAtOnceGivesEachPostItsOwnAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        boolean complaint = MATCHER.classify("netflix down again " + i).complaints()
                                .equals(List.of("netflix"));
                        boolean recovery = MATCHER.classify("spotify back up " + i).recoveries()
                                .equals(List.of("spotify"));
                        boolean none = MATCHER.classify("nice weather " + i).isEmpty();
                        if (!(complaint && recovery && none)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> ids(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank()
                ? List.of()
                : Arrays.asList(commaSeparated.split(","));
    }
}
