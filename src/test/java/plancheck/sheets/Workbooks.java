package plancheck.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Test helpers that fill a template the way a bureau does in Excel (with POI): values typed into the
 * 本年数值 cells, records typed into the record sheets. The values come from a JSON submission, so that
 * the filled workbook and the JSON say the same.
 */
public final class Workbooks {
    private Workbooks() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Opens a workbook, lets {@code edit} change it, and saves it. */
    public static void edit(Path xlsx, java.util.function.Consumer<XSSFWorkbook> edit) {
        try {
            XSSFWorkbook wb;
            try (InputStream in = Files.newInputStream(xlsx)) {
                wb = new XSSFWorkbook(in);
            }
            edit.accept(wb);
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                wb.write(out);
            }
            wb.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the column (0-based) whose header in {@code headerRow} (0-based) is {@code header} */
    public static int column(Sheet sh, int headerRow, String header) {
        Row h = sh.getRow(headerRow);
        for (Cell c : h) {
            if (c.getStringCellValue().equals(header)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " in " + sh.getSheetName());
    }

    /** @return the row (0-based) of the indicators sheet whose id cell is {@code id}, or -1 */
    public static int rowOf(Sheet sh, String id) {
        int idCol = column(sh, 3, "id");
        for (Row r : sh) {
            Cell c = r.getCell(idCol);
            if (r.getRowNum() > 3 && c != null && id.equals(c.getStringCellValue())) {
                return r.getRowNum();
            }
        }
        return -1;
    }

    /** Sets a cell (a number, text, or null to clear). */
    public static void set(Sheet sh, int row, int col, Object v) {
        Row r = sh.getRow(row) == null ? sh.createRow(row) : sh.getRow(row);
        Cell c = r.getCell(col) == null ? r.createCell(col) : r.getCell(col);
        if (v == null) {
            c.setBlank();
        } else if (v instanceof Number n) {
            c.setCellValue(n.doubleValue());
        } else {
            c.setCellValue(String.valueOf(v));
        }
    }

    /**
     * Types a JSON submission's values into a filled template: indicators into 指标 by id, records into
     * their sheets. The particulars (region, year, submitter, stage) are set from the JSON.
     */
    public static void fillFrom(Path xlsx, List<Path> jsons) {
        edit(xlsx, wb -> {
            try {
                for (Path j : jsons) {
                    JsonNode root = JSON.readTree(j.toFile());
                    Sheet ind = wb.getSheet("指标");
                    set(ind, 1, 1, root.path("region").asText());
                    set(ind, 1, 3, root.path("year").asInt());
                    set(ind, 1, 7, "preliminary".equals(root.path("stage").asText()) ? "初步" : "正式");
                    int vc = column(ind, 3, "本年数值");
                    int uc = column(ind, 3, "单位");
                    int cc = column(ind, 3, "口径");
                    int nc = column(ind, 3, "备注");
                    for (JsonNode i : root.path("indicators")) {
                        int r = rowOf(ind, i.path("id").asText());
                        if (r < 0) {
                            throw new AssertionError(i.path("id").asText() + " is not in the template of " + xlsx);
                        }
                        JsonNode v = i.path("value");
                        set(ind, r, vc, v.isNull() ? "——" : (Object) v.decimalValue());
                        set(ind, r, uc, i.path("unit").asText());
                        if (i.has("caliber")) {
                            set(ind, r, cc, i.path("caliber").asText());
                        }
                        if (i.has("note")) {
                            set(ind, r, nc, i.path("note").asText());
                        }
                    }
                    records(wb, "生产安全事故", root.path("accidents"), Map.of("事故编号", "id", "发生日期", "date",
                            "行业领域", "sector", "死亡人数（含失踪）", "deaths", "重伤人数（含急性工业中毒）", "seriousInjuries",
                            "直接经济损失（元）", "directLossYuan"));
                    records(wb, "能源消费", root.path("energyUse"), Map.of("能源品种", "carrier", "消费量", "quantity",
                            "计量单位", "unit"));
                    records(wb, "农作物产量", root.path("cropOutput"), Map.of("作物", "crop", "产量", "quantity",
                            "计量单位", "unit", "折算口径", "basis"));
                    water(wb, root.path("waterSamples"));
                    air(wb, root.path("airDaily"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static int nextRow(Sheet sh) {
        int r = 3;
        while (sh.getRow(r) != null && sh.getRow(r).getCell(0) != null
                && sh.getRow(r).getCell(0).getCellType() != org.apache.poi.ss.usermodel.CellType.BLANK) {
            r++;
        }
        return r;
    }

    private static void records(XSSFWorkbook wb, String sheet, JsonNode list, Map<String, String> cols) {
        if (!list.isArray() || list.isEmpty()) {
            return;
        }
        Sheet sh = wb.getSheet(sheet);
        if (sh == null) {
            throw new AssertionError("no sheet " + sheet);
        }
        for (JsonNode rec : list) {
            int r = nextRow(sh);
            for (Map.Entry<String, String> c : cols.entrySet()) {
                JsonNode v = rec.path(c.getValue());
                if (v.isMissingNode() || v.isNull()) {
                    continue;
                }
                Object val = v.isNumber() ? (Object) v.decimalValue() : v.asText();
                if (c.getValue().equals("basis")) {
                    val = v.asText().equals("fresh") ? "鲜重" : "折粮";
                }
                set(sh, r, column(sh, 2, c.getKey()), val);
            }
        }
    }

    private static void water(XSSFWorkbook wb, JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            return;
        }
        Sheet sh = wb.getSheet("水质监测");
        for (JsonNode rec : list) {
            int r = nextRow(sh);
            set(sh, r, column(sh, 2, "断面"), rec.path("section").asText());
            if (rec.has("river")) {
                set(sh, r, column(sh, 2, "河流"), rec.path("river").asText());
            }
            set(sh, r, column(sh, 2, "水体类型"), rec.path("waterbody").asText().equals("lake") ? "湖库" : "河流");
            if (rec.has("control")) {
                String c = rec.path("control").asText();
                set(sh, r, column(sh, 2, "控制级别"), c.equals("national") ? "国控" : c.equals("city") ? "市控" : "县控");
            }
            set(sh, r, column(sh, 2, "监测月份"), rec.path("month").asText());
            rec.path("values").fields().forEachRemaining(e -> {
                for (String[] it : plancheck.load.sheet.Layout.WATER_ITEMS) {
                    if (it[0].equals(e.getKey())) {
                        set(sh, r, column(sh, 2, it[1] + "（" + it[0] + "）"), e.getValue().decimalValue());
                    }
                }
            });
        }
    }

    private static void air(XSSFWorkbook wb, JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            return;
        }
        Sheet sh = wb.getSheet("空气质量日均值");
        for (JsonNode rec : list) {
            int r = nextRow(sh);
            set(sh, r, column(sh, 2, "站点"), rec.path("station").asText());
            set(sh, r, column(sh, 2, "日期"), rec.path("date").asText());
            for (String[] it : plancheck.load.sheet.Layout.AIR_ITEMS) {
                if (rec.has(it[0]) && !rec.get(it[0]).isNull()) {
                    set(sh, r, column(sh, 2, it[1]), rec.get(it[0]).decimalValue());
                }
            }
        }
    }

    /** @return the value as a BigDecimal (test convenience) */
    public static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
