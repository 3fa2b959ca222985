package cn.hrss.assessment.supervision;

import cn.hrss.assessment.calendar.WorkingDays;
import cn.hrss.assessment.discipline.CaseIntake;
import cn.hrss.assessment.discipline.DisciplineCaseService;
import cn.hrss.assessment.notification.NotificationService;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.supervision.QualitySupervisionProcess.Ids;
import cn.hrss.assessment.supervision.QualitySupervisionProcess.Vars;
import cn.hrss.assessment.supervision.SupervisionOutcome.MemberScore;
import cn.hrss.assessment.supervision.SupervisionOutcome.Status;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.PlainText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a quality supervision after the draw (001 督导规程 Art. 15; 003): the members' scorecards, the
 * preliminary opinion, the institution's defence, the opinion letter (督导意见书) with its grade, and for a failed
 * supervision the disciplinary case (source SUPERVISION).
 */
@Service
public class SupervisionService {

  private static final Logger log = LoggerFactory.getLogger(SupervisionService.class);
  /** Times in messages as the institution reads them: Beijing time, as on the defence page. */
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));
  static final int DEFENCE_MAX = 4000;
  static final String LETTER_TEMPLATE = "supervision-opinion-letter";

  private final SupervisionOutcomes outcomes;
  private final Scorecards scorecards;
  private final WorkingDays workingDays;
  private final SupervisionProperties properties;
  private final RuntimeService runtime;
  private final DisciplineCaseService discipline;
  private final InstitutionRegistry registry;
  private final NotificationService notifications;
  private final String publicBaseUrl;

  SupervisionService(SupervisionOutcomes outcomes, Scorecards scorecards, WorkingDays workingDays,
      SupervisionProperties properties, RuntimeService runtime, DisciplineCaseService discipline,
      InstitutionRegistry registry, NotificationService notifications,
      @Value("${assessment.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.outcomes = outcomes;
    this.scorecards = scorecards;
    this.workingDays = workingDays;
    this.properties = properties;
    this.runtime = runtime;
    this.discipline = discipline;
    this.registry = registry;
    this.notifications = notifications;
    this.publicBaseUrl = publicBaseUrl;
  }

  /** Task_ScoreSupervision completed: the member's card (checked by the completion rule) is kept with its total. */
  MemberScore recordScore(String supervisionNo, String supervisor, Map<String, Object> submitted) {
    SupervisionOutcome outcome = outcomes.find(supervisionNo).orElseThrow();
    Scorecard card = scorecards.find(outcome.kind()).orElseThrow();
    ScoreSheet sheet = ScoreSheet.read(submitted, card);
    if (!sheet.problems().isEmpty()) {
      throw new IllegalStateException("unchecked scorecard of " + supervisor + ": " + sheet.problems());
    }
    boolean serious = Boolean.TRUE.equals(submitted.get(Vars.SERIOUS)) || "true".equals(submitted.get(Vars.SERIOUS));
    MemberScore score = new MemberScore(supervisor, sheet.json(card), sheet.total(), serious,
        serious ? (String) submitted.get(Vars.SERIOUS_DESCRIPTION) : null, blankToNull(submitted.get(Vars.SCORE_COMMENT)),
        now());
    outcomes.scored(supervisionNo, score);
    return score;
  }

  /** After the last member: what the leader's form shows, and the mean of the totals as a suggestion. */
  Map<String, Object> summary(String supervisionNo) {
    List<MemberScore> scores = outcomes.scores(supervisionNo);
    String text = scores.stream().map(s -> s.supervisor() + "：" + s.total().toPlainString() + " 分"
        + (s.seriousViolation() ? "；不合格项：" + s.seriousViolationDescription() : "")
        + (s.scoreComment() == null ? "" : "；意见：" + s.scoreComment())).collect(Collectors.joining("\n\n"));
    BigDecimal mean = scores.isEmpty() ? BigDecimal.ZERO : scores.stream().map(MemberScore::total)
        .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
    outcomes.status(supervisionNo, Status.PRELIMINARY);
    Map<String, Object> values = new HashMap<>();
    values.put(Vars.MEMBER_SCORES, text);
    values.put(Vars.SUGGESTED_SCORE, mean.stripTrailingZeros().toPlainString());
    // Pre-fills the manager's checkbox: a member recorded a serious violation (the manager decides).
    values.put(Vars.SERIOUS, scores.stream().anyMatch(MemberScore::seriousViolation));
    return values;
  }

  void recordPreliminary(String supervisionNo, Object score, String opinion) {
    outcomes.preliminary(supervisionNo, ScoreSheet.number(score), opinion);
  }

  /** The defence window opens (001 督导规程 Art. 15(2)-(3)): a party's deadline, recorded for recomputation. */
  Date openDefenceWindow(String supervisionNo, String processInstanceId) {
    Instant due = workingDays.register(SupervisionDeadlines.DEFENCE, processInstanceId, supervisionNo,
        properties.defenceWorkingDays());
    outcomes.defenceOpen(supervisionNo, due);
    return Date.from(due);
  }

  /**
   * {@code POST /api/supervisions/{no}/defence}: the institution's answer to the preliminary opinion, only while the
   * window is open (409 otherwise); one defence, which closes the window and goes to the manager.
   */
  @Transactional
  public Instant submitDefence(String supervisionNo, String content) {
    String text = content == null ? "" : content.strip();
    if (text.isEmpty()) {
      throw ApiProblem.invalid("content", "必填：申辩意见");
    }
    if (text.length() > DEFENCE_MAX) {
      throw ApiProblem.invalid("content", "不得超过 " + DEFENCE_MAX + " 个字符");
    }
    if (PlainText.hasControlCharacters(text)) {
      throw ApiProblem.invalid("content", PlainText.CONTROL_CHARACTERS);
    }
    SupervisionOutcome outcome = outcomes.find(supervisionNo)
        .orElseThrow(() -> ApiProblem.notFound("督导编号 " + supervisionNo + " 不存在。"));
    if (outcome.defence() != null) {
      throw ApiProblem.conflict("已提交申辩意见（" + SHOWN.format(outcome.defenceAt()) + "），不能重复提交。");
    }
    Execution waiting = runtime.createExecutionQuery().processInstanceBusinessKey(supervisionNo)
        .activityId(Ids.AWAIT_DEFENCE).singleResult();
    Instant now = now();
    if (outcome.status() != Status.DEFENCE_OPEN || waiting == null) {
      throw ApiProblem.conflict(outcome.status().ordinal() < Status.DEFENCE_OPEN.ordinal()
          ? "初步督导意见尚未反馈，申辩期未开始。" : "申辩期已届满，不再接受申辩。");
    }
    Date due = (Date) runtime.getVariable(waiting.getProcessInstanceId(), Vars.DEFENCE_DUE);
    if (due != null && now.isAfter(due.toInstant())) {
      throw ApiProblem.conflict("申辩期已于" + SHOWN.format(due.toInstant()) + "届满，不再接受申辩。");
    }
    if (!outcomes.defence(supervisionNo, text, now)) {
      throw ApiProblem.conflict("申辩期已届满或已提交申辩意见。");
    }
    runtime.createMessageCorrelation(Ids.DEFENCE_MESSAGE).processInstanceBusinessKey(supervisionNo)
        .setVariable(Vars.DEFENCE, text).correlateWithResult();
    log.info("Supervision {}: defence received from {}", supervisionNo, outcome.filingCode());
    return now;
  }

  /** Start of Task_IssueSupervisionOpinion: the window is over, with or without a defence. */
  String defenceForManager(String supervisionNo) {
    SupervisionOutcome outcome = outcomes.find(supervisionNo).orElseThrow();
    if (outcome.status() == Status.DEFENCE_OPEN) {
      outcomes.status(supervisionNo, Status.OPINION_PENDING);
    }
    return outcome.defence();
  }

  /**
   * Task_RecordSupervisionResult: the grade (003 Annex 1 备注 1-2, {@link SupervisionGrade}), the rectification
   * deadline for a failed (or a rectification-requiring) supervision, and the opinion letter as it is mailed.
   */
  SupervisionGrade issue(String supervisionNo, Object finalScore, boolean seriousViolation, String opinion,
      boolean rectificationRequired, String issuedBy) {
    BigDecimal score = ScoreSheet.number(finalScore);
    SupervisionGrade grade = SupervisionGrade.of(score, seriousViolation);
    // 003 Annex 1 备注 1: 不合格 → 限期整改 (the completion rule refuses a FAIL without it).
    LocalDate rectificationDue = grade == SupervisionGrade.FAIL || rectificationRequired
        ? workingDays.dueDate(properties.rectificationWorkingDays()) : null;
    Instant now = now();
    outcomes.issued(supervisionNo, score, seriousViolation, opinion, grade, rectificationDue, null,
        issuedBy, now);
    SupervisionOutcome outcome = outcomes.find(supervisionNo).orElseThrow();
    String letter = notifications.renderHtml(LETTER_TEMPLATE, letterModel(outcome));
    outcomes.issued(supervisionNo, score, seriousViolation, opinion, grade, rectificationDue, letter, issuedBy, now);
    log.info("Supervision {} of {}: {} ({} points{})", supervisionNo, outcome.filingCode(), grade, score,
        seriousViolation ? ", serious violation" : "");
    return grade;
  }

  /**
   * Task_OpenDisciplinaryCase: a failed supervision becomes a disciplinary case against the institution (source
   * SUPERVISION, 002 Annex 2; 003 备注 2) with the opinion as its facts and the supervision number as its link; the
   * supervision keeps the case number. Idempotent: a retried job finds the case already linked.
   */
  String openCase(String supervisionNo) {
    SupervisionOutcome outcome = outcomes.find(supervisionNo).orElseThrow();
    if (outcome.caseNo() != null) {
      return outcome.caseNo();
    }
    Institution institution = registry.findByFilingCode(outcome.filingCode()).orElseThrow();
    String serious = outcomes.scores(supervisionNo).stream().filter(MemberScore::seriousViolation)
        .map(MemberScore::seriousViolationDescription).collect(Collectors.joining("；"));
    String facts = "质量督导（督导编号 " + supervisionNo + "，评价活动日期 " + outcome.activityDate() + "）督导意见："
        + outcome.opinion() + (serious.isEmpty() ? "" : "\n督导员记录的不合格项：" + serious);
    CaseIntake intake = new CaseIntake("INSTITUTION", "SUPERVISION",
        new CaseIntake.Party(institution.name(), null, institution.filingCode(), null),
        outcome.institutionEmail() != null ? outcome.institutionEmail() : institution.contactEmail(),
        facts.length() > 4000 ? facts.substring(0, 3999) + "…" : facts, null, null, null, null,
        outcome.activityDate().toString());
    String caseNo = discipline.open(intake, outcome.issuedBy() == null ? "quality-supervision" : outcome.issuedBy()).caseNo();
    outcomes.linkCase(supervisionNo, caseNo);
    log.info("Supervision {} failed: disciplinary case {} opened against {}", supervisionNo, caseNo, institution.filingCode());
    return caseNo;
  }

  /** The values of the supervision's notices and of its letter (one model, so the stored letter is the one mailed). */
  Map<String, Object> letterModel(SupervisionOutcome o) {
    Map<String, Object> model = new HashMap<>();
    model.put("supervisionNo", o.supervisionNo());
    model.put("institutionName", o.institutionName());
    model.put("filingCode", o.filingCode());
    model.put("kind", o.kind());
    model.put("special", o.special());
    model.put("activityDate", o.activityDate());
    model.put("site", o.site());
    model.put("teamSize", o.team().size());
    model.put("defenceUrl", publicBaseUrl + "/api/supervisions/" + o.supervisionNo() + "/defence");
    putIfNotNull(model, "reportDue", o.reportDue() == null ? null : o.reportDue().atZone(workingDays.zone()).toLocalDate());
    putIfNotNull(model, "preliminaryScore", o.preliminaryScore() == null ? null : o.preliminaryScore().toPlainString());
    putIfNotNull(model, "preliminaryOpinion", o.preliminaryOpinion());
    putIfNotNull(model, "defence", o.defence());
    putIfNotNull(model, "finalScore", o.finalScore() == null ? null : o.finalScore().toPlainString());
    putIfNotNull(model, "seriousViolation", o.seriousViolation());
    putIfNotNull(model, "opinion", o.opinion());
    putIfNotNull(model, "grade", o.grade() == null ? null : o.grade().name());
    putIfNotNull(model, "rectificationDue", o.rectificationDue());
    putIfNotNull(model, "rectificationProvisional", o.rectificationDue() == null ? null
        : workingDays.isProvisional(o.rectificationDue()));
    putIfNotNull(model, "issuedOn", o.issuedAt() == null ? null : o.issuedAt().atZone(workingDays.zone()).toLocalDate());
    model.put("widerScopeEligible", o.widerScopeEligible());
    putIfNotNull(model, "caseNo", o.caseNo());
    return model;
  }

  private static void putIfNotNull(Map<String, Object> model, String key, Object value) {
    if (value != null) {
      model.put(key, value);
    }
  }

  private static String blankToNull(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
