package dev.outageradar.evaluate;

import java.util.ArrayList;
import java.util.List;

/** Rows of cells padded to each column's widest cell, two spaces apart; a header is just the first row. */
public final class TextTable {

    private final String align;
    private final List<String[]> rows = new ArrayList<>();

    /** One letter per column: {@code l} for names, left-aligned, {@code r} for numbers, right-aligned. */
    public TextTable(String align) {
        if (!align.matches("[lr]+")) {
            throw new IllegalArgumentException("alignment is one l or r per column, got '" + align + "'");
        }
        this.align = align;
    }

    public TextTable row(String... cells) {
        if (cells.length != align.length()) {
            throw new IllegalArgumentException("expected " + align.length() + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    public String render() {
        int[] widths = new int[align.length()];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String pad = " ".repeat(widths[c] - row[c].length());
                line.append(c == 0 ? "" : "  ").append(align.charAt(c) == 'l' ? row[c] + pad : pad + row[c]);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
