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

  @Operation(summary = "评价机构名录查询", description = "已备案评价机构及其分支机构；已终止备案的机构默认不列出。")
  @GetMapping("/api/directory")
  List<DirectoryItem> directory(
      @Parameter(description = "省级代码（GB/T 2260，如 41）") @RequestParam(required = false) String province,
      @Parameter(description = "职业编码（如 6-18-01-01）、编码前缀（如 6-18）或职业名称") @RequestParam(required = false)
          String occupation,
      @Parameter(description = "机构名称关键字、备案编码前缀或统一社会信用代码") @RequestParam(required = false) String q,
      @Parameter(description = "同时列出已终止备案的机构") @RequestParam(defaultValue = "false") boolean includeTerminated) {
    DirectoryQuery query = queryOf(province, occupation, q, includeTerminated);
    return registry.directory(query).stream().map(DirectoryItem::of).toList();
  }

  /** Checks the search input; ApiProblem (400) naming each bad parameter. Shared with the public page. */
  static DirectoryQuery queryOf(String province, String occupation, String q, boolean includeTerminated) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
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
    return new DirectoryQuery(p, o, text, includeTerminated);
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
      List<DirectoryItem> branches) {

    static DirectoryItem of(DirectoryEntry entry) {
      return of(entry.institution(), entry.branches().stream().map(b -> of(b, null)).toList());
    }

    static DirectoryItem of(Institution i, List<DirectoryItem> branches) {
      return new DirectoryItem(i.name(), i.filingCode(), i.type(), i.type().label(),
          new ProvinceView(i.province(), i.provinceName()), i.address(), i.contactEmail(), i.occupations(),
          i.filedOn(), i.validUntil(), i.status(), i.status().label(), i.rectificationDeadline(), branches);
    }
  }

  /** A province code with its Chinese name. */
  record ProvinceView(String code, String name) {}
}
