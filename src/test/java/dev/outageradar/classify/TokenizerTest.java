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

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            spotify down, is apple music down too?   | spotify down , is apple music down too ?
            spotify down. apple music too!           | spotify down . apple music too .
            down?! why;now                           | down ? why . now
            "down...\\nagain…"                       | down . again .
            "x.com 3.5 1,000 down, "                 | x com 3 5 1 000 down ,
            see https://x.com/a?b=1 now              | see now
            no punctuation at all                    | no punctuation at all
            """)
    void theSeparatorsBeforeEachWordAndAfterTheLastAreReadAsItsStrongestBreak(String text, String expected) {
        // A CSV row cannot hold a line break: \n in the row stands for one.
        assertThat(wordsAndBreaks(text.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aWordLongerThanTheLimitIsCutOneCharacterPastItSoItCanNeverEqualACatalogWord() {
        String longWord = "a".repeat(Tokenizer.MAX_WORD + 10);

        List<String> words = Tokenizer.words(longWord + " down");

        assertThat(words).containsExactly("a".repeat(Tokenizer.MAX_WORD + 1), "down");
    }

    /** The words of {@code text} with each break written between them: "," clause, "." sentence, "?" question. */
    private static String wordsAndBreaks(String text) {
        Tokenizer tokenizer = new Tokenizer();
        tokenizer.reset(text);
        StringBuilder out = new StringBuilder();
        while (tokenizer.next()) {
            appendBreak(out, tokenizer.breakBefore());
            out.append(out.isEmpty() ? "" : " ").append(new String(tokenizer.chars(), 0, tokenizer.length()));
        }
        appendBreak(out, tokenizer.breakBefore());
        return out.toString();
    }

    private static void appendBreak(StringBuilder out, int breakBefore) {
        if (!out.isEmpty() && breakBefore != Tokenizer.NO_BREAK) {
            out.append(" ").append(" ,.?".charAt(breakBefore));
        }
    }
}
