package cn.hrss.assessment.supervision;

import java.math.BigDecimal;

/**
 * The grade of a supervision (003 Annex 1 备注 1: ≥ 85 优良, &lt; 60 不合格; 不合格项: a serious or very serious violation
 * named by 人社厅发〔2024〕27号 makes the supervision 不合格 whatever the score).
 */
public enum SupervisionGrade {
  EXCELLENT,
  PASS,
  FAIL;

  static final BigDecimal EXCELLENT_FROM = BigDecimal.valueOf(85);
  static final BigDecimal PASS_FROM = BigDecimal.valueOf(60);

  public static SupervisionGrade of(BigDecimal score, boolean seriousViolation) {
    if (seriousViolation || score.compareTo(PASS_FROM) < 0) {
      return FAIL;
    }
    return score.compareTo(EXCELLENT_FROM) >= 0 ? EXCELLENT : PASS;
  }
}
