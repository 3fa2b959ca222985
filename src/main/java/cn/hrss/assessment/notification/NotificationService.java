package cn.hrss.assessment.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one notification service of every process (issue 2 item 7): renders a Chinese template, sends it
 * once per idempotency key and stores its delivery state per case.
 *
 * <p>Nothing is lost: the notice row and every attempt's outcome are written in transactions of their own
 * (REQUIRES_NEW on the data source the engine uses), so they survive the rollback of a failing job; the
 * exception then makes Camunda retry the job with the configured backoff, and raise an incident after the
 * last retry. A SENT key is never sent again. The Message-ID is derived from the key, so a retry after a
 * crash between sending and recording carries the same Message-ID as the first message and the receiving
 * side can recognise the duplicate.
 */
@Service
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationService {

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
  private static final String COLUMNS = "idempotency_key, case_ref, template, recipients, subject, body, message_id,"
      + " status, attempts, last_error, created_at, last_attempt_at, sent_at";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final JavaMailSender mailSender;
  private final NotificationProperties properties;
  private final MailRenderer renderer = new MailRenderer();

  NotificationService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, JavaMailSender mailSender,
      NotificationProperties properties) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.mailSender = mailSender;
    this.properties = properties;
  }

  /**
   * Sends the notice unless its key is already SENT (or SKIPPED), and returns its stored state.
   *
   * @throws NoticeDeliveryException if rendering or SMTP fails; the failed attempt is recorded first
   */
  public NoticeRecord send(Notice notice) {
    Optional<Stored> existing = findStored(notice.key());
    if (existing.isPresent() && existing.get().record().status().isFinal()) {
      log.info("Notice {} is already {}: not sent again", notice.key(), existing.get().record().status());
      return existing.get().record();
    }
    String messageId = existing.map(s -> s.record().messageId()).orElseGet(() -> messageIdFor(notice.key()));
    if (existing.isEmpty() && notice.to().isEmpty()) {
      return insert(notice, null, null, messageId, NoticeStatus.SKIPPED);
    }
    Stored stored;
    if (existing.isPresent() && existing.get().body() != null) {
      // A retry sends what the first attempt rendered: same Message-ID, same content.
      stored = existing.get();
    } else {
      MailRenderer.RenderedMail mail;
      try {
        mail = renderer.render(notice.template(), modelOf(notice));
      } catch (RuntimeException e) {
        if (existing.isEmpty()) {
          insert(notice, null, null, messageId, NoticeStatus.PENDING);
        }
        recordFailure(notice.key(), e);
        throw new NoticeDeliveryException("Cannot render notice " + notice.key() + " (" + notice.template() + "): " + e.getMessage(), e);
      }
      String subject = properties.subjectPrefix() + mail.subject();
      if (existing.isEmpty()) {
        insert(notice, subject, mail.html(), messageId, NoticeStatus.PENDING);
      } else {
        ownTransaction.executeWithoutResult(tx -> jdbc.update(
            "UPDATE notice SET subject = ?, body = ? WHERE idempotency_key = ?", subject, mail.html(), notice.key()));
      }
      stored = findStored(notice.key()).orElseThrow();
    }
    if (stored.record().status().isFinal()) {
      return stored.record(); // a concurrent sender won the insert and finished
    }
    try {
      mailSender.send(message(stored));
    } catch (MailException | MessagingException e) {
      recordFailure(notice.key(), e);
      throw new NoticeDeliveryException("Cannot send notice " + notice.key() + " to "
          + String.join(", ", stored.record().recipients()) + ": " + e.getMessage(), e);
    }
    Instant now = now();
    ownTransaction.executeWithoutResult(tx -> jdbc.update(
        "UPDATE notice SET status = 'SENT', attempts = attempts + 1, last_error = NULL, last_attempt_at = ?, sent_at = ?"
            + " WHERE idempotency_key = ?", Timestamp.from(now), Timestamp.from(now), notice.key()));
    log.info("Notice {} ({}) sent to {} as {}", notice.key(), notice.template(), stored.record().recipients(), stored.record().messageId());
    return findStored(notice.key()).orElseThrow().record();
  }

  /** Every notice of a case, oldest first. */
  public List<NoticeRecord> noticesFor(String caseRef) {
    return jdbc.query("SELECT " + COLUMNS + " FROM notice WHERE case_ref = ? ORDER BY created_at, id",
        (rs, n) -> row(rs).record(), caseRef);
  }

  /** The notice stored under an idempotency key. */
  public Optional<NoticeRecord> find(String key) {
    return findStored(key).map(Stored::record);
  }

  /** The Message-ID every attempt of this key carries: {@code <notice-KEY@domain-of-sender>}. */
  String messageIdFor(String key) {
    String local = key.replaceAll("[^A-Za-z0-9._-]", "-");
    if (!local.equals(key) || local.length() > 100) {
      // Keep it unique when the key had characters a Message-ID cannot hold.
      local = (local.length() > 80 ? local.substring(0, 80) : local) + "-" + sha256(key).substring(0, 16);
    }
    return "<notice-" + local + "@" + properties.messageIdDomain() + ">";
  }

  private Map<String, Object> modelOf(Notice notice) {
    Map<String, Object> model = new HashMap<>(notice.model());
    if (notice.caseRef() != null) {
      model.put("caseRef", notice.caseRef());
    }
    return model;
  }

  private MimeMessage message(Stored stored) throws MessagingException {
    NoticeRecord record = stored.record();
    MimeMessage message = new FixedIdMimeMessage(session(), record.messageId());
    MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
    helper.setFrom(new InternetAddress(properties.from()));
    helper.setTo(record.recipients().toArray(String[]::new));
    helper.setSubject(record.subject());
    helper.setText(MailRenderer.toText(stored.body()), stored.body());
    helper.setSentDate(java.util.Date.from(now()));
    return message;
  }

  private Session session() {
    return mailSender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
  }

  /** Read outside the caller's (job's) transaction: sees what earlier attempts committed. */
  private Optional<Stored> findStored(String key) {
    return ownTransaction.execute(tx -> jdbc.query(
        "SELECT " + COLUMNS + " FROM notice WHERE idempotency_key = ?", (rs, n) -> row(rs), key).stream().findFirst());
  }

  private NoticeRecord insert(Notice notice, String subject, String body, String messageId, NoticeStatus status) {
    Instant now = now();
    try {
      ownTransaction.executeWithoutResult(tx -> jdbc.update("INSERT INTO notice (" + COLUMNS + ")"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, NULL, NULL)",
          notice.key(), notice.caseRef(), notice.template(), String.join(",", notice.to()), subject, body, messageId,
          status.name(), Timestamp.from(now)));
    } catch (DuplicateKeyException e) {
      log.info("Notice {} was recorded concurrently", notice.key());
    }
    return findStored(notice.key()).orElseThrow().record();
  }

  private void recordFailure(String key, Exception e) {
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    String truncated = error.length() > 2000 ? error.substring(0, 2000) : error;
    Instant now = now();
    ownTransaction.executeWithoutResult(tx -> jdbc.update(
        "UPDATE notice SET status = 'FAILED', attempts = attempts + 1, last_error = ?, last_attempt_at = ?"
            + " WHERE idempotency_key = ?", truncated, Timestamp.from(now), key));
    log.warn("Notice {} failed: {}", key, truncated);
  }

  /** The engine's clock, so that process tests that move it see consistent notice timestamps. */
  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static Stored row(ResultSet rs) throws SQLException {
    String recipients = rs.getString("recipients");
    NoticeRecord record = new NoticeRecord(
        rs.getString("idempotency_key"),
        rs.getString("case_ref"),
        rs.getString("template"),
        recipients == null || recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split(",")),
        rs.getString("subject"),
        NoticeStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("message_id"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("last_attempt_at")),
        instant(rs.getTimestamp("sent_at")),
        rs.getString("last_error"));
    return new Stored(record, rs.getString("body"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Stored(NoticeRecord record, String body) {}

  /**
   * JavaMail assigns a new random Message-ID on every {@code saveChanges()}; a retry must carry the same one.
   */
  private static final class FixedIdMimeMessage extends MimeMessage {

    private final String messageId;

    FixedIdMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
