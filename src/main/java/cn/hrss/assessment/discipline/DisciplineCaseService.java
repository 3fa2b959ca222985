package cn.hrss.assessment.discipline;

import static cn.hrss.assessment.discipline.DisciplinaryCaseProcess.Vars;

import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.ApiProblem.FieldError;
import cn.hrss.assessment.web.PlainText;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Intake, statements and appeals of disciplinary cases (CONTRACT.md "Discipline"; 002 Annex 2 Art. 16-19). */
@Service
public class DisciplineCaseService {

  private static final Logger log = LoggerFactory.getLogger(DisciplineCaseService.class);
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DisciplineCaseRepository cases;
  private final CaseIntakeValidator validator;
  private final IdNumberProtector ids;
  private final InstitutionRegistry registry;
  private final RuntimeService runtime;
  private final DisciplineArchive archive;

  DisciplineCaseService(DisciplineCaseRepository cases, CaseIntakeValidator validator, IdNumberProtector ids,
      InstitutionRegistry registry, RuntimeService runtime, DisciplineArchive archive) {
    this.cases = cases;
    this.validator = validator;
    this.ids = ids;
    this.registry = registry;
    this.runtime = runtime;
    this.archive = archive;
  }

  /** A registered case: its number and the party's bearer token. */
  public record Registered(String caseNo, String accessToken) {}

  /** {@code POST /api/discipline/cases}: validates, stores the case and starts the process in one transaction. */
  @Transactional
  public Registered open(CaseIntake intake, String officer) {
    return open(intake, officer, registered -> { });
  }

  /**
   * The same, and {@code first} runs in the transaction that stores the case, before the case itself, with the
   * answer the officer will get (the controller records it for its Idempotency-Key).
   */
  @Transactional
  public Registered open(CaseIntake intake, String officer, java.util.function.Consumer<Registered> first) {
    List<FieldError> errors = validator.check(intake);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    String caseNo = newCaseNo();
    first.accept(new Registered(caseNo, ids.accessToken(caseNo)));
    DisciplineCase c = store(caseNo, intake, officer, null, null);
    runtime.startProcessInstanceByKey(DisciplinaryCaseProcess.KEY, c.caseNo(), variables(c));
    log.info("Disciplinary case {} opened by {} ({}, {})", c.caseNo(), officer, c.partyType(), c.source());
    return new Registered(c.caseNo(), ids.accessToken(c.caseNo()));
  }

  /** Task_RegisterCase of a process started from the Tasklist start form (already validated by the start-form check). */
  void registerFromStartForm(DelegateExecution execution) {
    CaseIntake intake = StartFormCheck.intakeOf(execution.getVariables());
    String idHash = (String) execution.getVariable(StartFormCheck.ID_HASH);
    String idMasked = (String) execution.getVariable(StartFormCheck.ID_MASKED);
    DisciplineCase c = store(newCaseNo(), intake, (String) execution.getVariable("initiator"), idHash, idMasked);
    execution.setProcessBusinessKey(c.caseNo());
    execution.setVariables(variables(c));
    execution.removeVariable(StartFormCheck.ID_HASH);
  }

  private DisciplineCase store(String caseNo, CaseIntake in, String officer, String idHash, String idMasked) {
    PartyType partyType = PartyType.valueOf(in.partyType().strip());
    String idNumber = in.party().idNumber();
    if (idHash == null && idNumber != null && !idNumber.isBlank() && partyType != PartyType.INSTITUTION) {
      idHash = ids.hash(idNumber);
      idMasked = ids.mask(idNumber);
    }
    String role = in.party().staffRole();
    String email = blankToNull(in.partyEmail());
    String partyCode = partyType == PartyType.INSTITUTION ? in.party().filingCode().strip() : null;
    if (email == null && partyCode != null) {
      // An institution is reachable at the contact address of its filing.
      email = registry.findByFilingCode(partyCode).map(Institution::contactEmail).map(DisciplineCaseService::blankToNull).orElse(null);
    }
    DisciplineCase c = new DisciplineCase(caseNo, partyType, CaseSource.valueOf(in.source().strip()),
        in.party().name().strip(), idHash, idMasked, partyCode,
        role == null || role.isBlank() ? null : StaffRole.valueOf(role.strip()), email,
        blankToNull(in.institutionFilingCode()), in.facts().strip(),
        in.reporters() == null ? null : String.join("、", in.reporters()), in.siteHeadConfirmed(),
        blankToNull(in.authorityReference()), CaseStatus.REGISTERED, null, null, null, null, null, null, null, null, null,
        null, officer, ClockUtil.getCurrentTime().toInstant(), null, null, null, null,
        CaseIntakeValidator.assessmentDate(in.assessmentDate()), null);
    cases.insert(c);
    archive.append(c.caseNo(), "CASE_OPENED", "INTERNAL", "立案登记", "{\"partyType\":\"" + partyType + "\",\"source\":\""
        + c.source() + "\",\"authorityReference\":" + quote(c.authorityReference()) + ",\"reporters\":" + quote(c.reporters())
        + ",\"siteHeadConfirmed\":" + c.siteHeadConfirmed() + "}");
    return c;
  }

  private Map<String, Object> variables(DisciplineCase c) {
    Map<String, Object> v = new HashMap<>();
    v.put(Vars.CASE_NO, c.caseNo());
    v.put(Vars.PARTY_TYPE, c.partyType().name());
    v.put(Vars.STAFF_ROLE, c.staffRole() == null ? null : c.staffRole().name());
    v.put(Vars.PARTY_NAME, c.partyName());
    v.put(Vars.PARTY_EMAIL, c.partyEmail() == null ? "" : c.partyEmail());
    v.put("hasEmail", c.partyEmail() != null);
    v.put(Vars.SOURCE, c.source().name());
    v.put("facts", c.facts());
    return v;
  }

  private String newCaseNo() {
    // WJ (违纪) + year + 6 random digits; the primary key catches the rare collision, which is retried.
    for (int attempt = 0; attempt < 20; attempt++) {
      String caseNo = "WJ" + Year.from(ClockUtil.getCurrentTime().toInstant().atZone(ZONE)) + "-"
          + String.format("%06d", RANDOM.nextInt(1_000_000));
      if (!cases.exists(caseNo)) {
        return caseNo;
      }
    }
    throw new IllegalStateException("No free case number");
  }

  // --- party's submissions

  /** {@code POST …/statements}: only while the statement window of the notice of intent is open (409 otherwise). */
  @Transactional
  public void submitStatement(String caseNo, String content) {
    submit(caseNo, content, "STATEMENT", DisciplinaryCaseProcess.MESSAGE_STATEMENT, CaseStatus.STATEMENT_RECEIVED,
        Vars.STATEMENT_DEADLINE, "陈述申辩期限未开始或已届满，不接受陈述申辩");
  }

  /** {@code POST …/appeals}: only within the appeal window after the decision was served (409 otherwise). */
  @Transactional
  public void submitAppeal(String caseNo, String content) {
    submit(caseNo, content, "APPEAL", DisciplinaryCaseProcess.MESSAGE_APPEAL, CaseStatus.APPEALED,
        Vars.APPEAL_DEADLINE, "复核申请期限未开始或已届满，不接受复核申请");
  }

  private void submit(String caseNo, String content, String kind, String message, CaseStatus next, String deadlineVar,
      String closedDetail) {
    if (content == null || content.isBlank()) {
      throw ApiProblem.invalid("content", "必填");
    }
    if (content.strip().length() > 20_000) {
      throw ApiProblem.invalid("content", "不能超过 20000 个字符"); // discipline_submission.content
    }
    if (PlainText.hasControlCharacters(content)) {
      throw ApiProblem.invalid("content", PlainText.CONTROL_CHARACTERS);
    }
    cases.find(caseNo).orElseThrow(() -> ApiProblem.notFound("案件 " + caseNo + " 不存在"));
    var waiting = runtime.createExecutionQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey(DisciplinaryCaseProcess.KEY).messageEventSubscriptionName(message).list();
    if (waiting.isEmpty()) {
      throw ApiProblem.conflict(closedDetail);
    }
    Object deadline = runtime.getVariable(waiting.get(0).getProcessInstanceId(), deadlineVar);
    if (deadline instanceof java.util.Date d && ClockUtil.getCurrentTime().after(d)) {
      // The timer may not have fired yet (job executor latency): the window is closed all the same.
      throw ApiProblem.conflict(closedDetail);
    }
    cases.addSubmission(caseNo, kind, content.strip());
    cases.status(caseNo, next);
    archive.append(caseNo, kind, "INTERNAL", "STATEMENT".equals(kind) ? "陈述申辩" : "复核申请", content.strip());
    try {
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseNo).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw ApiProblem.conflict(closedDetail);
    }
  }

  // --- reads

  public Optional<DisciplineCase> find(String caseNo) {
    return cases.find(caseNo);
  }

  boolean tokenMatches(String caseNo, String token) {
    return ids.tokenMatches(caseNo, token);
  }

  List<DisciplineCaseRepository.Ban> activeBans(String idNumber) {
    return cases.activeBans(ids.hash(idNumber), ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate());
  }

  List<DisciplineCaseRepository.ExecutedSanction> sanctions(String caseNo) {
    return cases.sanctions(caseNo);
  }

  List<String> submissions(String caseNo, String kind) {
    return cases.submissions(caseNo, kind);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static Instant instant(Object date) {
    return date instanceof java.util.Date d ? d.toInstant() : null;
  }
}
