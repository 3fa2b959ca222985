package cn.hrss.assessment.supervision;

import cn.hrss.assessment.calendar.WorkingDays;
import cn.hrss.assessment.supervision.QualitySupervisionProcess.Vars;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts {@code QualitySupervisionProcess} for a drawn supervision ({@link SupervisionAssigned}). A plain, synchronous
 * listener: it runs in the transaction that stores the supervision, so both commit or neither (a failure here rolls
 * the draw back). The process keeps references only; the team and the scorecard kind are in {@code supervision_outcome}.
 */
@Component
class SupervisionStarter {

  private static final Logger log = LoggerFactory.getLogger(SupervisionStarter.class);

  private final SupervisionOutcomes outcomes;
  private final Scorecards scorecards;
  private final WorkingDays workingDays;
  private final SupervisionProperties properties;
  private final RuntimeService runtime;

  SupervisionStarter(SupervisionOutcomes outcomes, Scorecards scorecards, WorkingDays workingDays,
      SupervisionProperties properties, RuntimeService runtime) {
    this.outcomes = outcomes;
    this.scorecards = scorecards;
    this.workingDays = workingDays;
    this.properties = properties;
    this.runtime = runtime;
  }

  @EventListener
  public void on(SupervisionAssigned assigned) {
    start(assigned);
  }

  void start(SupervisionAssigned a) {
    if (scorecards.find(a.kind()).isEmpty()) {
      throw new IllegalArgumentException("Supervision " + a.supervisionNo() + ": unknown scorecard kind " + a.kind());
    }
    if (outcomes.exists(a.supervisionNo())) {
      throw new IllegalStateException("Supervision " + a.supervisionNo() + " was already started");
    }
    // 001 (河南 过程督导): the report is due 5 working days after the activity (the day the supervision ends).
    Date activityDay = Date.from(a.activityDate().atStartOfDay(workingDays.zone()).toInstant());
    Date reportDue = workingDays.afterFrom(activityDay, properties.reportWorkingDays());
    Instant now = ClockUtil.getCurrentTime().toInstant();
    outcomes.assigned(a, reportDue.toInstant(), now);
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.SUPERVISION_NO, a.supervisionNo());
    variables.put(Vars.INSTITUTION_NAME, a.institutionName());
    variables.put(Vars.FILING_CODE, a.filingCode());
    variables.put(Vars.KIND, a.kind());
    variables.put(Vars.SCORE_FORM, ScoreForms.formId(a.kind()));
    variables.put(Vars.ACTIVITY_DATE, a.activityDate().toString());
    variables.put(Vars.REPORT_DUE, reportDue);
    variables.put("teamLeader", a.leader());
    runtime.startProcessInstanceByKey(QualitySupervisionProcess.KEY, a.supervisionNo(), variables);
    log.info("Supervision {} of {} started: team {}, report due {}", a.supervisionNo(), a.filingCode(), a.team(), reportDue.toInstant());
  }
}
