package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.filing.FilingProcess;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.PlainText;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Change of basic information (004 Art. 21: 名称、地址、法定代表人、联系方式): reported by the institution, confirmed by an
 * officer ({@code InstitutionChangeProcess}, {@code Task_ReviewChange}); once approved the registry and the directory
 * show the new data under the same filing code, and {@code lifecycle_info_change} keeps every old value with its date.
 */
@Service
public class ChangeService {

  /** The fields of a change, in the order the officer sees them, with their Chinese names. */
  static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("name", "机构名称");
    FIELDS.put("address", "地址");
    FIELDS.put("legalRepresentative", "法定代表人");
    FIELDS.put("contact.name", "联系人");
    FIELDS.put("contact.phone", "联系电话");
    FIELDS.put("contact.email", "联系邮箱");
  }

  /** The request body of {@code POST /api/institutions/{filingCode}/changes}; absent fields stay as they are. */
  public record ChangeRequest(String name, String address, String legalRepresentative,
      FilingApplication.Contact contact) {}

  private final FilingService filings;
  private final InstitutionRegistry registry;
  private final InstitutionAccess access;
  private final JdbcTemplate jdbc;

  ChangeService(FilingService filings, InstitutionRegistry registry, InstitutionAccess access, JdbcTemplate jdbc) {
    this.filings = filings;
    this.registry = registry;
    this.access = access;
    this.jdbc = jdbc;
  }

  public FilingService.Submission submit(String filingCode, ChangeRequest request, Consumer<FilingService.Submission> first) {
    Institution institution = access.require(filingCode);
    checkInForce(institution);
    FilingApplication current = filings.currentData(filingCode);
    if (current == null) {
      throw ApiProblem.conflict("备案编码 " + filingCode + " 的备案信息不是经本系统申请登记的（如分支机构），请向备案部门书面报告变更。");
    }
    Map<String, String[]> changes = changes(current, request);
    FilingApplication updated = apply(current, request);
    StringBuilder summary = new StringBuilder();
    changes.forEach((field, values) -> summary.append("**").append(FIELDS.get(field)).append("：** ")
        .append(values[0] == null ? "（无）" : values[0]).append(" → ").append(values[1]).append("  \n"));
    FilingService.Procedure procedure = new FilingService.Procedure(FilingProcess.CHANGE_KEY, LifecycleProcess.CHANGE,
        filingCode, false, false, Map.of(LifecycleProcess.Vars.CHANGE_SUMMARY, summary.toString()));
    return filings.submit(procedure, updated, List.of(), submission -> {
      checkInForce(registry.lock(filingCode));
      Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
      changes.forEach((field, values) -> jdbc.update("INSERT INTO lifecycle_info_change (application_no, filing_code,"
          + " field, old_value, new_value, reported_at) VALUES (?, ?, ?, ?, ?, ?)", submission.applicationNo(),
          filingCode, field, values[0], values[1], now));
      first.accept(submission);
    });
  }

  private static void checkInForce(Institution institution) {
    if (institution.status() == InstitutionStatus.TERMINATED || institution.status() == InstitutionStatus.EXPIRED) {
      throw ApiProblem.conflict("评价机构 " + institution.filingCode() + " 的备案状态为“" + institution.status().label()
          + "”，不能变更信息。");
    }
  }

  /** Field → {old, new} of every value the request changes; 400 with field errors when invalid or empty. */
  static Map<String, String[]> changes(FilingApplication current, ChangeRequest request) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    Map<String, String[]> changes = new LinkedHashMap<>();
    if (request == null) {
      throw ApiProblem.invalid("name", "请至少填写一项变更：name、address、legalRepresentative 或 contact");
    }
    FilingApplication.Contact oldContact = current.contact();
    FilingApplication.Contact newContact = request.contact();
    compare(changes, errors, "name", current.name(), request.name(), 200);
    compare(changes, errors, "address", current.address(), request.address(), 500);
    compare(changes, errors, "legalRepresentative", current.legalRepresentative(), request.legalRepresentative(), 100);
    if (newContact != null) {
      compare(changes, errors, "contact.name", oldContact == null ? null : oldContact.name(), newContact.name(), 100);
      compare(changes, errors, "contact.phone", oldContact == null ? null : oldContact.phone(), newContact.phone(), 50);
      compare(changes, errors, "contact.email", oldContact == null ? null : oldContact.email(), newContact.email(), 254);
    }
    if (errors.isEmpty() && changes.isEmpty()) {
      errors.add(new ApiProblem.FieldError("name", "没有需要变更的内容：请至少填写一项与现有信息不同的 name、address、legalRepresentative 或 contact"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return changes;
  }

  private static void compare(Map<String, String[]> changes, List<ApiProblem.FieldError> errors, String field,
      String old, String requested, int max) {
    if (requested == null) {
      return;
    }
    String value = requested.strip();
    if (value.isEmpty()) {
      errors.add(new ApiProblem.FieldError(field, "不能为空（不变更的项请省略）"));
    } else if (value.length() > max) {
      errors.add(new ApiProblem.FieldError(field, "不能超过 " + max + " 个字符"));
    } else if (PlainText.hasControlCharacters(value)) {
      errors.add(new ApiProblem.FieldError(field, PlainText.CONTROL_CHARACTERS));
    } else if (!Objects.equals(old, value)) {
      changes.put(field, new String[] {old, value});
    }
  }

  private static FilingApplication apply(FilingApplication a, ChangeRequest r) {
    FilingApplication.Contact c = a.contact();
    FilingApplication.Contact n = r.contact();
    FilingApplication.Contact contact = n == null ? c : new FilingApplication.Contact(
        pick(n.name(), c == null ? null : c.name()), pick(n.phone(), c == null ? null : c.phone()),
        pick(n.email(), c == null ? null : c.email()));
    return new FilingApplication(a.institutionType(), pick(r.name(), a.name()), a.creditCode(), a.organisationForm(),
        pick(r.legalRepresentative(), a.legalRepresentative()), a.province(), pick(r.address(), a.address()), contact,
        a.occupations(), List.of(), a.declarations());
  }

  private static String pick(String requested, String current) {
    return requested == null ? current : requested.strip();
  }

  /** Approved: the registry takes the new name, address and e-mail; the change rows are marked decided. */
  void approve(String applicationNo, String filingCode) {
    Map<String, String> values = new LinkedHashMap<>();
    jdbc.query("SELECT field, new_value FROM lifecycle_info_change WHERE application_no = ?",
        rs -> {
          values.put(rs.getString("field"), rs.getString("new_value"));
        }, applicationNo);
    registry.updateBasicInfo(filingCode, values.get("name"), values.get("address"), values.get("contact.email"),
        "基本信息变更（申请编号 " + applicationNo + "）：" + String.join("、", values.keySet().stream().map(FIELDS::get).toList()));
    decide(applicationNo, true);
  }

  void decide(String applicationNo, boolean approved) {
    jdbc.update("UPDATE lifecycle_info_change SET decided_at = ?, approved = ? WHERE application_no = ?",
        new Timestamp(ClockUtil.getCurrentTime().getTime()), approved, applicationNo);
  }

  /** One changed value with its dates, for the supervision record. */
  public record ChangedValue(String applicationNo, String field, String fieldName, String oldValue, String newValue,
      java.time.Instant reportedAt, java.time.Instant decidedAt, Boolean approved) {}

  public List<ChangedValue> changesOf(String filingCode) {
    return jdbc.query("SELECT * FROM lifecycle_info_change WHERE filing_code = ? ORDER BY reported_at, application_no",
        (rs, i) -> new ChangedValue(rs.getString("application_no"), rs.getString("field"),
            FIELDS.get(rs.getString("field")), rs.getString("old_value"), rs.getString("new_value"),
            rs.getTimestamp("reported_at").toInstant(),
            rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
            (Boolean) rs.getObject("approved")), filingCode);
  }
}
