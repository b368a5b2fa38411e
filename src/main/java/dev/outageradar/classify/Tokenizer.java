package dev.outageradar.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into the words the matcher compares. Catalog terms and posts go through this same code, so
 * a term matches exactly when its words appear in a post in order: word boundaries come for free, and
 * "unspotify" is simply a different word from "spotify".
 *
 * <p>A word is a run of letters, digits and '_', lower-cased, where
 * <ul>
 *   <li>a leading '#' or '@' is kept, so hashtags and handles are words of their own ("#spotifydown");</li>
 *   <li>an apostrophe between two letters is kept, and the typographic ones (’ ʼ) become ', so "isn’t"
 *       is "isn't";</li>
 *   <li>a final possessive 's is dropped, so "spotify's" is "spotify" (and "it's" is "it", on both sides);</li>
 *   <li>trailing '+' signs are kept, so "disney+" is not "disney".</li>
 * </ul>
 * Links (http://, https://, www.) are skipped whole: a shared link to a song is not talk about the service.
 * Everything else separates words.
 *
 * <p>A cursor reused across posts (one per thread), so scanning a post allocates nothing. A word longer than
 * {@link #MAX_WORD} characters is cut at {@code MAX_WORD + 1}; the catalog rejects terms with such words, so
 * a cut word can never match.
 */
final class Tokenizer {

    static final int MAX_WORD = 64;

    private final char[] word = new char[MAX_WORD + 1];
    private int length;
    private CharSequence text = "";
    private int pos;

    /** The words of a catalog term, as posts will be split. */
    static List<String> words(String term) {
        Tokenizer tokenizer = new Tokenizer();
        tokenizer.reset(term);
        List<String> words = new ArrayList<>();
        while (tokenizer.next()) {
            words.add(new String(tokenizer.word, 0, tokenizer.length));
        }
        return words;
    }

    void reset(CharSequence text) {
        this.text = text;
        this.pos = 0;
        this.length = 0;
    }

    /** Moves to the next word; false at the end of the text. */
    boolean next() {
        int end = text.length();
        while (pos < end) {
            char c = text.charAt(pos);
            if (isWordChar(c)) {
                if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && startsLink()) {
                    skipToWhitespace();
                    continue;
                }
                length = 0;
                readWord();
                return true;
            }
            if ((c == '#' || c == '@') && pos + 1 < end && isWordChar(text.charAt(pos + 1))) {
                length = 0;
                append(c);
                pos++;
                readWord();
                return true;
            }
            pos++;
        }
        return false;
    }

    char[] chars() {
        return word;
    }

    int length() {
        return length;
    }

    /** Appends the word starting at pos (after any '#'/'@' already appended). */
    private void readWord() {
        int end = text.length();
        while (pos < end) {
            char c = text.charAt(pos);
            if (isWordChar(c)) {
                append(lower(c));
            } else if (isApostrophe(c) && pos + 1 < end && isWordChar(text.charAt(pos + 1))) {
                append('\'');
            } else {
                break;
            }
            pos++;
        }
        while (pos < end && text.charAt(pos) == '+') {
            append('+');
            pos++;
        }
        if (length >= 3 && word[length - 2] == '\'' && word[length - 1] == 's') {
            length -= 2;
        }
    }

    private void append(char c) {
        if (length < word.length) {
            word[length] = c;
        }
        length = Math.min(length + 1, word.length);
    }

    private boolean startsLink() {
        return startsWith("http://") || startsWith("https://") || startsWith("www.");
    }

    private boolean startsWith(String prefix) {
        if (pos + prefix.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (lower(text.charAt(pos + i)) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void skipToWhitespace() {
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC';
    }

    private static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }
}
