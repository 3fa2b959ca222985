package cn.hrss.assessment.discipline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The disciplinary record of 002 Annex 2 Art. 20 (建立违纪违规行为处理档案，记录、保存处理决定): every notice,
 * decision, review and announcement, append-only. There is deliberately no update or delete method; the database
 * refuses both as well (V21 triggers). Each entry carries SHA-256(previous hash + its content), so an auditor can
 * detect an entry altered or removed behind the application's back ({@link #verify()}).
 */
@Component
public class DisciplineArchive {

  static final String GENESIS = "0".repeat(64);

  /** One entry of the record. */
  public record Entry(long seq, String caseNo, String kind, String channel, String title, String content,
      Instant recordedAt, String prevHash, String entryHash) {}

  /** Result of a chain verification: ok, or the first entry whose hash or link does not match. */
  public record Verification(boolean ok, long entries, Long firstBrokenSeq, String problem) {}

  private final JdbcTemplate jdbc;

  DisciplineArchive(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Appends an entry chained to the last one, as the last step of the caller's transaction (just before it commits,
   * after the engine has flushed): appends are serialised by a row lock (V22) that is held until the commit, on every
   * node of a cluster, so it must be held as briefly as possible. Without the lock two concurrent appends read the
   * same last entry and one fails on the unique seq / prev_hash. Outside a transaction: at once.
   */
  public void append(String caseNo, String kind, String channel, String title, String content) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      appendNow(caseNo, kind, channel, title, content);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        appendNow(caseNo, kind, channel, title, content);
      }
    });
  }

  private void appendNow(String caseNo, String kind, String channel, String title, String content) {
    jdbc.queryForObject("SELECT id FROM discipline_archive_lock WHERE id = 1 FOR UPDATE", Integer.class);
    Optional<Entry> last = jdbc.query(
        "SELECT * FROM discipline_archive ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY", DisciplineArchive::row).stream().findFirst();
    long seq = last.map(e -> e.seq() + 1).orElse(1L);
    String prev = last.map(Entry::entryHash).orElse(GENESIS);
    Instant at = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
    String hash = hash(seq, caseNo, kind, channel, title, content, at, prev);
    jdbc.update("INSERT INTO discipline_archive (seq, case_no, kind, channel, title, content, recorded_at, prev_hash, entry_hash)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, caseNo, kind, channel, title, content, Timestamp.from(at), prev, hash);
  }

  public List<Entry> entriesOf(String caseNo) {
    return jdbc.query("SELECT * FROM discipline_archive WHERE case_no = ? ORDER BY seq", DisciplineArchive::row, caseNo);
  }

  public List<Entry> byChannel(String channel) {
    return jdbc.query("SELECT * FROM discipline_archive WHERE channel = ? ORDER BY seq DESC", DisciplineArchive::row, channel);
  }

  public Verification verify() {
    return verify(jdbc.query("SELECT * FROM discipline_archive ORDER BY seq", DisciplineArchive::row));
  }

  /** Walks the chain from the first entry: each must link to its predecessor and hash to its stored value. */
  static Verification verify(List<Entry> entries) {
    String prev = GENESIS;
    long expectedSeq = 1;
    for (Entry e : entries) {
      if (e.seq() != expectedSeq) {
        return new Verification(false, entries.size(), expectedSeq, "条目缺失：应为第 " + expectedSeq + " 条，实为第 " + e.seq() + " 条");
      }
      if (!e.prevHash().equals(prev)) {
        return new Verification(false, entries.size(), e.seq(), "与前一条目的链接不符");
      }
      String actual = hash(e.seq(), e.caseNo(), e.kind(), e.channel(), e.title(), e.content(), e.recordedAt(), e.prevHash());
      if (!actual.equals(e.entryHash())) {
        return new Verification(false, entries.size(), e.seq(), "内容与存证哈希不符（已被篡改）");
      }
      prev = e.entryHash();
      expectedSeq++;
    }
    return new Verification(true, entries.size(), null, null);
  }

  static String hash(long seq, String caseNo, String kind, String channel, String title, String content, Instant at, String prev) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      // Length-prefixed fields: no two different entries serialise to the same bytes.
      for (String field : List.of(Long.toString(seq), caseNo, kind, channel, title, content, at.toString(), prev)) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Entry row(ResultSet rs, int n) throws SQLException {
    return new Entry(rs.getLong("seq"), rs.getString("case_no"), rs.getString("kind"), rs.getString("channel"),
        rs.getString("title"), rs.getString("content"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MILLIS),
        rs.getString("prev_hash"), rs.getString("entry_hash"));
  }
}
