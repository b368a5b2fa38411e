package dev.outageradar.classify;

import java.util.Arrays;
import java.util.List;

/**
 * Decides which services a post complains about, and which it says are fine again.
 *
 * <h2>Words</h2>
 * Posts and catalog terms are split into words by the same {@link Tokenizer}: case-insensitive, '#' and '@'
 * kept as part of a word, ’ read as ', a possessive 's dropped ("spotify's app" mentions spotify), links
 * skipped. A term matches when its words appear in the post consecutively, so "unspotify" never matches
 * "spotify". A term written with an apostrophe also matches without it ("cant log in").
 *
 * <h2>Layers</h2>
 * Terms are found in four independent layers:
 * <ul>
 *   <li><b>service</b>: names (also as #name and @name), handles (@handle), hashtags and phrases;</li>
 *   <li><b>signal</b>: the vocabulary's problems, recoveries, neutral phrases, comparisons and clause breaks;</li>
 *   <li><b>exclusion</b> and <b>topic</b>: every occurrence counts.</li>
 * </ul>
 * Within the service and the signal layer, overlapping terms compete leftmost-longest: reading left to
 * right, the longest term starting at a word wins and the words inside it are spent. So "not down" is a
 * recovery and not the problem "down"; "not working for me" is the problem "not working", never the
 * recovery "working for me" that starts later; "calm down" (neutral) hides "down"; and "youtube music"
 * mentions YouTube Music, not YouTube.
 *
 * <h2>Decision, per service S</h2>
 * <ul>
 *   <li>S is <b>mentioned</b> by a name or handle of S; a hashtag or phrase of S mentions S too.</li>
 *   <li>If an exclusion of S occurs anywhere, the post is neither a complaint nor a recovery for S.</li>
 *   <li>Otherwise, if S is mentioned and a recovery term occurs anywhere, the post is a <b>recovery</b> for S
 *       ("is spotify down? no, works for me").</li>
 *   <li>Otherwise it is a <b>complaint</b> about S if it holds a hashtag or phrase of S, or mentions S and holds
 *       a problem term anywhere; unless the post names several services and the problem is in another clause
 *       (below), or S is only asked about by comparison (below).</li>
 * </ul>
 * Recoveries and exclusions belong to the whole post, not a clause: "spotify isn't down but netflix is" is a
 * recovery for both. A post can complain about several services. Topics are reported only for a post that
 * complains or recovers, and come from the whole post.
 *
 * <h2>Clauses</h2>
 * During a big outage people say where they went instead: "spotify not working, switching to apple music".
 * Counting the rival would show it a false burst, so in a post that <b>names two or more services</b> a
 * problem term counts only for the services named in its own clause.
 * <ul>
 *   <li><b>Clauses</b> end at commas, at . ! ; … and line breaks (see {@link Tokenizer}), and before a
 *       <b>clause break</b> of the vocabulary: a conjunction that begins a new clause ("so", "but", "because",
 *       "while"). "spotify is down so I'm on apple music" complains about spotify only; "spotify and apple
 *       music are both down" (a single clause) and "spotify down, apple music down too" about both.</li>
 *   <li><b>Not at '?'.</b> The sentence after a question often answers it in short, borrowing its problem:
 *       "is netflix down too? spotify is". So "is spotify down? switching to apple music" still counts both;
 *       when unsure, the matcher counts.</li>
 *   <li><b>A comparison stands for a problem</b> in its clause: "spotify down, apple music too" reports
 *       both, as "... apple music down too" would. The comparison rule then applies as before, with its own
 *       scope (clause breaks do not cut it): "netflix and youtube are down, spotify too?" leaves spotify out.</li>
 *   <li><b>Fallback.</b> If no clause names a service beside a problem term, and no service has a hashtag or
 *       phrase in the post, the matcher cannot tell whom the problem is about ("down since morning: spotify,
 *       apple music") and counts it for every service named, as before clauses. Losing such a report costs a
 *       real outage its signal; counting it costs at worst what the matcher cost before. A hashtag or phrase
 *       says whom the post is about, so "#SpotifyDown, not working, switching to apple music" is spotify's
 *       only. The fallback is per post, not per problem term: once one clause attributes a problem, a stray
 *       problem term in a clause without a service counts for nobody.</li>
 * </ul>
 * Hashtags and phrases of a service stay complaints wherever they are ("#SpotifyDown guess I'm using apple
 * music today" complains about spotify only, as it holds no problem term). A post naming one service is
 * unchanged: a problem anywhere counts ("is spotify down? can't play anything"). Clause breaks compete in the
 * signal layer, so a longer neutral phrase hides one where the word does not start a clause ("so is" in
 * "spotify is down and so is apple music").
 *
 * <h2>Comparisons</h2>
 * During a big outage people ask whether a rival fails too: "spotify down, is apple music down too?" reports
 * Spotify but only asks about Apple Music, and counting it would show the rival a false burst. A
 * <b>comparison</b> of the vocabulary is an additive or alternative marker ("too", "also", "as well",
 * "either", "or just"): it takes for granted that something else fails and asks whether its focus does too.
 * <ul>
 *   <li><b>Scope.</b> A post is cut into sentences at . ! ? ; … and line breaks, and sentences into clauses at
 *       commas (see {@link Tokenizer}). A comparison asks about the nearest service term (name, handle, hashtag
 *       or phrase) that ends before it in its own clause, because "too", "as well" and "either" follow their
 *       focus, "also" follows the subject ("is apple music also down"), and "X or just Y" asks about X. With no
 *       service term before it in its clause ("too bad, is netflix down?") it asks about nothing.</li>
 *   <li><b>Only questions.</b> It counts only in a sentence that ends with '?'. The statement "spotify down.
 *       apple music down too" reports both, and when one failure takes down several services such statements
 *       are the reports that matter. So an unpunctuated question ("spotify down is apple music down too") still
 *       counts for both: when unsure, the matcher counts, as it did before comparisons.</li>
 *   <li><b>Only beside a direct complaint.</b> A service whose every term in the post is asked about by a
 *       comparison is left out of the complaints, but only if another service is complained about through a
 *       term no comparison asks about. "is apple music down too?" alone is still a complaint: the poster saw
 *       others complain and checked.</li>
 * </ul>
 * Comparisons compete in the signal layer, so a longer term hides one: list as neutral a phrase in which the
 * marker's focus is not the service term before it, but a person ("is spotify down for you too") or what
 * follows ("spotify and also apple music?"). Recoveries are unchanged: a recovery term still makes the post a
 * recovery for every service it mentions.
 *
 * <h2>Cost</h2>
 * The catalog is compiled once into one automaton over word ids ({@link TermIndex}); a post costs one pass
 * over its characters whatever the number of services, and a post about no service allocates nothing. A post
 * that names two services and holds a comparison is then resolved over its few kept terms; one that names two
 * services and holds a problem term costs one more sweep over its words, allocating nothing.
 * Thread-safe: the compiled tables are immutable and each thread has its own {@link PostScan}.
 */
public final class ComplaintMatcher {

    private final TermIndex index;
    private final String[] serviceIds;
    private final List<List<String>> singleServices;
    private final String[] topicKeys;
    private final List<List<String>> singleTopics;
    private final ThreadLocal<PostScan> scans;

    private ComplaintMatcher(ServiceCatalog catalog) {
        index = TermIndex.compile(catalog);
        serviceIds = catalog.services().stream().map(ServiceDefinition::id).toArray(String[]::new);
        topicKeys = catalog.vocabulary().topics().keySet().toArray(String[]::new);
        // Most classified posts name one service and one topic: share those lists instead of building them.
        singleServices = Arrays.stream(serviceIds).map(List::of).toList();
        singleTopics = Arrays.stream(topicKeys).map(List::of).toList();
        scans = ThreadLocal.withInitial(() -> new PostScan(index, topicKeys.length));
    }

    public static ComplaintMatcher compile(ServiceCatalog catalog) {
        return new ComplaintMatcher(catalog);
    }

    public Classification classify(String text) {
        PostScan post = scans.get();
        post.scan(text);
        if (post.serviceCount() == 0) {
            return Classification.NONE;
        }
        boolean leaveOutCompared = post.hasComparedMention() && hasDirectComplaint(post);
        int[] complaints = new int[post.serviceCount()];
        int[] recoveries = new int[post.serviceCount()];
        int complaintCount = 0;
        int recoveryCount = 0;
        for (int i = 0; i < post.serviceCount(); i++) {
            int flags = post.flags(i);
            if (!isAbout(flags)) {
                continue;
            }
            if (post.hasRecovery()) {
                recoveries[recoveryCount++] = post.service(i);
            } else if (complains(post, flags) && !(leaveOutCompared && onlyCompared(flags))) {
                complaints[complaintCount++] = post.service(i);
            }
        }
        if (complaintCount == 0 && recoveryCount == 0) {
            return Classification.NONE;
        }
        int[] topics = new int[post.topicCount()];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = post.topic(i);
        }
        return new Classification(names(complaints, complaintCount, serviceIds, singleServices),
                names(recoveries, recoveryCount, serviceIds, singleServices),
                names(topics, topics.length, topicKeys, singleTopics));
    }

    private static boolean isAbout(int flags) {
        return (flags & PostScan.EXCLUDED) == 0 && (flags & PostScan.MENTIONED) != 0;
    }

    private static boolean complains(PostScan post, int flags) {
        return (flags & PostScan.SELF_COMPLAINT) != 0
                || post.hasProblem() && (!post.isClauseScoped() || (flags & PostScan.IN_PROBLEM_CLAUSE) != 0);
    }

    /** Every mention of the service is asked about by comparison; only meaningful if the post has one. */
    private static boolean onlyCompared(int flags) {
        return (flags & (PostScan.COMPARED | PostScan.DIRECT)) == PostScan.COMPARED;
    }

    /** Some service is complained about by a mention that no comparison asks about. */
    private static boolean hasDirectComplaint(PostScan post) {
        if (post.hasRecovery()) {
            return false;
        }
        for (int i = 0; i < post.serviceCount(); i++) {
            int flags = post.flags(i);
            if (isAbout(flags) && complains(post, flags) && (flags & PostScan.DIRECT) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The names of the given indexes, in index order (catalog or vocabulary order). */
    private static List<String> names(int[] indexes, int count, String[] names, List<List<String>> singles) {
        if (count == 0) {
            return List.of();
        }
        if (count == 1) {
            return singles.get(indexes[0]);
        }
        Arrays.sort(indexes, 0, count);
        String[] result = new String[count];
        for (int i = 0; i < count; i++) {
            result[i] = names[indexes[i]];
        }
        return List.of(result);
    }
}
