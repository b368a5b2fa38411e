package dev.outageradar.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outageradar.config.ConfigException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulationPlannerTest {

    private static final LocalDate SEPTEMBER = LocalDate.of(2024, 9, 1);
    private static final SimulationOptions DEFAULTS =
            new SimulationOptions(SEPTEMBER, 30, 12, 30, new MagnitudeRange(2, 100), 42, 0.01);

    @Test
    void plansTheRequestedOutagesInsideTheSpanWithinTheMagnitudeRange() {
        SimulationPlan plan = SimulationPlanner.plan(DEFAULTS);

        assertThat(plan.start()).isEqualTo(Instant.parse("2024-09-01T00:00:00Z"));
        assertThat(plan.end()).isEqualTo(Instant.parse("2024-10-01T00:00:00Z"));
        assertThat(plan.services()).hasSize(12);
        assertThat(plan.outages()).hasSize(30).allSatisfy(o -> {
            assertThat(o.start()).isAfterOrEqualTo(plan.start());
            assertThat(o.end()).isBeforeOrEqualTo(plan.end());
            assertThat(o.duration()).isBetween(Duration.ofMinutes(5), Duration.ofHours(6));
            assertThat(o.magnitude()).isBetween(2.0, 100.0);
            assertThat(o.scenario()).isIn(Scenario.SPIKE, Scenario.SLOW);
        });
        assertThat(plan.outages()).extracting(Episode::magnitude).contains(100.0).anyMatch(m -> m < 10);
        assertThat(plan.outages().stream().map(Episode::serviceId).distinct()).hasSizeGreaterThan(6);
    }

    @Test
    void everyOutageStartsAfterTheLearningDayAndAddsComplaintsSomeoneCouldSee() {
        SimulationPlan plan = SimulationPlanner.plan(DEFAULTS);

        assertThat(plan.outages()).allSatisfy(o -> {
            assertThat(o.start()).isAfterOrEqualTo(plan.start().plus(Duration.ofDays(1)));
            SimulatedService service = plan.services().stream()
                    .filter(s -> s.id().equals(o.serviceId())).findFirst().orElseThrow();
            double excess = 0;
            Instant firstHourEnd = o.start().plus(Duration.ofHours(1));
            for (Instant t = o.start(); t.isBefore(o.end()) && t.isBefore(firstHourEnd); t = t.plus(Duration.ofMinutes(1))) {
                excess += (o.magnitude() - 1) * o.intensity(t)
                        * Traffic.complaintsPerMinute(service, plan.episodesOf(service.id()), t);
            }
            assertThat(excess).as("complaints added in the first hour by %s", o).isGreaterThanOrEqualTo(30);
        });
    }

    @Test
    void aFixedMagnitudeGivesOnlyOutagesOfThatSize() {
        SimulationOptions onlyDoubling = new SimulationOptions(SEPTEMBER, 30, 12, 30, MagnitudeRange.parse("2"), 42, 0.01);

        assertThat(SimulationPlanner.plan(onlyDoubling).outages()).hasSize(30)
                .allSatisfy(o -> assertThat(o.magnitude()).isEqualTo(2.0));
    }

    @Test
    void plansOneDecoyOfEveryKindAndAHolidayEveningForEveryService() {
        SimulationPlan plan = SimulationPlanner.plan(DEFAULTS);

        assertThat(plan.decoys()).extracting(e -> e.scenario().label()).containsOnly("viral-mention", "negated",
                "holiday-surge", "growth", "single-account", "competitor-mention");
        assertThat(plan.decoys()).filteredOn(e -> e.scenario() == Scenario.HOLIDAY_SURGE).hasSize(12)
                .allSatisfy(e -> assertThat(e.magnitude()).isEqualTo(1.5));
        assertThat(plan.decoys()).filteredOn(e -> e.scenario() == Scenario.GROWTH).singleElement()
                .satisfies(e -> {
                    assertThat(e.serviceId()).isEqualTo("chatgpt");
                    assertThat(e.start()).isEqualTo(plan.start());
                    assertThat(e.end()).isEqualTo(plan.end());
                });
        assertThat(plan.decoys()).filteredOn(e -> e.scenario() == Scenario.SINGLE_ACCOUNT).singleElement()
                .satisfies(e -> assertThat(e.related()).matches("u\\d+"));
    }

    @Test
    void theBiggestOutageHitsSpotifyAndItsRivalGetsACompetitorMentionDecoyForTheSameWindow() {
        SimulationPlan plan = SimulationPlanner.plan(DEFAULTS);

        Episode rival = plan.decoys().stream().filter(e -> e.scenario() == Scenario.COMPETITOR_MENTION).findFirst().orElseThrow();
        Episode outage = plan.outages().stream().filter(o -> o.magnitude() == 100.0).findFirst().orElseThrow();

        assertThat(outage.serviceId()).isEqualTo("spotify");
        assertThat(outage.duration()).isGreaterThanOrEqualTo(Duration.ofHours(1));
        assertThat(rival.serviceId()).isEqualTo("apple-music");
        assertThat(rival.related()).isEqualTo("spotify");
        assertThat(List.of(rival.start(), rival.end())).containsExactly(outage.start(), outage.end());
    }

    @Test
    void windowsOfOneServiceStayTwoHoursApartExceptGrowth() {
        SimulationPlan plan = SimulationPlanner.plan(DEFAULTS);

        for (SimulatedService service : plan.services()) {
            List<Episode> windows = plan.episodesOf(service.id()).stream()
                    .filter(e -> e.scenario() != Scenario.GROWTH).toList();
            for (int i = 1; i < windows.size(); i++) {
                assertThat(windows.get(i).start()).as(service.id())
                        .isAfterOrEqualTo(windows.get(i - 1).end().plus(Duration.ofHours(2)));
            }
        }
    }

    @Test
    void sameOptionsPlanTheSameEpisodesAndAnotherSeedOthers() {
        SimulationOptions otherSeed = new SimulationOptions(SEPTEMBER, 30, 12, 30, new MagnitudeRange(2, 100), 7, 0.01);

        assertThat(SimulationPlanner.plan(DEFAULTS)).isEqualTo(SimulationPlanner.plan(DEFAULTS));
        assertThat(SimulationPlanner.plan(otherSeed).outages()).isNotEqualTo(SimulationPlanner.plan(DEFAULTS).outages());
    }

    @Test
    void moreOutagesThanTheSpanHoldsAreRejectedWithOneLineNamingTheFlag() {
        SimulationOptions crowded = new SimulationOptions(SEPTEMBER, 1, 1, 50, new MagnitudeRange(2, 100), 42, 0.01);

        assertThatThrownBy(() -> SimulationPlanner.plan(crowded))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--outages 50 do not fit in 1 day(s) of 1 service(s) with 2 h between windows of a service;"
                        + " ask for fewer outages, more days or more services");
    }

    @Test
    void outagesOfServicesWithAComplaintAMinuteOrMoreStandFarAboveTheSameHoursOnOrdinaryDays() {
        SimulationOptions week = new SimulationOptions(SEPTEMBER, 7, 6, 10, new MagnitudeRange(20, 100), 42, 0.01);
        SimulationPlan plan = SimulationPlanner.plan(week);

        Tally tally = Tally.of(plan);
        List<Episode> visible = plan.outages().stream()
                .filter(o -> plan.service(o.serviceId()).complaintsPerDay() >= Plans.PER_MINUTE).toList();

        assertThat(visible).hasSizeGreaterThanOrEqualTo(5);
        for (Episode outage : visible) {
            int during = tally.count(outage.serviceId(), PostKind.COMPLAINT, outage.start(), outage.end());
            double ordinary = tally.sameHoursOnOrdinaryDays(outage.serviceId(), PostKind.COMPLAINT, outage.start(), outage.end());
            assertThat(during).as(outage.toString()).isGreaterThan((int) (3 * ordinary + 10));
        }
    }

    @Test
    void serviceIdsAreLowercaseAndUnique() {
        Set<String> ids = KnownServices.all().stream().map(KnownService::id).collect(Collectors.toSet());

        assertThat(ids).hasSize(KnownServices.all().size()).allMatch(id -> id.matches("[a-z0-9-]+"));
        assertThat(KnownServices.all()).allSatisfy(s -> {
            assertThat(s.handle()).matches("@\\w+");
            assertThat(s.competitors()).allSatisfy(c -> assertThat(ids).contains(c));
        });
    }
}
