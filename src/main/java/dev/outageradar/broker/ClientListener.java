package dev.outageradar.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How clients connect to the embedded broker: in the clear with no credentials (what {@code run} and
 * {@code demo} use, on loopback only), or with SASL/PLAIN user names and passwords, to try the settings of
 * a secured cluster without one.
 *
 * @param protocol       the listener's name and security protocol
 * @param serverSettings what the broker adds to its configuration for it
 * @param clientSettings what a client of the broker itself (its readiness probe) needs to connect
 */
record ClientListener(String protocol, Map<String, String> serverSettings, Map<String, Object> clientSettings) {

    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule required";
    /** The broker's own user, between its listeners and for its probe; its password is new at every start. */
    private static final String BROKER_USER = "embedded-broker";

    static ClientListener plaintext() {
        return new ClientListener("PLAINTEXT", Map.of(), Map.of());
    }

    /** @param users user name to password; neither may hold a double quote */
    static ClientListener saslPlain(Map<String, String> users) {
        String brokerPassword = UUID.randomUUID().toString();
        Map<String, String> all = new LinkedHashMap<>(users);
        all.put(BROKER_USER, brokerPassword);
        String accepted = all.entrySet().stream().map(user -> "user_" + user.getKey() + "=\"" + user.getValue() + "\"")
                .collect(Collectors.joining(" "));
        String own = "username=\"" + BROKER_USER + "\" password=\"" + brokerPassword + "\"";
        Map<String, String> server = new LinkedHashMap<>();
        server.put("sasl.enabled.mechanisms", "PLAIN");
        server.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        server.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", PLAIN_LOGIN + " " + own + " " + accepted + ";");
        return new ClientListener("SASL_PLAINTEXT", server, Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", PLAIN_LOGIN + " " + own + ";"));
    }
}
