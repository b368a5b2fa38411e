package dev.outageradar.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Docker Compose file as the deployment tests read it. Only the forms docker/docker-compose.yml uses
 * are understood (environment as a map or a list, short port and volume syntax); anything else fails the
 * reading rather than being skipped, so a check cannot pass by not seeing a setting.
 */
record ComposeFile(JsonNode root) {

    static ComposeFile read(Path path) {
        try {
            return new ComposeFile(new ObjectMapper(new YAMLFactory()).readTree(path.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Service> services() {
        List<Service> services = new ArrayList<>();
        root.path("services").properties().forEach(entry -> services.add(new Service(entry.getKey(), entry.getValue())));
        return services;
    }

    Service service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + name));
    }

    Set<String> namedVolumes() {
        Set<String> names = new TreeSet<>();
        root.path("volumes").properties().forEach(entry -> names.add(entry.getKey()));
        return names;
    }

    /** {@code [ip:]host:container}: where the host reaches a container port. */
    record PublishedPort(int hostPort, int containerPort) {
    }

    /** {@code source:target[:mode]}. */
    record Mount(String source, String target) {
    }

    record Service(String name, JsonNode node) {

        String image() {
            return node.path("image").asText("");
        }

        Optional<String> dockerfile() {
            JsonNode build = node.path("build");
            return build.isMissingNode() ? Optional.empty() : Optional.of(build.path("dockerfile").asText("Dockerfile"));
        }

        Optional<String> hostname() {
            return Optional.ofNullable(node.path("hostname").textValue());
        }

        Map<String, String> environment() {
            if (node.has("env_file")) {
                throw new IllegalArgumentException(name + ": env_file is not read by these checks; set variables inline");
            }
            Map<String, String> env = new LinkedHashMap<>();
            JsonNode environment = node.path("environment");
            if (environment.isObject()) {
                environment.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
            } else if (environment.isArray()) {
                environment.forEach(item -> {
                    String[] pair = item.asText().split("=", 2);
                    env.put(pair[0], pair.length == 2 ? pair[1] : "");
                });
            }
            return env;
        }

        /** The command, or empty when the image's CMD applies. */
        List<String> command() {
            JsonNode command = node.path("command");
            if (command.isTextual()) {
                throw new IllegalArgumentException(name + ": write command as a list, so its words are unambiguous");
            }
            List<String> words = new ArrayList<>();
            command.forEach(word -> words.add(word.asText()));
            return words;
        }

        /** Each service this one waits for, with the condition it waits for. */
        Map<String, String> dependsOn() {
            Map<String, String> conditions = new LinkedHashMap<>();
            JsonNode dependsOn = node.path("depends_on");
            if (dependsOn.isArray()) {
                dependsOn.forEach(item -> conditions.put(item.asText(), "service_started"));
            } else {
                dependsOn.properties().forEach(e ->
                        conditions.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
            }
            return conditions;
        }

        JsonNode healthcheck() {
            return node.path("healthcheck");
        }

        String restart() {
            return node.path("restart").asText("no");
        }

        List<PublishedPort> ports() {
            List<PublishedPort> ports = new ArrayList<>();
            node.path("ports").forEach(port -> {
                if (!port.isTextual()) {
                    throw new IllegalArgumentException(name + ": only the short port syntax is read: " + port);
                }
                String[] parts = port.asText().replaceFirst("/tcp$", "").split(":");
                if (parts.length < 2) {
                    throw new IllegalArgumentException(name + ": a port that is not published to the host: " + port);
                }
                ports.add(new PublishedPort(Integer.parseInt(parts[parts.length - 2]),
                        Integer.parseInt(parts[parts.length - 1])));
            });
            return ports;
        }

        List<Mount> volumes() {
            List<Mount> mounts = new ArrayList<>();
            node.path("volumes").forEach(volume -> {
                String[] parts = volume.asText().split(":");
                if (!volume.isTextual() || parts.length < 2) {
                    throw new IllegalArgumentException(name + ": only source:target volumes are read: " + volume);
                }
                mounts.add(new Mount(parts[0], parts[1]));
            });
            return mounts;
        }
    }
}
