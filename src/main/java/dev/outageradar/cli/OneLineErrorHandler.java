package dev.outageradar.cli;

import dev.outageradar.config.ConfigException;
import picocli.CommandLine;

/**
 * Turns a failure the user can fix (bad configuration, an unreachable cluster, a missing file) into one
 * line on stderr and exit code 2. Anything else is a bug and keeps its stack trace.
 */
final class OneLineErrorHandler implements CommandLine.IExecutionExceptionHandler {

    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        if (ex instanceof ConfigException) {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("outage-radar: " + ex.getMessage()));
            return USER_ERROR;
        }
        throw ex;
    }

    /** A bad flag: its one-line message and where to read more, instead of the whole usage text. */
    static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        commandLine.getErr().println(commandLine.getColorScheme().errorText("outage-radar: " + ex.getMessage()
                + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')"));
        return USER_ERROR;
    }
}
