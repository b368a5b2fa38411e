package dev.outageradar.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole catalog compiled once: every term of every service and of the vocabulary becomes a sequence of
 * word ids in one automaton, and each distinct sequence carries all its meanings (two services may share a
 * name; a word may be both a problem and a topic).
 *
 * <p>The forms compiled for each entry of the catalog:
 * <ul>
 *   <li>a name: its words, {@code #} and {@code @} followed by its words joined ("#applemusic");</li>
 *   <li>a hashtag: {@code #tag}; a handle: {@code @handle};</li>
 *   <li>a phrase or vocabulary term: its words;</li>
 *   <li>an exclusion: its words and {@code #} with its words joined;</li>
 *   <li>and for every form with an apostrophe, the same without it ("cant log in", "isnt working"), since
 *       posts often leave it out.</li>
 * </ul>
 */
final class TermIndex {

    final TokenDictionary dictionary;
    final TokenAutomaton automaton;
    private final int[] length;
    private final int[] layers;
    private final int[][] meanings;

    private TermIndex(Builder builder) {
        dictionary = new TokenDictionary(builder.words);
        automaton = TokenAutomaton.build(builder.terms);
        int count = builder.terms.size();
        length = new int[count];
        layers = new int[count];
        meanings = new int[count][];
        for (int term = 0; term < count; term++) {
            length[term] = builder.terms.get(term).length;
            meanings[term] = builder.meanings.get(term).stream().mapToInt(Integer::intValue).toArray();
            for (int meaning : meanings[term]) {
                layers[term] |= Meaning.layer(meaning);
            }
        }
    }

    static TermIndex compile(ServiceCatalog catalog) {
        Builder builder = new Builder();
        List<ServiceDefinition> services = catalog.services();
        for (int s = 0; s < services.size(); s++) {
            addService(builder, services.get(s), s);
        }
        Vocabulary vocabulary = catalog.vocabulary();
        builder.addAll(vocabulary.problems(), "", Meaning.of(Meaning.PROBLEM, 0));
        builder.addAll(vocabulary.recoveries(), "", Meaning.of(Meaning.RECOVERY, 0));
        builder.addAll(vocabulary.neutral(), "", Meaning.of(Meaning.NEUTRAL, 0));
        builder.addAll(vocabulary.comparisons(), "", Meaning.of(Meaning.COMPARISON, 0));
        builder.addAll(vocabulary.clauseBreaks(), "", Meaning.of(Meaning.CLAUSE_BREAK, 0));
        int topic = 0;
        for (List<String> terms : vocabulary.topics().values()) {
            builder.addAll(terms, "", Meaning.of(Meaning.TOPIC, topic++));
        }
        return new TermIndex(builder);
    }

    private static void addService(Builder builder, ServiceDefinition service, int s) {
        int mention = Meaning.of(Meaning.MENTION, s);
        for (String name : service.names()) {
            List<String> words = Tokenizer.words(name);
            builder.add(words, mention);
            builder.add(List.of("#" + String.join("", words)), mention);
            builder.add(List.of("@" + String.join("", words)), mention);
        }
        builder.addAll(service.handles(), "@", mention);
        builder.addAll(service.hashtags(), "#", Meaning.of(Meaning.SERVICE_COMPLAINT, s));
        builder.addAll(service.phrases(), "", Meaning.of(Meaning.SERVICE_COMPLAINT, s));
        int exclusion = Meaning.of(Meaning.EXCLUSION, s);
        for (String phrase : service.exclusions()) {
            List<String> words = Tokenizer.words(phrase);
            builder.add(words, exclusion);
            builder.add(List.of("#" + String.join("", words)), exclusion);
        }
    }

    int length(int term) {
        return length[term];
    }

    int layers(int term) {
        return layers[term];
    }

    int[] meanings(int term) {
        return meanings[term];
    }

    private static final class Builder {
        private final Map<String, Integer> wordIds = new HashMap<>();
        private final List<String> words = new ArrayList<>();
        private final Map<String, Integer> termIds = new HashMap<>();
        private final List<int[]> terms = new ArrayList<>();
        private final List<List<Integer>> meanings = new ArrayList<>();

        void addAll(List<String> terms, String prefix, int meaning) {
            for (String term : terms) {
                add(Tokenizer.words(prefix + term), meaning);
            }
        }

        void add(List<String> termWords, int meaning) {
            addForm(termWords, meaning);
            if (termWords.stream().anyMatch(word -> word.indexOf('\'') >= 0)) {
                addForm(termWords.stream().map(word -> word.replace("'", "")).toList(), meaning);
            }
        }

        private void addForm(List<String> termWords, int meaning) {
            // A longer word is cut by the tokenizer and could falsely equal the cut prefix of a post's word.
            if (termWords.stream().anyMatch(word -> word.length() > Tokenizer.MAX_WORD)) {
                return;
            }
            int term = termIds.computeIfAbsent(String.join(" ", termWords), key -> {
                terms.add(termWords.stream().mapToInt(this::wordId).toArray());
                meanings.add(new ArrayList<>(2));
                return terms.size() - 1;
            });
            if (!meanings.get(term).contains(meaning)) {
                meanings.get(term).add(meaning);
            }
        }

        private int wordId(String word) {
            return wordIds.computeIfAbsent(word, w -> {
                words.add(w);
                return words.size() - 1;
            });
        }
    }
}
