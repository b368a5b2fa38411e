package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The README's first command, run in-process as a new user would run it: the bundled feed, a real broker. */
@Tag("integration")
@Timeout(300)
class DemoCommandTest {

    @Test
    void bundledFeedGivesOneSpotifyIncidentOpenedThenResolvedAndThreeDeadLetters() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = OutageRadarCli.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("demo");

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        List<String> alertLines = out.toString().lines().filter(line -> line.contains("  OUTAGE_")).toList();
        assertThat(alertLines).isNotEmpty().allMatch(line -> line.contains(" spotify ")
                && line.contains("spotify-20240930T14"));
        assertThat(alertLines.get(0)).contains("OUTAGE_SUSPECTED");
        assertThat(alertLines.get(alertLines.size() - 1)).contains("OUTAGE_RESOLVED");
        assertThat(alertLines).filteredOn(line -> line.contains("OUTAGE_SUSPECTED")).hasSize(1);
        assertThat(out.toString())
                .contains("posts played:   54,383")
                .contains("dead letters:   3 in the dead-letter topic {BAD_TIMESTAMP=1, MISSING_CREATED_AT=1, NOT_JSON=1}")
                .contains("incidents:      1");
    }
}
