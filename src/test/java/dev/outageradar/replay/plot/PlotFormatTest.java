package dev.outageradar.replay.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outageradar.config.ConfigException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlotFormatTest {

    @ParameterizedTest
    @CsvSource({"out/backtest.png, PNG", "BACKTEST.PNG, PNG", "backtest.html, HTML", "report.Html, HTML"})
    void theFormatFollowsTheFileExtensionInAnyCase(String file, PlotFormat format) {
        assertThat(PlotFormat.of(Path.of(file))).isEqualTo(format);
    }

    @ParameterizedTest
    @ValueSource(strings = {"backtest.svg", "backtest.htm", "backtest", "png", ".html", "backtest.png.gz"})
    void anyOtherFileNameIsRefusedWithOneLine(String file) {
        assertThatThrownBy(() -> PlotFormat.of(Path.of(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("plot file must end in .png or .html: " + file);
    }

    @Test
    void aFeedWithoutComplaintsStillGivesAPictureThatSaysSo(@TempDir Path dir) throws Exception {
        Plot empty = new PlotData().plot(PlotSelection.top(PlotSelection.DEFAULT_TOP));
        Path html = dir.resolve("backtest.html");
        Path png = dir.resolve("backtest.png");

        PlotFormat.HTML.write(empty, html);
        PlotFormat.PNG.write(empty, png);

        assertThat(Files.readString(html)).contains("<h1>outage-radar backtest: no window was judged</h1>",
                "<p class=\"note\">No service had a complaint in this feed.</p>").doesNotContain("<svg");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(PanelLayout.WIDTH);
        assertThat(image.getHeight()).isEqualTo(PanelLayout.HEADER);
    }

    @Test
    void aFileInAMissingDirectoryIsAOneLineError(@TempDir Path dir) {
        Path file = dir.resolve("missing").resolve("backtest.html");
        Plot plot = new Plot(null, null, 0, List.of());

        assertThatThrownBy(() -> PlotFormat.of(file).write(plot, file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("cannot write plot file " + file + ": its directory does not exist");
    }
}
