package dev.outageradar.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code /api/incidents?status=open}: the open incidents of every service, gathered from every instance's
 * local state, newest first. The detector's state forgets an incident once it resolves, so resolved
 * incidents cannot be served from it: {@code status=recent} is answered 501 and points at the alerts
 * topic, which holds every incident event.
 */
final class IncidentsHandler extends JsonHandler {

    static final String PATH = "/api/incidents";
    static final String OPEN = "open";
    static final String RECENT = "recent";
    private static final TypeReference<List<ServiceView.Incident>> INCIDENTS = new TypeReference<>() { };

    private final ServiceStates states;
    private final ServiceView view;
    private final PeerClient peers;

    IncidentsHandler(ServiceStates states, ServiceView view, PeerClient peers) {
        this.states = states;
        this.view = view;
        this.peers = peers;
    }

    @Override
    Response get(Request request) {
        if (!request.path().equals(PATH) && !request.path().equals(PATH + "/")) {
            throw ApiException.notFound("no such resource: " + request.path());
        }
        String status = request.query().getOrDefault("status", OPEN);
        if (status.equals(RECENT)) {
            return Response.error(501, "status=recent is not served: the detector's state keeps only open incidents;"
                    + " resolved ones are in the alerts topic (OUTAGE_RESOLVED events)");
        }
        if (!status.equals(OPEN)) {
            throw ApiException.badRequest("status=\"" + status + "\" is not one of " + OPEN + ", " + RECENT);
        }
        if (request.forwarded()) {
            return Response.ok(localOpen());
        }
        List<ServiceView.Incident> all = new ArrayList<>();
        for (HostInfo instance : states.instances()) {
            all.addAll(states.isSelf(instance) ? localOpen()
                    : ServicesHandler.readPeer(peers.get(instance, PATH + "?status=" + OPEN), instance, INCIDENTS));
        }
        all.sort(Comparator.comparing(ServiceView.Incident::openedAt).reversed()
                .thenComparing(ServiceView.Incident::service));
        return Response.ok(Map.of("status", OPEN, "incidents", all));
    }

    private List<ServiceView.Incident> localOpen() {
        return states.allLocal().stream().map(view::incident).filter(i -> i != null).toList();
    }
}
