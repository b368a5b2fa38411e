package dev.outageradar.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.outageradar.alert.JsonFormat;
import dev.outageradar.detect.SeasonalBaseline;
import dev.outageradar.detect.ServiceState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code /api/services}, {@code /api/services/{id}} and {@code /api/services/{id}/series}. A single
 * service is answered by the instance that owns its key (this one, or the owner over one forwarded hop);
 * the list gathers every instance's local part, passing the same query on.
 */
final class ServicesHandler extends JsonHandler {

    static final String PATH = "/api/services";
    private static final String SERIES = "series";
    private static final String RECENT = "recent";
    static final int MAX_RECENT = 1_440;
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
            int recent = recentWindows(request);
            return Response.ok(request.forwarded() ? localSummaries(recent) : allSummaries(request, recent));
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
            return Response.ok(view.summary(state, recentWindows(request)));
        }
        return Response.ok(view.series(state, request.query()));
    }

    private List<ServiceView.Summary> localSummaries(int recent) {
        return states.allLocal().stream().map(state -> view.summary(state, recent)).toList();
    }

    private List<ServiceView.Summary> allSummaries(Request request, int recent) {
        List<ServiceView.Summary> all = new ArrayList<>();
        for (HostInfo instance : states.instances()) {
            if (states.isSelf(instance)) {
                all.addAll(localSummaries(recent));
            } else {
                all.addAll(read(peers.get(instance, request.pathAndQuery()), instance));
            }
        }
        all.sort(Comparator.comparingDouble(ServiceView::ratioOf).reversed()
                .thenComparing(ServiceView.Summary::service));
        return all;
    }

    /** {@code recent=N}: add the counts of the newest N windows to each service (a sparkline's data). */
    private static int recentWindows(Request request) {
        String value = request.query().get(RECENT);
        if (value == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= MAX_RECENT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest(RECENT + "=\"" + value + "\" is not a number of windows from 0 to " + MAX_RECENT);
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
}
