package cn.hrss.assessment.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code complaint} table (V32). */
@Repository
class ComplaintRepository {

  private static final String COLUMNS = "complaint_no, institution_filing_code, institution_name, content, complainant_name,"
      + " complainant_contact, complainant_email, token_hash, status, triage_comment, findings, reply, case_no,"
      + " submitted_at, reply_due, answered_at";

  private final JdbcTemplate jdbc;

  ComplaintRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String complaintNo, ComplaintSubmission s, String institutionName, String tokenHash) {
    jdbc.update("INSERT INTO complaint (complaint_no, institution_filing_code, institution_name, content, complainant_name,"
            + " complainant_contact, complainant_email, token_hash, status, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        complaintNo, blankToNull(s.institutionFilingCode()), institutionName, s.content().strip(), blankToNull(s.name()),
        blankToNull(s.contact()), blankToNull(s.email()), tokenHash, ComplaintStatus.RECEIVED.name(), now());
  }

  Optional<Complaint> find(String complaintNo) {
    return jdbc.query("SELECT " + COLUMNS + " FROM complaint WHERE complaint_no = ?", (rs, n) -> row(rs), complaintNo)
        .stream().findFirst();
  }

  boolean exists(String complaintNo) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE complaint_no = ?", Integer.class, complaintNo) > 0;
  }

  void replyDue(String complaintNo, Instant due) {
    jdbc.update("UPDATE complaint SET reply_due = ? WHERE complaint_no = ?", Timestamp.from(due), complaintNo);
  }

  void verifying(String complaintNo, String triageComment) {
    jdbc.update("UPDATE complaint SET status = ?, triage_comment = ? WHERE complaint_no = ?",
        ComplaintStatus.VERIFYING.name(), triageComment, complaintNo);
  }

  void answered(String complaintNo, ComplaintStatus status, String triageComment, String findings, String reply) {
    jdbc.update("UPDATE complaint SET status = ?, triage_comment = COALESCE(?, triage_comment), findings = ?, reply = ?,"
        + " answered_at = ? WHERE complaint_no = ?", status.name(), triageComment, findings, reply, now(), complaintNo);
  }

  void linkCase(String complaintNo, String caseNo) {
    jdbc.update("UPDATE complaint SET case_no = ? WHERE complaint_no = ?", caseNo, complaintNo);
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Complaint row(ResultSet rs) throws SQLException {
    return new Complaint(rs.getString("complaint_no"), rs.getString("institution_filing_code"),
        rs.getString("institution_name"), rs.getString("content"), rs.getString("complainant_name"),
        rs.getString("complainant_contact"), rs.getString("complainant_email"), rs.getString("token_hash"),
        ComplaintStatus.valueOf(rs.getString("status")), rs.getString("triage_comment"), rs.getString("findings"),
        rs.getString("reply"), rs.getString("case_no"), instant(rs, "submitted_at"), instant(rs, "reply_due"),
        instant(rs, "answered_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
