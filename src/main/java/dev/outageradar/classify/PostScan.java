package dev.outageradar.classify;

import java.util.Arrays;

/**
 * The working memory for classifying one post: one per thread, reused for every post, so the common case
 * (a post about no service) allocates nothing. Runs the automaton over the post's words, then keeps, within
 * the service layer and within the signal layer, the leftmost-longest terms (see {@link ComplaintMatcher}).
 */
final class PostScan {

    static final int MENTIONED = 1;
    static final int SELF_COMPLAINT = 2;
    static final int EXCLUDED = 4;

    private final TermIndex index;
    private final Tokenizer tokenizer = new Tokenizer();
    /** Per word position: the longest term of the layer starting there, or -1. */
    private int[] longestService = new int[64];
    private int[] longestSignal = new int[64];
    private int words;
    private boolean anyServiceTerm;
    private boolean anySignalTerm;

    private int[] services = new int[8];
    private int[] serviceFlags = new int[8];
    private int serviceCount;
    private boolean problem;
    private boolean recovery;
    private final boolean[] topicSeen;
    private final int[] topics;
    private int topicCount;

    PostScan(TermIndex index, int topicCount) {
        this.index = index;
        this.topicSeen = new boolean[topicCount];
        this.topics = new int[topicCount];
    }

    void scan(String text) {
        reset();
        tokenizer.reset(text);
        TokenAutomaton automaton = index.automaton;
        int state = TokenAutomaton.ROOT;
        while (tokenizer.next()) {
            int word = index.dictionary.idOf(tokenizer.chars(), tokenizer.length());
            state = automaton.step(state, word);
            if (words == longestService.length) {
                longestService = Arrays.copyOf(longestService, words * 2);
                longestSignal = Arrays.copyOf(longestSignal, words * 2);
            }
            longestService[words] = -1;
            longestSignal[words] = -1;
            for (int s = automaton.firstTermState(state); s != TokenAutomaton.NONE; s = automaton.nextTermState(s)) {
                found(automaton.termAt(s), words);
            }
            words++;
        }
        if (anyServiceTerm) {
            applyLongest(longestService, Meaning.SERVICE_LAYER);
            if (anySignalTerm) {
                applyLongest(longestSignal, Meaning.SIGNAL_LAYER);
            }
        }
    }

    int serviceCount() {
        return serviceCount;
    }

    int service(int i) {
        return services[i];
    }

    int flags(int i) {
        return serviceFlags[i];
    }

    boolean hasProblem() {
        return problem;
    }

    boolean hasRecovery() {
        return recovery;
    }

    int topicCount() {
        return topicCount;
    }

    int topic(int i) {
        return topics[i];
    }

    private void reset() {
        words = 0;
        anyServiceTerm = false;
        anySignalTerm = false;
        serviceCount = 0;
        problem = false;
        recovery = false;
        for (int i = 0; i < topicCount; i++) {
            topicSeen[topics[i]] = false;
        }
        topicCount = 0;
    }

    private void found(int term, int end) {
        int layers = index.layers(term);
        int start = end - index.length(term) + 1;
        if ((layers & Meaning.SERVICE_LAYER) != 0) {
            keepLongest(longestService, start, term);
            anyServiceTerm = true;
        }
        if ((layers & Meaning.SIGNAL_LAYER) != 0) {
            keepLongest(longestSignal, start, term);
            anySignalTerm = true;
        }
        if ((layers & (Meaning.EXCLUSION_LAYER | Meaning.TOPIC_LAYER)) != 0) {
            apply(term, Meaning.EXCLUSION_LAYER | Meaning.TOPIC_LAYER);
        }
    }

    private void keepLongest(int[] longest, int start, int term) {
        int current = longest[start];
        if (current < 0 || index.length(current) < index.length(term)) {
            longest[start] = term;
        }
    }

    /** Left to right, takes the longest term starting at each word and skips the words inside it. */
    private void applyLongest(int[] longest, int layer) {
        int i = 0;
        while (i < words) {
            int term = longest[i];
            if (term < 0) {
                i++;
            } else {
                apply(term, layer);
                i += index.length(term);
            }
        }
    }

    private void apply(int term, int layers) {
        for (int meaning : index.meanings(term)) {
            if ((Meaning.layer(meaning) & layers) == 0) {
                continue;
            }
            int target = Meaning.target(meaning);
            switch (Meaning.kind(meaning)) {
                case Meaning.MENTION -> flag(target, MENTIONED);
                case Meaning.SERVICE_COMPLAINT -> flag(target, MENTIONED | SELF_COMPLAINT);
                case Meaning.EXCLUSION -> flag(target, EXCLUDED);
                case Meaning.PROBLEM -> problem = true;
                case Meaning.RECOVERY -> recovery = true;
                case Meaning.TOPIC -> seeTopic(target);
                default -> { } // NEUTRAL: it only hides the words inside it
            }
        }
    }

    private void flag(int service, int flag) {
        for (int i = 0; i < serviceCount; i++) {
            if (services[i] == service) {
                serviceFlags[i] |= flag;
                return;
            }
        }
        if (serviceCount == services.length) {
            services = Arrays.copyOf(services, serviceCount * 2);
            serviceFlags = Arrays.copyOf(serviceFlags, serviceCount * 2);
        }
        services[serviceCount] = service;
        serviceFlags[serviceCount++] = flag;
    }

    private void seeTopic(int topic) {
        if (!topicSeen[topic]) {
            topicSeen[topic] = true;
            topics[topicCount++] = topic;
        }
    }
}
