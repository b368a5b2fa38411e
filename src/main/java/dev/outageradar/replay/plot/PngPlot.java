package dev.outageradar.replay.plot;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The picture as a PNG, drawn with Java2D in memory: the same geometry and colours as the HTML, panels
 * stacked under one title. No window is ever opened, so it runs on a server without a display.
 */
final class PngPlot {

    static {
        // Only an in-memory image is drawn; headless keeps AWT from looking for a display. A choice the
        // user made on the command line wins.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font PAGE_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Stroke HAIRLINE = new BasicStroke(1);
    private static final Stroke EXPECTED = new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    private static final Stroke THRESHOLD = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
            new float[] {6, 4}, 0);

    private final Graphics2D g;

    private PngPlot(Graphics2D g) {
        this.g = g;
    }

    static BufferedImage render(Plot plot) {
        BufferedImage image = new BufferedImage(PanelLayout.WIDTH, PanelLayout.pageHeight(plot.panels().size()),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            new PngPlot(g).page(plot);
        } finally {
            g.dispose();
        }
        return image;
    }

    private void page(Plot plot) {
        g.setColor(Palette.awt(Palette.BACKGROUND));
        g.fillRect(0, 0, PanelLayout.WIDTH, PanelLayout.pageHeight(plot.panels().size()));
        text(Labels.pageTitle(plot), PAGE_TITLE, Palette.TEXT, 16, 24);
        text(Labels.pageNote(plot), TEXT, Palette.MUTED, 16, 44);
        if (plot.panels().isEmpty()) {
            return;
        }
        TimeAxis axis = PanelLayout.timeAxis(plot);
        AffineTransform page = g.getTransform();
        for (int i = 0; i < plot.panels().size(); i++) {
            g.translate(0, PanelLayout.HEADER + i * PanelLayout.HEIGHT);
            panel(new PanelLayout(plot.panels().get(i), axis));
            g.setTransform(page);
        }
    }

    private void panel(PanelLayout layout) {
        int titleWidth = text(layout.service().service(), TITLE, Palette.TEXT, PanelLayout.LEFT, PanelLayout.TITLE_Y);
        text(layout.stats(), TEXT, Palette.MUTED, PanelLayout.LEFT + titleWidth + 10, PanelLayout.TITLE_Y);
        legend();
        for (PanelLayout.Band band : layout.bands()) {
            g.setColor(Palette.awt(Palette.band(band.incident().severity())));
            g.fillRect(band.x0(), PanelLayout.TOP, band.x1() - band.x0(), PanelLayout.PLOT_HEIGHT);
        }
        countAxis(layout);
        int base = PanelLayout.TOP + PanelLayout.PLOT_HEIGHT;
        g.setColor(Palette.awt(Palette.COMPLAINTS));
        for (PanelLayout.Bar bar : layout.bars()) {
            int top = (int) Math.round(bar.y());
            g.fillRect(bar.x0(), top, bar.x1() - bar.x0(), base - top);
        }
        // Lines are antialiased, the rest is not: bars and bands keep crisp edges and exact colours.
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        polyline(layout.expectedLine(), Palette.EXPECTED, EXPECTED);
        polyline(layout.thresholdLine(), Palette.THRESHOLD, THRESHOLD);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        timeAxis(layout, base);
    }

    private void legend() {
        int y = PanelLayout.LEGEND_Y;
        for (PanelLayout.LegendEntry entry : PanelLayout.LEGEND) {
            g.setColor(Palette.awt(entry.colour()));
            switch (entry.mark()) {
                case BAR, BAND -> g.fillRect(entry.x(), y - 10, 20, 12);
                case LINE -> {
                    g.setStroke(EXPECTED);
                    g.drawLine(entry.x(), y - 4, entry.x() + 20, y - 4);
                }
                case DASHED -> {
                    g.setStroke(THRESHOLD);
                    g.drawLine(entry.x(), y - 4, entry.x() + 20, y - 4);
                }
            }
            text(entry.label(), TEXT, Palette.TEXT, entry.x() + 26, y);
        }
        g.setStroke(HAIRLINE);
    }

    private void countAxis(PanelLayout layout) {
        for (PanelLayout.CountTick tick : layout.countTicks()) {
            int y = (int) Math.round(tick.y());
            g.setColor(Palette.awt(Palette.GRID));
            g.drawLine(PanelLayout.LEFT, y, PanelLayout.LEFT + PanelLayout.PLOT_WIDTH, y);
            int width = g.getFontMetrics(TEXT).stringWidth(tick.label());
            text(tick.label(), TEXT, Palette.TEXT, PanelLayout.LEFT - 6 - width, y + 4);
        }
    }

    private void polyline(List<PanelLayout.Point> points, int colour, Stroke stroke) {
        if (points.isEmpty()) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(points.get(0).x(), points.get(0).y());
        points.subList(1, points.size()).forEach(p -> path.lineTo(p.x(), p.y()));
        g.setColor(Palette.awt(colour));
        g.setStroke(stroke);
        g.draw(path);
        g.setStroke(HAIRLINE);
    }

    private void timeAxis(PanelLayout layout, int base) {
        g.setColor(Palette.awt(Palette.AXIS));
        g.drawLine(PanelLayout.LEFT, base, PanelLayout.LEFT + PanelLayout.PLOT_WIDTH, base);
        FontMetrics metrics = g.getFontMetrics(TEXT);
        text("UTC", TEXT, Palette.MUTED, PanelLayout.UTC_RIGHT - metrics.stringWidth("UTC"), base + 16);
        for (TimeAxis.Tick tick : layout.timeTicks()) {
            int x = (int) Math.round(tick.x());
            g.setColor(Palette.awt(Palette.AXIS));
            g.drawLine(x, base, x, base + 5);
            text(tick.label(), TEXT, Palette.TEXT, x - metrics.stringWidth(tick.label()) / 2, base + 16);
            text(tick.context(), TEXT, Palette.MUTED, x - metrics.stringWidth(tick.context()) / 2, base + 31);
        }
    }

    /** Draws {@code s} with its baseline at {@code y}; returns its width. */
    private int text(String s, Font font, int colour, int x, int y) {
        g.setFont(font);
        g.setColor(Palette.awt(colour));
        g.drawString(s, x, y);
        return g.getFontMetrics().stringWidth(s);
    }
}
