package dev.outageradar.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
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
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs outage-radar until stopped (Ctrl-C or SIGTERM: a clean stop, exit status 130 or 143).",
            "Without bootstrap servers it starts an embedded single-node Kafka broker that keeps its data in "
                + "embedded.data.dir, creates the topics and prints the address to produce posts to."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    private ConfigOptions config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Pipeline pipeline = Pipeline.start(config.load(), false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pipeline.close();
            stopped.countDown();
        }, "outage-radar-shutdown"));
        var topics = pipeline.config().topology().topics();
        spec.commandLine().getOut().printf("outage-radar is running on %s: posts from '%s', alerts to '%s', "
                + "dead letters to '%s'. Ctrl-C stops it.%n", pipeline.bootstrapServers(), topics.posts(),
                topics.alerts(), topics.deadLetters());
        pipeline.apiUrl().ifPresent(url -> spec.commandLine().getOut().printf("Dashboard and query API: %s%n", url));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
