package dev.outageradar.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A generated catalog of 1,000 services compiles into one matcher that tells every service apart. */
class LargeCatalogTest {

    private static final int SERVICES = 1_000;
    private static final ServiceCatalog CATALOG = ServiceCatalog.parse(generatedCatalog(), "generated.yaml");
    private static final ComplaintMatcher MATCHER = ComplaintMatcher.compile(CATALOG);

    /** Service n is "brandNNNN" (or "brand NNNN cloud"), with #brandNNNNdown, @brandNNNNhelp, "brandNNNN merch". */
    private static String generatedCatalog() {
        StringBuilder yaml = new StringBuilder("""
                vocabulary:
                  problems: [down, "not working", "can't log in"]
                  recoveries: ["back up", "not down"]
                  topics:
                    login: ["log in", password]
                services:
                """);
        for (int n = 0; n < SERVICES; n++) {
            yaml.append(String.format("""
                      - id: service-%1$04d
                        name: Service %1$04d
                        names: [brand%1$04d, "brand %1$04d cloud"]
                        hashtags: [brand%1$04ddown]
                        handles: [brand%1$04dhelp]
                        exclusions: ["brand%1$04d merch"]
                    """, n));
        }
        return yaml.toString();
    }

    @Test
    void everyServiceIsFoundByItsNameAndOnlyThatService() {
        assertThat(CATALOG.services()).hasSize(SERVICES);
        for (int n = 0; n < SERVICES; n++) {
            String id = String.format("service-%04d", n);

            assertThat(MATCHER.classify(String.format("is brand%04d down?", n)).complaints())
                    .as(id).containsExactly(id);
        }
    }

    @Test
    void everyKindOfTermWorksAtThisSize() {
        assertThat(MATCHER.classify("#Brand0123Down")).isEqualTo(complaint("service-0123"));
        assertThat(MATCHER.classify("brand 0777 cloud is down")).isEqualTo(complaint("service-0777"));
        assertThat(MATCHER.classify("@Brand0500Help can't log in"))
                .isEqualTo(new Classification(List.of("service-0500"), List.of(), List.of("login")));
        assertThat(MATCHER.classify("brand0998 and brand0001 not working"))
                .isEqualTo(new Classification(List.of("service-0001", "service-0998"), List.of(), List.of()));
        assertThat(MATCHER.classify("brand0042 is back up"))
                .isEqualTo(new Classification(List.of(), List.of("service-0042"), List.of()));
    }

    @Test
    void nearMissesAndExclusionsStillMatchNothing() {
        assertThat(MATCHER.classify("brand0001x is down")).isSameAs(Classification.NONE);
        assertThat(MATCHER.classify("brand1000 is down")).isSameAs(Classification.NONE);
        assertThat(MATCHER.classify("brand 0777 is down")).isSameAs(Classification.NONE);
        assertThat(MATCHER.classify("brand0042 merch is down")).isSameAs(Classification.NONE);
    }

    private static Classification complaint(String id) {
        return new Classification(List.of(id), List.of(), List.of());
    }
}
