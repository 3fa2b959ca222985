package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.identity.Officers;
import cn.hrss.assessment.registry.DirectoryQuery;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.codes.Provinces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/directory/export?format=csv|xlsx} (officers): the directory for the report to the ministry. */
@RestController
class DirectoryExportController {

  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final InstitutionRegistry registry;
  private final Officers officers;

  DirectoryExportController(InstitutionRegistry registry, Officers officers) {
    this.registry = registry;
    this.officers = officers;
  }

  @Operation(summary = "导出评价机构名录（工作人员）", description = "向部报备用：CSV（UTF-8）或 XLSX；可按省份、状态筛选。")
  @GetMapping("/api/directory/export")
  ResponseEntity<byte[]> export(
      @Parameter(description = "csv 或 xlsx") @RequestParam(defaultValue = "csv") String format,
      @Parameter(description = "省级代码") @RequestParam(required = false) String province,
      @Parameter(description = "状态") @RequestParam(required = false) String status,
      @Parameter(description = "同时列出已终止备案的机构") @RequestParam(defaultValue = "false") boolean includeTerminated,
      HttpServletRequest request) {
    officers.require(request, Groups.CASE_READERS.toArray(String[]::new));
    if (!"csv".equals(format) && !"xlsx".equals(format)) {
      throw ApiProblem.invalid("format", "导出格式应为 csv 或 xlsx");
    }
    String p = province == null || province.isBlank() ? null : province.strip();
    if (p != null && !Provinces.isValid(p)) {
      throw ApiProblem.invalid("province", "省级代码无效：应为 GB/T 2260 省级代码（如 41 表示河南省）");
    }
    InstitutionStatus s = null;
    if (status != null && !status.isBlank()) {
      try {
        s = InstitutionStatus.valueOf(status.strip());
      } catch (IllegalArgumentException e) {
        throw ApiProblem.invalid("status", "状态应为 ACTIVE、SUSPENDED、TERMINATED 或 EXPIRED");
      }
    }
    List<List<String>> rows = DirectoryExport.rows(registry.directory(
        new DirectoryQuery(p, null, null, includeTerminated, s, null, null), 0, Integer.MAX_VALUE).entries());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if ("csv".equals(format)) {
        DirectoryExport.csv(rows, out);
      } else {
        DirectoryExport.xlsx(rows, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "评价机构名录" + (p == null ? "" : "-" + Provinces.name(p)) + "." + format;
    return ResponseEntity.ok()
        .contentType("csv".equals(format) ? new MediaType("text", "csv", StandardCharsets.UTF_8) : XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
            .build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(out.toByteArray());
  }
}
