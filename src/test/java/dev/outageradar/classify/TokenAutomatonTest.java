package dev.outageradar.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenAutomatonTest {

    @Test
    void findsTermsThatOverlapOrEndInsideEachOther() {
        // 0 = "a b c", 1 = "b c d", 2 = "c", 3 = "b c": reading "a b c d" needs failure links to reach 1.
        List<int[]> terms = List.of(new int[] {0, 1, 2}, new int[] {1, 2, 3}, new int[] {2}, new int[] {1, 2});

        assertThat(occurrences(TokenAutomaton.build(terms), new int[] {0, 1, 2, 3}))
                .containsExactlyInAnyOrder("0@2", "3@2", "2@2", "1@3");
    }

    @Test
    void anUnknownWordBreaksEveryMatchInProgress() {
        List<int[]> terms = List.of(new int[] {0, 1});

        assertThat(occurrences(TokenAutomaton.build(terms), new int[] {0, TokenDictionary.UNKNOWN, 1})).isEmpty();
    }

    @Test
    void findsExactlyWhatANaiveSearchFindsOnRandomTermsAndTexts() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<int[]> terms = distinctRandomTerms(random, 1 + random.nextInt(30));
            int[] text = random.ints(1 + random.nextInt(60), -1, 5).toArray();

            assertThat(occurrences(TokenAutomaton.build(terms), text))
                    .as("terms %s in %s", terms.stream().map(Arrays::toString).toList(), Arrays.toString(text))
                    .containsExactlyInAnyOrderElementsOf(naiveOccurrences(terms, text));
        }
    }

    private static List<String> occurrences(TokenAutomaton automaton, int[] text) {
        List<String> found = new ArrayList<>();
        int state = TokenAutomaton.ROOT;
        for (int end = 0; end < text.length; end++) {
            state = automaton.step(state, text[end]);
            for (int s = automaton.firstTermState(state); s != TokenAutomaton.NONE; s = automaton.nextTermState(s)) {
                found.add(automaton.termAt(s) + "@" + end);
            }
        }
        return found;
    }

    private static List<String> naiveOccurrences(List<int[]> terms, int[] text) {
        List<String> found = new ArrayList<>();
        for (int term = 0; term < terms.size(); term++) {
            int[] words = terms.get(term);
            for (int end = words.length - 1; end < text.length; end++) {
                int start = end - words.length + 1;
                if (Arrays.equals(words, Arrays.copyOfRange(text, start, end + 1))) {
                    found.add(term + "@" + end);
                }
            }
        }
        return found;
    }

    private static List<int[]> distinctRandomTerms(Random random, int count) {
        Set<List<Integer>> terms = new LinkedHashSet<>();
        while (terms.size() < count) {
            terms.add(random.ints(1 + random.nextInt(4), 0, 5).boxed().toList());
        }
        return terms.stream().map(term -> term.stream().mapToInt(Integer::intValue).toArray()).toList();
    }
}
