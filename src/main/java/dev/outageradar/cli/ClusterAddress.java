package dev.outageradar.cli;

import dev.outageradar.broker.BrokerAddressFile;
import dev.outageradar.config.AppConfig;
import dev.outageradar.config.ConfigException;

/**
 * The cluster a client command (replay, alerts) talks to: the configured bootstrap servers, else the
 * embedded broker of an {@code outage-radar run} on this machine.
 */
final class ClusterAddress {

    private ClusterAddress() {
    }

    static String of(AppConfig app, String command) {
        return app.bootstrapServers()
                .or(() -> BrokerAddressFile.read(app.embeddedDataDir()))
                .orElseThrow(() -> new ConfigException(command + " needs a Kafka cluster: give --bootstrap-servers, "
                        + "or start 'outage-radar run' on this machine first"));
    }
}
