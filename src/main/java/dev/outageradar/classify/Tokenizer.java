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
 * <p>The separators before each word are also read as a <b>break</b>, the strongest among them: a comma
 * starts a new clause; . ! ; … or a line break ends a sentence; a ? ends a sentence that is a question.
 * A '.' or ',' directly followed by a letter or digit ("x.com", "3.5", "1,000") is inside a name or number
 * and no break. The matcher uses breaks to scope comparisons and problem terms (see {@link ComplaintMatcher}).
 *
 * <p>A cursor reused across posts (one per thread), so scanning a post allocates nothing. A word longer than
 * {@link #MAX_WORD} characters is cut at {@code MAX_WORD + 1}; the catalog rejects terms with such words, so
 * a cut word can never match.
 */
final class Tokenizer {

    static final int MAX_WORD = 64;

    /** Breaks, weakest first; a run of separators takes the strongest among them. */
    static final int NO_BREAK = 0;
    static final int CLAUSE_BREAK = 1;
    static final int SENTENCE_BREAK = 2;
    static final int QUESTION_BREAK = 3;

    private final char[] word = new char[MAX_WORD + 1];
    private int length;
    private CharSequence text = "";
    private int pos;
    private int breakBefore;

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
        this.breakBefore = NO_BREAK;
    }

    /** Moves to the next word; false at the end of the text. */
    boolean next() {
        int end = text.length();
        breakBefore = NO_BREAK;
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
            breakBefore = Math.max(breakBefore, breakAt(c));
            pos++;
        }
        return false;
    }

    /**
     * The break in the separators before the current word; once {@link #next()} has returned false, the
     * break after the last word.
     */
    int breakBefore() {
        return breakBefore;
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

    private int breakAt(char c) {
        return switch (c) {
            case '?' -> QUESTION_BREAK;
            case '!', ';', '\n', '\r', '\u2026' -> SENTENCE_BREAK;
            case '.' -> followedByWordChar() ? NO_BREAK : SENTENCE_BREAK;
            case ',' -> followedByWordChar() ? NO_BREAK : CLAUSE_BREAK;
            default -> NO_BREAK;
        };
    }

    private boolean followedByWordChar() {
        return pos + 1 < text.length() && isWordChar(text.charAt(pos + 1));
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
