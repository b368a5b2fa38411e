package dev.outageradar.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.detect.SeasonalBaseline;
import dev.outageradar.detect.ServiceState;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code /api/services}, {@code /api/services/{id}} and {@code /api/services/{id}/series}. A single
 * service is answered by the instance that owns its key (this one, or the owner over one forwarded hop);
 * the list gathers every instance's local part.
 */
final class ServicesHandler extends JsonHandler {

    static final String PATH = "/api/services";
    private static final String SERIES = "series";
    private static final TypeReference<List<ServiceView.Summary>> SUMMARIES = new TypeReference<>() { };

    private final ServiceStates states;
    private final ServiceView view;
    private final PeerClient peers;

    ServicesHandler(ServiceStates states, ServiceView view, PeerClient peers) {
        this.states = states;
        this.view = view;
        this.peers = peers;
    }

    @Override
    Response get(Request request) {
        String rest = request.path().substring(PATH.length());
        if (rest.isEmpty() || rest.equals("/")) {
            return Response.ok(request.forwarded() ? localSummaries() : allSummaries(request));
        }
        String[] parts = rest.substring(1).split("/", -1);
        if (!rest.startsWith("/") || parts.length > 2 || parts[0].isEmpty() || parts.length == 2 && !parts[1].equals(SERIES)) {
            throw ApiException.notFound("no such resource: " + request.path());
        }
        String service = parts[0];
        HostInfo owner = states.owner(service);
        if (!states.isSelf(owner)) {
            if (request.forwarded()) {
                // The sender thought this instance owns the service: ownership is moving; a second hop could loop.
                throw ApiException.unavailable("the state of \"" + service + "\" is moving between instances; retry");
            }
            return peers.get(owner, request.pathAndQuery());
        }
        ServiceState<SeasonalBaseline.State> state = states.local(service)
                .orElseThrow(() -> ApiException.notFound("unknown service \"" + service + "\""));
        if (parts.length == 1) {
            return Response.ok(view.summary(state));
        }
        Instant from = instant(request, "from", Instant.EPOCH);
        Instant to = instant(request, "to", Instant.now());
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from (" + from + ") must be before to (" + to + ")");
        }
        return Response.ok(view.series(state, from, to));
    }

    private List<ServiceView.Summary> localSummaries() {
        return states.allLocal().stream().map(view::summary).toList();
    }

    private List<ServiceView.Summary> allSummaries(Request request) {
        List<ServiceView.Summary> all = new ArrayList<>();
        for (HostInfo instance : states.instances()) {
            if (states.isSelf(instance)) {
                all.addAll(localSummaries());
            } else {
                all.addAll(read(peers.get(instance, PATH), instance));
            }
        }
        all.sort(Comparator.comparingDouble(ServiceView::ratioOf).reversed()
                .thenComparing(ServiceView.Summary::service));
        return all;
    }

    static <T> T readPeer(Response answer, HostInfo peer, TypeReference<T> type) {
        if (answer.status() != 200) {
            throw ApiException.unavailable("instance " + peer.host() + ":" + peer.port() + " answered "
                    + answer.status() + ": " + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            return JsonFormat.mapper().readValue(answer.body(), type);
        } catch (IOException e) {
            throw ApiException.unavailable("instance " + peer.host() + ":" + peer.port() + " sent an unreadable answer: "
                    + e.getMessage());
        }
    }

    private static List<ServiceView.Summary> read(Response answer, HostInfo peer) {
        return readPeer(answer, peer, SUMMARIES);
    }

    private static Instant instant(Request request, String name, Instant fallback) {
        String value = request.query().get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + "=\"" + value + "\" is not an ISO-8601 UTC time such as 2024-09-30T13:00:00Z");
        }
    }
}
