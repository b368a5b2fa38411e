package dev.outageradar.classify;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton over word ids: it finds every catalog term in a post in one pass, whatever the
 * number of services, so the cost of a post grows with its length and the terms it contains only.
 *
 * <p>Transitions live in one open-addressing table keyed by (state, word) rather than a map per state:
 * a catalog of 10,000 services has a few hundred thousand states, and one flat table keeps lookups to a
 * couple of cache misses. Each state knows the term ending there (if any) and, through the
 * dictionary-suffix link, the next state down its failure chain that ends a term.
 */
final class TokenAutomaton {

    static final int ROOT = 0;
    static final int NONE = -1;

    private final long[] keys;
    /** Target state per slot; 0 (the root, never a target) marks an empty slot. */
    private final int[] targets;
    private final int mask;
    private final int[] fail;
    private final int[] termAt;
    private final int[] nextTermState;

    /** @param terms distinct, non-empty word-id sequences; a term's id is its index */
    static TokenAutomaton build(List<int[]> terms) {
        TrieBuilder trie = new TrieBuilder();
        for (int term = 0; term < terms.size(); term++) {
            trie.add(terms.get(term), term);
        }
        return new TokenAutomaton(trie);
    }

    private TokenAutomaton(TrieBuilder trie) {
        int states = trie.size();
        int capacity = Integer.highestOneBit(Math.max(4, states * 2 - 1)) << 1;
        keys = new long[capacity];
        targets = new int[capacity];
        mask = capacity - 1;
        for (int state = 1; state < states; state++) {
            put(trie.parent[state], trie.word[state], state);
        }
        termAt = Arrays.copyOf(trie.term, states);
        fail = new int[states];
        nextTermState = new int[states];
        linkFailures(trie, states);
    }

    /** The state after reading word {@code wordId} in {@code state}; an unknown word returns to the root. */
    int step(int state, int wordId) {
        if (wordId < 0) {
            return ROOT;
        }
        while (true) {
            int next = child(state, wordId);
            if (next != NONE) {
                return next;
            }
            if (state == ROOT) {
                return ROOT;
            }
            state = fail[state];
        }
    }

    /** The first state, from {@code state} down its failure chain, that ends a term; NONE if there is none. */
    int firstTermState(int state) {
        return termAt[state] != NONE ? state : nextTermState[state];
    }

    int nextTermState(int termState) {
        return nextTermState[termState];
    }

    int termAt(int termState) {
        return termAt[termState];
    }

    private void linkFailures(TrieBuilder trie, int states) {
        nextTermState[ROOT] = NONE;
        for (int state : trie.breadthFirstOrder()) {
            int parent = trie.parent[state];
            int word = trie.word[state];
            int target = ROOT;
            if (parent != ROOT) {
                int candidate = fail[parent];
                while (true) {
                    int next = child(candidate, word);
                    if (next != NONE) {
                        target = next;
                        break;
                    }
                    if (candidate == ROOT) {
                        break;
                    }
                    candidate = fail[candidate];
                }
            }
            fail[state] = target;
            nextTermState[state] = termAt[target] != NONE ? target : nextTermState[target];
        }
    }

    private int child(int state, int wordId) {
        long key = key(state, wordId);
        int slot = slot(key);
        while (true) {
            int target = targets[slot];
            if (target == 0) {
                return NONE;
            }
            if (keys[slot] == key) {
                return target;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void put(int state, int wordId, int target) {
        long key = key(state, wordId);
        int slot = slot(key);
        while (targets[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        targets[slot] = target;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }

    private static long key(int state, int wordId) {
        return ((long) state << 32) | (wordId & 0xFFFFFFFFL);
    }

    /** The trie of all terms, as parallel arrays; only alive while building. */
    private static final class TrieBuilder {
        private final Map<Long, Integer> children = new HashMap<>();
        private int[] parent = new int[16];
        private int[] word = new int[16];
        private int[] depth = new int[16];
        private int[] term = new int[16];
        private int size = 1;

        TrieBuilder() {
            term[ROOT] = NONE;
        }

        int size() {
            return size;
        }

        void add(int[] words, int termId) {
            int state = ROOT;
            for (int w : words) {
                int from = state;
                state = children.computeIfAbsent(key(from, w), k -> newState(from, w));
            }
            term[state] = termId;
        }

        private int newState(int from, int w) {
            if (size == parent.length) {
                int grown = size * 2;
                parent = Arrays.copyOf(parent, grown);
                word = Arrays.copyOf(word, grown);
                depth = Arrays.copyOf(depth, grown);
                term = Arrays.copyOf(term, grown);
            }
            parent[size] = from;
            word[size] = w;
            depth[size] = depth[from] + 1;
            term[size] = NONE;
            return size++;
        }

        /** Every state but the root, shallowest first: a state's failure link points to a shallower state. */
        int[] breadthFirstOrder() {
            int maxDepth = 0;
            for (int s = 1; s < size; s++) {
                maxDepth = Math.max(maxDepth, depth[s]);
            }
            int[] start = new int[maxDepth + 2];
            for (int s = 1; s < size; s++) {
                start[depth[s] + 1]++;
            }
            for (int d = 1; d < start.length; d++) {
                start[d] += start[d - 1];
            }
            int[] order = new int[size - 1];
            for (int s = 1; s < size; s++) {
                order[start[depth[s]]++] = s;
            }
            return order;
        }
    }
}
