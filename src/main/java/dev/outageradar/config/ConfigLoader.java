package dev.outageradar.config;

import dev.outageradar.detect.DetectorSettings;
import dev.outageradar.topology.HistorySettings;
import dev.outageradar.topology.Names;
import dev.outageradar.topology.Topics;
import dev.outageradar.topology.TopologySettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges the properties file, the environment and command-line overrides (later wins) into one validated
 * {@link AppConfig}. Every problem is reported as one line naming the key, the value, where it came from
 * and what is allowed; an unknown key is an error, because a typo silently ignored is a setting lost.
 */
public final class ConfigLoader {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    /** RFC 6750's b64token: what a bearer token may hold (base64, base64url and hex tokens all do). */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
    private static final String BEARER_TOKEN_CHARACTERS = "letters, digits and -._~+/ (then = padding), "
            + "e.g. the output of 'openssl rand -hex 32'";

    /** A value and where it was set, for error messages. */
    private record Setting(String value, String origin) {
    }

    private final Map<String, Setting> settings = new LinkedHashMap<>();

    private ConfigLoader() {
    }

    /**
     * @param file      the properties file; a missing file is an error unless {@code optional}
     * @param env       the process environment (only {@code OUTAGE_RADAR_*} variables are read)
     * @param overrides {@code --set key=value} flags and dedicated flags, highest precedence
     */
    public static AppConfig load(Path file, boolean optional, Map<String, String> env, Map<String, String> overrides) {
        ConfigLoader loader = new ConfigLoader();
        loader.readFile(file, optional);
        new TreeMap<>(env).forEach(loader::readEnv);
        overrides.forEach((key, value) -> loader.put(key, value, "--set " + key));
        return loader.build();
    }

    private void readFile(Path file, boolean optional) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            if (optional) {
                return;
            }
            throw new ConfigException("configuration file not found: " + file);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        new TreeMap<>(properties).forEach((key, value) ->
                put(key.toString(), value.toString(), file.toString()));
    }

    private void readEnv(String name, String value) {
        if (!name.startsWith(ConfigKeys.ENV_PREFIX) || ConfigKeys.OTHER_ENV.contains(name)) {
            return;
        }
        String key = ConfigKeys.keyOfEnv(name);
        if (key == null) {
            throw new ConfigException("environment variable " + name + " is not a known setting (keys: "
                    + String.join(", ", ConfigKeys.ALL) + ", kafka.*)");
        }
        put(key, value, "environment " + name);
    }

    private void put(String key, String value, String origin) {
        String trimmedKey = key.trim();
        if (!ConfigKeys.isKnown(trimmedKey)) {
            throw new ConfigException(origin + ": unknown key \"" + trimmedKey + "\" (known keys: "
                    + String.join(", ", ConfigKeys.ALL) + ", kafka.*)");
        }
        settings.put(trimmedKey, new Setting(value.trim(), origin));
    }

    private AppConfig build() {
        Duration window = duration(ConfigKeys.WINDOW_SIZE, Duration.ofMinutes(1));
        Map<String, String> detectorValues = new TreeMap<>();
        settings.forEach((key, setting) -> {
            if (key.startsWith(ConfigKeys.DETECTOR_PREFIX)) {
                detectorValues.put(key.substring(ConfigKeys.DETECTOR_PREFIX.length()), setting.value());
            }
        });
        DetectorSettings detector = DetectorParameters.apply(DetectorSettings.defaults(window), detectorValues,
                name -> ConfigKeys.DETECTOR_PREFIX + name + " (" + settings.get(ConfigKeys.DETECTOR_PREFIX + name).origin()
                        + ")", "detector settings");
        Topics topics = new Topics(
                text(ConfigKeys.TOPIC_POSTS, Names.DEFAULT_POSTS_TOPIC),
                text(ConfigKeys.TOPIC_DLQ, Names.DEFAULT_DEAD_LETTER_TOPIC),
                text(ConfigKeys.TOPIC_ALERTS, Names.DEFAULT_ALERTS_TOPIC),
                text(ConfigKeys.TOPIC_COUNTS, Names.DEFAULT_COUNTS_TOPIC));
        TopologySettings topology = new TopologySettings(topics,
                duration(ConfigKeys.WINDOW_GRACE, Duration.ofSeconds(30)),
                (int) positiveLong(ConfigKeys.POST_MAX_TEXT_LENGTH, 4_000),
                maxFutureSkew(), detector, 1,
                duration(ConfigKeys.SOURCE_IDLE_TIMEOUT, Duration.ofSeconds(30)),
                duration(ConfigKeys.AUTHOR_HORIZON, Duration.ofHours(1)), Map.of(), false, history(window));
        Map<String, String> kafka = new TreeMap<>();
        settings.forEach((key, setting) -> {
            if (key.startsWith(ConfigKeys.KAFKA_PREFIX)) {
                kafka.put(key.substring(ConfigKeys.KAFKA_PREFIX.length()), setting.value());
            }
        });
        String bootstrap = text(ConfigKeys.BOOTSTRAP_SERVERS, "");
        return new AppConfig(bootstrap.isEmpty() ? Optional.empty() : Optional.of(bootstrap),
                text(ConfigKeys.APPLICATION_ID, "outage-radar"),
                (int) positiveLong(ConfigKeys.TOPIC_PARTITIONS, 3),
                (short) positiveLong(ConfigKeys.TOPIC_REPLICATION_FACTOR, 1),
                Path.of(text(ConfigKeys.CATALOG, "config/services.yaml")),
                Path.of(text(ConfigKeys.STATE_DIR, "data/streams")),
                Path.of(text(ConfigKeys.EMBEDDED_DATA_DIR, "data/kafka")),
                topology, Map.copyOf(kafka), api(), logFormat());
    }

    private LogFormat logFormat() {
        Setting setting = settings.get(ConfigKeys.LOG_FORMAT);
        if (setting == null) {
            return LogFormat.TEXT;
        }
        return switch (setting.value()) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw invalid(ConfigKeys.LOG_FORMAT, setting, "text or json");
        };
    }

    /**
     * At most an hour: the application writes each post's time into its repartition topic as the record's
     * create time, and a Kafka 4 broker refuses one more than log.message.timestamp.after.max.ms (1h by
     * default) ahead of its clock, which would stop the application.
     */
    private Duration maxFutureSkew() {
        Duration skew = duration(ConfigKeys.POST_MAX_FUTURE_SKEW, Duration.ofMinutes(5));
        if (skew.compareTo(Duration.ofHours(1)) > 0) {
            throw invalid(ConfigKeys.POST_MAX_FUTURE_SKEW, settings.get(ConfigKeys.POST_MAX_FUTURE_SKEW),
                    "a positive duration of at most 1h (a broker refuses record times further ahead)");
        }
        return skew;
    }

    private HistorySettings history(Duration window) {
        Duration windows = duration(ConfigKeys.HISTORY_WINDOW_RETENTION, HistorySettings.DEFAULT_WINDOW_RETENTION);
        if (windows.compareTo(window) < 0) {
            throw invalid(ConfigKeys.HISTORY_WINDOW_RETENTION, settings.get(ConfigKeys.HISTORY_WINDOW_RETENTION),
                    "a duration of at least window.size (" + window + ")");
        }
        return new HistorySettings(windows,
                duration(ConfigKeys.HISTORY_INCIDENT_RETENTION, HistorySettings.DEFAULT_INCIDENT_RETENTION));
    }

    private ApiSettings api() {
        return new ApiSettings(bool(ConfigKeys.API_ENABLED, true), text(ConfigKeys.API_BIND, ApiSettings.DEFAULT_BIND),
                port(ConfigKeys.API_PORT, ApiSettings.DEFAULT_PORT), apiToken());
    }

    /** From api.token, or from the file api.token.file names (trimmed: files usually end with a newline). */
    private Optional<Secret> apiToken() {
        Setting inline = settings.get(ConfigKeys.API_TOKEN);
        Setting file = settings.get(ConfigKeys.API_TOKEN_FILE);
        if (inline != null && file != null) {
            throw new ConfigException(ConfigKeys.API_TOKEN + " (" + inline.origin() + ") and " + ConfigKeys.API_TOKEN_FILE
                    + " (" + file.origin() + ") are both set: use one");
        }
        if (inline != null) {
            String token = text(ConfigKeys.API_TOKEN, null);
            if (!BEARER_TOKEN.matcher(token).matches()) {
                throw invalid(ConfigKeys.API_TOKEN, inline, BEARER_TOKEN_CHARACTERS);
            }
            return Optional.of(new Secret(token));
        }
        if (file == null) {
            return Optional.empty();
        }
        Path path = Path.of(text(ConfigKeys.API_TOKEN_FILE, null));
        String token;
        try {
            token = Files.readString(path, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new ConfigException(ConfigKeys.API_TOKEN_FILE + "=\"" + path + "\" (" + file.origin()
                    + ") cannot be read: " + e.getClass().getSimpleName());
        }
        if (!BEARER_TOKEN.matcher(token).matches()) {
            throw new ConfigException(ConfigKeys.API_TOKEN_FILE + "=\"" + path + "\" (" + file.origin()
                    + ") does not hold a token: expected one line of " + BEARER_TOKEN_CHARACTERS);
        }
        return Optional.of(new Secret(token));
    }

    private boolean bool(String key, boolean fallback) {
        Setting setting = settings.get(key);
        if (setting == null) {
            return fallback;
        }
        return switch (setting.value()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, setting, "true or false");
        };
    }

    private int port(String key, int fallback) {
        Setting setting = settings.get(key);
        if (setting == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(setting.value());
            if (value >= 0 && value <= 65_535) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(key, setting, "a port from 0 to 65535 (0 picks a free one)");
    }

    private String text(String key, String fallback) {
        Setting setting = settings.get(key);
        if (setting == null) {
            return fallback;
        }
        if (setting.value().isEmpty() && !key.equals(ConfigKeys.BOOTSTRAP_SERVERS)) {
            throw invalid(key, setting, "a non-empty value");
        }
        return setting.value();
    }

    private long positiveLong(String key, long fallback) {
        Setting setting = settings.get(key);
        if (setting == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(setting.value());
            if (value > 0 && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(key, setting, "a whole number from 1 to " + Integer.MAX_VALUE);
    }

    private double number(String key, double fallback) {
        Setting setting = settings.get(key);
        if (setting == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(setting.value());
            if (Double.isFinite(value) && value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(key, setting, "a positive number");
    }

    private Duration duration(String key, Duration fallback) {
        Setting setting = settings.get(key);
        if (setting == null) {
            return fallback;
        }
        Duration value = parseDuration(setting.value());
        if (value == null || value.isNegative() || value.isZero() && !key.equals(ConfigKeys.WINDOW_GRACE)) {
            throw invalid(key, setting, "a positive duration such as 500ms, 30s, 1m, 6h, 1d or PT1M");
        }
        return value;
    }

    /** 500ms, 30s, 1m, 6h, 1d or ISO-8601 (PT1M), or a bare 0; null when it is neither. */
    public static Duration parseDuration(String text) {
        if (text.trim().equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SHORT_DURATION.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Names the key, the value (hidden for a secret) and where it was set. */
    private static ConfigException invalid(String key, Setting setting, String allowed) {
        return new ConfigException(key + "=\"" + Secrets.shown(key, setting.value()) + "\" (" + setting.origin()
                + ") is invalid: expected " + allowed);
    }
}
