package dev.outageradar.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Runs until the JVM is asked to stop. SIGTERM (an orchestrator, {@code kill}) and Ctrl-C run the shutdown
 * hook, which closes the pipeline in order (see {@link Pipeline#close}); the JVM then exits with the status
 * of a signal-initiated shutdown, 128 + the signal: 143 for SIGTERM, 130 for Ctrl-C. That is the convention
 * Docker, Kubernetes and shells read as "stopped by a signal"; exiting 0 instead would take
 * {@code Runtime.halt} inside the hook, which cuts short every other hook.
 *
 * <p>If Kafka Streams stops for good after an error, the command exits with status 1 after one line on
 * stderr, so that a supervisor restarts it (the state is in the changelogs and the local state directory).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs outage-radar until stopped (Ctrl-C or SIGTERM: a clean stop, exit status 130 or 143).",
            "Without bootstrap servers it starts an embedded single-node Kafka broker that keeps its data in "
                + "embedded.data.dir, creates the topics and prints the address to produce posts to."})
final class RunCommand implements Callable<Integer> {

    static final int STREAMS_FAILED = 1;

    @Mixin
    private ConfigOptions config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, ExecutionException {
        AtomicBoolean stopRequested = new AtomicBoolean();
        CompletableFuture<Pipeline> starting = new CompletableFuture<>();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        // Registered before the start, so a SIGTERM during it (an orchestrator giving up on a slow start)
        // also stops the embedded broker cleanly: the start notices, stops what it started, and the hook
        // waits for that before the JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.set(true);
            try {
                starting.join().close();
            } catch (CompletionException startFailedOrStopped) {
                // The start cleaned up after itself.
            }
            stopped.complete(null);
        }, "outage-radar-shutdown"));
        Pipeline pipeline;
        try {
            pipeline = Pipeline.start(config.load(), false, stopRequested::get);
            starting.complete(pipeline);
        } catch (RuntimeException | Error e) {
            starting.completeExceptionally(e);
            if (e instanceof Pipeline.StoppedDuringStart) {
                // The JVM is already exiting, with the signal's status.
                stopped.join();
                return 0;
            }
            throw e;
        }
        var topics = pipeline.config().topology().topics();
        spec.commandLine().getOut().printf("outage-radar is running on %s: posts from '%s', alerts to '%s', "
                + "dead letters to '%s'. Ctrl-C stops it.%n", pipeline.bootstrapServers(), topics.posts(),
                topics.alerts(), topics.deadLetters());
        pipeline.apiUrl().ifPresent(url -> spec.commandLine().getOut().printf("Dashboard and query API: %s%n", url));
        spec.commandLine().getOut().flush();
        CompletableFuture.anyOf(stopped, pipeline.failure()).get();
        if (!stopped.isDone()) {
            // The shutdown hook closes the pipeline on the way out.
            spec.commandLine().getErr().println(spec.commandLine().getColorScheme().errorText(
                    "outage-radar: Kafka Streams stopped after an error (logged above); exiting so it can be restarted"));
            return STREAMS_FAILED;
        }
        return 0;
    }
}
