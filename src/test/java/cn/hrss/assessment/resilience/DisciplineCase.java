package cn.hrss.assessment.resilience;

import cn.hrss.assessment.codes.ResidentIdNumbers;
import cn.hrss.assessment.resilience.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A candidate impersonation case (DisciplinaryCaseProcess; 002 Annex 2 Art. 7(4), serious): intake by the
 * discipline officer, determination, notice of intent mailed, either a statement by the party (considered and the
 * proposal maintained) or the statement window closing, decision, decision letter mailed with a copy to the
 * institution, sanctions executed, appeal window closing, archived: ends at {@code EndEvent_CaseClosed}. The
 * party's name is the marker by which an intake whose answer was lost is found.
 */
final class DisciplineCase extends DrivenCase {

  static final String KEY = "DisciplinaryCaseProcess";
  private static final String OFFICER = "discipline";

  private final int number;
  private final boolean makesStatement;
  private final String institutionFilingCode;
  private boolean statementMade;

  DisciplineCase(int number, boolean makesStatement, String institutionFilingCode, Http http, JdbcTemplate db, Apps apps) {
    super("韧性测试当事人" + number, http, db, apps);
    this.number = number;
    this.makesStatement = makesStatement;
    this.institutionFilingCode = institutionFilingCode;
  }

  @Override
  String processKey() {
    return KEY;
  }

  @Override
  String expectedEnd() {
    return "EndEvent_CaseClosed";
  }

  @Override
  Answer submit() {
    String first17 = String.format("41010519900501%03d", number % 1000);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("partyType", "CANDIDATE");
    body.put("source", "EXAM_SITE_REPORT");
    body.put("party", Map.of("name", marker, "idNumber", first17 + ResidentIdNumbers.checkCharacter(first17)));
    body.put("partyEmail", "party" + number + "@example.cn");
    body.put("facts", "考场报告：第" + number + "考位由他人冒名顶替参加理论知识考试。");
    body.put("reporters", List.of("考务员 甲", "考务员 乙"));
    body.put("siteHeadConfirmed", true);
    body.put("institutionFilingCode", institutionFilingCode);
    return http.post(apps.intake() + "/api/discipline/cases", withIdempotencyKey(Http.basic(OFFICER)), body);
  }

  @Override
  Completion completionOf(JsonNode task) {
    String key = task.get("taskDefinitionKey").asText();
    return switch (key) {
      case "Task_DetermineViolation" -> new Completion(OFFICER, Map.of("violationArticle", 7, "violationItem", 4,
          "severity", "SERIOUS", "findings", "经核对证件与现场照片，系他人冒名顶替参加评价。"));
      case "Task_ConsiderStatement" -> new Completion(OFFICER,
          Map.of("statementOutcome", "MAINTAIN", "statementResponse", "监控录像不支持陈述。"));
      case "Task_IssueDecision" -> new Completion(OFFICER, Map.of("decisionApproved", true, "decisionNote", "同意"));
      default -> throw new AssertionError(this + ": unexpected task " + key);
    };
  }

  /** The party states its case within the window (with the token of the intake's answer). */
  @Override
  Optional<String> clientActionWhileWaiting(String processInstanceId) {
    if (!makesStatement || statementMade || token == null) {
      return Optional.empty();
    }
    Answer window = http.get(apps.office() + "/engine-rest/job?processInstanceId=" + processInstanceId
        + "&activityId=Event_StatementWindowClosed", Http.basic(ADMIN));
    if (!window.is(200) || window.body().size() == 0) {
      return Optional.empty();
    }
    String what = this + ": party submits a statement";
    InFlight.set(what);
    Answer answer = http.post(apps.intake() + "/api/discipline/cases/" + businessKey + "/statements", Http.bearer(token),
        Map.of("content", "本人当日确在考场，系误认。"));
    // 409: received already, by a request whose answer was lost
    if (!answer.is(201) && !answer.is(409)) {
      throw new AssertionError(what + " refused: " + answer);
    }
    statementMade = true;
    return Optional.of(what + " → " + answer.status());
  }

  @Override
  String statusWhileWaiting() {
    return "DECISION_SERVED"; // waiting in the appeal window
  }

  @Override
  List<String> skippableTimers() {
    return makesStatement && token != null ? List.of("Event_AppealWindowClosed")
        : List.of("Event_StatementWindowClosed", "Event_AppealWindowClosed");
  }
}
