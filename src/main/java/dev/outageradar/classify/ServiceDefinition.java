package dev.outageradar.classify;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One service of the catalog: how posts name it, and the terms that count as complaints about it by
 * themselves. Terms are kept as written in the catalog; {@link ComplaintMatcher} decides how they match.
 *
 * @param id         stable key used in alerts and state stores, {@code [a-z0-9-]+}
 * @param name       display name
 * @param names      words that mention the service ("spotify", "apple music")
 * @param hashtags   hashtags, without '#', that are complaints by themselves ("spotifydown")
 * @param phrases    phrases that are complaints by themselves ("spotify outage")
 * @param handles    support or status accounts, without '@', that mention the service ("spotifycares")
 * @param exclusions phrases that take a post out of this service's counts ("spotify wrapped")
 * @param detector   per-service detector overrides, interpreted by the detector, empty when absent
 */
public record ServiceDefinition(String id, String name, List<String> names, List<String> hashtags,
                                List<String> phrases, List<String> handles, List<String> exclusions,
                                Map<String, Object> detector) {

    public ServiceDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        names = List.copyOf(names);
        hashtags = List.copyOf(hashtags);
        phrases = List.copyOf(phrases);
        handles = List.copyOf(handles);
        exclusions = List.copyOf(exclusions);
        detector = detector == null ? Map.of() : DeepCopy.of(detector);
    }
}
