package cn.hrss.assessment.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Expression bean {@code deadlines}: the procedure deadlines in working days, configurable under
 * {@code assessment.deadlines.*} (BPMN: {@code ${workingDays.after(deadlines.acceptance)}}). Defaults are the
 * periods of DOMAIN.md; a JavaBean (not a record) because JUEL reads {@code deadlines.acceptance} through
 * getters.
 */
@Component("deadlines")
@ConfigurationProperties("assessment.deadlines")
public class Deadlines {

  /** Acceptance review of a filing application (受理审查). */
  private int acceptance = 10;
  /** Applicant's time to supply missing materials (补正材料). */
  private int supplementResponse = 20;
  /** Public notice period (公示). */
  private int publicNotice = 5;
  /** Time for the party's statement and defence (陈述申辩). */
  private int statement = 5;
  /** Time to apply for review of a decision (复核申请). */
  private int appeal = 15;

  public int getAcceptance() {
    return acceptance;
  }

  public void setAcceptance(int acceptance) {
    this.acceptance = requirePositive("acceptance", acceptance);
  }

  public int getSupplementResponse() {
    return supplementResponse;
  }

  public void setSupplementResponse(int supplementResponse) {
    this.supplementResponse = requirePositive("supplement-response", supplementResponse);
  }

  public int getPublicNotice() {
    return publicNotice;
  }

  public void setPublicNotice(int publicNotice) {
    this.publicNotice = requirePositive("public-notice", publicNotice);
  }

  public int getStatement() {
    return statement;
  }

  public void setStatement(int statement) {
    this.statement = requirePositive("statement", statement);
  }

  public int getAppeal() {
    return appeal;
  }

  public void setAppeal(int appeal) {
    this.appeal = requirePositive("appeal", appeal);
  }

  private static int requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("assessment.deadlines." + name + " must be at least 1 working day: " + value);
    }
    return value;
  }
}
