package dev.outageradar.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A value that must never be printed: {@link #toString()} hides it, so it cannot leak through a record's
 * toString, a log line or an error message by accident. Only {@link #reveal()} gives it out, for the one
 * place that sends it.
 */
public final class Secret {

    public static final String HIDDEN = "[hidden]";

    private final String value;

    public Secret(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret cannot be empty");
        }
        this.value = value;
    }

    public String reveal() {
        return value;
    }

    /**
     * Whether the candidate is this secret, in time that depends on neither how much of it matches nor its
     * length (both are compared as SHA-256 digests), so timing tells a guesser nothing.
     */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(digest(value), digest(candidate));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}
