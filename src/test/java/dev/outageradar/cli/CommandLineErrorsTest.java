package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineErrorsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = OutageRadarCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "run --nope                        | outage-radar: Unknown option: '--nope' (see 'outage-radar run --help')",
        "demo --timeout soon               | outage-radar: Invalid value for option '--timeout': 'soon' is not a positive duration",
        "run --set window.sise=1m          | outage-radar: --set window.sise: unknown key \"window.sise\"",
        "run --set window.size=abc         | outage-radar: window.size=\"abc\" (--set window.size) is invalid",
        "demo --feed /no/such/feed.gz      | outage-radar: feed file not found: /no/such/feed.gz",
        "run --config /no/such.properties  | outage-radar: configuration file not found: /no/such.properties",
        "describe --set catalog=/no/such.yaml | outage-radar: "})
    void badArgumentsOrSettingsGiveOneLineAndExitCode2(String args, String expectedStart) {
        int exit = run(args.split(" "));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().startsWith(expectedStart);
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void describePrintsTheTopologyWithEveryNodeNamed() {
        int exit = run("describe");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("posts-source", "parse-posts", "classify-posts", "detect-outages",
                "alerts-sink", "dead-letters-sink", "service-counts-sink", "complaints-by-service-repartition",
                "open-windows", "service-state", "source-clock");
        assertThat(out.toString()).doesNotContain("KSTREAM-", "KTABLE-");
    }
}
