package cn.hrss.assessment.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hash chain of the disciplinary record (002 Annex 2 Art. 20) detects altered, removed and relinked entries. */
class DisciplineArchiveTest {

  @Test
  void anIntactChainVerifies() {
    assertThat(DisciplineArchive.verify(chain(3)).ok()).isTrue();
    assertThat(DisciplineArchive.verify(List.of()).ok()).isTrue();
  }

  @Test
  void anAlteredEntryIsTheFirstBrokenOne() {
    List<DisciplineArchive.Entry> entries = chain(4);
    DisciplineArchive.Entry e = entries.get(1);
    entries.set(1, new DisciplineArchive.Entry(e.seq(), e.caseNo(), e.kind(), e.channel(), e.title(),
        e.content().replace("BAN_5_YEARS", "BAN_2_YEARS"), e.recordedAt(), e.prevHash(), e.entryHash()));

    DisciplineArchive.Verification result = DisciplineArchive.verify(entries);

    assertThat(result.ok()).isFalse();
    assertThat(result.firstBrokenSeq()).isEqualTo(2L);
    assertThat(result.problem()).contains("篡改");
  }

  @Test
  void aRemovedEntryIsDetected() {
    List<DisciplineArchive.Entry> entries = chain(4);
    entries.remove(2);
    assertThat(DisciplineArchive.verify(entries)).satisfies(r -> {
      assertThat(r.ok()).isFalse();
      assertThat(r.firstBrokenSeq()).isEqualTo(3L);
    });
  }

  @Test
  void anEntryRehashedAfterAlterationBreaksTheLinkOfItsSuccessor() {
    List<DisciplineArchive.Entry> entries = chain(3);
    DisciplineArchive.Entry e = entries.get(0);
    String content = "{\"sanctions\":\"WARNING\"}";
    String rehashed = DisciplineArchive.hash(e.seq(), e.caseNo(), e.kind(), e.channel(), e.title(), content, e.recordedAt(), e.prevHash());
    entries.set(0, new DisciplineArchive.Entry(e.seq(), e.caseNo(), e.kind(), e.channel(), e.title(), content,
        e.recordedAt(), e.prevHash(), rehashed));
    assertThat(DisciplineArchive.verify(entries).firstBrokenSeq()).isEqualTo(2L);
  }

  private static List<DisciplineArchive.Entry> chain(int n) {
    List<DisciplineArchive.Entry> entries = new ArrayList<>();
    String prev = DisciplineArchive.GENESIS;
    for (int i = 1; i <= n; i++) {
      Instant at = Instant.parse("2026-03-02T01:00:00Z").plusSeconds(i);
      String content = "{\"entry\":" + i + ",\"sanctions\":\"BAN_5_YEARS\"}";
      String hash = DisciplineArchive.hash(i, "WJ2026-000001", "DECISION", "EMAIL", "处理决定书", content, at, prev);
      entries.add(new DisciplineArchive.Entry(i, "WJ2026-000001", "DECISION", "EMAIL", "处理决定书", content, at, prev, hash));
      prev = hash;
    }
    return entries;
  }
}
