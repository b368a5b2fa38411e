package dev.outageradar.cli;

import dev.outageradar.classify.ComplaintMatcher;
import dev.outageradar.classify.ServiceCatalog;
import dev.outageradar.config.AppConfig;
import dev.outageradar.topology.OutageTopology;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Prints the Kafka Streams topology: every processor, store and topic, by name.")
final class DescribeCommand implements Callable<Integer> {

    @Mixin
    private ConfigOptions config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        AppConfig app = config.load();
        ServiceCatalog catalog = ServiceCatalog.load(app.catalog());
        var topology = OutageTopology.build(app.topologyWith(catalog), ComplaintMatcher.compile(catalog));
        spec.commandLine().getOut().println(topology.describe());
        return 0;
    }
}
