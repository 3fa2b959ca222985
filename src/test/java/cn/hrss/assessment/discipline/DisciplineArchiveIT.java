package cn.hrss.assessment.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.assessment.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The database itself refuses to alter the disciplinary record (002 Annex 2 Art. 20), on H2 and on PostgreSQL. */
@IntegrationTest
class DisciplineArchiveIT {

  @Autowired DisciplineArchive archive;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  @Test
  void updateAndDeleteOfTheRecordAreRefusedByTheDatabase() {
    archive.append("WJ2026-TEST01", "DECISION", "EMAIL", "违纪违规行为处理决定书", "{\"sanctions\":\"BAN_5_YEARS\"}");
    DisciplineArchive.Entry entry = archive.entriesOf("WJ2026-TEST01").get(0);

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

  /** Appends of concurrent transactions (cases opened, documents served at the same moment) queue; none fails. */
  @Test
  void concurrentAppendsAllLandInOneChain() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> appends = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int n = i;
        appends.add(threads.submit(() -> transaction.executeWithoutResult(status ->
            archive.append("WJ2026-TEST03", "STATEMENT", "INTERNAL", "陈述申辩", "{\"n\":" + n + "}"))));
      }
      for (Future<?> append : appends) {
        append.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(archive.entriesOf("WJ2026-TEST03")).hasSize(20);
    assertThat(archive.verify().ok()).isTrue();
  }
}
