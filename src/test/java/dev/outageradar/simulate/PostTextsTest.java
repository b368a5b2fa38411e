package dev.outageradar.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract with the classifier: complaints name the service next to a problem term; negated and
 * recovery posts carry a recovery phrase; ordinary and viral mentions carry neither.
 */
class PostTextsTest {

    private static final List<KnownService> SERVICES = KnownServices.all();

    @Test
    void everyComplaintTemplateNamesTheServiceNextToAProblemTermAndNoRecoveryPhrase() {
        List<String> templates = new ArrayList<>(ComplaintTexts.GENERAL);
        ComplaintTexts.BY_TOPIC.values().forEach(templates::addAll);

        for (KnownService service : SERVICES) {
            for (String template : templates) {
                String text = fill(template, service);
                assertThat(namesService(text, service)).as(text).isTrue();
                assertThat(ComplaintTexts.PROBLEM_TERMS).as(text).anyMatch(text::contains);
                assertThat(ComplaintTexts.RECOVERY_PHRASES).as(text).noneMatch(text::contains);
            }
        }
    }

    @Test
    void everyNegatedAndRecoveryTemplateNamesTheServiceAndCarriesARecoveryPhrase() {
        for (KnownService service : SERVICES) {
            for (String template : concat(ComplaintTexts.NEGATED, ComplaintTexts.RECOVERY)) {
                String text = fill(template, service);
                assertThat(namesService(text, service)).as(text).isTrue();
                assertThat(ComplaintTexts.RECOVERY_PHRASES).as(text).anyMatch(text::contains);
            }
        }
    }

    @Test
    void everydayAndViralMentionsNameTheServiceWithoutAProblemTermOrRecoveryPhrase() {
        List<String> templates = new ArrayList<>(MentionTexts.ANY_SERVICE);
        MentionTexts.EVERYDAY.values().forEach(templates::addAll);
        MentionTexts.VIRAL_BY_SERVICE.values().forEach(templates::addAll);
        templates.addAll(MentionTexts.VIRAL_ANY);

        for (KnownService service : SERVICES) {
            for (String template : templates) {
                String text = fill(template, service);
                assertThat(ComplaintTexts.PROBLEM_TERMS).as(text).noneMatch(text::contains);
                assertThat(ComplaintTexts.RECOVERY_PHRASES).as(text).noneMatch(text::contains);
            }
        }
        assertThat(MentionTexts.EVERYDAY).containsOnlyKeys(Category.values());
    }

    @Test
    void competitorTemplatesNameBothTheServiceThatIsDownAndItsRival() {
        KnownService spotify = KnownServices.require("spotify");
        KnownService appleMusic = KnownServices.require("apple-music");

        for (String template : ComplaintTexts.COMPETITOR) {
            String text = Template.fill(template, spotify, appleMusic, new Rng(1)).toLowerCase(Locale.ROOT);
            assertThat(namesService(text, spotify)).as(text).isTrue();
            assertThat(text).contains("apple music");
        }
    }

    private static String fill(String template, KnownService service) {
        return Template.fill(template, service, null, new Rng(1)).toLowerCase(Locale.ROOT);
    }

    private static boolean namesService(String lowercaseText, KnownService service) {
        return Stream.of(service.lowercaseName(), service.downHashtag(), service.handle())
                .map(s -> s.toLowerCase(Locale.ROOT)).anyMatch(lowercaseText::contains);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
