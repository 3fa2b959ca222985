package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.registry.DirectoryEntry;
import cn.hrss.assessment.registry.Institution;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The province's directory as a table for the ministry (004 Art. 10; 001 人社鉴发〔2019〕3号 §二 向部报备), with the
 * fields published under 001 中就培函〔2020〕16号 §四(三): name, address, contact, filing number, validity,
 * occupations and levels, sites (a branch is a row of its own naming its employer). CSV (UTF-8 with BOM, RFC 4180)
 * or XLSX (FastExcel).
 */
final class DirectoryExport {

  static final List<String> HEADER = List.of("机构名称", "备案编码", "机构类别", "所在省份", "地址", "联系邮箱",
      "职业（工种）及等级", "备案日期", "有效期至", "状态", "终止方式", "向上报备时间", "所属用人单位备案编码");

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private DirectoryExport() {}

  static List<List<String>> rows(List<DirectoryEntry> entries) {
    List<List<String>> rows = new ArrayList<>();
    for (DirectoryEntry entry : entries) {
      rows.add(row(entry.institution()));
      entry.branches().forEach(b -> rows.add(row(b)));
    }
    return rows;
  }

  private static List<String> row(Institution i) {
    String occupations = i.occupations().stream().map(o -> o.code() + " " + o.name()
        + (o.track() == null ? "" : "（" + o.track() + "）") + "："
        + o.levels().stream().map(l -> l + "级").collect(Collectors.joining("、"))).collect(Collectors.joining("；"));
    return List.of(i.name(), i.filingCode(), i.type().label(), i.provinceName(), nz(i.address()), nz(i.contactEmail()),
        occupations, i.filedOn().toString(), i.validUntil().toString(), i.status().label(),
        i.terminationKind() == null ? "" : i.terminationKind().label(),
        i.reportedUpwardsAt() == null ? "" : AT.format(i.reportedUpwardsAt()), nz(i.parentFilingCode()));
  }

  static void csv(List<List<String>> rows, OutputStream out) throws IOException {
    StringBuilder text = new StringBuilder("\uFEFF");
    line(text, HEADER);
    rows.forEach(r -> line(text, r));
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void line(StringBuilder text, List<String> cells) {
    text.append(cells.stream().map(DirectoryExport::cell).collect(Collectors.joining(","))).append("\r\n");
  }

  /** RFC 4180 quoting; a value a spreadsheet would run as a formula (=, +, -, @) is kept as text. */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }

  static void xlsx(List<List<String>> rows, OutputStream out) {
    try {
      Workbook workbook = new Workbook(out, "assessment-workflows", "1.0");
      Worksheet sheet = workbook.newWorksheet("评价机构名录");
      for (int c = 0; c < HEADER.size(); c++) {
        sheet.value(0, c, HEADER.get(c));
        sheet.style(0, c).bold().set();
      }
      for (int r = 0; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        for (int c = 0; c < row.size(); c++) {
          sheet.value(r + 1, c, row.get(c));
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
