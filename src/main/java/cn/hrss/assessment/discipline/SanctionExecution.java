package cn.hrss.assessment.discipline;

import cn.hrss.assessment.calendar.WorkingDays;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Executes the sanctions of a served decision (DOMAIN.md §4.3 step 7) and undoes them when a review amends or
 * revokes the decision (Art. 19). Bans run from the day of execution: the current year ends on 31 December
 * (Art. 6), "2年内"/"5年内" end the day before the second/fifth anniversary (Art. 7).
 */
@Component
class SanctionExecution {

  private static final Logger log = LoggerFactory.getLogger(SanctionExecution.class);

  private final DisciplineCaseRepository cases;
  private final InstitutionRegistry registry;
  private final WorkingDays workingDays;
  private final RuntimeService runtime;
  private final int rectificationWorkingDays;

  SanctionExecution(DisciplineCaseRepository cases, InstitutionRegistry registry, WorkingDays workingDays,
      RuntimeService runtime, @Value("${assessment.discipline.rectification-working-days:30}") int rectificationWorkingDays) {
    this.cases = cases;
    this.runtime = runtime;
    this.registry = registry;
    this.workingDays = workingDays;
    this.rectificationWorkingDays = rectificationWorkingDays;
  }

  void execute(DisciplineCase c, String sanctionCodes) {
    execute(c, sanctionCodes, today());
  }

  /**
   * Executes with bans running from {@code from}: a review that amends a decision replaces the sanctions, but the
   * replacement runs from the day the original decision took effect (our choice: the party is not penalised by the
   * time the review took).
   */
  void execute(DisciplineCase c, String sanctionCodes, LocalDate from) {
    LocalDate today = from;
    int article = c.violationArticle();
    int item = c.violationItem();
    for (String code : codes(sanctionCodes)) {
      LocalDate until = switch (code) {
        // 002 Annex 2 Art. 6 "当年不得参加评价", Art. 9 "取消其当年参加评价工作的资格": the year of the assessment in
        // which the violation happened (issue 18), not the year of execution; unknown → the year the case was opened.
        case "BAN_CURRENT_YEAR", "DISQUALIFY_STAFF_CURRENT_YEAR" -> violationYear(c).with(MonthDay.of(12, 31));
        case "BAN_2_YEARS" -> today.plusYears(2).minusDays(1);
        case "BAN_5_YEARS" -> today.plusYears(5).minusDays(1);
        // 002 Annex 2 Art. 15 para. 1 暂停评价活动 names no period: the configured rectification period (our choice).
        case "SUSPEND_FOR_RECTIFICATION", "SUSPEND_ACTIVITIES" -> rectificationDeadline(c);
        default -> null;
      };
      cases.addSanction(c.caseNo(), code, c.partyType(), c.partyRef(), article, item, until);
      switch (code) {
        case "BAN_CURRENT_YEAR", "BAN_2_YEARS", "BAN_5_YEARS" -> {
          if (until.isBefore(today)) {
            // The year of the assessment is over: the sanction is recorded, no ban is left to enforce.
            log.info("Case {}: {} ended {} before its execution", c.caseNo(), code, until);
          } else {
            cases.addBan(c.caseNo(), c.partyIdHash(), c.partyIdMasked(), c.partyName(), code, article, item, today, until);
          }
        }
        case "SUSPEND_FOR_RECTIFICATION" ->
            registry.suspend(c.partyFilingCode(), until, reason(c, "限期整改，整改期间暂停评价活动"));
        case "SUSPEND_ACTIVITIES" -> registry.suspend(c.partyFilingCode(), until, reason(c, "暂停评价活动"));
        case "TERMINATE_FILING" -> registry.terminate(c.partyFilingCode(), reason(c, "终止备案"));
        default -> { } // recorded: scores, certificates, referrals etc. are carried out by the bodies concerned
      }
    }
    log.info("Case {}: executed {}", c.caseNo(), sanctionCodes);
  }

  /** The day of the assessment in which the violation happened, or (not given) the day the case was opened. */
  private static LocalDate violationYear(DisciplineCase c) {
    if (c.assessmentDate() != null) {
      return c.assessmentDate();
    }
    return c.createdAt() == null ? today() : c.createdAt().atZone(DisciplineCaseService.ZONE).toLocalDate();
  }

  /**
   * The rectification deadline, recorded in the deadline ledger under the case's process instance so that it is
   * recomputed (never shortened) when the official holiday schedule of a year it counts over is loaded.
   */
  private LocalDate rectificationDeadline(DisciplineCase c) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(DisciplinaryCaseProcess.KEY)
        .processInstanceBusinessKey(c.caseNo()).singleResult();
    if (instance == null) {
      return workingDays.dueDate(rectificationWorkingDays);
    }
    Instant due = workingDays.register(DisciplineDeadlines.RECTIFICATION, instance.getId(), c.caseNo(),
        rectificationWorkingDays);
    return due.atZone(DisciplineCaseService.ZONE).toLocalDate();
  }

  /**
   * Undoes what was executed: bans lifted, sanctions marked undone, a suspension lifted (reinstated). A termination
   * cannot be undone: the code is retired for ever (DOMAIN.md §3.5); the institution must file again.
   */
  void undo(DisciplineCase c, String reason) {
    boolean suspended = cases.sanctions(c.caseNo()).stream()
        .anyMatch(s -> s.undoneAt() == null && Set.of("SUSPEND_FOR_RECTIFICATION", "SUSPEND_ACTIVITIES").contains(s.code()));
    cases.undoSanctions(c.caseNo(), reason);
    if (suspended && c.partyFilingCode() != null) {
      registry.findByFilingCode(c.partyFilingCode())
          .filter(i -> i.status() == InstitutionStatus.SUSPENDED)
          .ifPresent(i -> registry.reinstate(c.partyFilingCode(), reason));
    }
  }

  /** The day the case's sanctions were first executed, or today. */
  LocalDate firstExecutedOn(String caseNo) {
    return cases.sanctions(caseNo).stream().map(DisciplineCaseRepository.ExecutedSanction::executedAt)
        .min(java.util.Comparator.naturalOrder()).map(i -> i.atZone(DisciplineCaseService.ZONE).toLocalDate()).orElseGet(SanctionExecution::today);
  }

  private static String reason(DisciplineCase c, String what) {
    return "违纪违规处理决定 " + c.caseNo() + "（第" + c.violationArticle() + "条第" + c.violationItem() + "项）：" + what;
  }

  static List<String> codes(String codes) {
    return codes == null ? List.of() : Arrays.stream(codes.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(DisciplineCaseService.ZONE).toLocalDate();
  }
}
