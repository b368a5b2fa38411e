package dev.outageradar.evaluate;

import dev.outageradar.evaluate.EvaluationReport.DecoyAlerts;
import dev.outageradar.evaluate.EvaluationReport.FalseAlert;
import dev.outageradar.evaluate.EvaluationReport.MagnitudeOutages;
import dev.outageradar.evaluate.EvaluationReport.MissedOutage;
import dev.outageradar.evaluate.EvaluationReport.OutageStats;
import dev.outageradar.evaluate.EvaluationReport.ScenarioOutages;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The report for a person at a terminal: the headline figures first, then the breakdowns, then every missed
 * outage and false alert with enough to look it up in the feed.
 */
final class ReportText {

    private ReportText() {
    }

    static String render(EvaluationReport r) {
        int decoyWindows = r.byScenario().decoys().stream().mapToInt(DecoyAlerts::windows).sum();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d detections against %d outages and %d decoy windows%n",
                r.detections(), r.outages(), decoyWindows));
        out.append(String.format(Locale.ROOT, "%d services over %s, tolerance %s%n%n",
                r.services(), duration(r.span()), duration(r.tolerance())));
        out.append(new TextTable("lrl")
                .row("precision", ratio(r.precision()), r.hits() + " of " + r.detections() + " detections hit an outage")
                .row("recall", ratio(r.recall()), r.caught() + " of " + r.outages() + " outages caught")
                .row("F1", ratio(r.f1()), "")
                .row("delay", "", "median " + duration(r.delayMedian()) + ", p90 " + duration(r.delayP90()))
                .row("false alerts", String.valueOf(r.decoyAlerts() + r.spuriousAlerts()),
                        String.format(Locale.ROOT, "%d in decoys, %d spurious; %.3f per service-week",
                                r.decoyAlerts(), r.spuriousAlerts(), r.falseAlertsPerServiceWeek()))
                .render());
        section(out, "Outages by scenario", r.byScenario().outages().isEmpty() ? null
                : outageTable("scenario", r.byScenario().outages().stream()
                        .map(s -> new Named(s.scenario(), s.stats())).toList()));
        section(out, "Outages by magnitude", r.byMagnitude().isEmpty() ? null
                : outageTable("magnitude", r.byMagnitude().stream()
                        .map(m -> new Named(m.band(), m.stats())).toList()));
        section(out, "Decoys", decoyTable(r.byScenario().decoys()));
        section(out, "Missed outages (" + r.missed().size() + ")", missedTable(r.missed()));
        section(out, "False alerts (" + r.falseAlerts().size() + ")", falseAlertTable(r.falseAlerts()));
        return out.toString();
    }

    /** "1m 40s", "2h 5m", "30d", "0s": largest unit first, trailing zero units left out, seconds truncated. */
    static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long[] amounts = {d.toDaysPart(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart()};
        String[] units = {"d", "h", "m", "s"};
        int first = 0;
        while (first < 3 && amounts[first] == 0) {
            first++;
        }
        int last = 3;
        while (last > first && amounts[last] == 0) {
            last--;
        }
        StringBuilder text = new StringBuilder();
        for (int i = first; i <= last; i++) {
            text.append(i == first ? "" : " ").append(amounts[i]).append(units[i]);
        }
        return text.toString();
    }

    private record Named(String name, OutageStats stats) {
    }

    private static void section(StringBuilder out, String title, String table) {
        out.append('\n').append(title).append('\n').append(table == null ? "none\n" : table);
    }

    private static String outageTable(String groupedBy, List<Named> groups) {
        TextTable table = new TextTable("lrrrrr")
                .row(groupedBy, "outages", "caught", "recall", "delay median", "delay p90");
        for (Named g : groups) {
            OutageStats s = g.stats();
            table.row(g.name(), String.valueOf(s.outages()), String.valueOf(s.caught()), ratio(s.recall()),
                    duration(s.delayMedian()), duration(s.delayP90()));
        }
        return table.render();
    }

    private static String decoyTable(List<DecoyAlerts> decoys) {
        if (decoys.isEmpty()) {
            return null;
        }
        TextTable table = new TextTable("lrr").row("scenario", "windows", "alerts");
        decoys.forEach(d -> table.row(d.scenario(), String.valueOf(d.windows()), String.valueOf(d.alerts())));
        return table.render();
    }

    private static String missedTable(List<MissedOutage> missed) {
        if (missed.isEmpty()) {
            return null;
        }
        TextTable table = new TextTable("llllr").row("service", "start", "end", "scenario", "magnitude");
        missed.forEach(m -> table.row(m.service(), m.start().toString(), m.end().toString(), m.scenario(),
                magnitude(m.magnitude())));
        return table.render();
    }

    private static String falseAlertTable(List<FalseAlert> alerts) {
        if (alerts.isEmpty()) {
            return null;
        }
        TextTable table = new TextTable("lllll").row("service", "detected at", "cause", "incident", "opened at");
        alerts.forEach(a -> table.row(a.service(), a.detectedAt().toString(),
                a.decoyScenario() == null ? "spurious" : a.decoyScenario(), a.incidentId(), a.openedAt().toString()));
        return table.render();
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String magnitude(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "x";
    }
}
