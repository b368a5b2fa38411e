package dev.outageradar.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code outage-radar <args>} in a JVM of its own, as a user or an orchestrator starts it: for what only a
 * real process shows (signals, exit status, what it writes to stderr). Reads both streams as they come.
 */
final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final List<Thread> readers;

    private ChildProcess(Process process) {
        this.process = process;
        this.readers = List.of(drain(process.getInputStream(), out, "stdout"),
                drain(process.getErrorStream(), err, "stderr"));
    }

    /** Starts the command line in the project directory, with the test's classpath and these extra variables. */
    static ChildProcess start(Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                OutageRadarCli.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        builder.environment().putAll(env);
        try {
            return new ChildProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private static Thread drain(InputStream stream, List<String> lines, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException e) {
                // the process is gone
            }
        }, "child-" + name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** The first stderr line that matches, waiting for it until the deadline. */
    String awaitErrLine(Predicate<String> matches, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            Optional<String> line = err.stream().filter(matches).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("the process ended with " + process.exitValue() + "; stderr:\n" + String.join("\n", err));
            }
            sleep(100);
        }
        throw new AssertionError("no such line on stderr within " + deadline + ":\n" + String.join("\n", err));
    }

    /**
     * Sends SIGTERM and returns the exit status, or fails after the deadline. Through the process handle:
     * {@link Process#destroy()} sends the same signal but also closes our end of the child's stdout and
     * stderr at once, losing what it writes while it shuts down.
     */
    int terminate(Duration deadline) {
        process.toHandle().destroy();
        return awaitExit(deadline, "after SIGTERM");
    }

    /** Waits for the process to end by itself and returns its exit status, or fails after the deadline. */
    int awaitExit(Duration deadline) {
        return awaitExit(deadline, "");
    }

    private int awaitExit(Duration deadline, String after) {
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still running " + deadline + " " + after + "; stderr:\n" + String.join("\n", err));
            }
            // The readers end with the streams; until then they may still be taking the last lines.
            for (Thread reader : readers) {
                reader.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    /**
     * SIGKILL ({@link Process#destroyForcibly()} on Unix): the process ends at once, running no shutdown hook,
     * flushing and closing nothing. Returns its exit status once it is gone (137, 128 + 9).
     */
    int kill(Duration deadline) {
        process.destroyForcibly();
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still running " + deadline + " after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> err() {
        return List.copyOf(err);
    }

    List<String> out() {
        return List.copyOf(out);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
