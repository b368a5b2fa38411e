package dev.outageradar.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The files the dashboard is made of, read from the classpath: the app's own pages under
 * {@code dashboard/} and uPlot's from its webjar. Only plain names ({@code [a-z0-9-]+.ext}, one level, a
 * known type) are looked up, so no request can name a file outside those folders, whatever it encodes;
 * of the webjar, only the two files the pages use. Files are read once and kept.
 *
 * <p>The pages name uPlot with its version in the path ({@code @UPLOT_VERSION@} in the HTML is replaced),
 * so it can be cached for good; the app's own files have fixed names and are revalidated by their ETag.
 */
final class StaticAssets {

    /** A file to serve; {@code immutable} when its path changes whenever its content does. */
    record Asset(byte[] body, String contentType, String etag, boolean immutable) {
    }

    private static final String OWN_FOLDER = "dashboard/";
    private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final String VERSION_PLACEHOLDER = "@UPLOT_VERSION@";
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg|png|ico)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");
    private static final java.util.Set<String> UPLOT_FILES = java.util.Set.of("uPlot.iife.min.js", "uPlot.min.css");

    private final String uplotVersion;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    StaticAssets() {
        this.uplotVersion = webjarVersion();
    }

    String uplotVersion() {
        return uplotVersion;
    }

    /** One of the app's own files, by plain name; empty for any other name. */
    Optional<Asset> own(String name) {
        if (!PLAIN_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(OWN_FOLDER + name, path -> read(path, extension(name), false));
    }

    /** One of the uPlot files the pages use, of the bundled version only. */
    Optional<Asset> uplot(String version, String name) {
        if (!version.equals(uplotVersion) || !UPLOT_FILES.contains(name)) {
            return Optional.empty();
        }
        String path = "META-INF/resources/webjars/uplot/" + uplotVersion + "/dist/" + name;
        return cache.computeIfAbsent(path, p -> read(p, extension(name), true));
    }

    private Optional<Asset> read(String path, String extension, boolean immutable) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            if (extension.equals("html")) {
                body = new String(body, StandardCharsets.UTF_8).replace(VERSION_PLACEHOLDER, uplotVersion)
                        .getBytes(StandardCharsets.UTF_8);
            }
            return Optional.of(new Asset(body, TYPES.get(extension), etag(body), immutable));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the classpath", e);
        }
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String webjarVersion() {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot webjar is not on the classpath (" + WEBJAR_PROPERTIES + ")");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WEBJAR_PROPERTIES, e);
        }
    }
}
