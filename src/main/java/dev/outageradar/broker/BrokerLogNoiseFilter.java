package dev.outageradar.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.util.Map;

/**
 * Drops the embedded broker's warnings that are part of its normal life (installed by {@code logback.xml}),
 * so that a warning on the console always means something. Matching is on the exact logger and message
 * text, so a real warning from the same logger still gets through.
 */
public final class BrokerLogNoiseFilter extends TurboFilter {

    /** Logger name to a fragment of a benign warning it logs. */
    private static final Map<String, String> BENIGN = Map.of(
            // Every start of the controller, at WARN.
            "org.apache.kafka.controller.QuorumController", "Performing controller activation",
            // Two clients looked up a coordinator at once; the internal topic exists, which is all they wanted.
            "kafka.server.DefaultAutoTopicCreationManager", "with error 'TOPIC_ALREADY_EXISTS'",
            // The broker's own controller channel, closed twice during an orderly shutdown.
            "org.apache.kafka.clients.NetworkClient", "Attempting to close NetworkClient that has already been closed");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (level != Level.WARN || format == null) {
            return FilterReply.NEUTRAL;
        }
        String fragment = BENIGN.get(logger.getName());
        return fragment != null && format.contains(fragment) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
