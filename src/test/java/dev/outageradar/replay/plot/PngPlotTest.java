package dev.outageradar.replay.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngPlotTest {

    /** A row just under the top of the plot area: above every bar and gridline, so only bands colour it. */
    private static final int ABOVE_THE_DATA = PanelLayout.TOP + 2;
    private static final int CRITICAL_BAND = 0xF8BFC0;

    @TempDir
    static Path dir;
    private static BufferedImage image;

    @BeforeAll
    static void drawAndReadBack() throws Exception {
        Plot plot = PlotFixtures.steamOutageDay().plot(PlotSelection.of(List.of("steam", "spotify")));
        Path file = dir.resolve("backtest.png");

        PlotFormat.of(file).write(plot, file);

        image = ImageIO.read(file.toFile());
    }

    @Test
    void thePngDecodesToTwoPanelsUnderTheTitle() {
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1_200);
        assertThat(image.getHeight()).isEqualTo(PanelLayout.HEADER + 2 * PanelLayout.HEIGHT);
    }

    @Test
    void theIncidentIsShadedFromFourteenToFourteenFortyAndNowhereElse() {
        int steamRow = PanelLayout.HEADER + ABOVE_THE_DATA;
        int spotifyRow = PanelLayout.HEADER + PanelLayout.HEIGHT + ABOVE_THE_DATA;

        // 14:00 falls at x=717.5 and 14:40 at 748.3: the band is pixels 717 to 748.
        assertThat(columnsColoured(steamRow, CRITICAL_BAND)).isEqualTo(range(717, 749));
        assertThat(columnsColoured(steamRow, Palette.BACKGROUND)).hasSize(PanelLayout.PLOT_WIDTH - 32);
        assertThat(columnsColoured(spotifyRow, CRITICAL_BAND)).isEmpty();
        assertThat(columnsColoured(spotifyRow, Palette.BACKGROUND)).hasSize(PanelLayout.PLOT_WIDTH);
    }

    @Test
    void theSpikeIsDrawnInsideTheBandAndTheNormalDayUnderIt() {
        int nearTheTop = PanelLayout.HEADER + PanelLayout.TOP + 10;
        int nearTheBottom = PanelLayout.HEADER + PanelLayout.TOP + PanelLayout.PLOT_HEIGHT - 3;

        assertThat(columnsColoured(nearTheTop, Palette.COMPLAINTS)).isEqualTo(range(721, 723));
        assertThat(columnsColoured(nearTheBottom, Palette.COMPLAINTS)).hasSize(PanelLayout.PLOT_WIDTH);
    }

    private static List<Integer> columnsColoured(int y, int rgb) {
        List<Integer> xs = new ArrayList<>();
        for (int x = PanelLayout.LEFT; x < PanelLayout.LEFT + PanelLayout.PLOT_WIDTH; x++) {
            if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                xs.add(x);
            }
        }
        return xs;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> xs = new ArrayList<>();
        for (int x = from; x < to; x++) {
            xs.add(x);
        }
        return xs;
    }
}
