package dev.outageradar.replay;

import dev.outageradar.config.ConfigException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a feed file for streaming, line by line, in constant memory; {@code .gz} files are decompressed. */
public final class FeedFiles {

    private static final int BUFFER = 1 << 16;

    private FeedFiles() {
    }

    public static BufferedReader open(Path file) {
        try {
            InputStream in = Files.newInputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, BUFFER);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
        } catch (NoSuchFileException e) {
            throw new ConfigException("feed file not found: " + file);
        } catch (IOException e) {
            throw new ConfigException("cannot read feed file " + file + ": " + e.getMessage());
        }
    }
}
