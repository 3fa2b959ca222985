package cn.hrss.assessment.discipline;

import static cn.hrss.assessment.discipline.DisciplinaryCaseProcess.Vars;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * The thin delegates and listeners of DisciplinaryCaseProcess: read variables, call the domain, write variables.
 */
final class DisciplineDelegates {

  private DisciplineDelegates() {}

  /** Task_RegisterCase: a case started from the Tasklist start form is stored here (REST intake stores it itself). */
  @Component("registerCaseDelegate")
  static class RegisterCase implements JavaDelegate {
    private final DisciplineCaseService service;
    private final CaseIntakeValidator validator;

    RegisterCase(DisciplineCaseService service, CaseIntakeValidator validator) {
      this.service = service;
      this.validator = validator;
    }

    @Override
    public void execute(DelegateExecution execution) {
      if (execution.hasVariable(Vars.CASE_NO)) {
        return;
      }
      if (!execution.hasVariable(StartFormCheck.ID_HASH) && !"INSTITUTION".equals(execution.getVariable("partyType"))) {
        // Started without the start form (e.g. engine REST start): run the intake checks here.
        var errors = validator.check(StartFormCheck.intakeOf(execution.getVariables()));
        if (!errors.isEmpty()) {
          throw new IllegalArgumentException("立案信息未通过校验：" + errors);
        }
      }
      service.registerFromStartForm(execution);
    }
  }

  /** Task_LoadPartyRecord: stores the determination and looks up the party's record (Art. 14(6)). */
  @Component("loadPartyRecordDelegate")
  static class LoadPartyRecord implements JavaDelegate {
    private final DisciplineCaseRepository cases;
    private final DisciplineArchive archive;
    private final PriorWarnings priorWarnings;

    LoadPartyRecord(DisciplineCaseRepository cases, DisciplineArchive archive, PriorWarnings priorWarnings) {
      this.cases = cases;
      this.archive = archive;
      this.priorWarnings = priorWarnings;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String caseNo = (String) execution.getVariable(Vars.CASE_NO);
      int article = number(execution.getVariable(Vars.ARTICLE));
      int item = number(execution.getVariable(Vars.ITEM));
      Object severityValue = execution.getVariable(Vars.SEVERITY);
      String severity = severityValue == null || severityValue.toString().isBlank() ? null : severityValue.toString();
      String findings = (String) execution.getVariable(Vars.FINDINGS);
      execution.setVariable(Vars.ARTICLE, article);
      execution.setVariable(Vars.ITEM, item);
      execution.setVariable(Vars.SEVERITY, severity);
      // 002 Annex 2 Art. 8: certificates are handled only "对其中已颁发证书的"; the question is asked for Art. 8 only.
      Boolean certificatesIssued = article == 8 ? bool(execution.getVariable(Vars.CERTIFICATES_ISSUED)) : null;
      execution.setVariable(Vars.CERTIFICATES_ISSUED, certificatesIssued);
      cases.determination(caseNo, article, item, severity, findings, certificatesIssued);
      boolean prior = priorWarnings.warnedAndRectified(caseNo);
      execution.setVariable(Vars.PRIOR_WARNING, prior);
      archive.append(caseNo, "DETERMINATION", "INTERNAL", "违纪违规事实认定",
          "{\"article\":" + article + ",\"item\":" + item + ",\"severity\":" + (severity == null ? "null" : "\"" + severity + "\"")
              + ",\"certificatesIssued\":" + certificatesIssued
              + ",\"priorArticle13Warning\":" + prior + ",\"findings\":" + jsonString(findings) + "}");
    }
  }

  /** Task_RecordProposal: the DMN's proposal becomes plain variables and the case's proposed sanctions. */
  @Component("recordProposalDelegate")
  static class RecordProposal implements JavaDelegate {
    private final DisciplineCaseRepository cases;
    private final ViolationCatalog catalog;

    RecordProposal(DisciplineCaseRepository cases, ViolationCatalog catalog) {
      this.cases = cases;
      this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
      @SuppressWarnings("unchecked")
      Map<String, Object> proposal = (Map<String, Object>) execution.getVariable(Vars.PROPOSAL);
      if (proposal == null) {
        throw new IllegalStateException("DisciplinarySanctions matched no rule for the determination");
      }
      String sanctions = (String) proposal.get("sanctions");
      String discretionary = (String) proposal.get("discretionary");
      execution.removeVariable(Vars.PROPOSAL);
      execution.setVariable(Vars.PROPOSED_SANCTIONS, sanctions);
      execution.setVariable("proposedSanctionText", String.join("；", catalog.sanctionNames(sanctions)));
      // The officer may impose any of these at Task_IssueDecision, with a reason each (视情况/视情节).
      execution.setVariable(Vars.PROPOSED_DISCRETIONARY, discretionary == null ? "" : discretionary);
      execution.setVariable("proposedDiscretionaryText", discretionary == null || discretionary.isBlank() ? "无"
          : DiscretionarySanctions.describe(SanctionExecution.codes(discretionary), catalog));
      // Shown on Form_IssueDecision: the format of discretionarySanctions (CONTRACT.md) with the first proposed code.
      execution.setVariable("discretionaryExample", discretionary == null || discretionary.isBlank() ? "无"
          : "[{\"code\": \"" + SanctionExecution.codes(discretionary).get(0) + "\", \"reason\": \"……\"}]");
      execution.removeVariable(Vars.DISCRETIONARY); // a choice made before a redetermination no longer applies
      cases.proposal((String) execution.getVariable(Vars.CASE_NO), sanctions, discretionary);
    }
  }

  /**
   * Serves a document (input parameters {@code document}, {@code channel}, optional {@code deadline} and
   * {@code deadlineVariable}, the process variable the window's timer reads).
   */
  @Component("serveDocumentDelegate")
  static class ServeDocument implements JavaDelegate {
    private final DisciplineDocuments documents;
    private final DisciplineCaseRepository cases;

    ServeDocument(DisciplineDocuments documents, DisciplineCaseRepository cases) {
      this.documents = documents;
      this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String caseNo = (String) execution.getVariable(Vars.CASE_NO);
      DisciplineDocuments.Kind kind = DisciplineDocuments.Kind.valueOf((String) execution.getVariableLocal("document"));
      // 002 Annex 2 Art. 17: decisions are served in writing or announced; without an address: announced (公告).
      boolean announce = "ANNOUNCEMENT".equals(execution.getVariableLocal("channel"))
          || (kind == DisciplineDocuments.Kind.REVIEW_DECISION && !Boolean.TRUE.equals(execution.getVariable("hasEmail")));
      Map<String, Object> extra = new HashMap<>();
      Date deadline = (Date) execution.getVariableLocal("deadline");
      if (deadline != null) {
        String variable = (String) execution.getVariableLocal("deadlineVariable");
        execution.getProcessInstance().setVariable(variable, deadline);
        extra.put("deadline", deadline.toInstant().atZone(DisciplineCaseService.ZONE).toLocalDate());
        if (Vars.STATEMENT_DEADLINE.equals(variable)) {
          cases.statementDeadline(caseNo, deadline.toInstant());
        } else {
          cases.appealDeadline(caseNo, deadline.toInstant());
        }
      }
      for (String name : List.of(Vars.STATEMENT_RESPONSE, Vars.DECISION_NOTE, Vars.REVIEW_REASONING)) {
        extra.put(name, execution.getVariable(name));
      }
      if (kind == DisciplineDocuments.Kind.REVIEW_DECISION) {
        String outcome = (String) execution.getVariable(Vars.REVIEW_OUTCOME);
        extra.put("reviewOutcomeLabel", switch (outcome) {
          case "UPHOLD" -> "维持原处理决定";
          case "AMEND" -> "变更原处理决定";
          default -> "撤销原处理决定";
        });
      }
      documents.serve(caseNo, kind, announce, extra);
      cases.status(caseNo, switch (kind) {
        case NOTICE_OF_INTENT -> CaseStatus.NOTICE_SERVED;
        case DECISION -> CaseStatus.DECISION_SERVED;
        case REVIEW_DECISION -> CaseStatus.REVIEWED;
        case DROP_NOTICE -> CaseStatus.DROPPED;
      });
    }
  }

  /** Task_ExecuteSanctions: the final sanctions of the served decision. */
  @Component("executeSanctionsDelegate")
  static class ExecuteSanctions implements JavaDelegate {
    private final DisciplineCaseRepository cases;
    private final SanctionExecution execution;

    ExecuteSanctions(DisciplineCaseRepository cases, SanctionExecution execution) {
      this.cases = cases;
      this.execution = execution;
    }

    @Override
    public void execute(DelegateExecution process) {
      DisciplineCase c = cases.get((String) process.getVariable(Vars.CASE_NO));
      execution.execute(c, c.finalSanctions());
    }
  }

  /** Task_AdjustExecution: a review that amends or revokes undoes what was executed; AMEND executes the new sanctions. */
  @Component("adjustExecutionDelegate")
  static class AdjustExecution implements JavaDelegate {
    private final DisciplineCaseRepository cases;
    private final SanctionExecution execution;
    private final SanctionProposals proposals;
    private final ViolationCatalog catalog;

    AdjustExecution(DisciplineCaseRepository cases, SanctionExecution execution, SanctionProposals proposals,
        ViolationCatalog catalog) {
      this.cases = cases;
      this.execution = execution;
      this.proposals = proposals;
      this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution process) {
      String caseNo = (String) process.getVariable(Vars.CASE_NO);
      String outcome = (String) process.getVariable(Vars.REVIEW_OUTCOME);
      DisciplineCase c = cases.get(caseNo);
      java.time.LocalDate effectiveFrom = execution.firstExecutedOn(caseNo);
      execution.undo(c, "复核决定：" + ("AMEND".equals(outcome) ? "变更" : "撤销") + "原处理决定");
      if ("AMEND".equals(outcome)) {
        int article = number(process.getVariable(Vars.AMENDED_ARTICLE));
        int item = number(process.getVariable(Vars.AMENDED_ITEM));
        Object sev = process.getVariable(Vars.AMENDED_SEVERITY);
        String severity = sev == null || sev.toString().isBlank() ? null : sev.toString();
        Boolean certificates = amendedCertificatesIssued(process, article);
        var proposal = proposals.propose(c.partyType().name(), article, item, severity,
            bool(process.getVariable(Vars.PRIOR_WARNING)), certificates).orElseThrow(() ->
            new IllegalStateException("DisciplinarySanctions matched no rule for the amended determination"));
        // 002 Annex 2 Art. 19: the review may add or drop discretionary sanctions (checked on completion).
        // Not restated (absent or blank): the decision's choices the amended determination still allows are kept.
        Object amended = process.getVariable(Vars.AMENDED_DISCRETIONARY);
        var chosen = amended == null || amended.toString().isBlank() ? DiscretionarySanctions.kept(c.discretionarySanctions(), proposal.discretionary())
            : DiscretionarySanctions.parse(amended, proposal.discretionary(), catalog, Vars.AMENDED_DISCRETIONARY,
                (field, message) -> {
                  throw new IllegalStateException(field + ": " + message);
                });
        String sanctions = DiscretionarySanctions.finalCodes(proposal.sanctions(), chosen);
        cases.reviewed(caseNo, outcome, sanctions, article, item, severity);
        cases.discretionaryAmended(caseNo, DiscretionarySanctions.toJson(chosen));
        Object referral = process.getVariable(Vars.REFERRAL_AUTHORITY);
        cases.referralAuthority(caseNo, SanctionExecution.codes(sanctions).contains("REFERRAL") && referral != null
            && !referral.toString().isBlank() ? referral.toString().strip() : null);
        execution.execute(cases.get(caseNo), sanctions, effectiveFrom);
      } else {
        cases.reviewed(caseNo, outcome, "", c.violationArticle(), c.violationItem(), c.severity());
        cases.discretionaryAmended(caseNo, "[]");
      }
    }
  }

  /** Task_CloseCase: the case is closed; the record keeps a closing entry (Art. 20). */
  @Component("closeCaseDelegate")
  static class CloseCase implements JavaDelegate {
    private final DisciplineCaseRepository cases;
    private final DisciplineArchive archive;

    CloseCase(DisciplineCaseRepository cases, DisciplineArchive archive) {
      this.cases = cases;
      this.archive = archive;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String caseNo = (String) execution.getVariable(Vars.CASE_NO);
      DisciplineCase c = cases.get(caseNo);
      if (c.reviewOutcome() == null) {
        cases.reviewed(caseNo, null, c.finalSanctions(), c.violationArticle(), c.violationItem(), c.severity());
      }
      cases.status(caseNo, CaseStatus.CLOSED);
      archive.append(caseNo, "CASE_CLOSED", "INTERNAL", "结案归档",
          "{\"finalSanctions\":" + jsonString(c.finalSanctions()) + ",\"discretionarySanctions\":"
              + (c.discretionarySanctions() == null ? "[]" : c.discretionarySanctions())
              + ",\"reviewOutcome\":" + jsonString(c.reviewOutcome()) + "}");
    }
  }

  /** Task_IssueDecision (complete): records who decided, so that they never review it (Art. 19; recusal). */
  @Component("recordDeciderListener")
  static class RecordDecider implements TaskListener {
    private final DisciplineCaseRepository cases;
    private final ViolationCatalog catalog;

    RecordDecider(DisciplineCaseRepository cases, ViolationCatalog catalog) {
      this.cases = cases;
      this.catalog = catalog;
    }

    @Override
    public void notify(DelegateTask task) {
      String user = Context.getCommandContext().getAuthenticatedUserId();
      if (user == null) {
        user = task.getAssignee();
      }
      task.getExecution().setVariable(Vars.DECIDED_BY, user);
      Object approved = task.getExecution().getVariable(Vars.DECISION_APPROVED);
      if (Boolean.TRUE.equals(approved) || "true".equals(String.valueOf(approved))) {
        var execution = task.getExecution();
        String caseNo = (String) execution.getVariable(Vars.CASE_NO);
        // The final sanctions: the mandatory ones and the discretionary ones the officer imposed (checked on completion
        // against proposedDiscretionarySanctions by DisciplineCompletionRules).
        // A case proposed before issue 18 has no proposedDiscretionarySanctions, and its discretionarySanctions variable
        // holds the DMN's codes, not a choice: nothing discretionary is imposed on it.
        Object proposed = execution.getVariable(Vars.PROPOSED_DISCRETIONARY);
        var chosen = proposed == null ? List.<DiscretionarySanctions.Choice>of()
            : DiscretionarySanctions.parse(execution.getVariable(Vars.DISCRETIONARY), proposed.toString(), catalog,
                Vars.DISCRETIONARY, (field, message) -> {
                  throw new IllegalStateException(field + ": " + message);
                });
        Object basis = execution.getVariable(Vars.PENALTY_BASIS);
        cases.decided(caseNo, user,
            DiscretionarySanctions.finalCodes((String) execution.getVariable(Vars.PROPOSED_SANCTIONS), chosen),
            DiscretionarySanctions.toJson(chosen), basis == null || basis.toString().isBlank() ? null : basis.toString().strip());
        Object referral = execution.getVariable(Vars.REFERRAL_AUTHORITY);
        cases.referralAuthority(caseNo, referral == null || referral.toString().isBlank() ? null : referral.toString().strip());
      }
    }
  }

  /** Task_ReviewAppeal (create): tells reviewers in Tasklist who must recuse (the server refuses them anyway). */
  @Component("reviewRecusalListener")
  static class ReviewRecusal implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      Object decider = task.getVariable(Vars.DECIDED_BY);
      task.setDescription("原处理决定签发人 " + decider + " 须回避，不得办理本复核（人社职司便函〔2021〕57号附件2 第十九条）。");
    }
  }

  /** The amended decision's answer to Art. 8's question: the reviewer's, else the determination's. */
  static Boolean amendedCertificatesIssued(DelegateExecution process, int article) {
    if (article != 8) {
      return null;
    }
    Object amended = process.getVariable(Vars.AMENDED_CERTIFICATES_ISSUED);
    return amended != null && !amended.toString().isBlank() ? bool(amended) : bool(process.getVariable(Vars.CERTIFICATES_ISSUED));
  }

  static Boolean bool(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value instanceof Boolean b ? b : Boolean.valueOf(value.toString().strip());
  }

  static int number(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    return Integer.parseInt(String.valueOf(value).strip());
  }

  static String jsonString(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
