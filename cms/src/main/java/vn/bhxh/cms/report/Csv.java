package vn.bhxh.cms.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** The little CSV the imports read: comma or semicolon separated, double quotes around cells that need them. */
final class Csv {

    private Csv() {
    }

    /** Every line of a file split into cells, the header included; a blank line is an empty list. */
    static List<List<String>> rows(Reader csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(csv);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            rows.add(line.isBlank() ? List.of() : split(line));
        }
        return rows;
    }

    static List<String> split(String line) {
        char separator = line.indexOf(';') >= 0 && line.indexOf(',') < 0 ? ';' : ',';
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** "hàng 4, cột 2": where a cell is, as a person counts (rows and columns from 1). */
    static String cell(int row, int column) {
        return "hàng " + row + ", cột " + (column + 1);
    }
}
