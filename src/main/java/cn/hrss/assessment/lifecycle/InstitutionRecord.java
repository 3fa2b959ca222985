package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.registry.StatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The supervision record (监管档案, 监督管理办法 Art. 8, 11) of an institution: every filing, renewal, change,
 * status change (suspension, reinstatement, termination, lapse), expiry notice, quality supervision result and
 * disciplinary sanction against it,
 * in time order, each with a link to its document. Other features (discipline's record-aware rules, 002 Annex 2
 * Art. 14(6)) read it through {@link #of(String)}.
 */
@Service
public class InstitutionRecord {

  /** One entry: {@code document} is the API path of its document (application, receipt, case), or null. */
  public record Entry(Instant at, String kind, String reference, String summary, String document) {}

  private static final Map<String, String> APPLICATION_KINDS = Map.of(
      "FILING", "备案申请", LifecycleProcess.RENEWAL, "延续备案申请", LifecycleProcess.CHANGE, "信息变更报告",
      "SCOPE_CHANGE", "职业（工种）及等级变更申请");

  /** 003 Annex 1 备注 1: ≥ 85 优良, &lt; 60 不合格. */
  private static final Map<String, String> SUPERVISION_GRADES = Map.of("EXCELLENT", "优良", "PASS", "合格", "FAIL", "不合格");

  private final FilingService filings;
  private final InstitutionRegistry registry;
  private final ChangeService changes;
  private final JdbcTemplate jdbc;

  InstitutionRecord(FilingService filings, InstitutionRegistry registry, ChangeService changes, JdbcTemplate jdbc) {
    this.filings = filings;
    this.registry = registry;
    this.changes = changes;
    this.jdbc = jdbc;
  }

  /** The record, oldest first (entries at the same moment in the order they were recorded). */
  public List<Entry> of(String filingCode) {
    List<Entry> entries = new ArrayList<>();
    List<String> applicationNos = new ArrayList<>();
    for (FilingService.Event e : filings.eventsFor(filingCode)) {
      applicationNos.add(e.applicationNo());
      String label = APPLICATION_KINDS.getOrDefault(e.kind(), e.kind());
      String page = "/api/filings/" + e.applicationNo();
      entries.add(new Entry(e.submittedAt(), e.kind() + "_SUBMITTED", e.applicationNo(), "提交" + label, page));
      if ("FILED".equals(e.status()) && e.filedAt() != null) {
        entries.add(new Entry(e.filedAt(), e.kind() + "_APPROVED", e.applicationNo(),
            label + "获准（回执 " + e.receiptNo() + "）", page + "/receipt"));
      } else if (e.closedAt() != null) {
        entries.add(new Entry(e.closedAt(), e.kind() + "_CLOSED", e.applicationNo(),
            label + "：" + e.stage() + (e.decisionReason() == null ? "" : "（" + e.decisionReason() + "）"), page));
      }
    }
    for (StatusChange change : registry.statusHistory(filingCode)) {
      // Renewals and changes appear above with their applications; filing itself too when it came through one.
      boolean coveredByApplication = change.fromStatus() == change.toStatus()
          && applicationNos.stream().anyMatch(no -> change.reason() != null && change.reason().contains(no));
      boolean filingCovered = change.fromStatus() == null && !applicationNos.isEmpty();
      if (coveredByApplication || filingCovered) {
        continue;
      }
      entries.add(new Entry(change.changedAt(), statusKind(change), filingCode, change.reason(), null));
    }
    for (ChangeService.ChangedValue v : changes.changesOf(filingCode)) {
      if (Boolean.TRUE.equals(v.approved()) && v.decidedAt() != null) {
        entries.add(new Entry(v.decidedAt(), "INFO_CHANGED", v.applicationNo(),
            v.fieldName() + "：" + (v.oldValue() == null ? "（无）" : v.oldValue()) + " → " + v.newValue(),
            "/api/filings/" + v.applicationNo()));
      }
    }
    jdbc.query("SELECT kind, valid_until, sent_at, superseded FROM lifecycle_expiry_notice WHERE filing_code = ?",
        rs -> {
          String kind = rs.getString("kind");
          String validUntil = rs.getDate("valid_until").toLocalDate().toString();
          entries.add(new Entry(rs.getTimestamp("sent_at").toInstant(), ExpiryWatch.EXPIRED.equals(kind)
              ? "EXPIRY_NOTICE" : "EXPIRY_REMINDER", filingCode, ExpiryWatch.EXPIRED.equals(kind)
              ? "有效期（至 " + validUntil + "）届满失效通知" : "有效期（至 " + validUntil + "）届满提醒"
              + (rs.getBoolean("superseded") ? "（停机期间到期，已由后一提醒涵盖）" : ""), null));
        }, filingCode);
    // 002 Annex 2: sanctions executed against the institution (disciplinary decisions), with their case.
    jdbc.query("SELECT case_no, code, article, item, executed_at, undone_at FROM discipline_sanction"
        + " WHERE party_type = 'INSTITUTION' AND party_ref = ? ORDER BY id", rs -> {
          String caseNo = rs.getString("case_no");
          entries.add(new Entry(rs.getTimestamp("executed_at").toInstant(), "DISCIPLINARY_SANCTION", caseNo,
              "违纪违规处理：" + rs.getString("code") + "（002 附件2 第" + rs.getInt("article") + "条第" + rs.getInt("item")
                  + "项）" + (rs.getTimestamp("undone_at") == null ? "" : "，复核后已撤销"),
              "/api/discipline/cases/" + caseNo));
        }, filingCode);
    // Quality supervision results (003; 001 督导规程 Art. 15; 监督管理办法 Art. 13-14): grade, score, rectification,
    // the case a failed supervision opened, eligibility for a wider scope.
    jdbc.query("SELECT supervision_no, kind, activity_date, final_score, grade, serious_violation, rectification_due,"
        + " wider_scope_eligible, case_no, issued_at FROM supervision_outcome WHERE filing_code = ? AND grade IS NOT NULL"
        + " ORDER BY issued_at", rs -> {
          String no = rs.getString("supervision_no");
          String grade = rs.getString("grade");
          StringBuilder summary = new StringBuilder("质量督导（").append("ON_SITE".equals(rs.getString("kind")) ? "现场督导" : "命题质量专项督导")
              .append("，评价活动 ").append(rs.getDate("activity_date").toLocalDate()).append("）：")
              .append(SUPERVISION_GRADES.getOrDefault(grade, grade)).append("，").append(rs.getBigDecimal("final_score")
                  .stripTrailingZeros().toPlainString()).append(" 分");
          if (rs.getBoolean("serious_violation")) {
            summary.append("，存在不合格项");
          }
          if (rs.getDate("rectification_due") != null) {
            summary.append("；限期整改至 ").append(rs.getDate("rectification_due").toLocalDate());
          }
          if (rs.getString("case_no") != null) {
            summary.append("；已立案 ").append(rs.getString("case_no"));
          }
          if (rs.getBoolean("wider_scope_eligible")) {
            summary.append("；可视情况增加评价职业范围或提升评价职业技能等级");
          }
          entries.add(new Entry(rs.getTimestamp("issued_at").toInstant(), "SUPERVISION_" + grade, no, summary.toString(),
              "/api/supervisions/" + no));
        }, filingCode);
    // Stable: entries of the same moment keep the order in which they were added.
    entries.sort(Comparator.comparing(Entry::at));
    return entries;
  }

  /**
   * The kinds of entry the institution itself sees in its area (issue 17 item 4): every kind recorded today, because
   * each is about the institution and was decided or sent to it: its own applications and their outcome (with the
   * reasons it was given), the changes of its data, status changes and notes on its filing ({@code RECORDED}: a moved
   * rectification deadline, a disciplinary termination after its own), the expiry notices it was sent and the
   * sanctions imposed on it. Nothing here names another party: sanctions are those against the institution itself
   * ({@code party_type = 'INSTITUTION'}), not the cases of its staff, and the officers' API links are not shown. It is
   * an allow-list so that a kind added later (e.g. an officer's internal supervision note) stays hidden from the
   * institution until someone decides otherwise.
   */
  static final java.util.Set<String> SHOWN_TO_INSTITUTION = java.util.Set.of(
      "FILING_SUBMITTED", "FILING_APPROVED", "FILING_CLOSED",
      "RENEWAL_SUBMITTED", "RENEWAL_APPROVED", "RENEWAL_CLOSED",
      "CHANGE_SUBMITTED", "CHANGE_APPROVED", "CHANGE_CLOSED",
      "SCOPE_CHANGE_SUBMITTED", "SCOPE_CHANGE_APPROVED", "SCOPE_CHANGE_CLOSED",
      "INFO_CHANGED", "FILED", "RECORDED", "SUSPENDED", "ACTIVE", "TERMINATED", "LAPSED", "EXPIRED",
      "EXPIRY_REMINDER", "EXPIRY_NOTICE", "DISCIPLINARY_SANCTION");

  /** The record as the institution sees it in its own area: {@link #SHOWN_TO_INSTITUTION}, oldest first. */
  public List<Entry> forInstitution(String filingCode) {
    return of(filingCode).stream().filter(e -> SHOWN_TO_INSTITUTION.contains(e.kind())).toList();
  }

  private static String statusKind(StatusChange change) {
    if (change.fromStatus() == null) {
      return "FILED";
    }
    if (change.toStatus() == InstitutionStatus.EXPIRED) {
      return "LAPSED";
    }
    if (change.fromStatus() == change.toStatus()) {
      return "RECORDED";
    }
    return change.toStatus().name();
  }
}
