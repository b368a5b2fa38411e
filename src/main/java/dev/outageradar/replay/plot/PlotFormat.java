package dev.outageradar.replay.plot;

import dev.outageradar.config.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The picture's file format, from the file name's extension. Check it before the backtest runs, so a typo
 * costs a second rather than the whole replay: {@code PlotFormat.of(file)} first, {@code write} at the end.
 */
public enum PlotFormat {

    PNG(".png") {
        @Override
        void render(Plot plot, Path file) throws IOException {
            try (OutputStream out = Files.newOutputStream(file)) {
                if (!ImageIO.write(PngPlot.render(plot), "png", out)) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            }
        }
    },
    HTML(".html") {
        @Override
        void render(Plot plot, Path file) throws IOException {
            Files.writeString(file, HtmlPlot.render(plot), StandardCharsets.UTF_8);
        }
    };

    private final String extension;

    PlotFormat(String extension) {
        this.extension = extension;
    }

    public static PlotFormat of(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        for (PlotFormat format : values()) {
            if (name.endsWith(format.extension) && name.length() > format.extension.length()) {
                return format;
            }
        }
        throw new ConfigException("plot file must end in .png or .html: " + file);
    }

    /** Writes the picture, replacing the file; a file that cannot be written is the user's to fix. */
    public void write(Plot plot, Path file) {
        try {
            render(plot, file);
        } catch (IOException e) {
            String reason = e instanceof NoSuchFileException ? "its directory does not exist" : e.getMessage();
            throw new ConfigException("cannot write plot file " + file + ": " + reason, e);
        }
    }

    abstract void render(Plot plot, Path file) throws IOException;
}
