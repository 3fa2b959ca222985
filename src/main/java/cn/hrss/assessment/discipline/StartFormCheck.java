package cn.hrss.assessment.discipline;

import cn.hrss.assessment.web.ApiProblem.FieldError;
import cn.hrss.assessment.workflow.Violations;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Server-side check of the Tasklist start form {@code Form_StartDisciplinaryCase} (the same checks as
 * {@code POST /api/discipline/cases}): a refused submission throws {@link FormFieldValidationException}, which
 * Tasklist shows under the form, and nothing starts. It also replaces the resident ID number by its keyed hash and
 * masked form before the engine sees it, so the number never reaches process variables or history.
 */
@Component
class StartFormCheck extends AbstractProcessEnginePlugin {

  static final String ID_NUMBER = "partyIdNumber";
  static final String ID_HASH = "partyIdHash";
  static final String ID_MASKED = "partyIdMasked";

  private final ObjectProvider<CaseIntakeValidator> validator;
  private final ObjectProvider<IdNumberProtector> ids;

  StartFormCheck(ObjectProvider<CaseIntakeValidator> validator, ObjectProvider<IdNumberProtector> ids) {
    this.validator = validator;
    this.ids = ids;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (command instanceof SubmitStartFormCmd submit) {
          check(submit);
        }
        return next.execute(command);
      }
    });
  }

  private void check(SubmitStartFormCmd command) {
    String definitionId = read(command, "processDefinitionId");
    ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(definitionId);
    if (definition == null || !DisciplinaryCaseProcess.KEY.equals(definition.getKey())) {
      return;
    }
    Map<String, Object> variables = read(command, "variables");
    if (variables == null) {
      variables = new java.util.HashMap<>();
    }
    List<FieldError> errors = validator.getObject().check(intakeOf(variables));
    if (!errors.isEmpty()) {
      List<String> messages = errors.stream().map(e -> e.field() + "：" + e.message()).toList();
      throw new FormFieldValidationException(messages, Violations.refusal("立案信息", messages));
    }
    Object idNumber = variables.remove(ID_NUMBER);
    if (idNumber != null && !idNumber.toString().isBlank()) {
      variables.put(ID_HASH, ids.getObject().hash(idNumber.toString()));
      variables.put(ID_MASKED, ids.getObject().mask(idNumber.toString()));
    }
  }

  /** The start form's flat variables as an intake (field names of Form_StartDisciplinaryCase). */
  static CaseIntake intakeOf(Map<String, Object> v) {
    return new CaseIntake(str(v, "partyType"), str(v, "source"),
        new CaseIntake.Party(str(v, "partyName"), v.containsKey(ID_NUMBER) ? str(v, ID_NUMBER) : maskedPlaceholder(v),
            str(v, "partyFilingCode"), str(v, "staffRole")),
        str(v, "partyEmail"), str(v, "facts"), CaseIntakeValidator.splitReporters(v.get("reporters")),
        v.get("siteHeadConfirmed") instanceof Boolean b ? b : Boolean.valueOf(String.valueOf(v.get("siteHeadConfirmed"))),
        str(v, "institutionFilingCode"), str(v, "authorityReference"), str(v, "assessmentDate"));
  }

  /** After the check the clear number is gone; the masked form stands in (never validated again). */
  private static String maskedPlaceholder(Map<String, Object> v) {
    return str(v, ID_MASKED);
  }

  private static String str(Map<String, Object> v, String key) {
    Object value = v.get(key);
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  private static <V> V read(SubmitStartFormCmd command, String field) {
    try {
      Field f = SubmitStartFormCmd.class.getDeclaredField(field);
      f.setAccessible(true);
      return (V) f.get(command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read SubmitStartFormCmd." + field, e);
    }
  }
}
