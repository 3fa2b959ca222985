package cn.hrss.assessment.filing;

import cn.hrss.assessment.notification.NoticeRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/filings/{applicationNo}}: where the application stands (002 Annex 1 §一(十九): real-time query).
 * {@code provisionalDeadlines} names the fields of {@code deadlines} computed on a provisional year (CONTRACT.md).
 */
public record FilingView(
    String applicationNo,
    String institutionType,
    String name,
    String creditCode,
    String status,
    String stage,
    List<String> currentSteps,
    Instant submittedAt,
    Deadlines deadlines,
    Decision decision,
    String filingCode,
    String receiptNo,
    LocalDate validUntil,
    String quotaWarning,
    List<Step> history,
    List<Material> materials,
    Panel expertReview,
    List<Objection> objections,
    List<Branch> branches,
    List<NoticeRecord> notices,
    List<String> provisionalDeadlines) {

  /** Open deadlines, end of the working day in Asia/Shanghai. */
  public record Deadlines(Instant acceptanceDue, Instant supplementDue, Instant publicNoticeCloses) {}

  public record Decision(String outcome, String reasons) {}

  public record Step(Instant at, String step, String stepName, String actor, String outcome, String comment) {}

  /** @param items the items of the guidance's list the file answers (issue 19 item 3; empty for supplements) */
  public record Material(long id, String fileName, String contentType, long size, String sha256, int submission,
      Instant uploadedAt, List<Integer> items) {}

  public record Panel(Instant drawnAt, List<String> panel, List<String> excludedForConflict, List<Opinion> opinions) {}

  public record Opinion(String expert, String opinion, String comment, Instant givenAt) {}

  public record Objection(long id, Instant receivedAt, String content, Boolean upheld, String response) {}

  public record Branch(int index, String name, String province, String status, String stage, String filingCode,
      String receiptNo, String comment) {}
}
