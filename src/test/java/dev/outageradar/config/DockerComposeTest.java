package dev.outageradar.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outageradar.config.ComposeFile.Mount;
import dev.outageradar.config.ComposeFile.PublishedPort;
import dev.outageradar.config.ComposeFile.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * docker/docker-compose.yml and docker/Dockerfile, checked without a Docker engine: what the containers
 * would be told must be settings the loader and Kafka know, and the cluster and instances must be what
 * docker/README.md promises (three brokers, replication 3, two instances of one application, a replay once
 * everything is healthy). Values are read through the real ConfigLoader, as the containers would read them.
 */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("docker/docker-compose.yml");
    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");
    private static final Path SHIPPED_CONFIG = Path.of("config/application.properties");
    /** Variables read by the JVM, not by the loader; anything else without our prefix would be ignored. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    /** Read by the apache/kafka image's start script, not a broker setting. */
    private static final Set<String> KAFKA_IMAGE_VARIABLES = Set.of("CLUSTER_ID");

    private final ComposeFile compose = ComposeFile.read(COMPOSE);
    private final DockerfileStage image = DockerfileStage.lastOf(DOCKERFILE);

    @Test
    void everyVariableGivenToOutageRadarIsASettingTheLoaderAndKafkaKnow() {
        List<Service> ours = outageRadarServices();

        assertThat(ours).extracting(Service::name).containsExactlyInAnyOrder("outage-radar-1", "outage-radar-2", "replay");
        assertThat(unknownSettings(image.environment())).as("the Dockerfile's ENV").isEmpty();
        for (Service service : ours) {
            assertThat(unknownSettings(service.environment())).as(service.name()).isEmpty();
            AppConfig loaded = load(service);
            assertThat(loaded.bootstrapServers()).as(service.name()).isPresent();
        }
    }

    @Test
    void theCheckNamesEveryMisspeltOrMisplacedVariable() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OUTAGE_RADAR_STATE_DIRECTORY", "/app/data");
        env.put("OUTAGE_RADAR_KAFKA_PROCESSING_GUARANTE", "exactly_once_v2");
        env.put("OUTAGE_RADAR_KAFKA_PRODUCER_LINGER_MSS", "5");
        env.put("BOOTSTRAP_SERVERS", "kafka-1:9092");
        env.put("OUTAGE_RADAR_KAFKA_PRODUCER_LINGER_MS", "5");
        env.put("OUTAGE_RADAR_KAFKA_NUM_STANDBY_REPLICAS", "1");
        env.put("OUTAGE_RADAR_API_BIND", "0.0.0.0");
        env.put("JAVA_TOOL_OPTIONS", "-Xmx512m");

        assertThat(unknownSettings(env)).containsExactly(
                "OUTAGE_RADAR_STATE_DIRECTORY is no setting of the loader",
                "OUTAGE_RADAR_KAFKA_PROCESSING_GUARANTE sets kafka.processing.guarante, and processing.guarante "
                        + "is no Kafka Streams or client setting",
                "OUTAGE_RADAR_KAFKA_PRODUCER_LINGER_MSS sets kafka.producer.linger.mss, and producer.linger.mss "
                        + "is no Kafka Streams or client setting",
                "BOOTSTRAP_SERVERS lacks the prefix OUTAGE_RADAR_: nothing reads it");
    }

    @Test
    void twoInstancesOfOneApplicationRunExactlyOnceOnTheWholeClusterEachWithItsOwnState() {
        List<Service> instances = appInstances();
        Map<String, AppConfig> configs = instances.stream()
                .collect(Collectors.toMap(Service::name, this::load, (a, b) -> a, TreeMap::new));

        assertThat(configs).hasSize(2);
        assertThat(configs.values()).extracting(AppConfig::applicationId).containsOnly("outage-radar");
        for (Service instance : instances) {
            AppConfig config = configs.get(instance.name());
            Properties streams = StreamsProperties.of(config, config.bootstrapServers().orElseThrow());
            assertThat(Set.of(config.bootstrapServers().orElseThrow().split(",")))
                    .as("%s reaches every broker", instance.name()).isEqualTo(brokerAddressesInside());
            assertThat(streams.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
            assertThat(config.replicationFactor()).as("replication of the app's and internal topics").isEqualTo((short) 3);
            assertThat(config.api().bind()).isEqualTo("0.0.0.0");
            assertThat(instance.ports()).extracting(PublishedPort::containerPort).containsExactly(config.api().port());
            assertThat(instance.hostname()).as("the name its peer forwards API requests to").hasValue(instance.name());
            assertThat(stateVolume(instance, config.stateDir())).isIn(compose.namedVolumes());
        }
        assertThat(instances.stream().map(i -> stateVolume(i, configs.get(i.name()).stateDir())).distinct())
                .as("each instance has its own state volume").hasSize(2);
        assertThat(instances.stream().map(i -> i.ports().get(0).hostPort()).distinct())
                .as("each instance's API has its own host port").hasSize(2);
    }

    @Test
    void threeBrokersOfTheClientsVersionFormOneQuorumAndKeepEveryTopicOnThreeReplicas() {
        List<Service> brokers = brokers();

        assertThat(brokers).hasSize(3);
        assertThat(brokers).extracting(Service::image).containsOnly("apache/kafka:" + AppInfoParser.getVersion());
        Map<String, String> voters = new HashMap<>();
        for (Service broker : brokers) {
            Map<String, String> settings = brokerSettings(broker);
            voters.put(settings.get("node.id"), broker.hostname().orElseThrow() + ":9093");
            assertThat(settings).as(broker.name())
                    .containsEntry("process.roles", "broker,controller")
                    .containsEntry("default.replication.factor", "3")
                    .containsEntry("min.insync.replicas", "2")
                    .containsEntry("offsets.topic.replication.factor", "3")
                    .containsEntry("transaction.state.log.replication.factor", "3")
                    .containsEntry("transaction.state.log.min.isr", "2")
                    .containsEntry("auto.create.topics.enable", "false");
        }
        String quorum = voters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(v -> v.getKey() + "@" + v.getValue()).collect(Collectors.joining(","));
        assertThat(voters).as("distinct node ids").hasSize(3);
        assertThat(brokers).extracting(b -> brokerSettings(b).get("controller.quorum.voters")).containsOnly(quorum);
        assertThat(brokers).extracting(b -> b.environment().get("CLUSTER_ID")).doesNotContainNull().hasSize(3)
                .containsOnly(brokers.get(0).environment().get("CLUSTER_ID"));
    }

    @Test
    void everyBrokerVariableIsABrokerSettingAndTheHostReachesEachBrokerWhereItAdvertises() {
        for (Service broker : brokers()) {
            List<String> unknown = broker.environment().keySet().stream()
                    .filter(name -> !KAFKA_IMAGE_VARIABLES.contains(name))
                    .filter(name -> !KafkaSettingNames.isBrokerSetting(brokerSetting(name)))
                    .toList();
            assertThat(unknown).as(broker.name()).isEmpty();

            String hostListener = Arrays.stream(brokerSettings(broker).get("advertised.listeners").split(","))
                    .filter(listener -> listener.startsWith("HOST://localhost:")).findFirst().orElseThrow();
            int advertisedPort = Integer.parseInt(hostListener.substring(hostListener.lastIndexOf(':') + 1));
            assertThat(broker.ports()).extracting(PublishedPort::hostPort).as(broker.name()).containsExactly(advertisedPort);
        }
        assertThat(brokers().stream().map(b -> b.ports().get(0).hostPort()).distinct()).hasSize(3);
    }

    @Test
    void startsInOrderBrokersThenInstancesThenTheReplayOfTheDemoFeedWhichRunsOnce() {
        Set<String> brokerNames = names(brokers());
        Set<String> instanceNames = names(appInstances());
        Service replay = compose.service("replay");

        assertThat(brokers()).allSatisfy(b -> assertThat(b.healthcheck().path("test").isArray()).isTrue());
        assertThat(appInstances()).allSatisfy(instance -> {
            assertThat(instance.dependsOn()).containsOnlyKeys(brokerNames).containsValues("service_healthy")
                    .doesNotContainValue("service_started");
            assertThat(instance.restart()).isEqualTo("unless-stopped");
        });
        assertThat(replay.dependsOn()).containsOnlyKeys(instanceNames).doesNotContainValue("service_started");
        assertThat(replay.restart()).isEqualTo("no");
        assertThat(replay.healthcheck().path("disable").asBoolean()).as("a replay serves no /health").isTrue();

        List<String> command = replay.command();
        assertThat(command.get(0)).isEqualTo("replay");
        String feed = command.get(command.indexOf("--file") + 1);
        assertThat(fileOfTheImage(feed)).as("the repository file the image holds at " + feed)
                .isEqualTo(Path.of("samples/spotify-outage-2024-09.jsonl.gz")).isRegularFile();
    }

    @Test
    void theImageRunsAsAnUnprivilegedUserAndReportsHealthFromTheApp() {
        String user = image.last("USER").orElse("root");
        String healthcheck = image.last("HEALTHCHECK").orElse("NONE");

        assertThat(user.split(":")[0]).isNotIn("root", "0", "");
        assertThat(healthcheck).contains("CMD [").doesNotStartWith("NONE");
        String probe = healthcheck.replaceAll(".*\"([^\"]+\\.sh)\".*", "$1");
        assertThat(fileOfTheImage(probe)).isEqualTo(Path.of("docker/healthcheck.sh")).content().contains("GET /health ");
        assertThat(image.environment()).as("an API reachable from outside its container")
                .containsEntry("OUTAGE_RADAR_API_BIND", "0.0.0.0");
    }

    @Test
    void theImageRunsTheJarMavenPackageBuildsWithItsDependenciesWhereItsManifestLooksForThem() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String finalName = xpath.evaluate("/project/build/finalName", pom);
        String libDirectory = xpath.evaluate("//plugin[artifactId='maven-dependency-plugin']//execution"
                + "[goals/goal='copy-dependencies']/configuration/outputDirectory", pom);
        String classpathPrefix = xpath.evaluate("//plugin[artifactId='maven-jar-plugin']//manifest/classpathPrefix", pom);
        String target = DockerfileStage.named(DOCKERFILE, "build").last("WORKDIR").orElseThrow() + "/target";
        Map<String, String> fromBuild = image.all("COPY").stream().filter(copy -> copy.startsWith("--from=build "))
                .map(copy -> copy.substring("--from=build ".length()).split("\\s+"))
                .collect(Collectors.toMap(words -> words[0], words -> words[1]));

        String jar = fromBuild.get(target + "/" + finalName + ".jar");
        String lib = fromBuild.get(libDirectory.replace("${project.build.directory}", target) + "/");
        assertThat(jar).as("the packaged jar is copied").isNotNull();
        assertThat(lib).as("its dependencies are copied").isEqualTo(Path.of(jar).getParent() + "/" + classpathPrefix);
        assertThat(image.last("ENTRYPOINT").orElseThrow()).isEqualTo("[\"java\", \"-jar\", \"" + jar + "\"]");
        assertThat(image.last("CMD")).hasValue("[\"run\"]");
    }

    /** One line per variable that would be lost: unknown to the loader, or a kafka.* name Kafka does not define. */
    static List<String> unknownSettings(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        for (String name : env.keySet()) {
            if (JVM_VARIABLES.contains(name) || ConfigKeys.OTHER_ENV.contains(name)) {
                continue;
            }
            if (!name.startsWith(ConfigKeys.ENV_PREFIX)) {
                problems.add(name + " lacks the prefix " + ConfigKeys.ENV_PREFIX + ": nothing reads it");
                continue;
            }
            String key = ConfigKeys.keyOfEnv(name);
            if (key == null || !ConfigKeys.isKnown(key)) {
                problems.add(name + " is no setting of the loader");
            } else if (key.startsWith(ConfigKeys.KAFKA_PREFIX)) {
                String kafkaName = key.substring(ConfigKeys.KAFKA_PREFIX.length());
                if (!KafkaSettingNames.isClientOrStreamsSetting(kafkaName)) {
                    problems.add(name + " sets " + key + ", and " + kafkaName + " is no Kafka Streams or client setting");
                }
            }
        }
        return problems;
    }

    private AppConfig load(Service service) {
        Map<String, String> env = new LinkedHashMap<>(image.environment());
        env.putAll(service.environment());
        return ConfigLoader.load(SHIPPED_CONFIG, false, env, Map.of());
    }

    private List<Service> outageRadarServices() {
        return compose.services().stream().filter(s -> s.dockerfile().equals(Optional.of("docker/Dockerfile")))
                .toList();
    }

    /** Ours, running the image's default command (run). */
    private List<Service> appInstances() {
        return outageRadarServices().stream().filter(s -> s.command().isEmpty()).toList();
    }

    private List<Service> brokers() {
        return compose.services().stream().filter(s -> s.image().startsWith("apache/kafka:")).toList();
    }

    private Set<String> brokerAddressesInside() {
        return brokers().stream().map(b -> Arrays.stream(brokerSettings(b).get("advertised.listeners").split(","))
                        .filter(l -> l.startsWith("PLAINTEXT://")).findFirst().orElseThrow().substring("PLAINTEXT://".length()))
                .collect(Collectors.toSet());
    }

    private static Map<String, String> brokerSettings(Service broker) {
        Map<String, String> settings = new TreeMap<>();
        broker.environment().forEach((name, value) -> {
            if (!KAFKA_IMAGE_VARIABLES.contains(name)) {
                settings.put(brokerSetting(name), value);
            }
        });
        return settings;
    }

    /** The apache/kafka image's rule: KAFKA_ prefix, '.' as '_', '_' as '__', '-' as '___'. */
    private static String brokerSetting(String variable) {
        if (!variable.startsWith("KAFKA_")) {
            return variable;
        }
        return variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                .replace("___", "-").replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }

    /** The named volume mounted where the state directory lies. */
    private static String stateVolume(Service instance, Path stateDir) {
        return instance.volumes().stream().filter(m -> stateDir.startsWith(m.target())).map(Mount::source)
                .findFirst().orElseThrow(() -> new AssertionError(instance.name() + ": no volume holds " + stateDir));
    }

    /** The repository file an image path comes from, through the final stage's WORKDIR and COPY lines. */
    private Path fileOfTheImage(String path) {
        String absolute = path.startsWith("/") ? path : image.last("WORKDIR").orElse("/") + "/" + path;
        return image.copiesFromContext().entrySet().stream()
                .filter(copy -> copy.getValue().endsWith("/") ? absolute.startsWith(copy.getValue()) : absolute.equals(copy.getValue()))
                .map(copy -> copy.getValue().endsWith("/")
                        ? Path.of(copy.getKey(), absolute.substring(copy.getValue().length()))
                        : Path.of(copy.getKey()))
                .findFirst().orElseThrow(() -> new AssertionError("no COPY puts anything at " + absolute));
    }

    private static Set<String> names(List<Service> services) {
        return services.stream().map(Service::name).collect(Collectors.toSet());
    }
}
