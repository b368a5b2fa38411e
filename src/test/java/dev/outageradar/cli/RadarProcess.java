package dev.outageradar.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance of {@code outage-radar run} in a JVM of its own, as it runs in production: for what only a
 * real process shows (signals, a SIGKILL above all, exit status, its log). Started with its query API on
 * a free port; {@link #start} returns once that API says the instance is ready (Kafka Streams RUNNING).
 */
final class RadarProcess implements AutoCloseable {

    static final Duration START_DEADLINE = Duration.ofSeconds(120);
    private static final Pattern API_ADDRESS = Pattern.compile("query API listening on http:(?:\\\\?/){2}[0-9.]+:(\\d+)");
    private static final Pattern CONSUMER_CLIENT_ID = Pattern.compile("client_id=\"([^\"]+-StreamThread-1-consumer)\"");
    private static final Pattern RESTORED = Pattern.compile("outage_radar_restored_records_total\\{store=\"([^\"]+)\"}");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ChildProcess process;
    private final int apiPort;

    private RadarProcess(ChildProcess process, int apiPort) {
        this.process = process;
        this.apiPort = apiPort;
    }

    /** @param settings every {@code --set key=value} of the command line, bootstrap.servers included */
    static RadarProcess start(Map<String, String> settings) {
        return start(Map.of(), settings);
    }

    /** @param env variables of the process, besides the test's own */
    static RadarProcess start(Map<String, String> env, Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of("run"));
        settings.forEach((key, value) -> {
            args.add("--set");
            args.add(key + "=" + value);
        });
        ChildProcess process = ChildProcess.start(env, args);
        try {
            Matcher address = API_ADDRESS.matcher(process.awaitErrLine(line -> API_ADDRESS.matcher(line).find(),
                    START_DEADLINE));
            if (!address.find()) {
                throw new AssertionError("no port in the API's address");
            }
            RadarProcess radar = new RadarProcess(process, Integer.parseInt(address.group(1)));
            radar.awaitBody("/health/ready", body -> body.contains("\"ready\":true"), START_DEADLINE);
            return radar;
        } catch (RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
    }

    /** SIGKILL, then waits until the process is gone; returns its exit status. */
    int kill() {
        return process.kill(Duration.ofSeconds(30));
    }

    /** SIGTERM, then waits for the clean stop; returns its exit status. */
    int terminate() {
        return process.terminate(Duration.ofSeconds(60));
    }

    int apiPort() {
        return apiPort;
    }

    /** The first line of its log that matches, waiting for it. */
    String awaitLogLine(Predicate<String> matches, Duration deadline) {
        return process.awaitErrLine(matches, deadline);
    }

    List<String> log() {
        return process.err();
    }

    /** The samples of {@code /metrics}, {@code name{labels}} to value. */
    Map<String, Double> metrics() {
        Map<String, Double> samples = new TreeMap<>();
        get("/metrics").body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }

    /** Store name to the changelog records this instance restored into it since it started. */
    Map<String, Double> restoredRecords() {
        Map<String, Double> restored = new TreeMap<>();
        metrics().forEach((name, value) -> {
            Matcher store = RESTORED.matcher(name);
            if (store.matches()) {
                restored.put(store.group(1), value);
            }
        });
        return restored;
    }

    /**
     * The client id of its Kafka Streams main consumer (one stream thread), as the consumer group lists its
     * members, read from the client metrics it publishes.
     */
    String consumerClientId() {
        Matcher id = CONSUMER_CLIENT_ID.matcher(get("/metrics").body());
        if (!id.find()) {
            throw new AssertionError("no main consumer in the instance's metrics");
        }
        return id.group(1);
    }

    /** Polls the path until its body passes the test (no fixed sleep), or fails after the deadline. */
    String awaitBody(String path, Predicate<String> done, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        String body = null;
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError("the instance ended while waiting for " + path + "; its log:\n"
                        + String.join("\n", process.err()));
            }
            body = get(path).body();
            if (done.test(body)) {
                return body;
            }
            sleep(200);
        }
        throw new AssertionError(path + " did not answer as expected within " + deadline + "; last answer: " + body
                + "\nthe instance's log:\n" + String.join("\n", process.err()));
    }

    HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.close();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
