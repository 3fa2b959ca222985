package cn.hrss.assessment.registry;

import cn.hrss.assessment.codes.OccupationCodes;
import cn.hrss.assessment.codes.Provinces;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public directory of filed institutions (issue 3 item 6; DOMAIN.md §3.4: name, code, address, contact,
 * validity, occupations, levels, sites). No authentication.
 */
@RestController
class DirectoryController {

  private final InstitutionRegistry registry;

  DirectoryController(InstitutionRegistry registry) {
    this.registry = registry;
  }

  /** Default and largest page size of {@code GET /api/directory} (CONTRACT.md "After filing"). */
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 200;
  static final String TOTAL_COUNT = "X-Total-Count";

  @Operation(summary = "评价机构名录查询", description = "已备案评价机构及其分支机构；已终止备案的机构默认不列出。"
      + "分页：page（从 0 起）、size（默认 50，最多 200），总数见响应头 X-Total-Count。")
  @GetMapping("/api/directory")
  ResponseEntity<List<DirectoryItem>> directory(
      @Parameter(description = "省级代码（GB/T 2260，如 41）") @RequestParam(required = false) String province,
      @Parameter(description = "职业编码（如 6-18-01-01）、编码前缀（如 6-18）或职业名称") @RequestParam(required = false)
          String occupation,
      @Parameter(description = "机构名称关键字、备案编码前缀或统一社会信用代码") @RequestParam(required = false) String q,
      @Parameter(description = "同时列出已终止备案的机构") @RequestParam(defaultValue = "false") boolean includeTerminated,
      @Parameter(description = "状态：ACTIVE、SUSPENDED、TERMINATED、EXPIRED") @RequestParam(required = false) String status,
      @Parameter(description = "有效期截止日不早于（yyyy-MM-dd）") @RequestParam(required = false) String validUntilFrom,
      @Parameter(description = "有效期截止日不晚于（yyyy-MM-dd）") @RequestParam(required = false) String validUntilTo,
      @Parameter(description = "页码，从 0 起") @RequestParam(required = false) String page,
      @Parameter(description = "每页条数，默认 50，最多 200") @RequestParam(required = false) String size) {
    DirectoryQuery query = queryOf(province, occupation, q, includeTerminated, status, validUntilFrom, validUntilTo);
    int[] paging = paging(page, size, DEFAULT_SIZE);
    DirectoryPage result = registry.directory(query, paging[0], paging[1]);
    return ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(result.total()))
        .body(result.entries().stream().map(DirectoryItem::of).toList());
  }

  /** {@code page} (from 0) and {@code size} (1-200); ApiProblem (400) naming the bad parameter. */
  static int[] paging(String page, String size, int defaultSize) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    int p = parse(page, 0, "page", "页码应为不小于 0 的整数", 0, Integer.MAX_VALUE / MAX_SIZE, errors);
    int s = parse(size, defaultSize, "size", "每页条数应为 1-" + MAX_SIZE + " 的整数", 1, MAX_SIZE, errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return new int[] {p, s};
  }

  private static int parse(String value, int absent, String field, String message, int min, int max,
      List<ApiProblem.FieldError> errors) {
    String v = blankToNull(value);
    if (v == null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new ApiProblem.FieldError(field, message));
    return absent;
  }

  static DirectoryQuery queryOf(String province, String occupation, String q, boolean includeTerminated) {
    return queryOf(province, occupation, q, includeTerminated, null, null, null);
  }

  /** Checks the search input; ApiProblem (400) naming each bad parameter. Shared with the public page. */
  static DirectoryQuery queryOf(String province, String occupation, String q, boolean includeTerminated,
      String status, String validUntilFrom, String validUntilTo) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    InstitutionStatus s = null;
    if (blankToNull(status) != null) {
      try {
        s = InstitutionStatus.valueOf(blankToNull(status));
      } catch (IllegalArgumentException e) {
        errors.add(new ApiProblem.FieldError("status", "状态应为 ACTIVE、SUSPENDED、TERMINATED 或 EXPIRED"));
      }
    }
    LocalDate from = date(validUntilFrom, "validUntilFrom", errors);
    LocalDate to = date(validUntilTo, "validUntilTo", errors);
    String p = blankToNull(province);
    if (p != null && !Provinces.isValid(p)) {
      errors.add(new ApiProblem.FieldError("province", "省级代码无效：应为 GB/T 2260 省级代码（如 41 表示河南省）"));
    }
    String o = blankToNull(occupation);
    if (o != null && Character.isDigit(o.charAt(0)) && !OccupationCodes.isValidPrefix(o)) {
      errors.add(new ApiProblem.FieldError("occupation", "职业编码格式应为 d-dd-dd-dd（如 6-18-01-01）或其前缀（如 6-18）"));
    }
    String text = blankToNull(q);
    if (text != null && text.length() > 100) {
      errors.add(new ApiProblem.FieldError("q", "查询关键字不能超过 100 个字符"));
    }
    if (o != null && o.length() > 100) {
      errors.add(new ApiProblem.FieldError("occupation", "职业关键字不能超过 100 个字符"));
    }
    for (String[] parameter : new String[][] {{"occupation", o}, {"q", text}}) {
      if (PlainText.hasControlCharacters(parameter[1])) {
        errors.add(new ApiProblem.FieldError(parameter[0], PlainText.CONTROL_CHARACTERS));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return new DirectoryQuery(p, o, text, includeTerminated, s, from, to);
  }

  private static LocalDate date(String value, String field, List<ApiProblem.FieldError> errors) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      errors.add(new ApiProblem.FieldError(field, "日期格式应为 yyyy-MM-dd"));
      return null;
    }
  }

  private static String blankToNull(String s) {
    // strip(), not trim(): trim() also removes control characters that isBlank() does not count as blank (NUL),
    // which left an empty string behind.
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** One directory line: an institution and, for a national employer, its branches. */
  record DirectoryItem(
      String name,
      String filingCode,
      InstitutionType type,
      String typeName,
      ProvinceView province,
      String address,
      String contactEmail,
      List<OccupationScope> occupations,
      LocalDate filedOn,
      LocalDate validUntil,
      InstitutionStatus status,
      String statusName,
      LocalDate rectificationDeadline,
      TerminationKind terminationKind,
      java.time.Instant reportedUpwardsAt,
      List<DirectoryItem> branches) {

    static DirectoryItem of(DirectoryEntry entry) {
      return of(entry.institution(), entry.branches().stream().map(b -> of(b, null)).toList());
    }

    static DirectoryItem of(Institution i, List<DirectoryItem> branches) {
      return new DirectoryItem(i.name(), i.filingCode(), i.type(), i.type().label(),
          new ProvinceView(i.province(), i.provinceName()), i.address(), i.contactEmail(), i.occupations(),
          i.filedOn(), i.validUntil(), i.status(), i.status().label(), i.rectificationDeadline(),
          i.terminationKind(), i.reportedUpwardsAt(), branches);
    }
  }

  /** A province code with its Chinese name. */
  record ProvinceView(String code, String name) {}
}
