package dev.outageradar.classify;

import java.util.List;

/**
 * The words that occur in some catalog term, each with a small integer id: the alphabet of the automaton.
 * Looked up straight from the tokenizer's buffer (open addressing over char arrays), so a post's words never
 * become Strings. A word no term uses has no id, and can only break a match.
 */
final class TokenDictionary {

    static final int UNKNOWN = -1;

    private final char[][] words;
    /** id + 1 per slot; 0 is an empty slot. */
    private final int[] slots;
    private final int mask;

    /** @param words distinct words; a word's id is its index */
    TokenDictionary(List<String> words) {
        this.words = new char[words.size()][];
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        for (int id = 0; id < words.size(); id++) {
            char[] word = words.get(id).toCharArray();
            this.words[id] = word;
            int slot = hash(word, word.length) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
    }

    int size() {
        return words.length;
    }

    int idOf(char[] buffer, int length) {
        int slot = hash(buffer, length) & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return UNKNOWN;
            }
            if (matches(words[entry - 1], buffer, length)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean matches(char[] word, char[] buffer, int length) {
        if (word.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (word[i] != buffer[i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] chars, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[i];
        }
        // Spread the high bits down: the table is indexed by the low bits only.
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
