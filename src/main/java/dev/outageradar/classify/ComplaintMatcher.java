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
 *   <li><b>signal</b>: the vocabulary's problems, recoveries and neutral phrases;</li>
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
 *       a problem term anywhere.</li>
 * </ul>
 * Signals belong to the whole post, not a sentence: "spotify isn't down but netflix is" is a recovery for
 * both. A post can complain about several services. Topics are reported only for a post that complains or
 * recovers.
 *
 * <h2>Cost</h2>
 * The catalog is compiled once into one automaton over word ids ({@link TermIndex}); a post costs one pass
 * over its characters whatever the number of services, and a post about no service allocates nothing.
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
        int[] complaints = new int[post.serviceCount()];
        int[] recoveries = new int[post.serviceCount()];
        int complaintCount = 0;
        int recoveryCount = 0;
        for (int i = 0; i < post.serviceCount(); i++) {
            int flags = post.flags(i);
            if ((flags & PostScan.EXCLUDED) != 0 || (flags & PostScan.MENTIONED) == 0) {
                continue;
            }
            if (post.hasRecovery()) {
                recoveries[recoveryCount++] = post.service(i);
            } else if ((flags & PostScan.SELF_COMPLAINT) != 0 || post.hasProblem()) {
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
