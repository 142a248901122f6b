package plancheck.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * Writes an {@link Evaluation} as a Word document (.docx, the format county offices exchange) with Apache POI
 * (XWPF): A4 landscape, the title and subtitle centred, the sections with their sentences and tables (the main
 * table with 指标, 单位, 属性, 2025年, 年度目标, 五年目标路径值, 完成值, 完成情况, 预警 — and 完成进度, 时间过半、任务过半 in
 * an evaluation), in 宋体 / 黑体 for Chinese. The same evaluation gives the same bytes: the document's
 * properties carry no clock time and the zip entries a fixed date.
 */
public final class EvaluationDocx {
    private EvaluationDocx() {}

    private static final String BODY_FONT = "宋体";
    private static final String HEAD_FONT = "黑体";
    /** The text width of an A4 landscape page with 2 cm margins, in twentieths of a point. */
    private static final int TEXT_WIDTH = 16838 - 2 * 1134;

    /**
     * @param e the evaluation
     * @return the .docx bytes
     */
    public static byte[] render(Evaluation e) {
        try (XWPFDocument d = new XWPFDocument()) {
            landscape(d);
            d.getProperties().getCoreProperties().setTitle(e.title());
            d.getProperties().getCoreProperties().setCreator("plancheck");
            d.getProperties().getCoreProperties().setCreated(java.util.Optional.empty()); // no clock time
            para(d, e.title(), 18, true, HEAD_FONT, ParagraphAlignment.CENTER);
            para(d, e.subtitle(), 11, false, BODY_FONT, ParagraphAlignment.CENTER);
            para(d, e.clause(), 9, false, BODY_FONT, ParagraphAlignment.LEFT);
            for (String n : e.notes()) {
                XWPFRun r = para(d, n, 10, true, BODY_FONT, ParagraphAlignment.LEFT);
                r.setColor("9C4A00");
            }
            var t = e.labels();
            heading(d, t.get("h.summary"));
            body(d, e.countsSentence());
            if (e.paceSentence() != null) {
                body(d, e.paceSentence());
            }
            body(d, e.warningSentence());
            if (e.annualSentence() != null) {
                body(d, e.annualSentence());
            }

            heading(d, t.get("h.table"));
            List<String> head = new ArrayList<>(List.of(t.get("col.no"), t.get("col.indicator"), t.get("col.unit"),
                    t.get("col.attribute"), t.get("col.base"), t.get("col.annual"), t.get("col.path"), t.get("col.actual"),
                    t.get("col.done"), t.get("col.warning")));
            if (e.evaluation()) {
                head.add(t.get("col.progress"));
                head.add(t.get("col.pace"));
            }
            List<List<String>> rows = new ArrayList<>();
            for (Evaluation.Row r : e.rows()) {
                List<String> c = new ArrayList<>(List.of(r.no() == null ? "" : String.valueOf(r.no()), r.name(), r.unit(),
                        r.attribute(), r.base(), r.annual(), r.path(), r.actual(), r.done(), r.warning()));
                if (e.evaluation()) {
                    c.add(r.progress());
                    c.add(r.pace());
                }
                rows.add(c);
            }
            int[] widths = e.evaluation() ? new int[] {4, 20, 7, 7, 8, 11, 9, 12, 8, 8, 7, 9}
                    : new int[] {4, 22, 7, 7, 9, 12, 10, 13, 9, 9};
            table(d, head, rows, widths);

            heading(d, t.get("h.by-area"));
            groups(d, e.areas(), t);
            heading(d, t.get("h.by-unit"));
            if (e.unitsNote() != null) {
                body(d, e.unitsNote());
            }
            groups(d, e.units(), t);

            heading(d, t.get("h.warnings"));
            List<List<String>> w = new ArrayList<>();
            e.warnings().forEach(x -> w.add(List.of(x.name(), x.level(), x.text())));
            if (!w.isEmpty()) {
                table(d, List.of(t.get("col.indicator"), t.get("col.warning"), t.get("col.projection")), w);
            }
            if (!e.adjustments().isEmpty()) {
                subheading(d, t.get("h.adjust"));
                List<List<String>> a = new ArrayList<>();
                e.adjustments().forEach(x -> a.add(List.of(x.name(), x.level())));
                table(d, List.of(t.get("col.indicator"), t.get("col.warning")), a);
            }

            if (!e.annual().isEmpty()) {
                heading(d, t.get("h.annual"));
                List<List<String>> a = new ArrayList<>();
                e.annual().forEach(x -> a.add(List.of(x.name(), x.unit(), x.target(), x.actual(), x.done())));
                table(d, List.of(t.get("col.indicator"), t.get("col.unit"), t.get("col.annual"), t.get("col.actual"),
                        t.get("col.done")), a);
            }
            if (!e.others().isEmpty() || e.othersNoData() != null) {
                heading(d, t.get("h.others"));
                for (Evaluation.Group g : e.others()) {
                    subheading(d, g.name() + "  " + g.summary());
                    List<List<String>> o = new ArrayList<>();
                    g.rows().forEach(r -> o.add(List.of(r.name(), r.attribute(), r.path(), r.actual() + " " + r.unit(), r.target(),
                            r.done(), r.warning())));
                    table(d, List.of(t.get("col.indicator"), t.get("col.attribute"), t.get("col.path"), t.get("col.actual"),
                            t.get("col.target"), t.get("col.done"), t.get("col.warning")), o);
                }
                if (e.othersNoData() != null) {
                    body(d, e.othersNoData());
                }
            }
            if (!e.townships().isEmpty() || !e.reconciliations().isEmpty()) {
                heading(d, t.get("h.townships"));
                if (!e.reconciliations().isEmpty()) {
                    subheading(d, t.get("h.reconcile"));
                    List<List<String>> c = new ArrayList<>();
                    e.reconciliations().forEach(x -> c.add(List.of(x.figure(), x.unit(), x.county(), x.sum(), x.difference(),
                            x.filed(), x.result())));
                    table(d, List.of(t.get("col.figure"), t.get("col.unit"), t.get("col.county"), t.get("col.sum"),
                            t.get("col.difference"), t.get("col.filed"), t.get("col.result")), c);
                }
                for (Evaluation.TownshipView v : e.townships()) {
                    subheading(d, v.name());
                    if (!v.rows().isEmpty()) {
                        List<List<String>> c = new ArrayList<>();
                        v.rows().forEach(x -> c.add(List.of(x.indicator(), x.assigned(), x.actual() + " " + x.unit(), x.done())));
                        table(d, List.of(t.get("col.indicator"), t.get("col.assigned"), t.get("col.actual"), t.get("col.done")), c);
                    }
                    if (!v.figures().isEmpty()) {
                        List<String> f = new ArrayList<>();
                        v.figures().forEach(x -> f.add(x[0] + " " + x[1]));
                        body(d, String.join("en".equals(e.lang()) ? "; " : "；", f));
                    }
                }
            }
            heading(d, t.get("h.problems"));
            e.problems().forEach(p -> body(d, p));
            if (e.internal() != null) {
                heading(d, t.get("h.audit"));
                body(d, e.internal().rules());
                List<List<String>> in = new ArrayList<>();
                e.internal().inputs().forEach(x -> in.add(List.of(x[0], x[1])));
                table(d, List.of(t.get("col.file"), "sha256"), in);
                subheading(d, t.get("col.note"));
                for (Evaluation.Row r : e.rows()) {
                    if (r.note() != null && !r.note().isEmpty()) {
                        body(d, r.label() + "：" + r.note());
                    }
                }
            }
            para(d, e.footer(), 9, false, BODY_FONT, ParagraphAlignment.LEFT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.write(out);
            return plancheck.load.sheet.OfficeZip.withFixedTimes(out.toByteArray());
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    private static void landscape(XWPFDocument d) {
        CTSectPr sect = d.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(16838));
        size.setH(BigInteger.valueOf(11906));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(1134));
        mar.setBottom(BigInteger.valueOf(1134));
        mar.setLeft(BigInteger.valueOf(1134));
        mar.setRight(BigInteger.valueOf(1134));
    }

    private static XWPFRun para(XWPFDocument d, String text, int size, boolean bold, String font, ParagraphAlignment a) {
        XWPFParagraph p = d.createParagraph();
        p.setAlignment(a);
        XWPFRun r = p.createRun();
        run(r, text, size, bold, font);
        return r;
    }

    private static void run(XWPFRun r, String text, int size, boolean bold, String font) {
        r.setText(text == null ? "" : text);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
    }

    private static void heading(XWPFDocument d, String text) {
        XWPFParagraph p = d.createParagraph();
        p.setSpacingBefore(240);
        run(p.createRun(), text, 14, true, HEAD_FONT);
    }

    private static void subheading(XWPFDocument d, String text) {
        XWPFParagraph p = d.createParagraph();
        p.setSpacingBefore(120);
        run(p.createRun(), text, 12, true, HEAD_FONT);
    }

    private static void body(XWPFDocument d, String text) {
        XWPFParagraph p = d.createParagraph();
        p.setFirstLineIndent(480);
        run(p.createRun(), text, 11, false, BODY_FONT);
    }

    private static void groups(XWPFDocument d, List<Evaluation.Group> groups, java.util.Map<String, String> t) {
        for (Evaluation.Group g : groups) {
            subheading(d, g.name() + "  " + g.summary());
            List<List<String>> rows = new ArrayList<>();
            g.rows().forEach(r -> rows.add(List.of(r.label(), r.actual() + " " + r.unit(), r.done(), r.warning())));
            table(d, List.of(t.get("col.indicator"), t.get("col.actual"), t.get("col.done"), t.get("col.warning")), rows);
        }
    }

    /** A table with a shaded header row, the first column (the indicator) three times as wide as the others. */
    private static void table(XWPFDocument d, List<String> head, List<List<String>> rows) {
        int[] w = new int[head.size()];
        java.util.Arrays.fill(w, 1);
        w[0] = 3;
        table(d, head, rows, w);
    }

    /** A table with a shaded header row and columns in the given proportions; text in the body font. */
    private static void table(XWPFDocument d, List<String> head, List<List<String>> rows, int[] weights) {
        XWPFTable tb = d.createTable(rows.size() + 1, head.size());
        tb.setTableAlignment(TableRowAlign.CENTER);
        tb.setWidth("100%");
        int sum = java.util.Arrays.stream(weights).sum();
        String[] widths = new String[weights.length];
        var grid = tb.getCTTbl().getTblGrid() != null ? tb.getCTTbl().getTblGrid() : tb.getCTTbl().addNewTblGrid();
        for (int j = 0; j < weights.length; j++) {
            long twips = (long) TEXT_WIDTH * weights[j] / sum;
            widths[j] = String.valueOf(twips);
            (j < grid.sizeOfGridColArray() ? grid.getGridColArray(j) : grid.addNewGridCol()).setW(BigInteger.valueOf(twips));
        }
        tb.getCTTbl().getTblPr().addNewTblLayout().setType(
                org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        fill(tb.getRow(0), head, true, widths);
        for (int i = 0; i < rows.size(); i++) {
            fill(tb.getRow(i + 1), rows.get(i), false, widths);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean head, String[] widths) {
        for (int j = 0; j < cells.size(); j++) {
            XWPFTableCell c = row.getCell(j);
            c.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.DXA);
            c.setWidth(widths[j]);
            if (head) {
                c.setColor("E4EAF1");
            }
            XWPFParagraph p = c.getParagraphs().get(0);
            run(p.createRun(), cells.get(j), 9, head, head ? HEAD_FONT : BODY_FONT);
        }
        if (head) {
            row.setRepeatHeader(true);
        }
    }
}
