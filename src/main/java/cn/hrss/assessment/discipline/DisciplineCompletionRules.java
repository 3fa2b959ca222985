package cn.hrss.assessment.discipline;

import static cn.hrss.assessment.discipline.DisciplinaryCaseProcess.Vars;

import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.TaskCompletionRule;
import cn.hrss.assessment.workflow.Violations;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of the four user tasks of DisciplinaryCaseProcess (CONTRACT.md; Camunda Forms check only in
 * the browser).
 */
@Component
class DisciplineCompletionRules implements TaskCompletionRule {

  private final ViolationCatalog catalog;

  DisciplineCompletionRules(ViolationCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public List<String> taskDefinitionKeys() {
    return List.of(DisciplinaryCaseProcess.Ids.DETERMINE, DisciplinaryCaseProcess.Ids.CONSIDER_STATEMENT,
        DisciplinaryCaseProcess.Ids.ISSUE_DECISION, DisciplinaryCaseProcess.Ids.REVIEW);
  }

  @Override
  public void check(TaskCompletion completion, Violations violations) {
    switch (completion.taskDefinitionKey()) {
      case DisciplinaryCaseProcess.Ids.DETERMINE -> checkDetermination(completion, violations);
      case DisciplinaryCaseProcess.Ids.CONSIDER_STATEMENT -> {
        violations.oneOf(completion, Vars.STATEMENT_OUTCOME, List.of("MAINTAIN", "REDETERMINE", "DROP"));
        violations.required(completion, Vars.STATEMENT_RESPONSE);
      }
      case DisciplinaryCaseProcess.Ids.ISSUE_DECISION -> {
        violations.bool(completion, Vars.DECISION_APPROVED);
        if (completion.userId() == null) {
          // The decider is recorded so that the review can exclude them (002 Annex 2 Art. 19; recusal, our choice).
          violations.add("user", "签发处理决定须由已登录的工作人员办理");
        }
      }
      case DisciplinaryCaseProcess.Ids.REVIEW -> checkReview(completion, violations);
      default -> { }
    }
  }

  private void checkDetermination(TaskCompletion completion, Violations violations) {
    Integer article = violations.integer(completion, Vars.ARTICLE);
    Integer item = violations.integer(completion, Vars.ITEM);
    violations.required(completion, Vars.FINDINGS);
    catalog.check(partyType(completion), staffRole(completion), article, item, severity(completion, Vars.SEVERITY),
        "", (field, message) -> violations.add(field.isEmpty() ? Vars.ARTICLE : fieldName(field), message));
  }

  private void checkReview(TaskCompletion completion, Violations violations) {
    String outcome = violations.oneOf(completion, Vars.REVIEW_OUTCOME, List.of("UPHOLD", "AMEND", "REVOKE"));
    violations.required(completion, Vars.REVIEW_REASONING);
    if ("AMEND".equals(outcome)) {
      Integer article = violations.integer(completion, Vars.AMENDED_ARTICLE);
      Integer item = violations.integer(completion, Vars.AMENDED_ITEM);
      catalog.check(partyType(completion), staffRole(completion), article, item,
          severity(completion, Vars.AMENDED_SEVERITY), "amended", (field, message) -> violations.add(field, message));
    }
    Object decidedBy = completion.existing().apply(Vars.DECIDED_BY);
    if (completion.userId() == null) {
      violations.add("user", "复核须由已登录的复核人员办理");
    } else if (Objects.equals(completion.userId(), decidedBy)) {
      // The officer who issued the decision never reviews it (DOMAIN.md §4.3 step 6: recusal, 001 督导规程 Art. 16).
      violations.add("user", "用户 " + completion.userId() + " 签发了原处理决定，须回避，不得办理复核");
    }
  }

  private static String fieldName(String field) {
    return switch (field) {
      case "Article" -> Vars.ARTICLE;
      case "Item" -> Vars.ITEM;
      default -> field;
    };
  }

  private static String severity(TaskCompletion completion, String field) {
    Object value = completion.value(field);
    return value == null ? null : String.valueOf(value);
  }

  private static PartyType partyType(TaskCompletion completion) {
    Object value = completion.existing().apply(Vars.PARTY_TYPE);
    return value == null ? null : PartyType.valueOf(value.toString());
  }

  private static StaffRole staffRole(TaskCompletion completion) {
    Object value = completion.existing().apply(Vars.STAFF_ROLE);
    return value == null || value.toString().isBlank() ? null : StaffRole.valueOf(value.toString());
  }
}
