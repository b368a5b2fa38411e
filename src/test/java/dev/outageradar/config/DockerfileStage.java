package dev.outageradar.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One stage of a Dockerfile (the last is what the image is made of) as a list of instructions, from its
 * FROM on, continuation lines joined and comments dropped. Enough for the deployment tests; not a
 * Dockerfile parser.
 */
record DockerfileStage(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {
    }

    static DockerfileStage lastOf(Path dockerfile) {
        List<DockerfileStage> stages = stagesOf(dockerfile);
        return stages.get(stages.size() - 1);
    }

    /** The stage started by {@code FROM image AS name}. */
    static DockerfileStage named(Path dockerfile, String name) {
        return stagesOf(dockerfile).stream()
                .filter(stage -> stage.instructions().get(0).arguments().matches("(?i).*\\s+AS\\s+" + name))
                .findFirst().orElseThrow(() -> new AssertionError("no stage " + name + " in " + dockerfile));
    }

    private static List<DockerfileStage> stagesOf(Path dockerfile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dockerfile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DockerfileStage> stages = new ArrayList<>();
        List<Instruction> stage = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String[] parts = pending.toString().strip().split("\\s+", 2);
            pending.setLength(0);
            Instruction instruction = new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM") && !stage.isEmpty()) {
                stages.add(new DockerfileStage(List.copyOf(stage)));
                stage.clear();
            }
            stage.add(instruction);
        }
        stages.add(new DockerfileStage(List.copyOf(stage)));
        return stages;
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The last one, which is the one in effect (USER, WORKDIR, HEALTHCHECK, CMD, ENTRYPOINT). */
    Optional<String> last(String keyword) {
        List<String> all = all(keyword);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** ENV NAME=value lines; the older "ENV NAME value" form is refused so that no variable goes unread. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String argument : all("ENV")) {
            for (String pair : argument.split("\\s+")) {
                String[] nameValue = pair.split("=", 2);
                if (nameValue.length != 2) {
                    throw new IllegalArgumentException("write ENV as NAME=value: ENV " + argument);
                }
                env.put(nameValue[0], nameValue[1]);
            }
        }
        return env;
    }

    /** COPY from the build context (not from another stage): source and destination as written. */
    Map<String, String> copiesFromContext() {
        Map<String, String> copies = new LinkedHashMap<>();
        for (String argument : all("COPY")) {
            String[] words = argument.split("\\s+");
            if (words[0].startsWith("--from=")) {
                continue;
            }
            if (words.length != 2 || words[0].startsWith("--")) {
                throw new IllegalArgumentException("expected COPY SOURCE DEST: COPY " + argument);
            }
            copies.put(words[0], words[1]);
        }
        return copies;
    }
}
