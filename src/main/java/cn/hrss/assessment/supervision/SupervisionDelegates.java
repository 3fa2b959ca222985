package cn.hrss.assessment.supervision;

import cn.hrss.assessment.supervision.QualitySupervisionProcess.Vars;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates and listeners of {@code QualitySupervisionProcess}: each reads variables and calls the service. */
@Configuration(proxyBeanMethods = false)
class SupervisionDelegates {

  /**
   * Complete of Task_ScoreSupervision: the member's scorecard (the form's {@code score_*} fields or the contract's
   * {@code scores}) is kept with its total; the per-item fields leave the process instance, {@code scores} (local to
   * the member's execution) holds the assembled JSON.
   */
  @Bean
  TaskListener recordSupervisionScoreListener(SupervisionService service) {
    return task -> {
      DelegateExecution execution = task.getExecution();
      Map<String, Object> submitted = new HashMap<>();
      List<String> itemFields = execution.getProcessInstance().getVariableNames().stream()
          .filter(name -> name.startsWith(Vars.ITEM_PREFIX)).toList();
      Object json = execution.getVariableLocal(Vars.SCORES);
      if (json != null) {
        submitted.put(Vars.SCORES, json);
      } else {
        itemFields.forEach(name -> submitted.put(name, execution.getProcessInstance().getVariable(name)));
      }
      for (String name : List.of(Vars.SERIOUS, Vars.SERIOUS_DESCRIPTION, Vars.SCORE_COMMENT)) {
        Object value = execution.getVariable(name);
        if (value != null) {
          submitted.put(name, value);
        }
      }
      String supervisor = (String) execution.getVariable("supervisor");
      var score = service.recordScore(execution.getProcessBusinessKey(), supervisor, submitted);
      execution.getProcessInstance().removeVariables(itemFields);
      execution.setVariableLocal(Vars.SCORES, score.scores());
    };
  }

  /** Task_SummariseScores: the members' totals for the leader's form. */
  @Bean
  JavaDelegate summariseSupervisionScoresDelegate(SupervisionService service) {
    return execution -> execution.setVariables(service.summary(execution.getProcessBusinessKey()));
  }

  /** Complete of Task_PreliminaryOpinion: the team's preliminary opinion is kept. */
  @Bean
  TaskListener recordPreliminaryOpinionListener(SupervisionService service) {
    return task -> service.recordPreliminary(task.getExecution().getProcessBusinessKey(),
        task.getExecution().getVariable(Vars.PRELIMINARY_SCORE), (String) task.getExecution().getVariable(Vars.PRELIMINARY_OPINION));
  }

  /** Task_OpenDefenceWindow: the institution's window to answer (its deadline is in the notice and the timer). */
  @Bean
  JavaDelegate openDefenceWindowDelegate(SupervisionService service) {
    return execution -> execution.setVariable(Vars.DEFENCE_DUE,
        service.openDefenceWindow(execution.getProcessBusinessKey(), execution.getProcessInstanceId()));
  }

  /** Start of Task_IssueSupervisionOpinion: what the manager's form shows of the defence. */
  @Bean
  ExecutionListener prepareSupervisionOpinionListener(SupervisionService service) {
    return execution -> {
      String defence = service.defenceForManager(execution.getProcessBusinessKey());
      execution.setVariable("defenceSummary", defence == null ? "机构未在申辩期限内提出申辩。" : defence);
    };
  }

  /** Task_RecordSupervisionResult: grade, rectification, letter. */
  @Bean
  JavaDelegate recordSupervisionResultDelegate(SupervisionService service) {
    return execution -> {
      Object serious = execution.getVariable(Vars.SERIOUS);
      Object rectification = execution.getVariable(Vars.RECTIFICATION_REQUIRED);
      SupervisionGrade grade = service.issue(execution.getProcessBusinessKey(), execution.getVariable(Vars.FINAL_SCORE),
          Boolean.TRUE.equals(serious) || "true".equals(serious), (String) execution.getVariable(Vars.OPINION),
          Boolean.TRUE.equals(rectification) || "true".equals(rectification), (String) execution.getVariable("issuedBy"));
      execution.setVariable(Vars.GRADE, grade.name());
    };
  }

  /** Task_OpenDisciplinaryCase (asynchronous): a failed supervision becomes a disciplinary case. */
  @Bean
  JavaDelegate openSupervisionCaseDelegate(SupervisionService service) {
    return execution -> execution.setVariable(Vars.CASE_NO, service.openCase(execution.getProcessBusinessKey()));
  }
}
