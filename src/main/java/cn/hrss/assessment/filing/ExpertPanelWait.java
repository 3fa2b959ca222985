package cn.hrss.assessment.filing;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Expression bean {@code expertPanelWait}: how long a case waits before drawing its panel again when too few experts
 * without a conflict were available (issue 19 item 7; our choice, {@code assessment.filing.expert-wait}, default one
 * day: the officers are mailed again at each attempt).
 */
@Component("expertPanelWait")
public class ExpertPanelWait {

  private final Duration interval;

  ExpertPanelWait(@Value("${assessment.filing.expert-wait:P1D}") Duration interval) {
    this.interval = interval;
  }

  /** ISO 8601 duration for the BPMN timer {@code Event_ExpertsAwaited}. */
  public String interval() {
    return interval.toString();
  }
}
