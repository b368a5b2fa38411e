package dev.outageradar.bench;

import dev.outageradar.classify.ServiceCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Catalogs of any size for the benchmark: the shipped catalog's vocabulary (so a post is read against the
 * real problem, recovery and topic terms) with {@code n} made-up services, each with a name, a hashtag and
 * a support handle. Names are built from syllables ("kavoro", "tesuli"), are unique, and are no English
 * word the vocabulary knows. Deterministic: the same size gives the same catalog.
 */
public final class GeneratedCatalog {

    private static final String[] ONSETS = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
        "br", "kr", "pl", "st", "tr", "zh"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u"};

    private GeneratedCatalog() {
    }

    /** @param shippedYaml the shipped catalog's text: its vocabulary and detector defaults are kept */
    public static ServiceCatalog of(int services, String shippedYaml) {
        return ServiceCatalog.parse(yaml(services, shippedYaml), "generated catalog of " + services + " services");
    }

    /** The catalog's text, for a run that loads its catalog from a file as the live app does. */
    public static String yaml(int services, String shippedYaml) {
        int cut = shippedYaml.indexOf("\nservices:");
        if (cut < 0) {
            throw new IllegalArgumentException("the catalog has no top-level services: key");
        }
        StringBuilder yaml = new StringBuilder(shippedYaml.substring(0, cut)).append("\nservices:\n");
        for (String name : names(services)) {
            String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            yaml.append("  - id: ").append(name).append('\n')
                    .append("    name: ").append(capitalized).append('\n')
                    .append("    names: [").append(name).append("]\n")
                    .append("    hashtags: [").append(name).append("down]\n")
                    .append("    handles: [").append(capitalized).append("Help]\n");
        }
        return yaml.toString();
    }

    /** The first {@code n} names of the sequence: three syllables, or four once three run out. */
    static List<String> names(int n) {
        Set<String> names = new LinkedHashSet<>();
        int syllables = ONSETS.length * VOWELS.length;
        for (long i = 0; names.size() < n; i++) {
            // A stride co-prime with the count spreads consecutive names over different first syllables.
            long k = i * 7_919 % ((long) syllables * syllables * syllables);
            StringBuilder name = new StringBuilder();
            for (int s = 0; s < 3; s++) {
                int syllable = (int) (k % syllables);
                k /= syllables;
                name.append(ONSETS[syllable % ONSETS.length]).append(VOWELS[syllable / ONSETS.length]);
            }
            names.add(name.toString());
        }
        return new ArrayList<>(names);
    }
}
