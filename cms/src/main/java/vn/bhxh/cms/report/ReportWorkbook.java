package vn.bhxh.cms.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reports as XLSX laid out like the plan's forms: one sheet per form ("Mẫu 03", "Mẫu 04") with the Vietnamese headers
 * in row 3, the column numbers in row 4 and one row per unit from row 5; a sheet "Báo cáo" with the narrative. A file
 * exported for one report, filled in offline, can be read back: the column-number row says which cell holds what.
 */
final class ReportWorkbook {

    static final String NARRATIVE_SHEET = "Báo cáo";
    static final int HEADER_ROW = 2;
    static final int NUMBER_ROW = 3;
    static final int FIRST_DATA_ROW = 4;
    /** Files larger than this are refused before POI reads them. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private ReportWorkbook() {
    }

    static String sheetName(ReportForm form) {
        return form == ReportForm.FORM_03 ? "Mẫu 03" : "Mẫu 04";
    }

    /** One unit's row of figures. */
    record Line(String unit, Map<String, Long> values) {
    }

    static byte[] write(String title, PeriodType type, List<Line> lines, Line total, Map<String, String> texts) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle header = workbook.createCellStyle();
            header.cloneStyleFrom(bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            for (ReportForm form : List.of(ReportForm.FORM_03, ReportForm.FORM_04)) {
                List<ReportField> fields = ReportDataSets.numericOf(form).stream().filter(f -> f.in(type)).toList();
                if (fields.isEmpty()) {
                    continue;
                }
                Sheet sheet = workbook.createSheet(sheetName(form));
                cell(sheet, 0, 0, sheetName(form) + " — " + title, bold);
                cell(sheet, HEADER_ROW, 0, "Đơn vị", header);
                cell(sheet, NUMBER_ROW, 0, form == ReportForm.FORM_03 ? "1" : "", header);
                sheet.setColumnWidth(0, 30 * 256);
                for (int i = 0; i < fields.size(); i++) {
                    cell(sheet, HEADER_ROW, i + 1, fields.get(i).labelVi(), header);
                    cell(sheet, NUMBER_ROW, i + 1, fields.get(i).column(), header);
                    sheet.setColumnWidth(i + 1, 16 * 256);
                }
                sheet.getRow(HEADER_ROW).setHeightInPoints(90);
                int row = FIRST_DATA_ROW;
                for (Line line : lines) {
                    writeLine(sheet, row++, line, fields, null);
                }
                if (total != null) {
                    writeLine(sheet, row, total, fields, bold);
                }
                sheet.createFreezePane(1, FIRST_DATA_ROW);
            }
            if (texts != null) {
                Sheet sheet = workbook.createSheet(NARRATIVE_SHEET);
                cell(sheet, 0, 0, title, bold);
                cell(sheet, HEADER_ROW, 0, "Mã", header);
                cell(sheet, HEADER_ROW, 1, "Mục", header);
                cell(sheet, HEADER_ROW, 2, "Nội dung", header);
                sheet.setColumnWidth(1, 40 * 256);
                sheet.setColumnWidth(2, 100 * 256);
                int row = NUMBER_ROW;
                for (ReportField field : ReportDataSets.fields(type)) {
                    if (!field.numeric()) {
                        cell(sheet, row, 0, field.key(), null);
                        cell(sheet, row, 1, field.labelVi(), null);
                        cell(sheet, row++, 2, texts.getOrDefault(field.key(), ""), null);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing a workbook in memory failed", e);
        }
    }

    /** What an imported file says: values and texts by key, and for each key the cell it came from. */
    record Read(Map<String, Object> values, Map<String, Object> texts, Map<String, String> cells) {
    }

    /**
     * Reads the first data row of each form sheet and the narrative sheet. Cells that are neither a number nor empty
     * are handed on as text, so the report's own checks refuse them naming the cell.
     */
    static Read read(PeriodType type, InputStream in) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> texts = new LinkedHashMap<>();
        Map<String, String> cells = new HashMap<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(in)) {
            boolean any = false;
            for (ReportForm form : List.of(ReportForm.FORM_03, ReportForm.FORM_04)) {
                Sheet sheet = workbook.getSheet(sheetName(form));
                if (sheet == null || sheet.getRow(NUMBER_ROW) == null) {
                    continue;
                }
                any = true;
                Row numbers = sheet.getRow(NUMBER_ROW);
                Row data = sheet.getRow(FIRST_DATA_ROW);
                for (Cell number : numbers) {
                    String column = formatter.formatCellValue(number).strip();
                    String key = ReportDataSets.key(form, column);
                    if (number.getColumnIndex() == 0 || ReportDataSets.field(key).filter(f -> f.in(type)).isEmpty()) {
                        continue;
                    }
                    Cell cell = data == null ? null : data.getCell(number.getColumnIndex());
                    cells.put(key, sheetName(form) + ", ô " + new CellReference(FIRST_DATA_ROW, number.getColumnIndex()).formatAsString()
                            + " (hàng " + (FIRST_DATA_ROW + 1) + ", cột số " + column + ")");
                    values.put(key, cellValue(cell, formatter));
                }
            }
            Sheet narrative = workbook.getSheet(NARRATIVE_SHEET);
            if (narrative != null) {
                any = true;
                for (Row row : narrative) {
                    String key = formatter.formatCellValue(row.getCell(0)).strip();
                    if (row.getRowNum() >= NUMBER_ROW && ReportDataSets.field(key).filter(f -> !f.numeric() && f.in(type)).isPresent()) {
                        texts.put(key, formatter.formatCellValue(row.getCell(2)));
                        cells.put(key, NARRATIVE_SHEET + ", hàng " + (row.getRowNum() + 1));
                    }
                }
            }
            if (!any) {
                throw ReportValidationException.of("file", "report.error.sheet");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReportValidationException refusal) {
                throw refusal;
            }
            throw ReportValidationException.of("file", "report.error.sheet");
        }
        return new Read(values, texts, cells);
    }

    /** The first sheet of a workbook as text rows (cells as Excel shows them), for the lists people import. */
    static List<List<String>> rows(InputStream in) {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw ReportValidationException.of("file", "report.error.sheet");
            }
            for (Row row : workbook.getSheetAt(0)) {
                while (rows.size() < row.getRowNum()) {
                    rows.add(List.of());
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReportValidationException refusal) {
                throw refusal;
            }
            throw ReportValidationException.of("file", "report.error.sheet");
        }
        return rows;
    }

    private static Object cellValue(Cell cell, DataFormatter formatter) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC || (cell.getCellType() == CellType.FORMULA
                && cell.getCachedFormulaResultType() == CellType.NUMERIC)) {
            return cell.getNumericCellValue();
        }
        return formatter.formatCellValue(cell);
    }

    private static void writeLine(Sheet sheet, int row, Line line, List<ReportField> fields, CellStyle style) {
        cell(sheet, row, 0, line.unit(), style);
        for (int i = 0; i < fields.size(); i++) {
            Long value = line.values().get(fields.get(i).key());
            if (value != null) {
                Row r = sheet.getRow(row);
                Cell cell = r.createCell(i + 1, CellType.NUMERIC);
                cell.setCellValue(value);
                if (style != null) {
                    cell.setCellStyle(style);
                }
            }
        }
    }

    private static void cell(Sheet sheet, int row, int column, String text, CellStyle style) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        Cell cell = r.createCell(column, CellType.STRING);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    static List<ReportIssue> atCells(List<ReportIssue> errors, Map<String, String> cells) {
        List<ReportIssue> located = new ArrayList<>();
        for (ReportIssue issue : errors) {
            String key = issue.field().replaceFirst("^(values|texts)\\.", "");
            located.add(cells.containsKey(key) ? new ReportIssue(cells.get(key), issue.code(), issue.args()) : issue);
        }
        return located;
    }
}
