package dev.outageradar.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectFileTest {

    @TempDir
    Path dir;

    @Test
    void eachRejectionIsOneJsonLineWithItsLineReasonAndOriginal() throws IOException {
        Path path = dir.resolve("rejected.jsonl");
        FeedEntry.Rejected notJson = new FeedEntry.Rejected(5, "not valid JSON: Unexpected end-of-input",
                "{\"id\": \"sim-0004\", \"text\": \"spotify down");
        FeedEntry.Rejected csvRow = new FeedEntry.Rejected(4, "CSV row has 2 columns, the header has 3",
                "3,\"Spotify status:\napp won't start\"");

        try (RejectFile rejects = new RejectFile(path)) {
            rejects.accept(notJson);
            rejects.accept(csvRow);
            assertThat(rejects.written()).isEqualTo(2);
        }

        List<String> lines = Files.readAllLines(path);
        ObjectMapper json = new ObjectMapper();
        assertThat(lines).hasSize(2);
        assertThat(json.readValue(lines.get(0), Map.class)).isEqualTo(Map.of("line", 5,
                "reason", notJson.reason(), "original", notJson.original()));
        assertThat(json.readValue(lines.get(1), Map.class)).isEqualTo(Map.of("line", 4,
                "reason", csvRow.reason(), "original", csvRow.original()));
        assertThat(lines.get(0)).startsWith("{\"line\":5,\"reason\":");
    }

    @Test
    void aFeedWithNothingToRejectLeavesNoFile() {
        Path path = dir.resolve("rejected.jsonl");

        try (RejectFile rejects = new RejectFile(path)) {
            assertThat(rejects.written()).isZero();
        }

        assertThat(path).doesNotExist();
    }

    @Test
    void rejectionsOfAFeedReadBackInOrder() throws IOException {
        Path path = dir.resolve("rejected.jsonl");

        try (RejectFile rejects = new RejectFile(path)) {
            Feeds.rejections(Feeds.read("mixed.jsonl", FeedFormat.AUTO)).forEach(rejects);
        }

        ObjectMapper json = new ObjectMapper();
        assertThat(Files.readAllLines(path)).extracting(line -> json.readTree(line).get("line").asLong())
                .containsExactly(5L, 7L, 8L, 9L, 12L);
    }
}
