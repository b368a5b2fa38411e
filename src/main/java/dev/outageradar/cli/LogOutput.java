package dev.outageradar.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.outageradar.config.LogFormat;
import org.slf4j.LoggerFactory;

/**
 * Switches the log on stderr to one JSON object per line for {@code log.format=json}, once the
 * configuration is read (it can come from the file, the environment or a flag, so logback.xml cannot
 * decide it). Logback's own JsonEncoder is enough: each line holds the time (epoch ms), level, thread,
 * logger, the formatted message and a structured throwable.
 */
final class LogOutput {

    /** The console appender's name in logback.xml. */
    static final String APPENDER = "STDERR";

    private LogOutput() {
    }

    static void use(LogFormat format) {
        if (format != LogFormat.JSON || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> appender = root.getAppender(APPENDER);
        if (!(appender instanceof OutputStreamAppender<ILoggingEvent> console)) {
            LoggerFactory.getLogger(LogOutput.class).warn("log.format=json has no effect: the Logback configuration "
                    + "has no console appender named {}", APPENDER);
            return;
        }
        if (console.getEncoder() instanceof JsonEncoder) {
            return;
        }
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // The logger context's name and birth time and the raw message with its arguments would repeat on
        // every line what the formatted message already says.
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        console.stop();
        console.setEncoder(encoder);
        console.start();
    }
}
