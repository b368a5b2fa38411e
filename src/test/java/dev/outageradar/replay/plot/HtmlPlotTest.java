package dev.outageradar.replay.plot;

import static dev.outageradar.replay.plot.PlotFixtures.STEAM_OUTAGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The page is written as well-formed XML on purpose, so these tests read it with a parser, not with regexes. */
class HtmlPlotTest {

    private static final Plot PLOT = PlotFixtures.steamOutageDay().plot(PlotSelection.of(List.of("steam", "spotify")));
    private static String html;
    private static Document page;

    @BeforeAll
    static void render() throws Exception {
        html = HtmlPlot.render(PLOT);
        page = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachChosenServiceHasOnePanelInTheOrderChosen() {
        List<Element> panels = elements("//figure[@class='panel']");

        assertThat(panels).extracting(p -> p.getAttribute("data-service")).containsExactly("steam", "spotify");
        assertThat(elements("//figure/svg")).hasSize(2);
        assertThat(texts("//figure/svg/text/tspan[@class='service']")).containsExactly("steam", "spotify");
        assertThat(texts("//figure[@data-service='steam']//tspan[@class='stats']")).containsExactly(
                "1 incident · 26.7k complaints · peak 1,000 in a 1 min window · square-root count scale");
    }

    @Test
    void theIncidentIsShadedOverItsFortyMinutesWithItsIdAndSeverityInATooltip() {
        List<Element> bands = elements("//rect[starts-with(@class, 'incident')]");

        // A day over 1,110 px from x=70: 14:00 falls at 717.5 and 14:40 at 748.3; the band covers both pixels.
        assertThat(bands).singleElement().satisfies(band -> {
            assertThat(((Element) band.getParentNode().getParentNode()).getAttribute("data-service")).isEqualTo("steam");
            assertThat(band.getAttribute("class")).isEqualTo("incident critical");
            assertThat(band.getAttribute("data-incident")).isEqualTo(STEAM_OUTAGE);
            assertThat(band.getAttribute("data-start")).isEqualTo("2024-09-30T14:00:00Z");
            assertThat(band.getAttribute("data-end")).isEqualTo("2024-09-30T14:40:00Z");
            assertThat(band.getAttribute("x")).isEqualTo("717");
            assertThat(band.getAttribute("width")).isEqualTo("32");
            assertThat(band.getAttribute("y")).isEqualTo(String.valueOf(PanelLayout.TOP));
            assertThat(band.getAttribute("height")).isEqualTo(String.valueOf(PanelLayout.PLOT_HEIGHT));
            assertThat(band.getAttribute("fill")).isEqualTo("#f8bfc0");
            assertThat(band.getTextContent()).isEqualTo(STEAM_OUTAGE + " · CRITICAL · 2024-09-30 14:00 to "
                    + "2024-09-30 14:40 UTC (40 min) · peak 1,000 per window");
        });
    }

    @Test
    void everyPanelHasTheLegend() {
        List<String> legend = List.of("complaints per window", "expected", "threshold", "minor incident",
                "major incident", "critical incident");

        assertThat(texts("//figure[@data-service='steam']//g[@class='legend']/text")).isEqualTo(legend);
        assertThat(texts("//figure[@data-service='spotify']//g[@class='legend']/text")).isEqualTo(legend);
    }

    @Test
    void expectedIsASolidLineAndTheThresholdADashedOneAboveItAcrossTheWholeDay() {
        PanelLayout steam = new PanelLayout(PLOT.panels().get(0), PanelLayout.timeAxis(PLOT));
        Element expected = element("//figure[@data-service='steam']//path[@class='expected']");
        Element threshold = element("//figure[@data-service='steam']//path[@class='threshold']");

        // Steam expects 10 a minute all day, with a threshold at 30: two flat lines, first column to last.
        assertThat(expected.getAttribute("d")).isEqualTo(flatLine(steam.y(10)));
        assertThat(expected.hasAttribute("stroke-dasharray")).isFalse();
        assertThat(threshold.getAttribute("d")).isEqualTo(flatLine(steam.y(30)));
        assertThat(threshold.getAttribute("stroke-dasharray")).isEqualTo("6 4");
    }

    @Test
    void theSpikeIsABarUpToItsCountAndTheNormalLevelBarsSpanTheRestOfTheDay() {
        PanelLayout steam = new PanelLayout(PLOT.panels().get(0), PanelLayout.timeAxis(PLOT));
        String bars = element("//figure[@data-service='steam']//path[@class='complaints']").getAttribute("d");

        assertThat(bars).isEqualTo("M70 236.0V" + y(steam, 10) + "H717V236.0Z"
                + "M717 236.0V" + y(steam, 300) + "H721V236.0Z"
                + "M721 236.0V" + y(steam, 1_000) + "H723V236.0Z"
                + "M723 236.0V" + y(steam, 300) + "H749V236.0Z"
                + "M749 236.0V" + y(steam, 10) + "H1180V236.0Z");
    }

    @Test
    void theTimeAxisIsInUtcEveryThreeHoursWithTheDateUnderMidnight() {
        assertThat(texts("//figure[@data-service='steam']//g[@class='time-axis']/text")).containsExactly(
                "UTC", "00:00", "Sep 30", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00", "00:00",
                "Oct 1");
    }

    @Test
    void thePageIsSelfContained() {
        assertThat(html).doesNotContain("<script", "src=", "href=", "url(", "@import", "<link");
        assertThat(html.split("http", -1)).hasSize(1 + elements("//svg").size());
        assertThat(html).contains("xmlns=\"http://www.w3.org/2000/svg\"");
    }

    private static String flatLine(double y) {
        String at = String.format(Locale.ROOT, "%.1f", y);
        return "M70.5 " + at + "L1179.5 " + at;
    }

    private static String y(PanelLayout layout, long count) {
        return String.format(Locale.ROOT, "%.1f", layout.y(count));
    }

    private static Element element(String xpath) {
        List<Element> found = elements(xpath);
        assertThat(found).as(xpath).hasSize(1);
        return found.get(0);
    }

    private static List<String> texts(String xpath) {
        return elements(xpath).stream().map(Node::getTextContent).toList();
    }

    private static List<Element> elements(String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(xpath, page, XPathConstants.NODESET);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add((Element) nodes.item(i));
            }
            return out;
        } catch (XPathExpressionException e) {
            throw new AssertionError(xpath, e);
        }
    }
}
