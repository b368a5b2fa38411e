package dev.outageradar.replay.plot;

import java.util.List;
import java.util.Locale;

/**
 * The picture as one self-contained HTML page: an inline SVG per panel, no script, no font or style sheet
 * to fetch, so it opens anywhere, offline, and can be attached to an incident review. Incident bands carry
 * their id, severity and times as a tooltip; the data marks let the pointer through to them.
 */
final class HtmlPlot {

    private static final String STYLE = "body{font-family:sans-serif;margin:16px;color:" + Palette.hex(Palette.TEXT)
            + ";background:" + Palette.hex(Palette.BACKGROUND) + "}h1{font-size:18px;margin:0 0 4px}"
            + "p.note{font-size:13px;color:" + Palette.hex(Palette.MUTED) + ";margin:0 0 12px}"
            + "figure{margin:0 0 8px}svg{display:block;max-width:100%;height:auto}"
            + "svg text{font-family:sans-serif;font-size:12px}";

    private final StringBuilder out = new StringBuilder();

    private HtmlPlot() {
    }

    static String render(Plot plot) {
        return new HtmlPlot().page(plot);
    }

    private String page(Plot plot) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(escape(Labels.pageTitle(plot))).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(Labels.pageTitle(plot))).append("</h1>\n")
                .append("<p class=\"note\">").append(escape(Labels.pageNote(plot))).append("</p>\n");
        if (!plot.panels().isEmpty()) {
            TimeAxis axis = PanelLayout.timeAxis(plot);
            plot.panels().forEach(service -> panel(new PanelLayout(service, axis)));
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private void panel(PanelLayout layout) {
        String service = escape(layout.service().service());
        out.append("<figure class=\"panel\" data-service=\"").append(service).append("\">\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(PanelLayout.WIDTH)
                .append("\" height=\"").append(PanelLayout.HEIGHT).append("\" viewBox=\"0 0 ")
                .append(PanelLayout.WIDTH).append(' ').append(PanelLayout.HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(service).append(": ").append(escape(layout.stats())).append("\">\n");
        out.append("<text x=\"").append(PanelLayout.LEFT).append("\" y=\"").append(PanelLayout.TITLE_Y)
                .append("\"><tspan class=\"service\" font-weight=\"bold\" font-size=\"14\">").append(service)
                .append("</tspan><tspan class=\"stats\" dx=\"10\" fill=\"").append(Palette.hex(Palette.MUTED))
                .append("\">").append(escape(layout.stats())).append("</tspan></text>\n");
        legend();
        bands(layout);
        countAxis(layout);
        bars(layout);
        line("expected", layout.expectedLine(), Palette.EXPECTED, "2", null);
        line("threshold", layout.thresholdLine(), Palette.THRESHOLD, "1.5", "6 4");
        timeAxis(layout);
        out.append("</svg>\n</figure>\n");
    }

    private void legend() {
        out.append("<g class=\"legend\">\n");
        int y = PanelLayout.LEGEND_Y;
        for (PanelLayout.LegendEntry entry : PanelLayout.LEGEND) {
            String colour = Palette.hex(entry.colour());
            switch (entry.mark()) {
                case BAR, BAND -> out.append(rect(entry.x(), y - 10, 20, 12, colour));
                case LINE -> out.append(path("M" + entry.x() + " " + (y - 4) + "h20", colour, "2", null));
                case DASHED -> out.append(path("M" + entry.x() + " " + (y - 4) + "h20", colour, "1.5", "6 4"));
            }
            out.append("<text x=\"").append(entry.x() + 26).append("\" y=\"").append(y).append("\">")
                    .append(escape(entry.label())).append("</text>\n");
        }
        out.append("</g>\n");
    }

    private void bands(PanelLayout layout) {
        for (PanelLayout.Band band : layout.bands()) {
            Incident incident = band.incident();
            out.append("<rect class=\"incident ").append(incident.severity().name().toLowerCase(Locale.ROOT))
                    .append("\" data-incident=\"").append(escape(incident.id()))
                    .append("\" data-start=\"").append(incident.start()).append("\" data-end=\"").append(incident.end())
                    .append("\" x=\"").append(band.x0()).append("\" y=\"").append(PanelLayout.TOP)
                    .append("\" width=\"").append(band.x1() - band.x0()).append("\" height=\"")
                    .append(PanelLayout.PLOT_HEIGHT).append("\" fill=\"")
                    .append(Palette.hex(Palette.band(incident.severity()))).append("\"><title>")
                    .append(escape(Labels.incident(incident))).append("</title></rect>\n");
        }
    }

    private void countAxis(PanelLayout layout) {
        out.append("<g class=\"count-axis\">\n");
        int left = PanelLayout.LEFT;
        for (PanelLayout.CountTick tick : layout.countTicks()) {
            String y = num(tick.y());
            out.append("<path d=\"M").append(left).append(' ').append(y).append("h").append(PanelLayout.PLOT_WIDTH)
                    .append("\" stroke=\"").append(Palette.hex(Palette.GRID)).append("\"/>\n")
                    .append("<text x=\"").append(left - 6).append("\" y=\"").append(num(tick.y() + 4))
                    .append("\" text-anchor=\"end\">").append(tick.label()).append("</text>\n");
        }
        out.append("</g>\n");
    }

    /** All bars as one path: a few hundred rectangles would be a few hundred elements. */
    private void bars(PanelLayout layout) {
        StringBuilder d = new StringBuilder();
        double base = PanelLayout.TOP + PanelLayout.PLOT_HEIGHT;
        for (PanelLayout.Bar bar : layout.bars()) {
            d.append('M').append(bar.x0()).append(' ').append(num(base)).append('V').append(num(bar.y()))
                    .append('H').append(bar.x1()).append('V').append(num(base)).append('Z');
        }
        out.append("<path class=\"complaints\" d=\"").append(d).append("\" fill=\"")
                .append(Palette.hex(Palette.COMPLAINTS)).append("\" pointer-events=\"none\"/>\n");
    }

    private void line(String name, List<PanelLayout.Point> points, int colour, String width, String dashes) {
        StringBuilder d = new StringBuilder();
        for (PanelLayout.Point p : points) {
            d.append(d.length() == 0 ? 'M' : 'L').append(num(p.x())).append(' ').append(num(p.y()));
        }
        out.append("<path class=\"").append(name).append("\" pointer-events=\"none\" ")
                .append(strokeAttributes(d.toString(), Palette.hex(colour), width, dashes)).append("/>\n");
    }

    private void timeAxis(PanelLayout layout) {
        int base = PanelLayout.TOP + PanelLayout.PLOT_HEIGHT;
        out.append("<g class=\"time-axis\">\n")
                .append(path("M" + PanelLayout.LEFT + " " + base + "h" + PanelLayout.PLOT_WIDTH,
                        Palette.hex(Palette.AXIS), "1", null))
                .append("<text x=\"").append(PanelLayout.UTC_RIGHT).append("\" y=\"").append(base + 16)
                .append("\" text-anchor=\"end\" fill=\"").append(Palette.hex(Palette.MUTED)).append("\">UTC</text>\n");
        for (TimeAxis.Tick tick : layout.timeTicks()) {
            String x = num(tick.x());
            out.append(path("M" + x + " " + base + "v5", Palette.hex(Palette.AXIS), "1", null))
                    .append("<text x=\"").append(x).append("\" y=\"").append(base + 16)
                    .append("\" text-anchor=\"middle\">").append(tick.label()).append("</text>\n");
            if (!tick.context().isEmpty()) {
                out.append("<text x=\"").append(x).append("\" y=\"").append(base + 31)
                        .append("\" text-anchor=\"middle\" fill=\"").append(Palette.hex(Palette.MUTED)).append("\">")
                        .append(tick.context()).append("</text>\n");
            }
        }
        out.append("</g>\n");
    }

    private static String rect(int x, int y, int width, int height, String fill) {
        return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + width + "\" height=\"" + height + "\" fill=\""
                + fill + "\"/>\n";
    }

    private static String path(String d, String stroke, String width, String dashes) {
        return "<path " + strokeAttributes(d, stroke, width, dashes) + "/>\n";
    }

    private static String strokeAttributes(String d, String stroke, String width, String dashes) {
        return "d=\"" + d + "\" fill=\"none\" stroke=\"" + stroke + "\" stroke-width=\"" + width + "\""
                + (dashes == null ? "" : " stroke-dasharray=\"" + dashes + "\"");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
