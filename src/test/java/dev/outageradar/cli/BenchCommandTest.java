package dev.outageradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench on tiny sizes: every row of the table is there and the figures agree with each other (no timings checked). */
class BenchCommandTest {

    @TempDir
    Path temp;

    @Test
    void printsEveryMeasureOfTheIssueWithConsistentFigures() {
        CliRun run = CliRun.of("bench", "--posts", "3000", "--services", "20", "--month-posts", "2000",
                "--month-days", "1", "--catalog-sizes", "25,200", "--classify-texts", "500", "--e2e-posts", "2000", "--bursts", "2", "--burst-size", "40",
                "--dir", temp.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, List<String>> rows = run.out().lines().filter(l -> l.startsWith("| "))
                .map(BenchCommandTest::cells)
                .collect(Collectors.toMap(c -> c.get(0) + " " + c.get(1), Function.identity(), (a, b) -> a));

        // One post in ten thousand is malformed: none among 3,000 lines, so every line is a post.
        assertThat(number(rows.get("1 read feed (replay path: parse, normalize, reject)").get(2))).isEqualTo(3000);
        List<String> bare = rows.get("1 bare count per key, same windows (TopologyTestDriver)");
        List<String> ours = rows.get("1 outage-radar: parse, classify, count, detect (TopologyTestDriver)");
        assertThat(number(bare.get(2))).isEqualTo(3000);
        assertThat(number(ours.get(2))).isEqualTo(3000);
        double ratio = Double.parseDouble(rows.get("1 outage-radar / bare count").get(4).split(" ")[0]);
        assertThat(ratio).isCloseTo((double) number(ours.get(4)) / number(bare.get(4)), offset(0.02));

        // Every post produced is read, by the plain consumer and by the app under either guarantee, and the
        // same feed gives the same alerts under both.
        assertThat(number(row(rows, "2 produce the feed").get(2))).isEqualTo(2000);
        assertThat(number(row(rows, "2 ceiling: plain consumer").get(2))).isEqualTo(2000);
        List<String> exactlyOnce = row(rows, "2 end to end, exactly_once_v2");
        List<String> atLeastOnce = row(rows, "2 end to end, at_least_once");
        assertThat(number(exactlyOnce.get(2))).isEqualTo(2000);
        assertThat(number(atLeastOnce.get(2))).isEqualTo(2000);
        assertThat(alerts(exactlyOnce)).isEqualTo(alerts(atLeastOnce));
        assertThat(number(exactlyOnce.get(4))).isPositive();

        // Each burst opened its own incident and was timed once.
        List<String> latency = row(rows, "3 alert latency");
        assertThat(latency.get(1)).contains("over 2 bursts of 40 complaints (2 incidents");
        assertThat(number(latency.get(2))).isEqualTo(2);
        String[] percentiles = latency.get(3).split(" / ");
        assertThat(Double.parseDouble(percentiles[0])).isPositive()
                .isLessThanOrEqualTo(Double.parseDouble(percentiles[1]));

        List<String> classify25 = row(rows, "5 classify, 25 services");
        List<String> classify200 = row(rows, "5 classify, 200 services");
        assertThat(number(classify25.get(2))).isEqualTo(500);
        assertThat(classify25.get(1)).contains("cost 1.00x of 25");
        // The templates make about six texts in ten complaints: the generated names are recognised.
        assertThat(complaints(classify25)).isBetween(200L, 400L);
        assertThat(complaints(classify200)).isBetween(200L, 400L);

        assertThat(number(rows.get("4 month: 1 days of 20 services (TopologyTestDriver)").get(2))).isEqualTo(2000);
        assertThat(row(rows, "4 process resident set").get(1)).matches("process resident set: peak \\(VmHWM\\) [0-9,]+ MB, now [0-9,]+ MB");
        // Each service's windows are judged from its first complaint (within the first hour: one post every 43 s
        // among 20 services) to the end of the day, bar the last, still open: some 1,380 to 1,440 each.
        assertThat(number(rows.get("window-history ").get(2))).isBetween(20L * 1_380, 20L * 1_440);
        assertThat(number(rows.get("service-state ").get(2))).isEqualTo(20);
    }

    private static List<String> row(Map<String, List<String>> rows, String prefix) {
        return rows.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst().orElseThrow().getValue();
    }

    private static long alerts(List<String> row) {
        return number(row.get(1).replaceAll(".*; ([0-9,]+) alerts\\).*", "$1"));
    }

    private static long complaints(List<String> row) {
        return number(row.get(1).replaceAll(".*\\(([0-9,]+) complaints.*", "$1"));
    }

    private static List<String> cells(String line) {
        List<String> cells = Stream.of(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::trim)
                .toList();
        // The store table has no number column: key it by store name and an empty second part.
        return cells.size() == 3 ? List.of(cells.get(0), "", cells.get(1), cells.get(2)) : cells;
    }

    private static long number(String cell) {
        return Long.parseLong(cell.trim().replace(",", "").toLowerCase(Locale.ROOT));
    }
}
