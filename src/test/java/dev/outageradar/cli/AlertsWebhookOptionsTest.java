package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Webhook flags that do not fit together are refused before any connection, with one line and exit 2. */
class AlertsWebhookOptionsTest {

    private final StringWriter err = new StringWriter();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--format slack                                    | --format, --routing-key, --group and --max-retries need --webhook URL",
        "--webhook http://127.0.0.1:9/ --format teams      | --format 'teams' is not one of slack, alertmanager, pagerduty, generic",
        "--webhook localhost:9093/api/v2/alerts            | --webhook 'localhost:9093/api/v2/alerts' is not an http:// or https:// URL with a host",
        "--webhook http://[::1/                            | --webhook 'http://[::1/' is not an http:// or https:// URL with a host",
        "--webhook http://127.0.0.1:9/ --format pagerduty  | --format pagerduty needs --routing-key KEY or OUTAGE_RADAR_PAGERDUTY_ROUTING_KEY",
        "--webhook http://127.0.0.1:9/ --routing-key K     | --routing-key is only for --format pagerduty",
        "--webhook http://127.0.0.1:9/ --json              | --json prints events and --webhook posts them: choose one",
        "--webhook http://127.0.0.1:9/ --max-retries -1    | --max-retries -1 must be 0 or more"})
    void badCombinationsGiveOneLineAndExitCode2(String args, String message) {
        CommandLine cli = OutageRadarCli.newCommandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute(("alerts --bootstrap-servers 127.0.0.1:9 " + args.trim()).split(" +"));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("outage-radar: " + message);
    }
}
