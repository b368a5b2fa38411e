package dev.outageradar.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outageradar.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceCatalogTest {

    static final Path FIXTURE = Path.of("src/test/resources/classify/test-services.yaml");

    private static final String VOCABULARY = """
            vocabulary:
              problems: [down]
            """;

    @Test
    void loadsEveryFieldOfTheCatalogInFileOrder() {
        ServiceCatalog catalog = ServiceCatalog.load(FIXTURE);

        assertThat(catalog.services()).extracting(ServiceDefinition::id)
                .containsExactly("spotify", "netflix", "youtube", "youtube-music", "steam");
        assertThat(catalog.service("spotify")).contains(new ServiceDefinition("spotify", "Spotify",
                List.of("spotify"), List.of("spotifydown"), List.of("spotify outage"),
                List.of("SpotifyCares", "SpotifyStatus"), List.of("spotify wrapped"), Map.of("min_complaints", 10)));
        assertThat(catalog.service("netflix").orElseThrow().detector()).isEmpty();
        assertThat(catalog.service("hulu")).isEmpty();
        assertThat(catalog.detectorDefaults()).isEqualTo(Map.of("min_complaints", 5));
        Vocabulary vocabulary = catalog.vocabulary();
        assertThat(vocabulary.problems())
                .containsExactly("down", "outage", "not working", "isn't working", "won't load", "can't log in");
        assertThat(vocabulary.recoveries()).contains("not down", "works for me");
        assertThat(vocabulary.neutral()).containsExactly("calm down", "so is");
        assertThat(vocabulary.comparisons()).containsExactly("too", "also", "as well", "either", "or just");
        assertThat(vocabulary.clauseBreaks())
                .containsExactly("so", "but", "because", "since", "while", "though", "instead");
        assertThat(vocabulary.topics().keySet()).containsExactly("login", "playback", "app");
        assertThat(vocabulary.topics().get("login")).containsExactly("log in", "login", "password");
    }

    @Test
    void acceptsHashtagsAndHandlesWrittenWithTheirMarkAndKeepsThemWithout() {
        ServiceCatalog catalog = ServiceCatalog.parse(VOCABULARY + """
                services:
                  - {id: spotify, name: Spotify, hashtags: ["#SpotifyDown"], handles: ["@SpotifyCares"]}
                """, "test.yaml");

        ServiceDefinition spotify = catalog.service("spotify").orElseThrow();
        assertThat(spotify.hashtags()).containsExactly("SpotifyDown");
        assertThat(spotify.handles()).containsExactly("SpotifyCares");
        assertThat(spotify.names()).isEmpty();
    }

    @Test
    void theCatalogCannotBeChangedAfterLoading() {
        ServiceCatalog catalog = ServiceCatalog.load(FIXTURE);

        assertThatThrownBy(() -> catalog.services().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.service("spotify").orElseThrow().detector().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.vocabulary().topics().get("login").add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    static List<Arguments> invalidCatalogs() {
        return List.of(
                Arguments.of("an id outside [a-z0-9-]", VOCABULARY + """
                        services:
                          - {id: spot ify, name: Spotify, names: [spotify]}
                        """, "test.yaml: service \"spot ify\": id must match [a-z0-9-]+"),
                Arguments.of("an unknown service key", VOCABULARY + """
                        services:
                          - {id: spotify, name: Spotify, hashtag: [spotifydown]}
                        """, "test.yaml: service \"spotify\": unknown key \"hashtag\" (allowed: id, name, names, "
                        + "hashtags, phrases, handles, exclusions, detector)"),
                Arguments.of("an unknown top-level key", VOCABULARY + """
                        service: []
                        """, "test.yaml: unknown key \"service\" (allowed: vocabulary, detector_defaults, services)"),
                Arguments.of("an unknown vocabulary key", """
                        vocabulary: {problems: [down], recovery: [back up]}
                        services: [{id: spotify, name: Spotify, names: [spotify]}]
                        """, "test.yaml: vocabulary: unknown key \"recovery\" (allowed: problems, recoveries, "
                        + "neutral, comparisons, clause_breaks, topics)"),
                Arguments.of("a duplicate id", VOCABULARY + """
                        services:
                          - {id: spotify, name: Spotify, names: [spotify]}
                          - {id: netflix, name: Netflix, names: [netflix]}
                          - {id: spotify, name: Spotify again, names: [spotify music]}
                        """, "test.yaml: service \"spotify\": id is used twice (services #1 and #3); "
                        + "ids must be unique"),
                Arguments.of("a service nothing can match", VOCABULARY + """
                        services:
                          - {id: spotify, name: Spotify, names: [], exclusions: [spotify wrapped]}
                        """, "test.yaml: service \"spotify\": needs at least one of names, hashtags, phrases, "
                        + "handles, or no post can match it"),
                Arguments.of("a service without id", VOCABULARY + """
                        services:
                          - {id: spotify, name: Spotify, names: [spotify]}
                          - {name: Netflix, names: [netflix]}
                        """, "test.yaml: service #2: missing key \"id\""),
                Arguments.of("a service without name", VOCABULARY + """
                        services:
                          - {id: spotify, names: [spotify]}
                        """, "test.yaml: service \"spotify\": missing key \"name\""),
                Arguments.of("names that are not a list", VOCABULARY + """
                        services:
                          - {id: spotify, name: Spotify, names: spotify}
                        """, "test.yaml: service \"spotify\": names must be a list of terms, got \"spotify\""),
                Arguments.of("a hashtag of two words", VOCABULARY + """
                        services:
                          - {id: spotify, name: Spotify, hashtags: [spotify down]}
                        """, "test.yaml: service \"spotify\": hashtags: \"spotify down\" must be one word of "
                        + "letters, digits or _ (at most 64), written without '#'"),
                Arguments.of("a handle with a dot", VOCABULARY + """
                        services:
                          - {id: spotify, name: Spotify, handles: [spotify.status]}
                        """, "test.yaml: service \"spotify\": handles: \"spotify.status\" must be one word of "
                        + "letters, digits or _ (at most 64), written without '@'"),
                Arguments.of("a name without words", VOCABULARY + """
                        services:
                          - {id: spotify, name: Spotify, names: ["!!!"]}
                        """, "test.yaml: service \"spotify\": names: \"!!!\" must contain a word (letters or digits)"),
                Arguments.of("a hashtag among the names", VOCABULARY + """
                        services:
                          - {id: spotify, name: Spotify, names: ["#spotify"]}
                        """, "test.yaml: service \"spotify\": names: \"#spotify\" must be plain words; list #tags "
                        + "under hashtags and @accounts under handles"),
                Arguments.of("a bare yes in a list", """
                        vocabulary: {problems: [down, yes]}
                        services: [{id: spotify, name: Spotify, names: [spotify]}]
                        """, "test.yaml: vocabulary: problems must be text, got true (quote it: YAML reads a bare "
                        + "yes/no/on/off/true/false as a boolean)"),
                Arguments.of("a term that is a problem and a recovery", """
                        vocabulary: {problems: [down, "back up"], recoveries: ["back  up"]}
                        services: [{id: spotify, name: Spotify, names: [spotify]}]
                        """, "test.yaml: vocabulary: \"back  up\" is listed in both problems and recoveries"),
                Arguments.of("a term that is a problem and a comparison", """
                        vocabulary: {problems: [down, "or just"], comparisons: [too, "Or Just"]}
                        services: [{id: spotify, name: Spotify, names: [spotify]}]
                        """, "test.yaml: vocabulary: \"Or Just\" is listed in both problems and comparisons"),
                Arguments.of("a term that is a comparison and a clause break", """
                        vocabulary: {problems: [down], comparisons: [too, also], clause_breaks: [so, Also]}
                        services: [{id: spotify, name: Spotify, names: [spotify]}]
                        """, "test.yaml: vocabulary: \"Also\" is listed in both comparisons and clause_breaks"),
                Arguments.of("clause breaks that are not a list", """
                        vocabulary: {problems: [down], clause_breaks: so}
                        services: [{id: spotify, name: Spotify, names: [spotify]}]
                        """, "test.yaml: vocabulary: clause_breaks must be a list of terms, got \"so\""),
                Arguments.of("comparisons that are not a list", """
                        vocabulary: {problems: [down], comparisons: too}
                        services: [{id: spotify, name: Spotify, names: [spotify]}]
                        """, "test.yaml: vocabulary: comparisons must be a list of terms, got \"too\""),
                Arguments.of("a comparison without words", """
                        vocabulary: {problems: [down], comparisons: [too, "?"]}
                        services: [{id: spotify, name: Spotify, names: [spotify]}]
                        """, "test.yaml: vocabulary: comparisons: \"?\" must contain a word (letters or digits)"),
                Arguments.of("a vocabulary without problems", """
                        vocabulary: {recoveries: ["back up"]}
                        services: [{id: spotify, name: Spotify, names: [spotify]}]
                        """, "test.yaml: vocabulary: missing key \"problems\""),
                Arguments.of("a topic key with spaces", """
                        vocabulary: {problems: [down], topics: {"log in": [login]}}
                        services: [{id: spotify, name: Spotify, names: [spotify]}]
                        """, "test.yaml: vocabulary: topics: key \"log in\" must match [a-z0-9_]+"),
                Arguments.of("a detector that is not a mapping", VOCABULARY + """
                        services:
                          - {id: spotify, name: Spotify, names: [spotify], detector: [fast]}
                        """, "test.yaml: service \"spotify\": detector must be a mapping, got a list"),
                Arguments.of("no services", VOCABULARY + """
                        services: []
                        """, "test.yaml: services must be a non-empty list of services, got a list"),
                Arguments.of("an empty file", "", "test.yaml: is empty; expected keys vocabulary, "
                        + "detector_defaults, services"),
                Arguments.of("malformed YAML", VOCABULARY + """
                        services:
                          - id: spotify
                            name: Spotify
                           names: [spotify]
                        """, "test.yaml: line 6: malformed YAML: expected <block end>, but found '<block mapping "
                        + "start>'"),
                Arguments.of("a key written twice", VOCABULARY + """
                        services:
                          - id: spotify
                            name: Spotify
                            name: Spotify Music
                        """, "test.yaml: line 6: malformed YAML: Duplicate field 'name'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCatalogs")
    void anInvalidCatalogIsRejectedWithOneLineNamingTheProblem(String problem, String yaml, String message) {
        assertThatThrownBy(() -> ServiceCatalog.parse(yaml, "test.yaml"))
                .isInstanceOf(CatalogException.class)
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void aMissingFileIsNamedInTheError(@TempDir Path dir) {
        Path missing = dir.resolve("services.yaml");

        assertThatThrownBy(() -> ServiceCatalog.load(missing))
                .isInstanceOf(CatalogException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void errorsFromAFileNameThatFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("services.yaml"), VOCABULARY + "services: [{id: Spotify}]\n");

        assertThatThrownBy(() -> ServiceCatalog.load(file))
                .hasMessage(file + ": service \"Spotify\": id must match [a-z0-9-]+");
    }
}
