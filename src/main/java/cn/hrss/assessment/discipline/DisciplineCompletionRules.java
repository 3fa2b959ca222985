package cn.hrss.assessment.discipline;

import static cn.hrss.assessment.discipline.DisciplinaryCaseProcess.Vars;

import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.TaskCompletionRule;
import cn.hrss.assessment.workflow.Violations;
import java.util.List;
import java.util.Objects;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of the four user tasks of DisciplinaryCaseProcess (CONTRACT.md; Camunda Forms check only in
 * the browser).
 */
@Component
class DisciplineCompletionRules implements TaskCompletionRule {

  /** 002 Annex 2 Art. 15 para. 1: 视情节给予警告、暂停评价活动、直至终止备案 — one step of the scale must be chosen. */
  static final List<String> ARTICLE_15_SCALE = List.of("WARNING", "SUSPEND_ACTIVITIES", "TERMINATE_FILING");

  private final ViolationCatalog catalog;
  private final SanctionProposals proposals;
  private final PriorWarnings priorWarnings;

  /**
   * {@code priorWarnings} is lazy: these rules are part of the engine's configuration (a plugin), and the record it
   * reads (JDBC, Flyway) must not be created before the engine has created its schema (PostgreSQL's V23 needs it).
   */
  DisciplineCompletionRules(ViolationCatalog catalog, SanctionProposals proposals, @Lazy PriorWarnings priorWarnings) {
    this.catalog = catalog;
    this.proposals = proposals;
    this.priorWarnings = priorWarnings;
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
        Boolean approved = violations.bool(completion, Vars.DECISION_APPROVED);
        if (Boolean.TRUE.equals(approved)) {
          checkDecision(completion, violations);
        }
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
    if (Integer.valueOf(8).equals(article)) {
      // 002 Annex 2 Art. 8: "对其中已颁发证书的" — the certificates are handled only if some were issued.
      violations.bool(completion, Vars.CERTIFICATES_ISSUED);
    }
    if (Integer.valueOf(14).equals(article) && Integer.valueOf(6).equals(item)
        && !priorWarnings.warnedAndRectified(completion.businessKey())) {
      // 002 Annex 2 Art. 14(6): 已被警告，整改后再次违反本指引第十三条规定的 — needs the warning and the end of its rectification.
      violations.add(Vars.ITEM, "第十四条第（六）项须该机构此前已因第十三条被警告且整改期已结束；本机构没有这样的记录"
          + "（整改期间发现的问题按第十三条认定）");
    }
  }

  /**
   * The discretionary sanctions chosen at the decision: only from the DMN's proposal for the case, each with a reason
   * (CONTRACT.md); Art. 15 para. 1 needs a step of its scale; Art. 15 para. 2 needs the penalty's basis.
   */
  private void checkDecision(TaskCompletion completion, Violations violations) {
    Object proposed = completion.existing().apply(Vars.PROPOSED_DISCRETIONARY);
    var chosen = DiscretionarySanctions.parse(completion.value(Vars.DISCRETIONARY), proposed == null ? "" : proposed.toString(),
        catalog, Vars.DISCRETIONARY, violations::add);
    if (proposed != null) { // a case proposed before issue 18 carries its old mandatory set and no choice
      checkScale(completion.existing().apply(Vars.ARTICLE), completion.existing().apply(Vars.ITEM), chosen,
          Vars.DISCRETIONARY, violations);
    }
    Object mandatory = completion.existing().apply(Vars.PROPOSED_SANCTIONS);
    checkReferral(completion, mandatory == null ? "" : mandatory.toString(), chosen, violations);
    if (mandatory != null && SanctionExecution.codes(mandatory.toString()).contains("PENALTY_PER_RULES")) {
      // 002 Annex 2 Art. 15 para. 2: 并依据相关规定进行处罚 — the rules applied are recorded.
      violations.required(completion, Vars.PENALTY_BASIS);
    }
  }

  /** Which body a REFERRAL goes to (optional; checked when given with REFERRAL among the sanctions). */
  static final List<String> REFERRAL_AUTHORITIES = List.of("DISCIPLINE_COMMISSION", "POLICE", "OTHER");

  private void checkReferral(TaskCompletion completion, String mandatory, List<DiscretionarySanctions.Choice> chosen,
      Violations violations) {
    boolean referral = SanctionExecution.codes(mandatory).contains("REFERRAL")
        || chosen.stream().anyMatch(c -> c.code().equals("REFERRAL"));
    if (!referral) {
      return;
    }
    // 000 §三: 构成职务犯罪的，移交纪检监察部门处理；构成其他犯罪的，移交公安机关 — the body is recorded when given.
    // Optional: CONTRACT.md fixes what Task_IssueDecision requires, and 002's "移送有关部门" names no body.
    if (completion.has(Vars.REFERRAL_AUTHORITY)) {
      violations.oneOf(completion, Vars.REFERRAL_AUTHORITY, REFERRAL_AUTHORITIES);
    }
  }

  private void checkScale(Object article, Object item, List<DiscretionarySanctions.Choice> chosen, String field,
      Violations violations) {
    if ("15".equals(String.valueOf(article)) && "1".equals(String.valueOf(item))
        && chosen.stream().noneMatch(c -> ARTICLE_15_SCALE.contains(c.code()))) {
      violations.add(field, "第十五条第一款须视情节给予警告、暂停评价活动或终止备案（至少选择其一并说明理由）");
    }
  }

  private void checkReview(TaskCompletion completion, Violations violations) {
    String outcome = violations.oneOf(completion, Vars.REVIEW_OUTCOME, List.of("UPHOLD", "AMEND", "REVOKE"));
    violations.required(completion, Vars.REVIEW_REASONING);
    if ("AMEND".equals(outcome)) {
      Integer article = violations.integer(completion, Vars.AMENDED_ARTICLE);
      Integer item = violations.integer(completion, Vars.AMENDED_ITEM);
      int before = violations.messages().size();
      catalog.check(partyType(completion), staffRole(completion), article, item,
          severity(completion, Vars.AMENDED_SEVERITY), "amended", (field, message) -> violations.add(field, message));
      if (Integer.valueOf(14).equals(article) && Integer.valueOf(6).equals(item)
          && !priorWarnings.warnedAndRectified(completion.businessKey())) {
        // 002 Annex 2 Art. 14(6), as for the determination.
        violations.add("amendedItem", "第十四条第（六）项须该机构此前已因第十三条被警告且整改期已结束；本机构没有这样的记录");
      }
      if (article != null && item != null && violations.messages().size() == before) {
        checkAmendedSanctions(completion, violations, article, item);
      }
    }
    Object decidedBy = completion.existing().apply(Vars.DECIDED_BY);
    if (completion.userId() == null) {
      violations.add("user", "复核须由已登录的复核人员办理");
    } else if (Objects.equals(completion.userId(), decidedBy)) {
      // The officer who issued the decision never reviews it (DOMAIN.md §4.3 step 6: recusal, 001 督导规程 Art. 16).
      violations.add("user", "用户 " + completion.userId() + " 签发了原处理决定，须回避，不得办理复核");
    }
  }

  /** AMEND may add or drop discretionary sanctions: only those the DMN proposes for the amended determination. */
  private void checkAmendedSanctions(TaskCompletion completion, Violations violations, int article, int item) {
    Boolean certificates = null;
    if (article == 8) {
      Object amended = completion.value(Vars.AMENDED_CERTIFICATES_ISSUED);
      certificates = amended != null ? violations.bool(completion, Vars.AMENDED_CERTIFICATES_ISSUED)
          : DisciplineDelegates.bool(completion.existing().apply(Vars.CERTIFICATES_ISSUED));
      if (certificates == null) {
        violations.add(Vars.AMENDED_CERTIFICATES_ISSUED, "第八条须说明是否已颁发证书（true/false）");
        return;
      }
    }
    Object party = completion.existing().apply(Vars.PARTY_TYPE);
    var proposal = proposals.propose(party == null ? null : party.toString(), article, item,
        severity(completion, Vars.AMENDED_SEVERITY), DisciplineDelegates.bool(completion.existing().apply(Vars.PRIOR_WARNING)),
        certificates);
    if (proposal.isEmpty()) {
      violations.add(Vars.AMENDED_ARTICLE, "变更后的认定没有对应的处理规则");
      return;
    }
    Object amended = completion.value(Vars.AMENDED_DISCRETIONARY);
    Object decided = completion.existing().apply(Vars.DISCRETIONARY);
    // Absent or blank: the decision's choices the amended determination still allows are kept ("[]" drops them all).
    var chosen = amended == null || amended.toString().isBlank()
        ? DiscretionarySanctions.kept(decided == null ? null : decided.toString(), proposal.get().discretionary())
        : DiscretionarySanctions.parse(amended, proposal.get().discretionary(), catalog, Vars.AMENDED_DISCRETIONARY,
            violations::add);
    checkScale(article, item, chosen, Vars.AMENDED_DISCRETIONARY, violations);
    checkReferral(completion, proposal.get().sanctions(), chosen, violations);
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
