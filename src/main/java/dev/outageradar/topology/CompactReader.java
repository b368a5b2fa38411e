package dev.outageradar.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;

/** Reads what {@link CompactWriter} wrote; a truncated or malformed value is a {@link SerializationException}. */
final class CompactReader {

    private final byte[] bytes;
    private final String what;
    private int position;

    /** @param what names the value and its topic in error messages */
    CompactReader(byte[] bytes, String what) {
        this.bytes = bytes;
        this.what = what;
    }

    byte format() {
        need(1);
        return bytes[position++];
    }

    long varlong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1);
            byte b = bytes[position++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return (v >>> 1) ^ -(v & 1);
            }
        }
        throw new SerializationException(what + ": a number longer than 10 bytes");
    }

    int count() {
        long n = varlong();
        if (n < 0 || n > bytes.length - position) {
            throw new SerializationException(what + ": a count of " + n + " in " + bytes.length + " bytes");
        }
        return (int) n;
    }

    String string() {
        long length = varlong() - 1;
        if (length < 0) {
            return null;
        }
        if (length > bytes.length - position) {
            throw new SerializationException(what + ": a string of " + length + " bytes, past the end");
        }
        String value = new String(bytes, position, (int) length, StandardCharsets.UTF_8);
        position += (int) length;
        return value;
    }

    void end() {
        if (position != bytes.length) {
            throw new SerializationException(what + ": " + (bytes.length - position) + " bytes after the end");
        }
    }

    private void need(int n) {
        if (position + n > bytes.length) {
            throw new SerializationException(what + ": truncated after " + position + " bytes");
        }
    }
}
