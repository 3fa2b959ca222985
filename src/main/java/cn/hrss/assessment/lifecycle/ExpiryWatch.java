package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.notification.NoticeQueue;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expiry of filings (监督管理办法 Art. 21(7); 004 Art. 23): reminders to the institution {@code reminder-days} (90
 * and 30) days before {@code validUntil}, and after the last day the lapse (status EXPIRED, terminationKind LAPSED,
 * both derived from the date) recorded and told to the department and the institution.
 *
 * <p>Each notice is a row of {@code lifecycle_expiry_notice} written in the same transaction that queues its mail
 * ({@link NoticeQueue}: sent after commit, retried): the primary key (code, validity end, kind) lets one node, one
 * sweep, send it once, also after a restart or on a cluster (a concurrent insert fails and that institution's
 * transaction rolls back, mail included). A sweep after downtime sends the reminder that is due now and records the
 * earlier ones it covers as superseded: late, once, never skipped, never two at once.
 */
@Component
public class ExpiryWatch {

  private static final Logger LOG = LoggerFactory.getLogger(ExpiryWatch.class);
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日");
  static final String EXPIRED = "EXPIRED";

  private final InstitutionRegistry registry;
  private final NoticeQueue notices;
  private final LifecycleProperties properties;
  private final InstitutionAccess access;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  ExpiryWatch(InstitutionRegistry registry, NoticeQueue notices, LifecycleProperties properties, InstitutionAccess access,
      JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.registry = registry;
    this.notices = notices;
    this.properties = properties;
    this.access = access;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /** Looks for reminders and lapses due at the engine clock; returns the number of mails queued. */
  public int sweep() {
    LocalDate today = access.today();
    int furthest = properties.reminderDays().stream().mapToInt(Integer::intValue).max().orElse(0);
    int queued = 0;
    for (Institution institution : registry.inForceEndingBy(today.plusDays(furthest))) {
      try {
        Integer sent = transaction.execute(status -> handle(institution, today));
        queued += sent == null ? 0 : sent;
      } catch (DataIntegrityViolationException concurrent) {
        // Another node recorded this notice at the same moment: it sends it.
        LOG.debug("Expiry notice of {} recorded concurrently by another node", institution.filingCode());
      }
    }
    return queued;
  }

  private int handle(Institution institution, LocalDate today) {
    LocalDate end = institution.validUntil();
    if (end.isBefore(today)) {
      // 监督管理办法 Art. 21(7): validity passed without renewal → the qualification lapses (EXPIRED, derived).
      if (!record(institution, EXPIRED, false)) {
        return 0;
      }
      registry.recordLapse(institution.filingCode(), "备案有效期于 " + SHOWN.format(end) + " 届满，未延续，备案失效（监督管理办法第二十一条第（七）项）");
      Map<String, Object> model = model(institution);
      List<String> to = new ArrayList<>(recipients(institution));
      to.add(properties.departmentEmail());
      notices.queue(institution.filingCode(), "institution-expired", to, model);
      return 1;
    }
    long left = ChronoUnit.DAYS.between(today, end);
    // The reminders due by now, nearest last; only the nearest is mailed, earlier ones it covers are recorded.
    List<Integer> due = properties.reminderDays().stream().filter(d -> left <= d).sorted((a, b) -> b - a).toList();
    if (due.isEmpty() || exists(institution, kind(due.get(due.size() - 1)))) {
      return 0;
    }
    for (int i = 0; i < due.size() - 1; i++) {
      if (!exists(institution, kind(due.get(i)))) {
        record(institution, kind(due.get(i)), true);
      }
    }
    record(institution, kind(due.get(due.size() - 1)), false);
    Map<String, Object> model = model(institution);
    model.put("daysLeft", left);
    model.put("renewalOpens", SHOWN.format(RenewalService.opens(end)));
    notices.queue(institution.filingCode(), "institution-expiry-reminder", recipients(institution), model);
    return 1;
  }

  static String kind(int days) {
    return "REMINDER_" + days;
  }

  private boolean exists(Institution institution, String kind) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM lifecycle_expiry_notice WHERE filing_code = ?"
        + " AND valid_until = ? AND kind = ?", Integer.class, institution.filingCode(),
        Date.valueOf(institution.validUntil()), kind);
    return count != null && count > 0;
  }

  /** Inserts the notice row; false when it was there already (checked first: a failed insert aborts PostgreSQL's transaction). */
  private boolean record(Institution institution, String kind, boolean superseded) {
    if (exists(institution, kind)) {
      return false;
    }
    jdbc.update("INSERT INTO lifecycle_expiry_notice (filing_code, valid_until, kind, sent_at, superseded)"
        + " VALUES (?, ?, ?, ?, ?)", institution.filingCode(), Date.valueOf(institution.validUntil()), kind,
        new Timestamp(ClockUtil.getCurrentTime().getTime()), superseded);
    return true;
  }

  private static List<String> recipients(Institution institution) {
    return institution.contactEmail() == null || institution.contactEmail().isBlank() ? List.of()
        : List.of(institution.contactEmail());
  }

  private static Map<String, Object> model(Institution institution) {
    Map<String, Object> model = new HashMap<>();
    model.put("applicantName", institution.name());
    model.put("filingCode", institution.filingCode());
    model.put("validUntil", SHOWN.format(institution.validUntil()));
    return model;
  }

  /** The notices recorded for an institution (tests, and the supervision record). */
  public List<String> recorded(String filingCode) {
    return jdbc.queryForList("SELECT kind FROM lifecycle_expiry_notice WHERE filing_code = ? ORDER BY sent_at, kind",
        String.class, filingCode);
  }
}
