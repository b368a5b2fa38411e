package dev.outageradar.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which settings hold secrets, so their values are never shown: the API token, and the Kafka client
 * settings Kafka itself treats as passwords (any {@code *.password}, {@code sasl.jaas.config} with its
 * listener- or client-prefixed forms, a PEM private key, OAuth client secrets, basic-auth user info).
 */
public final class Secrets {

    private Secrets() {
    }

    /** @param key a key as written in the properties, with or without the {@code kafka.} prefix */
    public static boolean isSecret(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        return k.equals(ConfigKeys.API_TOKEN) || k.endsWith("password") || k.endsWith("jaas.config")
                || k.endsWith("ssl.keystore.key") || k.contains("secret") || k.endsWith("user.info");
    }

    /** The value as it may be shown for this key (an empty one hides nothing). */
    public static String shown(String key, String value) {
        return isSecret(key) && !value.isEmpty() ? Secret.HIDDEN : value;
    }

    /** The settings as they may be shown: secret values hidden, in key order. */
    public static Map<String, String> shown(Map<String, String> settings) {
        Map<String, String> shown = new TreeMap<>();
        settings.forEach((key, value) -> shown.put(key, shown(key, value)));
        return shown;
    }
}
