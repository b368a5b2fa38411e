package dev.outageradar.classify;

import java.util.Arrays;

/**
 * The working memory for classifying one post: one per thread, reused for every post, so the common case
 * (a post about no service) allocates nothing. Runs the automaton over the post's words, then keeps, within
 * the service layer and within the signal layer, the leftmost-longest terms (see {@link ComplaintMatcher}).
 * In a post that names two services and holds a comparison, it then tells each kept mention asked about by
 * comparison from the others, looking only at the few kept terms and the breaks between words. In a post
 * that names two services and holds a problem, it then cuts the words into clauses and tells which mentions
 * share a clause with a problem term, in one more sweep over the words.
 */
final class PostScan {

    static final int MENTIONED = 1;
    static final int SELF_COMPLAINT = 2;
    static final int EXCLUDED = 4;
    /** Some mention of the service is asked about by comparison (see {@link #hasComparedMention()}). */
    static final int COMPARED = 8;
    /** Some mention of the service is not asked about by comparison (see {@link #hasComparedMention()}). */
    static final int DIRECT = 16;
    /** Some mention of the service shares a clause with a problem or comparison (see {@link #isClauseScoped()}). */
    static final int IN_PROBLEM_CLAUSE = 32;

    private final TermIndex index;
    private final Tokenizer tokenizer = new Tokenizer();
    /** Per word position: the longest term of the layer starting there, or -1. */
    private int[] longestService = new int[64];
    private int[] longestSignal = new int[64];
    /** Per word position: the {@link Tokenizer} break before it; endBreak is the one after the last word. */
    private int[] breakBefore = new int[64];
    private int endBreak;
    private int words;
    private boolean anyServiceTerm;
    private boolean anySignalTerm;

    private int[] services = new int[8];
    private int[] serviceFlags = new int[8];
    private int serviceCount;
    private boolean problem;
    private boolean recovery;
    /** The kept service terms, left to right: first word, term, and whether a comparison asks about it. */
    private int[] mentionStart = new int[8];
    private int[] mentionTerm = new int[8];
    private boolean[] mentionCompared = new boolean[8];
    private int mentionCount;
    /** The first word of each kept comparison marker, left to right. */
    private int[] comparisonStart = new int[4];
    private int comparisonCount;
    private boolean anyCompared;
    private boolean clauseScoped;
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
                breakBefore = Arrays.copyOf(breakBefore, words * 2);
            }
            longestService[words] = -1;
            longestSignal[words] = -1;
            breakBefore[words] = tokenizer.breakBefore();
            for (int s = automaton.firstTermState(state); s != TokenAutomaton.NONE; s = automaton.nextTermState(s)) {
                found(automaton.termAt(s), words);
            }
            words++;
        }
        endBreak = tokenizer.breakBefore();
        if (anyServiceTerm) {
            applyLongest(longestService, Meaning.SERVICE_LAYER);
            if (anySignalTerm) {
                applyLongest(longestSignal, Meaning.SIGNAL_LAYER);
            }
            if (comparisonCount > 0 && serviceCount > 1) {
                resolveComparisons();
            }
            if (problem && mentionsSeveralServices()) {
                attributeByClause();
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

    /** Whether some service has a mention asked about by comparison, so its flags hold COMPARED and DIRECT. */
    boolean hasComparedMention() {
        return anyCompared;
    }

    /**
     * Whether problem terms count only for the services of their clause: the post names two or more services,
     * holds a problem term, and some mention shares a clause with a problem term or some service has a hashtag
     * or phrase. Then flags hold IN_PROBLEM_CLAUSE.
     */
    boolean isClauseScoped() {
        return clauseScoped;
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
        mentionCount = 0;
        comparisonCount = 0;
        anyCompared = false;
        clauseScoped = false;
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
            apply(term, Meaning.EXCLUSION_LAYER | Meaning.TOPIC_LAYER, start);
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
                apply(term, layer, i);
                if (layer == Meaning.SERVICE_LAYER) {
                    keepMention(i, term);
                }
                i += index.length(term);
            }
        }
    }

    /** @param start the position of the term's first word */
    private void apply(int term, int layers, int start) {
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
                case Meaning.COMPARISON -> keepComparison(start);
                case Meaning.TOPIC -> seeTopic(target);
                default -> { } // NEUTRAL hides the words inside it; CLAUSE_BREAK is read by attributeByClause
            }
        }
    }

    private void keepMention(int start, int term) {
        if (mentionCount == mentionStart.length) {
            mentionStart = Arrays.copyOf(mentionStart, mentionCount * 2);
            mentionTerm = Arrays.copyOf(mentionTerm, mentionCount * 2);
            mentionCompared = Arrays.copyOf(mentionCompared, mentionCount * 2);
        }
        mentionStart[mentionCount] = start;
        mentionTerm[mentionCount] = term;
        mentionCompared[mentionCount++] = false;
    }

    private void keepComparison(int start) {
        if (comparisonCount == comparisonStart.length) {
            comparisonStart = Arrays.copyOf(comparisonStart, comparisonCount * 2);
        }
        comparisonStart[comparisonCount++] = start;
    }

    /**
     * A comparison in a question asks about the nearest mention before it in its clause; flags each service
     * COMPARED and/or DIRECT by its mentions. One sweep, left to right: mentions and comparisons are kept in
     * word order, so the cost is linear in the post however many markers it repeats.
     */
    private void resolveComparisons() {
        int mention = 0;      // mentions [0, mention) end before the current comparison
        int word = 0;         // the breaks before words [0, word) have been read
        int clauseStart = 0;  // the last word up to the comparison that has a break before it
        int sentenceEnd = -1; // the first word after the comparison's sentence; words at the end of the post
        for (int c = 0; c < comparisonCount; c++) {
            int at = comparisonStart[c];
            for (; word <= at; word++) {
                if (breakBefore[word] != Tokenizer.NO_BREAK) {
                    clauseStart = word;
                }
            }
            while (mention < mentionCount && mentionEnd(mention) < at) {
                mention++;
            }
            if (at >= sentenceEnd) {
                sentenceEnd = sentenceEndAfter(at);
            }
            if (mention > 0 && mentionEnd(mention - 1) >= clauseStart && isQuestion(sentenceEnd)) {
                mentionCompared[mention - 1] = true;
                anyCompared = true;
            }
        }
        if (!anyCompared) {
            return;
        }
        for (int m = 0; m < mentionCount; m++) {
            flagMention(m, mentionCompared[m] ? COMPARED : DIRECT);
        }
    }

    private boolean mentionsSeveralServices() {
        int mentioned = 0;
        for (int i = 0; i < serviceCount; i++) {
            if ((serviceFlags[i] & MENTIONED) != 0 && ++mentioned > 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cuts the post into clauses (before a comma, a sentence break other than '?', or a kept clause break term)
     * and flags IN_PROBLEM_CLAUSE the services of the mentions that share a clause with a kept problem term or
     * comparison. The post is clause-scoped if some mention shares a clause with a problem term or some service
     * has a hashtag or phrase: then the post says whom it complains about. One sweep, left to right, reading
     * the kept signal terms again as {@link #applyLongest} did; each mention is flagged at most once, so the
     * cost is linear in the post.
     */
    private void attributeByClause() {
        int mention = 0;        // mentions [0, mention) start before the current word
        int clauseMention = 0;  // the first mention of the current clause
        boolean clauseProblem = false;
        boolean clauseCompared = false;
        int signalEnd = 0;      // the first word after the last kept signal term
        for (int word = 0; word < words; word++) {
            int term = word >= signalEnd ? longestSignal[word] : -1;
            if (word > 0 && (splitsClause(breakBefore[word]) || term >= 0 && has(term, Meaning.CLAUSE_BREAK))) {
                endClause(clauseMention, mention, clauseProblem, clauseCompared);
                clauseMention = mention;
                clauseProblem = false;
                clauseCompared = false;
            }
            if (term >= 0) {
                signalEnd = word + index.length(term);
                clauseProblem |= has(term, Meaning.PROBLEM);
                clauseCompared |= has(term, Meaning.COMPARISON);
            }
            while (mention < mentionCount && mentionStart[mention] <= word) {
                mention++;
            }
        }
        endClause(clauseMention, mention, clauseProblem, clauseCompared);
        for (int i = 0; i < serviceCount && !clauseScoped; i++) {
            clauseScoped = (serviceFlags[i] & SELF_COMPLAINT) != 0;
        }
    }

    /** A '?' does not end a clause here: the sentence after a question often borrows its predicate. */
    private static boolean splitsClause(int breakBefore) {
        return breakBefore == Tokenizer.CLAUSE_BREAK || breakBefore == Tokenizer.SENTENCE_BREAK;
    }

    /** Closes the clause that holds mentions [from, to). */
    private void endClause(int from, int to, boolean problemTerm, boolean comparison) {
        if (from == to || !(problemTerm || comparison)) {
            return;
        }
        clauseScoped |= problemTerm;
        for (int m = from; m < to; m++) {
            flagMention(m, IN_PROBLEM_CLAUSE);
        }
    }

    private boolean has(int term, int kind) {
        for (int meaning : index.meanings(term)) {
            if (Meaning.kind(meaning) == kind) {
                return true;
            }
        }
        return false;
    }

    private void flagMention(int mention, int flag) {
        for (int meaning : index.meanings(mentionTerm[mention])) {
            if (Meaning.layer(meaning) == Meaning.SERVICE_LAYER) {
                flag(Meaning.target(meaning), flag);
            }
        }
    }

    private int mentionEnd(int mention) {
        return mentionStart[mention] + index.length(mentionTerm[mention]) - 1;
    }

    /** The first word after word {@code at} that starts a new sentence; {@code words} if none does. */
    private int sentenceEndAfter(int at) {
        int word = at + 1;
        while (word < words && breakBefore[word] < Tokenizer.SENTENCE_BREAK) {
            word++;
        }
        return word;
    }

    /** Whether the sentence that ends before {@code sentenceEnd} (a word, or {@code words}) ends with '?'. */
    private boolean isQuestion(int sentenceEnd) {
        return (sentenceEnd < words ? breakBefore[sentenceEnd] : endBreak) == Tokenizer.QUESTION_BREAK;
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
