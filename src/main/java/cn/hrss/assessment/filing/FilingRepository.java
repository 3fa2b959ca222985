package cn.hrss.assessment.filing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Applications and everything kept with them (V10__filing.sql). Times come from the engine clock (tests move it). */
@Repository
class FilingRepository {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  FilingRepository(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  // ---- numbers

  /** Next value of a counter; the row lock serialises concurrent callers, numbers are never reused. */
  long next(String counter) {
    jdbc.update("UPDATE filing_counter SET next_value = next_value + 1 WHERE name = ?", counter);
    return jdbc.queryForObject("SELECT next_value - 1 FROM filing_counter WHERE name = ?", Long.class, counter);
  }

  // ---- applications

  record StoredApplication(
      String applicationNo, String institutionType, String name, String creditCode, String province,
      String contactEmail, FilingApplication application, FilingStatus status, String tokenHash, String quotaWarning,
      Instant submittedAt, String decision, String decisionReason, String filingCode, String receiptNo,
      Instant filedAt, LocalDate validUntil, Instant noticeOpenedAt, Instant noticeClosesAt, boolean noticeClosed,
      String kind, String targetFilingCode) {}

  void insert(String applicationNo, FilingApplication application, String tokenHash, String quotaWarning) {
    insert(applicationNo, application, tokenHash, quotaWarning, FilingService.Procedure.FILING_KIND, null);
  }

  void insert(String applicationNo, FilingApplication application, String tokenHash, String quotaWarning, String kind,
      String targetFilingCode) {
    jdbc.update("""
        INSERT INTO filing_application (application_no, institution_type, name, credit_code, open_credit_code, province,
          contact_email, application_json, status, token_hash, quota_warning, submitted_at, updated_at, kind,
          target_filing_code)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        applicationNo, application.institutionType(), application.name(), application.creditCode(),
        application.creditCode(), application.province(), application.contact().email(), toJson(application),
        FilingStatus.ACCEPTANCE_REVIEW.name(), tokenHash, quotaWarning, now(), now(), kind, targetFilingCode);
  }

  /** Open (not closed) applications of a kind other than a first filing for the institution {@code filingCode}. */
  List<String> openApplicationsFor(String filingCode) {
    return jdbc.queryForList("""
        SELECT application_no FROM filing_application WHERE target_filing_code = ? AND open_credit_code IS NOT NULL
        ORDER BY application_no""", String.class, filingCode);
  }

  /** Every application about the institution: the one that filed it and its renewals and changes. */
  List<StoredApplication> applicationsFor(String filingCode) {
    return jdbc.query("""
        SELECT * FROM filing_application WHERE target_filing_code = ? OR (filing_code = ? AND kind = 'FILING')
        ORDER BY submitted_at, application_no""", this::application, filingCode, filingCode);
  }

  boolean hasOpenApplication(String creditCode) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM filing_application WHERE open_credit_code = ?",
        Integer.class, creditCode);
    return count != null && count > 0;
  }

  /**
   * Open (pending) first filings of social organisations in {@code province} other than {@code exceptApplicationNo}:
   * they hold a place of the 002 Annex 1 §二(四) quota until they are closed.
   */
  List<StoredApplication> openSocialOrgFilings(String province, String exceptApplicationNo) {
    return jdbc.query("SELECT * FROM filing_application WHERE open_credit_code IS NOT NULL"
        + " AND institution_type = 'SOCIAL_ORG' AND kind = ? AND province = ? AND application_no <> ?",
        this::application, FilingService.Procedure.FILING_KIND, province,
        exceptApplicationNo == null ? "" : exceptApplicationNo);
  }

  Optional<StoredApplication> find(String applicationNo) {
    return jdbc.query("SELECT * FROM filing_application WHERE application_no = ?", this::application, applicationNo)
        .stream().findFirst();
  }

  StoredApplication get(String applicationNo) {
    return find(applicationNo).orElseThrow(() -> new IllegalStateException("Unknown application " + applicationNo));
  }

  /** Sets the status; a closed status frees the credit code for a new application. */
  void updateStatus(String applicationNo, FilingStatus status) {
    jdbc.update("UPDATE filing_application SET status = ?, updated_at = ?, open_credit_code = "
            + (status.isClosed() ? "NULL" : "open_credit_code") + " WHERE application_no = ?",
        status.name(), now(), applicationNo);
  }

  void recordDecision(String applicationNo, String decision, String reason) {
    jdbc.update("UPDATE filing_application SET decision = ?, decision_reason = ?, updated_at = ? WHERE application_no = ?",
        decision, reason, now(), applicationNo);
  }

  void recordFiling(String applicationNo, String filingCode, String receiptNo, LocalDate validUntil) {
    jdbc.update("""
        UPDATE filing_application SET filing_code = ?, receipt_no = ?, filed_at = ?, valid_until = ?, updated_at = ?
        WHERE application_no = ?""",
        filingCode, receiptNo, now(), validUntil == null ? null : Date.valueOf(validUntil), now(), applicationNo);
  }

  void openNotice(String applicationNo, Instant closesAt) {
    jdbc.update("""
        UPDATE filing_application SET notice_opened_at = ?, notice_closes_at = ?, notice_closed = FALSE, updated_at = ?
        WHERE application_no = ?""", now(), Timestamp.from(closesAt), now(), applicationNo);
  }

  /** A recomputed notice period (working-day calendar): objections are accepted until the new end. */
  void moveNoticeClose(String applicationNo, Instant closesAt) {
    jdbc.update("UPDATE filing_application SET notice_closes_at = ?, updated_at = ? WHERE application_no = ?",
        Timestamp.from(closesAt), now(), applicationNo);
  }

  void closeNotice(String applicationNo) {
    jdbc.update("UPDATE filing_application SET notice_closed = TRUE, updated_at = ? WHERE application_no = ?", now(),
        applicationNo);
  }

  List<StoredApplication> openNotices() {
    return jdbc.query("""
        SELECT * FROM filing_application WHERE status = 'PUBLIC_NOTICE' AND notice_closed = FALSE
        AND notice_opened_at IS NOT NULL ORDER BY notice_closes_at, application_no""", this::application);
  }

  private StoredApplication application(ResultSet rs, int row) throws SQLException {
    Date validUntil = rs.getDate("valid_until");
    return new StoredApplication(
        rs.getString("application_no"), rs.getString("institution_type"), rs.getString("name"),
        rs.getString("credit_code"), rs.getString("province"), rs.getString("contact_email"),
        fromJson(rs.getString("application_json")), FilingStatus.valueOf(rs.getString("status")),
        rs.getString("token_hash"), rs.getString("quota_warning"), instant(rs, "submitted_at"),
        rs.getString("decision"), rs.getString("decision_reason"), rs.getString("filing_code"),
        rs.getString("receipt_no"), instant(rs, "filed_at"), validUntil == null ? null : validUntil.toLocalDate(),
        instant(rs, "notice_opened_at"), instant(rs, "notice_closes_at"), rs.getBoolean("notice_closed"),
        rs.getString("kind"), rs.getString("target_filing_code"));
  }

  // ---- history

  record Step(Instant at, String step, String actor, String outcome, String comment) {}

  void addStep(String applicationNo, String step, String actor, String outcome, String comment) {
    jdbc.update("INSERT INTO filing_history (application_no, happened_at, step, actor, outcome, comment) VALUES (?, ?, ?, ?, ?, ?)",
        applicationNo, now(), step, actor, outcome, comment);
  }

  List<Step> history(String applicationNo) {
    return jdbc.query("SELECT * FROM filing_history WHERE application_no = ? ORDER BY id",
        (rs, i) -> new Step(instant(rs, "happened_at"), rs.getString("step"), rs.getString("actor"),
            rs.getString("outcome"), rs.getString("comment")), applicationNo);
  }

  // ---- materials

  /** @param items the items of the guidance's list the file answers (issue 19 item 3), empty when untagged */
  record Material(long id, String fileName, String storedName, String contentType, long size, String sha256,
      int submission, Instant uploadedAt, List<Integer> items) {}

  void addMaterials(String applicationNo, int submission, List<MaterialStore.Stored> stored) {
    addMaterials(applicationNo, submission, stored, java.util.Collections.nCopies(stored.size(), null));
  }

  void addMaterials(String applicationNo, int submission, List<MaterialStore.Stored> stored, List<List<Integer>> items) {
    for (int i = 0; i < stored.size(); i++) {
      MaterialStore.Stored s = stored.get(i);
      jdbc.update("""
          INSERT INTO filing_material (application_no, file_name, stored_name, content_type, size_bytes, sha256, submission,
            uploaded_at, items) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          applicationNo, s.fileName(), s.storedName(), s.contentType(), s.size(), s.sha256(), submission, now(),
          items.get(i) == null || items.get(i).isEmpty() ? null
              : String.join(",", items.get(i).stream().map(String::valueOf).toList()));
    }
  }

  List<Material> materials(String applicationNo) {
    return jdbc.query("SELECT * FROM filing_material WHERE application_no = ? ORDER BY id",
        (rs, i) -> new Material(rs.getLong("id"), rs.getString("file_name"), rs.getString("stored_name"),
            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getInt("submission"),
            instant(rs, "uploaded_at"), items(rs.getString("items"))), applicationNo);
  }

  private static List<Integer> items(String column) {
    return column == null || column.isBlank() ? List.of()
        : java.util.Arrays.stream(column.split(",")).map(String::strip).map(Integer::valueOf).toList();
  }

  int lastSubmission(String applicationNo) {
    Integer last = jdbc.queryForObject("SELECT MAX(submission) FROM filing_material WHERE application_no = ?",
        Integer.class, applicationNo);
    return last == null ? 0 : last;
  }

  // ---- expert panel

  record PanelDraw(Instant drawnAt, List<String> eligible, List<String> excluded, List<String> panel) {}

  record Opinion(String expertId, String opinion, String comment, Instant givenAt) {}

  void savePanelDraw(String applicationNo, ExpertPanel.Draw draw) {
    jdbc.update("DELETE FROM filing_panel_draw WHERE application_no = ?", applicationNo);
    jdbc.update("INSERT INTO filing_panel_draw (application_no, drawn_at, eligible, excluded, panel) VALUES (?, ?, ?, ?, ?)",
        applicationNo, now(), String.join(",", draw.eligible()), String.join(",", draw.excluded()),
        String.join(",", draw.panel()));
  }

  Optional<PanelDraw> panelDraw(String applicationNo) {
    return jdbc.query("SELECT * FROM filing_panel_draw WHERE application_no = ?",
        (rs, i) -> new PanelDraw(instant(rs, "drawn_at"), split(rs.getString("eligible")), split(rs.getString("excluded")),
            split(rs.getString("panel"))), applicationNo).stream().findFirst();
  }

  void saveOpinion(String applicationNo, String expertId, String opinion, String comment) {
    jdbc.update("DELETE FROM filing_expert_opinion WHERE application_no = ? AND expert_id = ?", applicationNo, expertId);
    jdbc.update("INSERT INTO filing_expert_opinion (application_no, expert_id, opinion, comment, given_at) VALUES (?, ?, ?, ?, ?)",
        applicationNo, expertId, opinion, comment, now());
  }

  List<Opinion> opinions(String applicationNo) {
    return jdbc.query("SELECT * FROM filing_expert_opinion WHERE application_no = ? ORDER BY given_at, expert_id",
        (rs, i) -> new Opinion(rs.getString("expert_id"), rs.getString("opinion"), rs.getString("comment"),
            instant(rs, "given_at")), applicationNo);
  }

  List<ExpertPanel.Profile> expertProfiles() {
    return jdbc.query("SELECT * FROM filing_expert_profile", (rs, i) -> new ExpertPanel.Profile(rs.getString("user_id"),
        rs.getString("organisation"), rs.getString("credit_code")));
  }

  void saveExpertProfile(ExpertPanel.Profile profile) {
    jdbc.update("DELETE FROM filing_expert_profile WHERE user_id = ?", profile.userId());
    jdbc.update("INSERT INTO filing_expert_profile (user_id, organisation, credit_code) VALUES (?, ?, ?)",
        profile.userId(), profile.organisation(), profile.creditCode());
  }

  // ---- objections

  record Objection(long id, String applicationNo, String name, String contact, String content, Instant receivedAt,
      Boolean upheld, String response, String decidedBy) {}

  long addObjection(String applicationNo, String name, String contact, String content) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement statement = connection.prepareStatement("""
          INSERT INTO filing_objection (application_no, objector_name, objector_contact, content, received_at)
          VALUES (?, ?, ?, ?, ?)""", new String[] {"id"});
      statement.setString(1, applicationNo);
      statement.setString(2, name);
      statement.setString(3, contact);
      statement.setString(4, content);
      statement.setTimestamp(5, now());
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  void decideObjection(long id, boolean upheld, String response, String user) {
    jdbc.update("UPDATE filing_objection SET upheld = ?, response = ?, decided_by = ?, decided_at = ? WHERE id = ?",
        upheld, response, user, now(), id);
  }

  Optional<Objection> objection(long id) {
    return jdbc.query("SELECT * FROM filing_objection WHERE id = ?", this::mapObjection, id).stream().findFirst();
  }

  List<Objection> objections(String applicationNo) {
    return jdbc.query("SELECT * FROM filing_objection WHERE application_no = ? ORDER BY id", this::mapObjection, applicationNo);
  }

  private Objection mapObjection(ResultSet rs, int row) throws SQLException {
    Object upheld = rs.getObject("upheld");
    return new Objection(rs.getLong("id"), rs.getString("application_no"), rs.getString("objector_name"),
        rs.getString("objector_contact"), rs.getString("content"), instant(rs, "received_at"),
        upheld == null ? null : rs.getBoolean("upheld"), rs.getString("response"), rs.getString("decided_by"));
  }

  // ---- branches

  record BranchRow(String applicationNo, int index, String name, String creditCode, String province, String address,
      String contactEmail, String status, String comment, String filingCode, String receiptNo, String cityCode) {}

  void insertBranches(String applicationNo, List<FilingApplication.Branch> branches) {
    for (int i = 0; i < branches.size(); i++) {
      FilingApplication.Branch b = branches.get(i);
      jdbc.update("""
          INSERT INTO filing_branch (application_no, branch_index, name, credit_code, province, address, contact_email,
            status, city_code)
          VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""",
          applicationNo, i + 1, b.name(), b.creditCode(), b.province(), b.address(), b.contactEmail(), b.cityCode());
    }
  }

  List<BranchRow> branches(String applicationNo) {
    return jdbc.query("SELECT * FROM filing_branch WHERE application_no = ? ORDER BY branch_index", this::branch, applicationNo);
  }

  BranchRow branch(String applicationNo, int index) {
    return jdbc.queryForObject("SELECT * FROM filing_branch WHERE application_no = ? AND branch_index = ?", this::branch,
        applicationNo, index);
  }

  void decideBranch(String applicationNo, int index, String status, String comment) {
    jdbc.update("UPDATE filing_branch SET status = ?, decision_comment = ?, decided_at = ? WHERE application_no = ? AND branch_index = ?",
        status, comment, now(), applicationNo, index);
  }

  void recordBranchFiling(String applicationNo, int index, String filingCode, String receiptNo) {
    jdbc.update("UPDATE filing_branch SET status = 'FILED', filing_code = ?, receipt_no = ? WHERE application_no = ? AND branch_index = ?",
        filingCode, receiptNo, applicationNo, index);
  }

  private BranchRow branch(ResultSet rs, int row) throws SQLException {
    return new BranchRow(rs.getString("application_no"), rs.getInt("branch_index"), rs.getString("name"),
        rs.getString("credit_code"), rs.getString("province"), rs.getString("address"), rs.getString("contact_email"),
        rs.getString("status"), rs.getString("decision_comment"), rs.getString("filing_code"), rs.getString("receipt_no"),
        rs.getString("city_code"));
  }

  /**
   * The branch applications an institution made after its filing (issue 19 item 9), newest first, with their branch's
   * review status ({@code filing_branch.status}: PENDING, APPROVED, REJECTED, FILED).
   */
  record LaterBranchRow(String applicationNo, Instant submittedAt, String applicationStatus, String name,
      String province, String cityCode, String branchStatus, String comment, String filingCode) {}

  List<LaterBranchRow> laterBranches(String filingCode) {
    return jdbc.query("""
        SELECT a.application_no, a.submitted_at, a.status AS application_status, b.name, b.province, b.city_code,
               b.status AS branch_status, b.decision_comment, b.filing_code
        FROM filing_application a JOIN filing_branch b ON b.application_no = a.application_no
        WHERE a.kind = 'BRANCH' AND a.target_filing_code = ?
        ORDER BY a.submitted_at DESC, a.application_no DESC""",
        (rs, row) -> new LaterBranchRow(rs.getString("application_no"), instant(rs, "submitted_at"),
            rs.getString("application_status"), rs.getString("name"), rs.getString("province"),
            rs.getString("city_code"), rs.getString("branch_status"), rs.getString("decision_comment"),
            rs.getString("filing_code")), filingCode);
  }

  // ---- helpers

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  private static List<String> split(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
  }

  private String toJson(FilingApplication application) {
    try {
      return json.writeValueAsString(application);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private FilingApplication fromJson(String value) {
    try {
      return json.readValue(value, FilingApplication.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
