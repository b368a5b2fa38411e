package dev.outageradar.replay;

import dev.outageradar.config.ConfigException;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/** Opens a feed file for streaming, line by line, in constant memory; {@code .gz} files are decompressed. */
public final class FeedFiles {

    private static final int BUFFER = 1 << 16;

    private FeedFiles() {
    }

    public static BufferedReader open(Path file) {
        return open(file, new AtomicLong());
    }

    /** As {@link #open(Path)}, counting into {@code bytesRead} the bytes of the file read so far, for progress. */
    public static BufferedReader open(Path file, AtomicLong bytesRead) {
        try {
            InputStream in = new CountingInputStream(Files.newInputStream(file), bytesRead);
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

    private static final class CountingInputStream extends FilterInputStream {

        private final AtomicLong count;

        CountingInputStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
