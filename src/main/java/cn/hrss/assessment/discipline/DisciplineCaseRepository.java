package cn.hrss.assessment.discipline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Cases, tokens, submissions, sanctions and bans (V20__discipline.sql). */
@Repository
class DisciplineCaseRepository {

  private final JdbcTemplate jdbc;

  DisciplineCaseRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(DisciplineCase c) {
    jdbc.update("INSERT INTO discipline_case (case_no, party_type, source, party_name, party_id_hash, party_id_masked,"
            + " party_filing_code, staff_role, party_email, institution_filing_code, facts, reporters, site_head_confirmed,"
            + " authority_reference, status, created_by, created_at, updated_at, assessment_date)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        c.caseNo(), c.partyType().name(), c.source().name(), c.partyName(), c.partyIdHash(), c.partyIdMasked(),
        c.partyFilingCode(), c.staffRole() == null ? null : c.staffRole().name(), c.partyEmail(), c.institutionFilingCode(),
        c.facts(), c.reporters(), c.siteHeadConfirmed(), c.authorityReference(), c.status().name(), c.createdBy(),
        now(), now(), c.assessmentDate());
  }

  boolean exists(String caseNo) {
    return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM discipline_case WHERE case_no = ?", Boolean.class, caseNo));
  }

  Optional<DisciplineCase> find(String caseNo) {
    return jdbc.query("SELECT * FROM discipline_case WHERE case_no = ?", DisciplineCaseRepository::row, caseNo).stream().findFirst();
  }

  DisciplineCase get(String caseNo) {
    return find(caseNo).orElseThrow(() -> new IllegalStateException("Unknown case " + caseNo));
  }

  void status(String caseNo, CaseStatus status) {
    jdbc.update("UPDATE discipline_case SET status = ?, updated_at = ? WHERE case_no = ?", status.name(), now(), caseNo);
  }

  void determination(String caseNo, int article, int item, String severity, String findings, Boolean certificatesIssued) {
    jdbc.update("UPDATE discipline_case SET violation_article = ?, violation_item = ?, severity = ?, findings = ?,"
        + " certificates_issued = ?, status = ?, updated_at = ? WHERE case_no = ?", article, item, severity, findings,
        certificatesIssued, CaseStatus.DETERMINED.name(), now(), caseNo);
  }

  void proposal(String caseNo, String sanctions, String discretionary) {
    jdbc.update("UPDATE discipline_case SET proposed_sanctions = ?, proposed_discretionary = ?, discretionary_sanctions = NULL,"
        + " updated_at = ? WHERE case_no = ?", sanctions, discretionary, now(), caseNo);
  }

  /** The decision: mandatory + imposed discretionary codes, the discretionary ones with reasons (JSON), the penalty basis. */
  void decided(String caseNo, String decidedBy, String finalSanctions, String discretionaryJson, String penaltyBasis) {
    jdbc.update("UPDATE discipline_case SET decided_by = ?, final_sanctions = ?, discretionary_sanctions = ?, penalty_basis = ?,"
            + " status = ?, updated_at = ? WHERE case_no = ?",
        decidedBy, finalSanctions, discretionaryJson, penaltyBasis, CaseStatus.AWAITING_DECISION.name(), now(), caseNo);
  }

  /** The body a REFERRAL goes to (000 §三: 纪检监察机关 or 公安机关; otherwise 有关部门). */
  void referralAuthority(String caseNo, String authority) {
    jdbc.update("UPDATE discipline_case SET referral_authority = ?, updated_at = ? WHERE case_no = ?", authority, now(), caseNo);
  }

  /** A review that amends the discretionary sanctions (002 Annex 2 Art. 19). */
  void discretionaryAmended(String caseNo, String discretionaryJson) {
    jdbc.update("UPDATE discipline_case SET discretionary_sanctions = ?, updated_at = ? WHERE case_no = ?",
        discretionaryJson, now(), caseNo);
  }

  void statementDeadline(String caseNo, Instant deadline) {
    jdbc.update("UPDATE discipline_case SET statement_deadline = ?, updated_at = ? WHERE case_no = ?", ts(deadline), now(), caseNo);
  }

  void appealDeadline(String caseNo, Instant deadline) {
    jdbc.update("UPDATE discipline_case SET appeal_deadline = ?, updated_at = ? WHERE case_no = ?", ts(deadline), now(), caseNo);
  }

  void reviewed(String caseNo, String outcome, String finalSanctions, Integer article, Integer item, String severity) {
    jdbc.update("UPDATE discipline_case SET review_outcome = ?, final_sanctions = ?, violation_article = ?, violation_item = ?,"
            + " severity = ?, updated_at = ? WHERE case_no = ?", outcome, finalSanctions, article, item, severity, now(), caseNo);
  }

  // --- submissions

  void addSubmission(String caseNo, String kind, String content) {
    jdbc.update("INSERT INTO discipline_submission (case_no, kind, content, received_at) VALUES (?, ?, ?, ?)", caseNo, kind, content, now());
  }

  List<String> submissions(String caseNo, String kind) {
    return jdbc.queryForList("SELECT content FROM discipline_submission WHERE case_no = ? AND kind = ? ORDER BY id", String.class, caseNo, kind);
  }

  // --- sanctions and bans

  void addSanction(String caseNo, String code, PartyType partyType, String partyRef, int article, int item, LocalDate until) {
    jdbc.update("INSERT INTO discipline_sanction (case_no, code, party_type, party_ref, article, item, until_date, executed_at)"
        + " VALUES (?,?,?,?,?,?,?,?)", caseNo, code, partyType.name(), partyRef, article, item, until, now());
  }

  /** The end of an executed, not undone sanction recomputed (a rectification deadline, DOMAIN.md §6). */
  void moveSanctionUntil(String caseNo, String code, LocalDate until) {
    jdbc.update("UPDATE discipline_sanction SET until_date = ? WHERE case_no = ? AND code = ? AND undone_at IS NULL",
        until, caseNo, code);
  }

  record ExecutedSanction(long id, String code, String partyRef, int article, int item, LocalDate until, Instant executedAt, Instant undoneAt) {}

  List<ExecutedSanction> sanctions(String caseNo) {
    return jdbc.query("SELECT * FROM discipline_sanction WHERE case_no = ? ORDER BY id", (rs, n) -> new ExecutedSanction(
        rs.getLong("id"), rs.getString("code"), rs.getString("party_ref"), rs.getInt("article"), rs.getInt("item"),
        rs.getObject("until_date", LocalDate.class), instant(rs, "executed_at"), instant(rs, "undone_at")), caseNo);
  }

  void undoSanctions(String caseNo, String reason) {
    jdbc.update("UPDATE discipline_sanction SET undone_at = ?, undo_reason = ? WHERE case_no = ? AND undone_at IS NULL", now(), reason, caseNo);
    jdbc.update("UPDATE discipline_ban SET lifted_at = ?, lift_reason = ? WHERE case_no = ? AND lifted_at IS NULL", now(), reason, caseNo);
  }

  /**
   * 002 Annex 2 Art. 14(6) "已被警告，整改后再次违反": the institution holds a warning under Art. 13 from an earlier case,
   * not revoked, whose rectification is over: its deadline has passed ({@code today} is after it) or, when
   * {@code reinstated}, the department lifted the suspension early. A finding during the rectification is no re-offence.
   */
  boolean hasRectifiedArticle13Warning(String filingCode, String exceptCaseNo, LocalDate today, boolean reinstated) {
    if (filingCode == null) {
      return false;
    }
    return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM discipline_sanction w WHERE w.party_ref = ?"
        + " AND w.code = 'WARNING' AND w.article = 13 AND w.undone_at IS NULL AND w.case_no <> ?"
        + " AND (? OR NOT EXISTS (SELECT 1 FROM discipline_sanction r WHERE r.case_no = w.case_no"
        + " AND r.code = 'SUSPEND_FOR_RECTIFICATION' AND r.undone_at IS NULL AND (r.until_date IS NULL OR r.until_date >= ?)))",
        Boolean.class, filingCode, exceptCaseNo, reinstated, today));
  }

  void addBan(String caseNo, String idHash, String idMasked, String name, String sanction, int article, int item,
      LocalDate startsOn, LocalDate endsOn) {
    jdbc.update("INSERT INTO discipline_ban (case_no, id_hash, id_masked, party_name, sanction, article, item, starts_on, ends_on)"
        + " VALUES (?,?,?,?,?,?,?,?,?)", caseNo, idHash, idMasked, name, sanction, article, item, startsOn, endsOn);
  }

  /** A ban answered by the bans endpoint. */
  public record Ban(String caseNo, String partyName, String idNumberMasked, String sanction, int article, int item,
      LocalDate startsOn, LocalDate endsOn) {}

  List<Ban> activeBans(String idHash, LocalDate today) {
    return jdbc.query("SELECT * FROM discipline_ban WHERE id_hash = ? AND lifted_at IS NULL AND ends_on >= ? ORDER BY ends_on DESC",
        (rs, n) -> new Ban(rs.getString("case_no"), rs.getString("party_name"), rs.getString("id_masked"),
            rs.getString("sanction"), rs.getInt("article"), rs.getInt("item"),
            rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class)), idHash, today);
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static DisciplineCase row(ResultSet rs, int n) throws SQLException {
    String role = rs.getString("staff_role");
    return new DisciplineCase(rs.getString("case_no"), PartyType.valueOf(rs.getString("party_type")),
        CaseSource.valueOf(rs.getString("source")), rs.getString("party_name"), rs.getString("party_id_hash"),
        rs.getString("party_id_masked"), rs.getString("party_filing_code"), role == null ? null : StaffRole.valueOf(role),
        rs.getString("party_email"), rs.getString("institution_filing_code"), rs.getString("facts"), rs.getString("reporters"),
        (Boolean) rs.getObject("site_head_confirmed"), rs.getString("authority_reference"),
        CaseStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("violation_article"),
        (Integer) rs.getObject("violation_item"), rs.getString("severity"), rs.getString("findings"),
        rs.getString("proposed_sanctions"), rs.getString("final_sanctions"), rs.getString("review_outcome"),
        instant(rs, "statement_deadline"), instant(rs, "appeal_deadline"), rs.getString("decided_by"),
        rs.getString("created_by"), instant(rs, "created_at"), rs.getString("proposed_discretionary"),
        rs.getString("discretionary_sanctions"), (Boolean) rs.getObject("certificates_issued"), rs.getString("penalty_basis"),
        rs.getObject("assessment_date", LocalDate.class), rs.getString("referral_authority"));
  }
}
