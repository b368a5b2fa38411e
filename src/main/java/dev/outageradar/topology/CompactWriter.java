package dev.outageradar.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the compact binary forms of the records that cross internal topics (see {@link ServiceSignalSerde},
 * {@link WindowTallySerde}): variable-length numbers and length-prefixed UTF-8 strings, into one growing
 * array. Read back by {@link CompactReader}.
 */
final class CompactWriter {

    private byte[] bytes;
    private int size;

    CompactWriter(int expectedSize) {
        this.bytes = new byte[Math.max(16, expectedSize)];
    }

    CompactWriter format(byte format) {
        ensure(1);
        bytes[size++] = format;
        return this;
    }

    CompactWriter varlong(long value) {
        // Zig-zag, so that small negative numbers (-1 for "none") stay one byte.
        long v = (value << 1) ^ (value >> 63);
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
        return this;
    }

    /** A string, or null: its UTF-8 length plus one (0 for null), then the bytes. */
    CompactWriter string(String value) {
        if (value == null) {
            return varlong(0);
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varlong(utf8.length + 1L);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        return this;
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
