package vn.bhxh.cms.report;

import java.util.ArrayList;
import java.util.List;

/** The little CSV the imports read: comma or semicolon separated, double quotes around cells that need them. */
final class Csv {

    private Csv() {
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
