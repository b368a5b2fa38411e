package dev.outageradar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code bin/outage-radar <command>}. Each sub-command is a class of its own. */
@Command(name = "outage-radar",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Notices when an online service is down by watching what people post about it.",
        subcommands = {DemoCommand.class, RunCommand.class, SimulateCommand.class, EvaluateCommand.class, ReplayCommand.class, BacktestCommand.class, AlertsCommand.class, BenchCommand.class, DescribeCommand.class,
                CommandLine.HelpCommand.class})
public final class OutageRadarCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the in-process command tests. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new OutageRadarCli())
                .setExecutionExceptionHandler(new OneLineErrorHandler());
        commandLine.setParameterExceptionHandler(OneLineErrorHandler::handleParameterException);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
