package cn.hrss.assessment.notification;

import cn.hrss.assessment.calendar.CalendarProperties;
import cn.hrss.assessment.calendar.WorkingDays;
import cn.hrss.assessment.documents.PdfDocuments;
import jakarta.activation.FileTypeMap;
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
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
 *
 * <p>Each attempt re-renders the notice from what the caller passes now and refreshes the stored recipients,
 * subject and body (same Message-ID): an operator who corrects a bad address after a permanent SMTP error
 * (550) and retries the job mails the corrected address, not the stored one.
 *
 * <p>One sender at a time per key: an attempt claims the row with a single conditional
 * {@code UPDATE … SET status = 'SENDING' … WHERE status IN ('PENDING', 'FAILED')}; only the caller whose
 * update changed the row sends. Another caller finds it SENDING and fails with {@link NoticeDeliveryException}
 * (a job is retried later and then finds it SENT, or FAILED and claims it). A SENDING row is left behind only
 * by a crash between claim and outcome; it becomes claimable again once its claim is older than
 * {@code assessment.notification.sending-expires-after} (engine clock; 2 minutes by default), longer than
 * any SMTP exchange can take given the mail timeouts of application.yml (5 s connect, 10 s read, 10 s write)
 * and shorter than Camunda's job lock (5 minutes by default), so a job re-acquired after the crash finds the
 * notice claimable; the resend carries the same Message-ID.
 */
@Service
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationService {

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
  /** Jakarta Mail's system property naming the {@code StreamProvider} implementation (see the static block). */
  static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

  static {
    // Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader for every MIME part, header and
    // multipart it creates: a scan of META-INF/services in every jar, about 7 % of the application's CPU in the
    // benchmark (README, "Benchmark"; jakartaee/mail-api#861, open). Naming the implementation skips the scan.
    if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
      System.setProperty(STREAM_PROVIDER_PROPERTY, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }
  /** Model values that are mailed but never stored (see {@link #withoutSecrets}). */
  static final java.util.Set<String> SECRET_MODEL_KEYS = java.util.Set.of("accessToken");
  static final String REDACTED = "（已隐去）";
  private static final String COLUMNS = "idempotency_key, case_ref, template, recipients, subject, body, message_id,"
      + " status, attempts, last_error, created_at, last_attempt_at, sent_at";
  /** Rows a new attempt may take over: never sent, failed, or claimed by a sender that crashed. */
  private static final String CLAIMABLE =
      " (status IN ('PENDING', 'FAILED') OR (status = 'SENDING' AND last_attempt_at < ?))";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final JavaMailSender mailSender;
  private final NotificationProperties properties;
  private final MailRenderer renderer;
  private final PdfDocuments pdf;

  /**
   * Receipts are mailed with the receipt as a PDF attached (issue 13 item 9): the template, the attachment's file name
   * and the model value that numbers it ({@code 备案回执-HZ….pdf}). The PDF is made from the mail's own HTML at each
   * attempt, like the mail, so a retry sends the same document under the same Message-ID; nothing more is stored.
   */
  private static final Map<String, PdfAttachment> PDF_ATTACHMENTS = Map.of(
      "filing-receipt", new PdfAttachment("备案回执", "receiptNo"),
      "institution-renewed", new PdfAttachment("延续备案回执", "receiptNo"),
      "institution-scope-changed", new PdfAttachment("变更回执", "receiptNo"),
      "branch-receipt", new PdfAttachment("分支机构备案回执", "branchReceiptNo"),
      "supervision-opinion-letter", new PdfAttachment("督导意见书", "supervisionNo"));

  private record PdfAttachment(String name, String numberKey) {

    String fileName(Map<String, Object> model) {
      Object number = model.get(numberKey);
      return name + (number == null || number.toString().isBlank() ? "" : "-" + number) + ".pdf";
    }
  }

  private record Attachment(String fileName, byte[] content) {}

  NotificationService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, JavaMailSender mailSender,
      NotificationProperties properties, CalendarProperties calendar, WorkingDays workingDays, PdfDocuments pdf) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.mailSender = mailSender;
    this.properties = properties;
    this.renderer = new MailRenderer(calendar.zone(), workingDays::isProvisional);
    this.pdf = pdf;
  }

  /**
   * Sends the notice now unless its key is already SENT (or SKIPPED), and returns its stored state.
   *
   * <p>The mail leaves at once, whatever transaction the caller is in. The BPMN step calls it inside its
   * job, whose rollback leads to a retry with the same key (so nothing is sent twice). Other Java code
   * that calls it inside a transaction of its own would mail about data that may still roll back: such
   * callers use {@link #sendAfterCommit(Notice)}.
   *
   * @throws NoticeDeliveryException if rendering or SMTP fails (the failed attempt is recorded first), or
   *     another attempt of the same key is sending right now
   */
  public NoticeRecord send(Notice notice) {
    Optional<Stored> existing = findStored(notice.key());
    if (existing.isPresent() && existing.get().record().status().isFinal()) {
      log.info("Notice {} is already {}: not sent again", notice.key(), existing.get().record().status());
      return existing.get().record();
    }
    String messageId = existing.map(s -> s.record().messageId()).orElseGet(() -> messageIdFor(notice.key()));
    if (notice.to().isEmpty()) {
      if (existing.isEmpty()) {
        return insert(notice, messageId, NoticeStatus.SKIPPED);
      }
      // The address was removed before a retry: nothing to send, as on a first attempt without address.
      ownTransaction.executeWithoutResult(tx -> jdbc.update(
          "UPDATE notice SET status = 'SKIPPED', recipients = '', template = ? WHERE idempotency_key = ? AND" + CLAIMABLE,
          notice.template(), notice.key(), staleBefore()));
      return afterLostClaim(notice.key());
    }
    if (existing.isEmpty()) {
      insert(notice, messageId, NoticeStatus.PENDING);
    }
    MailRenderer.RenderedMail mail;
    Optional<Attachment> attachment;
    try {
      Map<String, Object> model = modelOf(notice);
      mail = renderer.render(notice.template(), model);
      attachment = attachmentOf(notice.template(), model, mail.html());
    } catch (RuntimeException e) {
      recordFailure(notice.key(), CLAIMABLE, true, e, staleBefore());
      throw new NoticeDeliveryException("Cannot render notice " + notice.key() + " (" + notice.template() + "): " + e.getMessage(), e);
    }
    String subject = properties.subjectPrefix() + mail.subject();
    Instant now = now();
    int claimed = ownTransaction.execute(tx -> jdbc.update(
        "UPDATE notice SET status = 'SENDING', template = ?, recipients = ?, subject = ?, body = ?,"
            + " attempts = attempts + 1, last_attempt_at = ? WHERE idempotency_key = ? AND" + CLAIMABLE,
        notice.template(), String.join(",", notice.to()), subject, withoutSecrets(mail.html(), notice),
        Timestamp.from(now), notice.key(), staleBefore()));
    if (claimed == 0) {
      return afterLostClaim(notice.key());
    }
    Stored stored = findStored(notice.key()).orElseThrow();
    try {
      // the rendered body: the stored one has no secrets
      mailSender.send(message(stored.record(), mail.html(), attachment));
    } catch (MailException | MessagingException e) {
      recordFailure(notice.key(), " status = 'SENDING'", false, e); // counted when claimed
      throw new NoticeDeliveryException("Cannot send notice " + notice.key() + " to "
          + String.join(", ", stored.record().recipients()) + ": " + e.getMessage(), e);
    }
    Instant sentAt = now();
    ownTransaction.executeWithoutResult(tx -> jdbc.update(
        "UPDATE notice SET status = 'SENT', last_error = NULL, sent_at = ? WHERE idempotency_key = ? AND status = 'SENDING'",
        Timestamp.from(sentAt), notice.key()));
    log.info("Notice {} ({}) sent to {} as {}", notice.key(), notice.template(), stored.record().recipients(), stored.record().messageId());
    return findStored(notice.key()).orElseThrow().record();
  }

  /**
   * Sends the notice once the caller's transaction has committed (nothing if it rolls back); without an
   * active transaction, at once. For Java callers outside a job: a mail must not announce what a rollback
   * undoes. The send then runs outside any retry: a failure is logged and recorded as FAILED with its error
   * (listed by {@link #noticesFor}), not thrown at the caller whose transaction has already committed. Use
   * an async BPMN notice step where retries and incidents are needed.
   */
  public void sendAfterCommit(Notice notice) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      send(notice);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        try {
          send(notice);
        } catch (NoticeDeliveryException e) {
          log.error("Notice {} could not be sent after commit; recorded as FAILED", notice.key(), e);
        }
      }
    });
  }

  /**
   * Renders a mail template as a page (e.g. a receipt to print) exactly as it is mailed, with the same engine
   * and model rules, without sending or recording anything.
   */
  public String renderHtml(String template, Map<String, Object> model) {
    return renderer.render(template, model).html();
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

  /** The receipt as a PDF for the templates of {@link #PDF_ATTACHMENTS}; none where no font is installed. */
  private Optional<Attachment> attachmentOf(String template, Map<String, Object> model, String html) {
    PdfAttachment kind = PDF_ATTACHMENTS.get(template);
    if (kind == null || !pdf.available()) {
      return Optional.empty();
    }
    return Optional.of(new Attachment(kind.fileName(model), pdf.fromHtml(html)));
  }

  private MimeMessage message(NoticeRecord record, String html, Optional<Attachment> attachment)
      throws MessagingException {
    MimeMessage message = new FixedIdMimeMessage(session(), record.messageId());
    MimeMessageHelper helper = new SharedFileTypeMapHelper(message);
    helper.setFrom(new InternetAddress(properties.from()));
    helper.setTo(record.recipients().toArray(String[]::new));
    helper.setSubject(record.subject());
    helper.setText(MailRenderer.toText(html), html);
    helper.setSentDate(java.util.Date.from(now()));
    if (attachment.isPresent()) {
      helper.addAttachment(attachment.get().fileName(),
          new org.springframework.core.io.ByteArrayResource(attachment.get().content()), "application/pdf");
    }
    return message;
  }

  private Session session() {
    return mailSender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
  }

  /**
   * The body as stored: the mail as sent, except the values of {@link #SECRET_MODEL_KEYS} (a party's access token
   * is mailed to the party once, issue 16 item 7: tokens are never kept in clear at rest, and the stored notices are
   * read by officers and operators).
   */
  static String withoutSecrets(String html, Notice notice) {
    String stored = html;
    for (String key : SECRET_MODEL_KEYS) {
      if (notice.model().get(key) instanceof String secret && secret.length() >= 8) {
        stored = stored.replace(secret, REDACTED);
      }
    }
    return stored;
  }

  /** Read outside the caller's (job's) transaction: sees what earlier attempts committed. */
  private Optional<Stored> findStored(String key) {
    return ownTransaction.execute(tx -> jdbc.query(
        "SELECT " + COLUMNS + " FROM notice WHERE idempotency_key = ?", (rs, n) -> row(rs), key).stream().findFirst());
  }

  private NoticeRecord insert(Notice notice, String messageId, NoticeStatus status) {
    Instant now = now();
    try {
      ownTransaction.executeWithoutResult(tx -> jdbc.update("INSERT INTO notice (" + COLUMNS + ")"
              + " VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, 0, NULL, ?, NULL, NULL)",
          notice.key(), notice.caseRef(), notice.template(), String.join(",", notice.to()), messageId,
          status.name(), Timestamp.from(now)));
    } catch (DuplicateKeyException e) {
      log.info("Notice {} was recorded concurrently", notice.key());
    }
    return findStored(notice.key()).orElseThrow().record();
  }

  /** The claim went to another caller: its final state, or a failure if that caller is still sending. */
  private NoticeRecord afterLostClaim(String key) {
    NoticeRecord current = findStored(key).orElseThrow().record();
    if (current.status().isFinal()) {
      log.info("Notice {} was completed concurrently: {}", key, current.status());
      return current;
    }
    throw new NoticeDeliveryException("Notice " + key + " is being sent by another attempt (status "
        + current.status() + "); retry later");
  }

  /** Records a failed attempt, if the row is in a state this attempt owns ({@code condition}). */
  private void recordFailure(String key, String condition, boolean countAttempt, Exception e, Object... conditionArgs) {
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    String truncated = error.length() > 2000 ? error.substring(0, 2000) : error;
    Instant now = now();
    Object[] args = new Object[3 + conditionArgs.length];
    args[0] = truncated;
    args[1] = Timestamp.from(now);
    args[2] = key;
    System.arraycopy(conditionArgs, 0, args, 3, conditionArgs.length);
    ownTransaction.executeWithoutResult(tx -> jdbc.update(
        "UPDATE notice SET status = 'FAILED', last_error = ?, last_attempt_at = ?"
            + (countAttempt ? ", attempts = attempts + 1" : "") + " WHERE idempotency_key = ? AND" + condition, args));
    log.warn("Notice {} failed: {}", key, truncated);
  }

  /** Claims older than this count as abandoned by a crashed sender (see the class comment). */
  private Timestamp staleBefore() {
    return Timestamp.from(now().minus(properties.sendingExpiresAfter()));
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
    return new Stored(record);
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

  private record Stored(NoticeRecord record) {}

  /**
   * Spring's helper builds a new file type map, reading every mime.types on the class path, for each message that
   * {@link JavaMailSenderImpl} did not create (ours must carry a fixed Message-ID): about 3 % of the application's
   * CPU in the benchmark. Notices attach only PDFs (receipts) and name their type, so one shared map serves them all.
   */
  private static final class SharedFileTypeMapHelper extends MimeMessageHelper {

    private static final FileTypeMap FILE_TYPES = fileTypes();

    SharedFileTypeMapHelper(MimeMessage message) throws MessagingException {
      super(message, true, StandardCharsets.UTF_8.name());
    }

    @Override
    protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
      return FILE_TYPES;
    }

    private static FileTypeMap fileTypes() {
      ConfigurableMimeFileTypeMap map = new ConfigurableMimeFileTypeMap();
      map.afterPropertiesSet();
      return map;
    }
  }

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
