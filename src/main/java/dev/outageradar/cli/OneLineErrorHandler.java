package dev.outageradar.cli;

import dev.outageradar.config.ConfigException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import picocli.CommandLine;

/**
 * Turns a failure the user can fix (bad configuration, an unreachable cluster, a missing file, credentials
 * the cluster refuses, client settings Kafka cannot use) into one line on stderr and exit code 2.
 * Anything else is a bug and keeps its stack trace. Kafka's messages name settings, never their values,
 * so they are passed on as they are.
 */
final class OneLineErrorHandler implements CommandLine.IExecutionExceptionHandler {

    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        String message = userMessage(ex);
        if (message == null) {
            throw ex;
        }
        commandLine.getErr().println(commandLine.getColorScheme().errorText("outage-radar: " + message));
        return USER_ERROR;
    }

    /** The one line for a failure the user can fix, or null for a bug. */
    static String userMessage(Throwable ex) {
        if (ex instanceof ConfigException) {
            return ex.getMessage();
        }
        AuthenticationException refused = causeOf(ex, AuthenticationException.class);
        if (refused != null) {
            return "Kafka refused the credentials: " + refused.getMessage()
                    + " (check kafka.security.protocol, kafka.sasl.mechanism and kafka.sasl.jaas.config)";
        }
        AuthorizationException denied = causeOf(ex, AuthorizationException.class);
        if (denied != null) {
            return "Kafka denied an operation to this user: " + denied.getMessage() + " (ask for the ACLs it needs)";
        }
        if (ex instanceof KafkaException && (root(ex) instanceof IllegalArgumentException
                || root(ex) instanceof org.apache.kafka.common.config.ConfigException)) {
            // A client that cannot be built: a malformed kafka.sasl.jaas.config, a missing truststore.
            return ex.getMessage() + ": " + root(ex).getMessage() + " (check the kafka.* settings)";
        }
        return null;
    }

    private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable root(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** A bad flag: its one-line message and where to read more, instead of the whole usage text. */
    static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        commandLine.getErr().println(commandLine.getColorScheme().errorText("outage-radar: " + ex.getMessage()
                + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')"));
        return USER_ERROR;
    }
}
