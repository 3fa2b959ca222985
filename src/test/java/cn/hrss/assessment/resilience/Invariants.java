package cn.hrss.assessment.resilience;

import cn.hrss.assessment.support.TestClock;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What must hold once the driven cases have ended, however the application died or was duplicated on the way
 * (issue 5 items 2 and 3). {@link #check()} returns every violation found, as sentences, so a failure shows all of
 * them at once; {@link #report()} the figures worth printing either way.
 */
final class Invariants {

  /** Multi-instance activities legitimately have one instance per element (the three experts). */
  private static final Map<String, Integer> INSTANCES_PER_ACTIVITY = Map.of("Task_ExpertReview", 3);
  /** Camunda's job log states (org.camunda.bpm.engine.history.JobState): 1 failed, 2 successful. */
  private static final int JOB_FAILED = 1;
  private static final int JOB_SUCCESSFUL = 2;

  private final JdbcTemplate db;
  private final NamedParameterJdbcTemplate named;
  private final GreenMail mail;
  private final List<? extends DrivenCase> cases;
  private final List<String> violations = new ArrayList<>();

  Invariants(JdbcTemplate db, GreenMail mail, List<? extends DrivenCase> cases) {
    this.db = db;
    this.named = new NamedParameterJdbcTemplate(db);
    this.mail = mail;
    this.cases = cases;
  }

  List<String> check() throws MessagingException {
    violations.clear();
    submissionsExistOnce();
    casesEndedWhereTheyShould();
    noticesReachedTheSinkUnderOneMessageId();
    jobsRanOnceAndNoneIsLeftLocked();
    noIncident();
    return List.copyOf(violations);
  }

  /**
   * Every submission answered, at once or when sent again with its Idempotency-Key, exists exactly once (domain row
   * and process instance): one case per key; a never answered one at most once.
   */
  private void submissionsExistOnce() {
    for (DrivenCase c : cases) {
      int rows = c instanceof FilingCase
          ? count("SELECT COUNT(*) FROM filing_application WHERE credit_code = ?", c.marker())
          : count("SELECT COUNT(*) FROM discipline_case WHERE party_name = ?", c.marker());
      int instances = c.businessKey() == null ? 0 : count(
          "SELECT COUNT(*) FROM ACT_HI_PROCINST p JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_"
              + " WHERE p.BUSINESS_KEY_ = ? AND d.KEY_ = ?", c.businessKey(), c.processKey());
      switch (c.submission()) {
        case ACKNOWLEDGED, RETRIED -> {
          expect(rows == 1, c + " (" + c.submission() + ") is stored " + rows + " times");
          expect(instances == 1, c + " (" + c.submission() + ") has " + instances + " process instances");
        }
        default -> expect(rows <= 1, c + " (never acknowledged) is stored " + rows + " times");
      }
    }
  }

  private void casesEndedWhereTheyShould() {
    for (DrivenCase c : cases) {
      if (c.waitsAt() != null) {
        stillWaits(c);
        continue;
      }
      List<String> ends = c.businessKey() == null ? List.of() : db.queryForList("SELECT p.END_ACT_ID_ FROM ACT_HI_PROCINST p"
          + " JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_ WHERE p.BUSINESS_KEY_ = ? AND d.KEY_ = ?", String.class,
          c.businessKey(), c.processKey());
      expect(c.finished() && ends.equals(List.of(c.expectedEnd())), c + " ended at " + ends + ", expected " + c.expectedEnd());
      if (c instanceof FilingCase && c.businessKey() != null) {
        String status = db.queryForObject("SELECT status FROM filing_application WHERE application_no = ?", String.class,
            c.businessKey());
        expect("FILED".equals(status), c + " has status " + status + ", expected FILED");
      } else if (c instanceof DisciplineCase && c.businessKey() != null) {
        String status = db.queryForObject("SELECT status FROM discipline_case WHERE case_no = ?", String.class,
            c.businessKey());
        expect("CLOSED".equals(status), c + " has status " + status + ", expected CLOSED");
      }
    }
  }

  /** A case left waiting at a timer still waits there: process active, its timer job due later and not locked. */
  private void stillWaits(DrivenCase c) {
    List<Map<String, Object>> timers = db.queryForList("SELECT j.DUEDATE_, j.LOCK_OWNER_, j.RETRIES_ FROM ACT_RU_JOB j"
        + " JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_ JOIN ACT_RU_EXECUTION e ON e.ID_ = j.PROCESS_INSTANCE_ID_"
        + " WHERE e.BUSINESS_KEY_ = ? AND d.ACT_ID_ = ?", c.businessKey(), c.waitsAt());
    expect(timers.size() == 1, c + " should wait at " + c.waitsAt() + " but has " + timers.size() + " such timers");
    timers.forEach(timer -> expect(((Timestamp) timer.get("DUEDATE_")).after(TestClock.childJvmNow()) && timer.get("LOCK_OWNER_") == null,
        c + " waits at " + c.waitsAt() + " with a timer that is not simply due later: " + timer));
    String status = c instanceof FilingCase
        ? db.queryForObject("SELECT status FROM filing_application WHERE application_no = ?", String.class, c.businessKey())
        : db.queryForObject("SELECT status FROM discipline_case WHERE case_no = ?", String.class, c.businessKey());
    expect(c.statusWhileWaiting().equals(status), c + " waits with status " + status + ", expected " + c.statusWhileWaiting());
  }

  /**
   * Every notice of the cases is SENT (or SKIPPED for want of an address) and reached the sink at least once per
   * recipient; every mail in the sink is a recorded notice; one notice (one Message-ID) per case, template and
   * recipients: a duplicate can only be a resend of the same message, never a second message.
   */
  private void noticesReachedTheSinkUnderOneMessageId() throws MessagingException {
    Map<String, List<MimeMessage>> byMessageId = new HashMap<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      byMessageId.computeIfAbsent(message.getMessageID(), k -> new ArrayList<>()).add(message);
    }
    List<Map<String, Object>> notices = named.queryForList(
        "SELECT idempotency_key, case_ref, template, recipients, message_id, status FROM notice WHERE case_ref IN (:refs)",
        new MapSqlParameterSource("refs", businessKeys()));
    expect(!notices.isEmpty(), "no notice was recorded for the cases");
    Set<String> recorded = new HashSet<>();
    for (Map<String, Object> notice : notices) {
      String messageId = (String) notice.get("message_id");
      recorded.add(messageId);
      String status = (String) notice.get("status");
      expect("SENT".equals(status) || "SKIPPED".equals(status), "notice " + notice.get("idempotency_key") + " is " + status);
      if ("SENT".equals(status)) {
        List<String> recipients = Arrays.asList(((String) notice.get("recipients")).split(","));
        int delivered = byMessageId.getOrDefault(messageId, List.of()).size();
        expect(delivered >= recipients.size(), "notice " + notice.get("idempotency_key") + " (" + messageId + ") to "
            + recipients + " reached the sink " + delivered + " times");
      }
    }
    Map<String, Long> perGroup = notices.stream().collect(Collectors.groupingBy(
        n -> n.get("case_ref") + " " + n.get("template") + " → " + n.get("recipients"), Collectors.counting()));
    perGroup.forEach((group, n) -> expect(n == 1, "notice " + group + " was recorded " + n + " times (different Message-IDs)"));
    for (String messageId : byMessageId.keySet()) {
      if (!recorded.contains(messageId) && isNoticeOfOurs(messageId)) {
        expect(false, "mail " + messageId + " in the sink is no recorded notice");
      }
    }
  }

  /** Any Message-ID of the application's notices (other tests' mail may sit in the shared sink). */
  private static boolean isNoticeOfOurs(String messageId) {
    return messageId != null && messageId.startsWith("<notice-");
  }

  /**
   * Each job ran successfully at most once, each activity of the cases' process instances ran once (the experts'
   * review once per expert), and no job is left with an expired lock (a crashed owner's job picked up again).
   */
  private void jobsRanOnceAndNoneIsLeftLocked() {
    List<String> instances = processInstanceIds();
    named.queryForList("SELECT JOB_ID_, JOB_DEF_TYPE_, ACT_ID_, COUNT(*) AS N FROM ACT_HI_JOB_LOG"
            + " WHERE JOB_STATE_ = :successful AND PROCESS_INSTANCE_ID_ IN (:instances)"
            + " GROUP BY JOB_ID_, JOB_DEF_TYPE_, ACT_ID_ HAVING COUNT(*) > 1",
        new MapSqlParameterSource("successful", JOB_SUCCESSFUL).addValue("instances", instances))
        .forEach(row -> expect(false, "job " + row.get("JOB_ID_") + " (" + row.get("JOB_DEF_TYPE_") + " at "
            + row.get("ACT_ID_") + ") succeeded " + row.get("N") + " times"));
    named.queryForList("SELECT PROC_INST_ID_, ACT_ID_, COUNT(*) AS N FROM ACT_HI_ACTINST"
            + " WHERE PROC_INST_ID_ IN (:instances) GROUP BY PROC_INST_ID_, ACT_ID_",
        new MapSqlParameterSource("instances", instances))
        .forEach(row -> {
          int expected = INSTANCES_PER_ACTIVITY.getOrDefault((String) row.get("ACT_ID_"), 1);
          expect(((Number) row.get("N")).intValue() == expected, "activity " + row.get("ACT_ID_") + " of process instance "
              + row.get("PROC_INST_ID_") + " ran " + row.get("N") + " times, expected " + expected);
        });
    for (Map<String, Object> job : db.queryForList(
        "SELECT ID_, HANDLER_TYPE_, LOCK_OWNER_, LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE LOCK_EXP_TIME_ IS NOT NULL")) {
      Timestamp expires = (Timestamp) job.get("LOCK_EXP_TIME_");
      expect(expires.after(TestClock.childJvmNow()), "job " + job.get("ID_") + " (" + job.get("HANDLER_TYPE_") + ") is still locked by "
          + job.get("LOCK_OWNER_") + " although its lock expired at " + expires);
    }
  }

  /**
   * The jobs a killed node held locked: each must have run successfully exactly once afterwards (another node, or
   * the restarted one, acquired it once its lock expired).
   */
  List<String> ranOnceAfterTheirOwnerDied(List<String> jobIds) {
    List<String> problems = new ArrayList<>();
    for (String jobId : jobIds) {
      int successes = count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_ID_ = ? AND JOB_STATE_ = ?", jobId, JOB_SUCCESSFUL);
      if (successes != 1) {
        problems.add("job " + jobId + ", locked by the killed JVM, succeeded " + successes + " times afterwards");
      }
    }
    return problems;
  }

  private void noIncident() {
    db.queryForList("SELECT INCIDENT_TYPE_, ACTIVITY_ID_, INCIDENT_MSG_ FROM ACT_HI_INCIDENT")
        .forEach(incident -> expect(false, "incident: " + incident));
  }

  /** Figures worth printing: notices and deliveries, failed job attempts (retried), duplicates delivered. */
  String report() throws MessagingException {
    Map<String, Long> deliveries = new HashMap<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      if (isNoticeOfOurs(message.getMessageID())) {
        deliveries.merge(message.getMessageID(), 1L, Long::sum);
      }
    }
    List<Map<String, Object>> failedAttempts = named.queryForList(
        "SELECT ACT_ID_, JOB_EXCEPTION_MSG_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = :failed AND PROCESS_INSTANCE_ID_ IN (:instances)",
        new MapSqlParameterSource("failed", JOB_FAILED).addValue("instances", processInstanceIds()));
    int notices = named.queryForObject("SELECT COUNT(*) FROM notice WHERE case_ref IN (:refs)",
        new MapSqlParameterSource("refs", businessKeys()), Integer.class);
    int attempts = named.queryForObject("SELECT COALESCE(SUM(attempts), 0) FROM notice WHERE case_ref IN (:refs)",
        new MapSqlParameterSource("refs", businessKeys()), Integer.class);
    return "cases: " + cases.size() + " (" + cases.stream().collect(Collectors.groupingBy(DrivenCase::submission,
        Collectors.counting())) + ")"
        + "\nnotices: " + notices + " recorded, " + attempts + " send attempts, " + deliveries.size()
        + " distinct Message-IDs in the sink, " + deliveries.values().stream().mapToLong(Long::longValue).sum() + " deliveries"
        + "\nfailed job attempts (retried): " + failedAttempts.size()
        + failedAttempts.stream().map(f -> "\n  " + f.get("ACT_ID_") + ": " + f.get("JOB_EXCEPTION_MSG_")).distinct()
            .limit(20).collect(Collectors.joining());
  }

  private List<String> businessKeys() {
    List<String> keys = cases.stream().map(DrivenCase::businessKey).filter(k -> k != null).toList();
    return keys.isEmpty() ? List.of("-") : keys;
  }

  private List<String> processInstanceIds() {
    List<String> ids = named.queryForList("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ IN (:refs)",
        new MapSqlParameterSource("refs", businessKeys()), String.class);
    return ids.isEmpty() ? List.of("-") : ids;
  }

  private int count(String sql, Object... args) {
    return db.queryForObject(sql, Integer.class, args);
  }

  private void expect(boolean condition, String violation) {
    if (!condition) {
      violations.add(violation);
    }
  }
}
