package dev.outageradar.classify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns catalog YAML into a {@link ServiceCatalog}, checking everything a matcher relies on: known keys only,
 * unique ids, terms that contain words. Walks a YAML tree by hand rather than binding to classes, so each
 * error can name the exact service, key and value, on one line.
 */
final class CatalogReader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final List<String> TOP_KEYS = List.of("vocabulary", "detector_defaults", "services");
    private static final List<String> VOCABULARY_KEYS =
            List.of("problems", "recoveries", "neutral", "comparisons", "clause_breaks", "topics");
    private static final List<String> SERVICE_KEYS =
            List.of("id", "name", "names", "hashtags", "phrases", "handles", "exclusions", "detector");
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern TOPIC_KEY = Pattern.compile("[a-z0-9_]+");
    private static final Pattern SINGLE_WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final int MAX_TERM = 100;

    private final String origin;

    CatalogReader(String origin) {
        this.origin = origin;
    }

    ServiceCatalog read(String yaml) {
        JsonNode root = tree(yaml);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw error("", "is empty; expected keys " + String.join(", ", TOP_KEYS));
        }
        if (!root.isObject()) {
            throw error("", "must be a mapping with keys " + String.join(", ", TOP_KEYS));
        }
        rejectUnknownKeys(root, TOP_KEYS, "");
        Vocabulary vocabulary = vocabulary(required(root, "vocabulary", ""));
        Map<String, Object> defaults = mapping(root.get("detector_defaults"), "", "detector_defaults");
        return new ServiceCatalog(vocabulary, defaults, services(required(root, "services", "")));
    }

    private JsonNode tree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                int line = marked.getProblemMark().getLine() + 1;
                throw new CatalogException(
                        origin + ": line " + line + ": malformed YAML: " + oneLine(marked.getProblem()), e);
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new CatalogException(
                    origin + ": line " + line + ": malformed YAML: " + oneLine(e.getOriginalMessage()), e);
        }
    }

    private Vocabulary vocabulary(JsonNode node) {
        String where = "vocabulary";
        if (!node.isObject()) {
            throw error(where, "must be a mapping with keys " + String.join(", ", VOCABULARY_KEYS));
        }
        rejectUnknownKeys(node, VOCABULARY_KEYS, where);
        List<String> problems = terms(required(node, "problems", where), where, "problems", Term.WORDS);
        if (problems.isEmpty()) {
            throw error(where, "problems must list at least one term");
        }
        List<String> recoveries = terms(node.get("recoveries"), where, "recoveries", Term.WORDS);
        List<String> neutral = terms(node.get("neutral"), where, "neutral", Term.WORDS);
        List<String> comparisons = terms(node.get("comparisons"), where, "comparisons", Term.WORDS);
        List<String> clauseBreaks = terms(node.get("clause_breaks"), where, "clause_breaks", Term.WORDS);
        rejectTermsInTwoLists(where, Map.of("problems", problems, "recoveries", recoveries, "neutral", neutral,
                "comparisons", comparisons, "clause_breaks", clauseBreaks));
        return new Vocabulary(problems, recoveries, topics(node.get("topics")), neutral, comparisons, clauseBreaks);
    }

    private Map<String, List<String>> topics(JsonNode node) {
        String where = "vocabulary: topics";
        Map<String, List<String>> topics = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return topics;
        }
        if (!node.isObject()) {
            throw error(where, "must be a mapping from topic key to a list of terms, got " + describe(node));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> topic = it.next();
            if (!TOPIC_KEY.matcher(topic.getKey()).matches()) {
                throw error(where, "key " + quote(topic.getKey()) + " must match " + TOPIC_KEY);
            }
            List<String> terms = terms(topic.getValue(), where, topic.getKey(), Term.WORDS);
            if (terms.isEmpty()) {
                throw error(where, topic.getKey() + " must list at least one term");
            }
            topics.put(topic.getKey(), terms);
        }
        return topics;
    }

    private List<ServiceDefinition> services(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw error("", "services must be a non-empty list of services, got " + describe(node));
        }
        List<ServiceDefinition> services = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            ServiceDefinition service = service(node.get(i), i + 1);
            Integer first = positions.putIfAbsent(service.id(), i + 1);
            if (first != null) {
                throw error("service " + quote(service.id()),
                        "id is used twice (services #" + first + " and #" + (i + 1) + "); ids must be unique");
            }
            services.add(service);
        }
        return services;
    }

    private ServiceDefinition service(JsonNode node, int position) {
        String where = "service #" + position;
        if (!node.isObject()) {
            throw error(where, "must be a mapping with keys " + String.join(", ", SERVICE_KEYS)
                    + ", got " + describe(node));
        }
        String id = text(required(node, "id", where), where, "id");
        where = "service " + quote(id);
        if (!ID.matcher(id).matches()) {
            throw error(where, "id must match " + ID);
        }
        rejectUnknownKeys(node, SERVICE_KEYS, where);
        String name = text(required(node, "name", where), where, "name");
        if (name.isBlank()) {
            throw error(where, "name must not be blank");
        }
        ServiceDefinition service = new ServiceDefinition(id, name.strip(),
                terms(node.get("names"), where, "names", Term.PLAIN_WORDS),
                terms(node.get("hashtags"), where, "hashtags", Term.HASHTAG),
                terms(node.get("phrases"), where, "phrases", Term.PLAIN_WORDS),
                terms(node.get("handles"), where, "handles", Term.HANDLE),
                terms(node.get("exclusions"), where, "exclusions", Term.PLAIN_WORDS),
                mapping(node.get("detector"), where, "detector"));
        if (service.names().isEmpty() && service.hashtags().isEmpty() && service.phrases().isEmpty()
                && service.handles().isEmpty()) {
            throw error(where, "needs at least one of names, hashtags, phrases, handles, or no post can match it");
        }
        return service;
    }

    /** How a list of terms is checked and normalized. */
    private enum Term { WORDS, PLAIN_WORDS, HASHTAG, HANDLE }

    private List<String> terms(JsonNode node, String where, String key, Term kind) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error(where, key + " must be a list of terms, got " + describe(node));
        }
        List<String> terms = new ArrayList<>();
        for (JsonNode element : node) {
            terms.add(term(text(element, where, key), where, key, kind));
        }
        return terms;
    }

    private String term(String raw, String where, String key, Term kind) {
        String term = raw.strip();
        if (term.length() > MAX_TERM) {
            throw error(where, key + ": " + quote(term) + " is longer than " + MAX_TERM + " characters");
        }
        if (kind == Term.HASHTAG || kind == Term.HANDLE) {
            String prefix = kind == Term.HASHTAG ? "#" : "@";
            String word = term.startsWith(prefix) ? term.substring(1) : term;
            if (!SINGLE_WORD.matcher(word).matches() || word.length() > Tokenizer.MAX_WORD) {
                throw error(where, key + ": " + quote(raw) + " must be one word of letters, digits or _ (at most "
                        + Tokenizer.MAX_WORD + "), written without '" + prefix + "'");
            }
            return word;
        }
        List<String> words = Tokenizer.words(term);
        if (words.isEmpty()) {
            throw error(where, key + ": " + quote(raw) + " must contain a word (letters or digits)");
        }
        for (String word : words) {
            if (word.length() > Tokenizer.MAX_WORD) {
                throw error(where, key + ": " + quote(raw) + " has a word longer than " + Tokenizer.MAX_WORD
                        + " characters");
            }
            if (kind == Term.PLAIN_WORDS && (word.startsWith("#") || word.startsWith("@"))) {
                throw error(where, key + ": " + quote(raw) + " must be plain words; list #tags under hashtags "
                        + "and @accounts under handles");
            }
        }
        return term;
    }

    /** A term in two of these lists would mean two things at once (a problem and a recovery): almost surely a typo. */
    private void rejectTermsInTwoLists(String where, Map<String, List<String>> lists) {
        Map<String, String> owner = new HashMap<>();
        for (String list : List.of("problems", "recoveries", "neutral", "comparisons", "clause_breaks")) {
            for (String term : lists.get(list)) {
                String other = owner.putIfAbsent(String.join(" ", Tokenizer.words(term)), list);
                if (other != null && !other.equals(list)) {
                    throw error(where, quote(term) + " is listed in both " + other + " and " + list);
                }
            }
        }
    }

    private Map<String, Object> mapping(JsonNode node, String where, String key) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw error(where, key + " must be a mapping, got " + describe(node));
        }
        return YAML.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private String text(JsonNode node, String where, String key) {
        // YAML reads a bare yes/no/on/off as a boolean: say so rather than match the word "true".
        if (node.isTextual() || node.isNumber()) {
            return node.asText();
        }
        String hint = node.isBoolean() ? " (quote it: YAML reads a bare yes/no/on/off/true/false as a boolean)" : "";
        throw error(where, key + " must be text, got " + describe(node) + hint);
    }

    private JsonNode required(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw error(where, "missing key " + quote(key));
        }
        return value;
    }

    private void rejectUnknownKeys(JsonNode node, List<String> allowed, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw error(where, "unknown key " + quote(key) + " (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private CatalogException error(String where, String what) {
        return new CatalogException(origin + ": " + (where.isEmpty() ? "" : where + ": ") + what);
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isTextual() ? quote(node.asText()) : node.asText();
    }

    private static String quote(String value) {
        String line = oneLine(value);
        return "\"" + (line.length() > 60 ? line.substring(0, 57) + "..." : line) + "\"";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
