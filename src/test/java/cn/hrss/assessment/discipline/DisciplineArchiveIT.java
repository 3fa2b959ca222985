package cn.hrss.assessment.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.assessment.support.IntegrationTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The database itself refuses to alter the disciplinary record (002 Annex 2 Art. 20), on H2 and on PostgreSQL. */
@IntegrationTest
class DisciplineArchiveIT {

  @Autowired DisciplineArchive archive;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void updateAndDeleteOfTheRecordAreRefusedByTheDatabase() {
    DisciplineArchive.Entry entry = archive.append("WJ2026-TEST01", "DECISION", "EMAIL", "违纪违规行为处理决定书",
        "{\"sanctions\":\"BAN_5_YEARS\"}");

    assertThatThrownBy(() -> jdbc.update("UPDATE discipline_archive SET content = ? WHERE seq = ?", "{}", entry.seq()))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM discipline_archive WHERE seq = ?", entry.seq()))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");

    assertThat(jdbc.queryForObject("SELECT content FROM discipline_archive WHERE seq = ?", String.class, entry.seq()))
        .isEqualTo("{\"sanctions\":\"BAN_5_YEARS\"}");
  }

  @Test
  void appendedEntriesFormAChainThatVerifies() {
    archive.append("WJ2026-TEST02", "NOTICE_OF_INTENT", "EMAIL", "违纪违规行为处理告知书", "{\"a\":1}");
    archive.append("WJ2026-TEST02", "DECISION", "ANNOUNCEMENT", "违纪违规行为处理决定书", "{\"b\":\"中文内容\"}");

    assertThat(archive.verify().ok()).isTrue();
    assertThat(archive.entriesOf("WJ2026-TEST02")).hasSize(2)
        .satisfies(list -> assertThat(list.get(1).prevHash()).isEqualTo(list.get(0).entryHash()));
  }

  /**
   * Two transactions appending at once (two case intakes, a job and a request, two cluster nodes) both succeed:
   * the second waits for the first to commit and chains onto its entry. Before the lock row (V22) the second read the
   * same last entry and failed on the unique seq, a 500 for a case intake (found by CrashIT). The first holds its
   * transaction open briefly so that the second meets it; if the second came too late the test proves nothing but
   * cannot fail wrongly.
   */
  @Test
  void concurrentAppendsTakeTurnsAndBothSucceed() throws Exception {
    TransactionTemplate inTransaction = new TransactionTemplate(transactions);
    CompletableFuture<DisciplineArchive.Entry> second = new CompletableFuture<>();
    DisciplineArchive.Entry first = inTransaction.execute(tx -> {
      DisciplineArchive.Entry entry = archive.append("WJ2026-TEST03", "CASE_OPENED", "INTERNAL", "立案登记", "{\"n\":1}");
      CompletableFuture.runAsync(() -> {
        try {
          second.complete(inTransaction.execute(tx2 ->
              archive.append("WJ2026-TEST04", "CASE_OPENED", "INTERNAL", "立案登记", "{\"n\":2}")));
        } catch (RuntimeException e) {
          second.completeExceptionally(e);
        }
      });
      try {
        Thread.sleep(500); // the second append reaches the archive while this transaction is still open
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return entry;
    });

    DisciplineArchive.Entry next = second.get(30, TimeUnit.SECONDS);
    assertThat(next.seq()).isEqualTo(first.seq() + 1);
    assertThat(next.prevHash()).isEqualTo(first.entryHash());
    assertThat(archive.verify().ok()).isTrue();
  }
}
