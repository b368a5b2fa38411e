package dev.outageradar.replay.plot;

import dev.outageradar.config.ConfigException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which services get a panel: the ones asked for by name, in the order given, or else the {@code top} that
 * most deserve a look: most incidents first, then most complaints, then by id so the choice is repeatable.
 *
 * @param services from {@code --plot-service}; empty to pick the top ones
 * @param top      from {@code --plot-top}; ignored when services are named
 */
public record PlotSelection(List<String> services, int top) {

    public static final int DEFAULT_TOP = 3;

    /** How many known services an error message lists before it stops. */
    private static final int LISTED = 10;

    private static final Comparator<ServiceTotals> MOST_WORTH_A_LOOK =
            Comparator.comparingInt(ServiceTotals::incidents).reversed()
                    .thenComparing(Comparator.comparingLong(ServiceTotals::complaints).reversed())
                    .thenComparing(ServiceTotals::service);

    public PlotSelection {
        services = List.copyOf(new LinkedHashSet<>(services));
        if (top < 1) {
            throw new ConfigException("--plot-top must be at least 1, got " + top);
        }
    }

    public static PlotSelection top(int top) {
        return new PlotSelection(List.of(), top);
    }

    public static PlotSelection of(List<String> services) {
        return new PlotSelection(services, DEFAULT_TOP);
    }

    List<String> choose(Collection<ServiceTotals> seen) {
        List<String> ranked = seen.stream().sorted(MOST_WORTH_A_LOOK).map(ServiceTotals::service).toList();
        if (services.isEmpty()) {
            return ranked.subList(0, Math.min(top, ranked.size()));
        }
        Map<String, ServiceTotals> byId = seen.stream()
                .collect(Collectors.toMap(ServiceTotals::service, Function.identity()));
        for (String service : services) {
            if (!byId.containsKey(service)) {
                throw unknown(service, ranked);
            }
        }
        return services;
    }

    private static ConfigException unknown(String service, List<String> ranked) {
        String known = ranked.isEmpty() ? "none"
                : String.join(", ", ranked.subList(0, Math.min(LISTED, ranked.size())))
                        + (ranked.size() > LISTED ? ", ..." : "");
        return new ConfigException("--plot-service " + service + ": no complaint about it in this feed "
                + "(services seen, most incidents first: " + known + ")");
    }
}
