package dev.outageradar.replay;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.outageradar.post.PostParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV feed whose header row names the columns: {@code created_at} and {@code text}, optionally {@code id},
 * {@code author}, {@code lang}, {@code source}, {@code country}; in any case and order, other columns ignored.
 * Each row is a normalized post with its fields as text, judged by {@link PostParser}; an empty cell is an
 * absent field.
 *
 * <p>A quoted field may hold line breaks, so a row is numbered by the line it starts on. A rejected row's
 * original is the row written again as CSV: the parser keeps the values, not the bytes.
 */
final class CsvSource implements EntrySource {

    private static final CsvFactory CSV = new CsvFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CsvParser csv;
    private final PostParser parser;
    private CsvHeader header;

    CsvSource(Reader text, int maxTextLength) {
        try {
            this.csv = CSV.createParser(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.parser = new PostParser(maxTextLength);
    }

    @Override
    public FeedEntry next() throws IOException {
        if (header == null) {
            CsvRow first = nextRow();
            if (first == null) {
                return null;
            }
            header = CsvHeader.of(first.values());
        }
        CsvRow row = nextRow();
        return row == null ? null : judge(row);
    }

    /** Blank lines, before the header or between rows, are no records. */
    private CsvRow nextRow() throws IOException {
        CsvRow row;
        do {
            row = CsvRow.read(csv);
        } while (row != null && row.isBlank());
        return row;
    }

    private FeedEntry judge(CsvRow row) throws IOException {
        String problem = row.syntaxError() != null ? row.syntaxError() : header.problemWith(row.values());
        if (problem != null) {
            return new FeedEntry.Rejected(row.line(), problem, row.asCsv());
        }
        ObjectNode post = JSON.createObjectNode();
        header.fields(row.values()).forEach(post::put);
        return FeedEntry.of(row.line(), parser.parse(JSON.writeValueAsBytes(post)), row.asCsv());
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /** One row as the CSV parser gave it: its values, or as many as it read before a syntax error. */
    private record CsvRow(long line, List<String> values, String syntaxError) {

        /** The next row, or null at the end; a syntax error ends the row, and reading goes on after it. */
        static CsvRow read(CsvParser csv) throws IOException {
            List<String> values = new ArrayList<>();
            long line = 0;
            try {
                if (csv.nextToken() == null) {
                    return null;
                }
                // Just past the row's opening token, the parser stands where the row starts.
                line = csv.currentLocation().getLineNr();
                while (csv.nextToken() == JsonToken.VALUE_STRING) {
                    values.add(csv.getText());
                }
                return new CsvRow(line, values, null);
            } catch (JsonParseException e) {
                skipRestOfRow(csv);
                return new CsvRow(line, values, "CSV syntax error: " + e.getOriginalMessage());
            }
        }

        /** Every failed attempt consumes input, so this ends. */
        private static void skipRestOfRow(CsvParser csv) throws IOException {
            while (true) {
                try {
                    JsonToken token = csv.nextToken();
                    if (token == null || token == JsonToken.END_ARRAY) {
                        return;
                    }
                } catch (JsonParseException e) {
                    // Still inside the broken row.
                }
            }
        }

        boolean isBlank() {
            return syntaxError == null && values.size() == 1 && values.get(0).isBlank();
        }

        String asCsv() {
            List<String> cells = new ArrayList<>(values.size());
            for (String value : values) {
                boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                        || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
                cells.add(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
            }
            return String.join(",", cells);
        }
    }
}
