package cn.hrss.assessment.discipline;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.util.DecisionEvaluationUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@link SanctionProposals} by the deployed DisciplinarySanctions decision (latest version). Evaluated as the system,
 * not as the user completing a task: the check must not depend on the user's authorizations on decision definitions
 * (reviewers have none).
 */
@Component
class DmnSanctionProposals implements SanctionProposals {

  private final ProcessEngine engine;

  /** Lazy: the task-completion rules that use this are part of the engine's configuration (a plugin). */
  DmnSanctionProposals(@Lazy ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public Optional<Proposal> propose(String partyType, int article, int item, String severity, Boolean prior,
      Boolean certificatesIssued) {
    var inputs = Variables.createVariables().putValue(DisciplinaryCaseProcess.Vars.PARTY_TYPE, partyType)
        .putValue(DisciplinaryCaseProcess.Vars.ARTICLE, article).putValue(DisciplinaryCaseProcess.Vars.ITEM, item)
        .putValue(DisciplinaryCaseProcess.Vars.SEVERITY, severity)
        .putValue(DisciplinaryCaseProcess.Vars.PRIOR_WARNING, prior)
        .putValue(DisciplinaryCaseProcess.Vars.CERTIFICATES_ISSUED, certificatesIssued);
    var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Proposal proposal = config.getCommandExecutorTxRequired().execute((Command<Proposal>) context -> {
      var definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedLatestDecisionDefinitionByKey(DisciplinaryCaseProcess.DECISION_KEY);
      try {
        var result = DecisionEvaluationUtil.evaluateDecisionTable(definition, inputs).getSingleResult();
        return result == null ? null : new Proposal(result.getEntry("sanctions"), result.getEntry("discretionary"));
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return Optional.ofNullable(proposal);
  }
}
