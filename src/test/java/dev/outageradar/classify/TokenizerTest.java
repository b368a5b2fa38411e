package dev.outageradar.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizerTest {

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Is Spotify DOWN??                        | is spotify down
            "#SpotifyDown again"                     | #spotifydown again
            @SpotifyCares can't log in               | @spotifycares can't log in
            isn’t working                            | isn't working
            spotify's app                            | spotify app
            Spotify’s app                            | spotify app
            the users' app                           | the users app
            'quoted' words                           | quoted words
            disney+ and c++                          | disney+ and c++
            sign-in/log-out                          | sign in log out
            spotify💀down                             | spotify down
            see https://open.spotify.com/x now       | see now
            see www.spotify.com now                  | see now
            http error                               | http error
            "# @ lone marks #"                       | lone marks
            café Ünïcode                             | café ünïcode
            @xbox_support 502                        | @xbox_support 502
            """)
    void splitsTextIntoLowerCaseWordsTheWayCatalogTermsAreSplit(String text, String expected) {
        assertThat(Tokenizer.words(text)).isEqualTo(Arrays.asList(expected.split(" ")));
    }

    @ParameterizedTest
    @CsvSource({"''", "'  '", "'!!! ...'", "https://spotify.com"})
    void textWithoutLettersOrDigitsHasNoWords(String text) {
        assertThat(Tokenizer.words(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aWordLongerThanTheLimitIsCutOneCharacterPastItSoItCanNeverEqualACatalogWord() {
        String longWord = "a".repeat(Tokenizer.MAX_WORD + 10);

        List<String> words = Tokenizer.words(longWord + " down");

        assertThat(words).containsExactly("a".repeat(Tokenizer.MAX_WORD + 1), "down");
    }
}
