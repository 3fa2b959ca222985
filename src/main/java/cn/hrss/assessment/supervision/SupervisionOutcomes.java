package cn.hrss.assessment.supervision;

import cn.hrss.assessment.supervision.SupervisionOutcome.MemberScore;
import cn.hrss.assessment.supervision.SupervisionOutcome.Status;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The supervisions' course and results ({@code supervision_outcome}, {@code supervision_score}). The public methods
 * are the Java API other features read (the draw's {@code GET /api/supervisions/{no}} and results page, which copy
 * {@code grade}, {@code finalScore} and {@code caseNo}); the others are written by QualitySupervisionProcess only.
 */
@Repository
public class SupervisionOutcomes {

  private static final String COLUMNS = "supervision_no, plan_no, filing_code, institution_name, institution_email,"
      + " kind, special, activity_date, site, team, status, report_due, preliminary_score, preliminary_opinion,"
      + " defence_due, defence, defence_at, final_score, serious_violation, opinion, grade, rectification_due,"
      + " wider_scope_eligible, case_no, issued_by, issued_at, assigned_at";

  private final JdbcTemplate jdbc;

  SupervisionOutcomes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The supervision's course and result, if its process was started. */
  public Optional<SupervisionOutcome> find(String supervisionNo) {
    return jdbc.query("SELECT " + COLUMNS + " FROM supervision_outcome WHERE supervision_no = ?", SupervisionOutcomes::row,
        supervisionNo).stream().findFirst();
  }

  /** Every supervision of an institution, oldest first. */
  public List<SupervisionOutcome> ofInstitution(String filingCode) {
    return jdbc.query("SELECT " + COLUMNS + " FROM supervision_outcome WHERE filing_code = ? ORDER BY assigned_at, supervision_no",
        SupervisionOutcomes::row, filingCode);
  }

  /** The team members' filled scorecards, in the order they were submitted. */
  public List<MemberScore> scores(String supervisionNo) {
    return jdbc.query("SELECT supervisor, scores, total, serious_violation, serious_violation_description, score_comment,"
        + " scored_at FROM supervision_score WHERE supervision_no = ? ORDER BY scored_at, supervisor",
        (rs, n) -> new MemberScore(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros(),
            rs.getBoolean(4), rs.getString(5), rs.getString(6), instant(rs, 7)), supervisionNo);
  }

  /** The opinion letter (督导意见书) as issued and mailed: a complete HTML document. */
  public Optional<String> letter(String supervisionNo) {
    return jdbc.query("SELECT letter_html FROM supervision_outcome WHERE supervision_no = ? AND letter_html IS NOT NULL",
        (rs, n) -> rs.getString(1), supervisionNo).stream().findFirst();
  }

  boolean exists(String supervisionNo) {
    return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM supervision_outcome WHERE supervision_no = ?",
        Boolean.class, supervisionNo));
  }

  void assigned(SupervisionAssigned a, Instant reportDue, Instant now) {
    jdbc.update("INSERT INTO supervision_outcome (supervision_no, plan_no, filing_code, institution_name,"
        + " institution_email, kind, special, activity_date, site, team, status, report_due, assigned_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.supervisionNo(), a.planNo(), a.filingCode(),
        a.institutionName(), a.institutionEmail(), a.kind(), a.special(), a.activityDate(), a.site(),
        String.join(",", a.team()), Status.SCORING.name(), Timestamp.from(reportDue), Timestamp.from(now));
  }

  /** A member's scorecard; a second submission by the same member (a retried command) replaces the first. */
  void scored(String supervisionNo, MemberScore score) {
    jdbc.update("DELETE FROM supervision_score WHERE supervision_no = ? AND supervisor = ?", supervisionNo, score.supervisor());
    jdbc.update("INSERT INTO supervision_score (supervision_no, supervisor, scores, total, serious_violation,"
        + " serious_violation_description, score_comment, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", supervisionNo,
        score.supervisor(), score.scores(), score.total(), score.seriousViolation(), score.seriousViolationDescription(),
        score.scoreComment(), Timestamp.from(score.scoredAt()));
  }

  void status(String supervisionNo, Status status) {
    jdbc.update("UPDATE supervision_outcome SET status = ? WHERE supervision_no = ?", status.name(), supervisionNo);
  }

  void preliminary(String supervisionNo, BigDecimal score, String opinion) {
    jdbc.update("UPDATE supervision_outcome SET preliminary_score = ?, preliminary_opinion = ?, status = ?"
        + " WHERE supervision_no = ?", score, opinion, Status.PRELIMINARY.name(), supervisionNo);
  }

  void defenceOpen(String supervisionNo, Instant due) {
    jdbc.update("UPDATE supervision_outcome SET defence_due = ?, status = ? WHERE supervision_no = ?",
        Timestamp.from(due), Status.DEFENCE_OPEN.name(), supervisionNo);
  }

  /** Stores the defence if the window is open and none was given yet; whether it was stored. */
  boolean defence(String supervisionNo, String content, Instant at) {
    return jdbc.update("UPDATE supervision_outcome SET defence = ?, defence_at = ?, status = ? WHERE supervision_no = ?"
        + " AND status = ? AND defence IS NULL", content, Timestamp.from(at), Status.OPINION_PENDING.name(), supervisionNo,
        Status.DEFENCE_OPEN.name()) == 1;
  }

  void issued(String supervisionNo, BigDecimal finalScore, boolean seriousViolation, String opinion, SupervisionGrade grade,
      LocalDate rectificationDue, String letterHtml, String issuedBy, Instant at) {
    jdbc.update("UPDATE supervision_outcome SET final_score = ?, serious_violation = ?, opinion = ?, grade = ?,"
        + " rectification_due = ?, wider_scope_eligible = ?, letter_html = ?, issued_by = ?, issued_at = ?, status = ?"
        + " WHERE supervision_no = ?", finalScore, seriousViolation, opinion, grade.name(), rectificationDue,
        grade == SupervisionGrade.EXCELLENT, letterHtml, issuedBy, Timestamp.from(at), Status.ISSUED.name(), supervisionNo);
    // The drawn supervision's row (SupervisionDraws) carries the grade for GET /api/supervisions/{no} and the public
    // results page (一公开); a supervision started without a draw (none in production) has no row to update.
    jdbc.update("UPDATE supervision SET grade = ?, final_score = ? WHERE supervision_no = ?", grade.name(), finalScore,
        supervisionNo);
  }

  void linkCase(String supervisionNo, String caseNo) {
    jdbc.update("UPDATE supervision_outcome SET case_no = ? WHERE supervision_no = ?", caseNo, supervisionNo);
    jdbc.update("UPDATE supervision SET case_no = ? WHERE supervision_no = ?", caseNo, supervisionNo);
  }

  private static SupervisionOutcome row(ResultSet rs, int n) throws SQLException {
    String grade = rs.getString("grade");
    Object serious = rs.getObject("serious_violation");
    return new SupervisionOutcome(rs.getString("supervision_no"), rs.getString("plan_no"), rs.getString("filing_code"),
        rs.getString("institution_name"), rs.getString("institution_email"), rs.getString("kind"),
        rs.getBoolean("special"), rs.getObject("activity_date", LocalDate.class), rs.getString("site"),
        Arrays.asList(rs.getString("team").split(",")), Status.valueOf(rs.getString("status")),
        instant(rs, "report_due"), strip(rs.getBigDecimal("preliminary_score")), rs.getString("preliminary_opinion"),
        instant(rs, "defence_due"), rs.getString("defence"), instant(rs, "defence_at"),
        strip(rs.getBigDecimal("final_score")), serious == null ? null : rs.getBoolean("serious_violation"),
        rs.getString("opinion"), grade == null ? null : SupervisionGrade.valueOf(grade),
        rs.getObject("rectification_due", LocalDate.class), rs.getBoolean("wider_scope_eligible"), rs.getString("case_no"),
        rs.getString("issued_by"), instant(rs, "issued_at"), instant(rs, "assigned_at"));
  }

  private static BigDecimal strip(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
