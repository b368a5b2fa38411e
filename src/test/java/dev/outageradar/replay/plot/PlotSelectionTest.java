package dev.outageradar.replay.plot;

import static dev.outageradar.replay.plot.PlotFixtures.alert;
import static dev.outageradar.replay.plot.PlotFixtures.at;
import static dev.outageradar.replay.plot.PlotFixtures.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outageradar.config.ConfigException;
import dev.outageradar.detect.IncidentEventType;
import dev.outageradar.detect.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlotSelectionTest {

    /** Netflix: two incidents; steam: one, few complaints; spotify: none, the most complaints; discord: none. */
    private static PlotData fourServices() {
        PlotData data = new PlotData();
        data.addCount(window("discord", at("10:00"), 5, 5, 20));
        data.addCount(window("spotify", at("10:00"), 900, 900, 1_200));
        data.addCount(window("steam", at("10:00"), 80, 5, 20));
        data.addAlert(alert(IncidentEventType.OUTAGE_SUSPECTED, "steam-1", "steam", "10:00", "10:00",
                Severity.MAJOR, 80));
        data.addCount(window("netflix", at("10:00"), 40, 5, 20));
        data.addAlert(alert(IncidentEventType.OUTAGE_SUSPECTED, "netflix-1", "netflix", "10:00", "10:00",
                Severity.MINOR, 40));
        data.addAlert(alert(IncidentEventType.OUTAGE_RESOLVED, "netflix-1", "netflix", "10:00", "10:30",
                Severity.MINOR, 40));
        data.addAlert(alert(IncidentEventType.OUTAGE_SUSPECTED, "netflix-2", "netflix", "11:00", "11:00",
                Severity.MINOR, 30));
        return data;
    }

    private static List<String> panels(Plot plot) {
        return plot.panels().stream().map(ServicePlot::service).toList();
    }

    @Test
    void theTopServicesAreThoseWithMostIncidentsThenMostComplaints() {
        Plot plot = fourServices().plot(PlotSelection.top(PlotSelection.DEFAULT_TOP));

        assertThat(panels(plot)).containsExactly("netflix", "steam", "spotify");
        assertThat(plot.services()).isEqualTo(4);
    }

    @Test
    void askingForMoreTopServicesThanTheFeedHadShowsThemAll() {
        assertThat(panels(fourServices().plot(PlotSelection.top(10))))
                .containsExactly("netflix", "steam", "spotify", "discord");
    }

    @Test
    void namedServicesAreShownInTheOrderGivenOnceEach() {
        Plot plot = fourServices().plot(PlotSelection.of(List.of("discord", "steam", "discord")));

        assertThat(panels(plot)).containsExactly("discord", "steam");
    }

    @Test
    void anUnknownServiceIsAOneLineErrorThatListsTheServicesSeen() {
        assertThatThrownBy(() -> fourServices().plot(PlotSelection.of(List.of("steam", "stream"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--plot-service stream: no complaint about it in this feed "
                        + "(services seen, most incidents first: netflix, steam, spotify, discord)");
    }

    @Test
    void fewerThanOneTopServiceIsRefused() {
        assertThatThrownBy(() -> PlotSelection.top(0))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--plot-top must be at least 1, got 0");
    }
}
