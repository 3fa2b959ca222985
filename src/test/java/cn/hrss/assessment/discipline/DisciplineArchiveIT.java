package cn.hrss.assessment.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.assessment.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database itself refuses to alter the disciplinary record (002 Annex 2 Art. 20), on H2 and on PostgreSQL. */
@IntegrationTest
class DisciplineArchiveIT {

  @Autowired DisciplineArchive archive;
  @Autowired JdbcTemplate jdbc;

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
}
