package dev.outageradar.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code /api/incidents?status=open|recent}, gathered from every instance's local state, newest first.
 * {@code open} (the default): the open incidents, from the detector's state. {@code recent}: every incident
 * the incident history holds, open ones and those resolved within {@code history.incident.retention}.
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
        if (!status.equals(OPEN) && !status.equals(RECENT)) {
            throw ApiException.badRequest("status=\"" + status + "\" is not one of " + OPEN + ", " + RECENT);
        }
        if (request.forwarded()) {
            return Response.ok(local(status));
        }
        List<ServiceView.Incident> all = new ArrayList<>();
        for (HostInfo instance : states.instances()) {
            all.addAll(states.isSelf(instance) ? local(status)
                    : ServicesHandler.readPeer(peers.get(instance, PATH + "?status=" + status), instance, INCIDENTS));
        }
        all.sort(Comparator.comparing(ServiceView.Incident::openedAt).reversed()
                .thenComparing(ServiceView.Incident::service));
        return Response.ok(Map.of("status", status, "incidents", all));
    }

    private List<ServiceView.Incident> local(String status) {
        if (status.equals(RECENT)) {
            return view.localIncidents();
        }
        return states.allLocal().stream().map(view::incident).filter(i -> i != null).toList();
    }
}
