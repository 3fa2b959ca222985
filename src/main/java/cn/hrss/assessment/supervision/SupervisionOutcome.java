package cn.hrss.assessment.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a supervision stands and what it found (one row of {@code supervision_outcome}), for the supervision's status
 * ({@code GET /api/supervisions/{no}}), the public results page and the institution's supervision record.
 *
 * @param status {@link Status}
 * @param grade null until the opinion letter is issued
 * @param caseNo the disciplinary case opened for a {@code FAIL} (source SUPERVISION), or null
 * @param widerScopeEligible an {@code EXCELLENT} supervision: the institution may be given a wider scope (003 Annex 1
 *     备注 1; 监督管理办法 Art. 13 星级评定 is a later step)
 */
public record SupervisionOutcome(String supervisionNo, String planNo, String filingCode, String institutionName,
    String institutionEmail, String kind, boolean special, LocalDate activityDate, String site, List<String> team,
    Status status, Instant reportDue, BigDecimal preliminaryScore, String preliminaryOpinion, Instant defenceDue,
    String defence, Instant defenceAt, BigDecimal finalScore, Boolean seriousViolation, String opinion,
    SupervisionGrade grade, LocalDate rectificationDue, boolean widerScopeEligible, String caseNo, String issuedBy,
    Instant issuedAt, Instant assignedAt) {

  /** The stages of QualitySupervisionProcess, with their Chinese names. */
  public enum Status {
    SCORING("督导评分中"),
    PRELIMINARY("形成初步督导意见"),
    DEFENCE_OPEN("初步督导意见已反馈，申辩期内"),
    OPINION_PENDING("待签发督导意见书"),
    ISSUED("督导意见书已签发");

    private final String stage;

    Status(String stage) {
      this.stage = stage;
    }

    public String stage() {
      return stage;
    }
  }

  public String leader() {
    return team.get(0);
  }

  /** A member's filled scorecard. */
  public record MemberScore(String supervisor, String scores, BigDecimal total, boolean seriousViolation,
      String seriousViolationDescription, String scoreComment, Instant scoredAt) {}
}
