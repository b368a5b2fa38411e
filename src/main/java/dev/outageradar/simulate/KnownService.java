package dev.outageradar.simulate;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A real online service as people write about it: its id, display name and support handle, plus how much
 * it is complained about on an ordinary day (the default size in a generated feed).
 *
 * @param id               lowercase {@code [a-z0-9-]+}, the key used in labels and alerts
 * @param name             display name as the company writes it ("PlayStation Network")
 * @param handle           the support or status account people tag ("@AskPlayStation")
 * @param competitors      ids of services people check when this one is down
 * @param complaintsPerDay mean complaints on an ordinary day, before rhythm and noise
 */
public record KnownService(String id, String name, String handle, Category category, Region region,
                           List<String> competitors, double complaintsPerDay) {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    public KnownService {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("service id must match [a-z0-9-]+: " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handle, "handle");
        competitors = List.copyOf(competitors);
    }

    /** The name as most people type it: "playstation network", "chatgpt". */
    public String lowercaseName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The outage hashtag, "#PlayStationNetworkDown". */
    public String downHashtag() {
        return "#" + name.replace(" ", "") + "Down";
    }
}
