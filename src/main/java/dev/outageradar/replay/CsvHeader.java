package dev.outageradar.replay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each normalized field is in a CSV feed's rows, from its header: names matched in any case, spaces
 * around them and a spreadsheet's byte-order mark ignored, unknown columns skipped.
 */
final class CsvHeader {

    private static final List<String> FIELDS = List.of("id", "created_at", "text", "author", "lang", "source", "country");
    private static final List<String> REQUIRED = List.of("created_at", "text");

    private final Map<String, Integer> columnOf;
    private final int width;

    private CsvHeader(Map<String, Integer> columnOf, int width) {
        this.columnOf = columnOf;
        this.width = width;
    }

    /** A field named twice is read from its first column. */
    static CsvHeader of(List<String> names) {
        Map<String, Integer> columnOf = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (FIELDS.contains(name)) {
                columnOf.putIfAbsent(name, i);
            }
        }
        return new CsvHeader(columnOf, names.size());
    }

    /** Why a row cannot be read as a post, or null when it can. */
    String problemWith(List<String> row) {
        for (String field : REQUIRED) {
            if (!columnOf.containsKey(field)) {
                return "CSV header has no " + field + " column";
            }
        }
        if (row.size() != width) {
            return "CSV row has " + row.size() + (row.size() == 1 ? " column" : " columns")
                    + ", the header has " + width;
        }
        return null;
    }

    /** The row's non-empty known fields, by normalized name. */
    Map<String, String> fields(List<String> row) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : FIELDS) {
            Integer column = columnOf.get(field);
            if (column != null && !row.get(column).isEmpty()) {
                fields.put(field, row.get(column));
            }
        }
        return fields;
    }
}
