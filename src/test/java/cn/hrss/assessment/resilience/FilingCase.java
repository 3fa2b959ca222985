package cn.hrss.assessment.resilience;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.resilience.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.MultiValueMap;

/**
 * A social organisation's filing (InstitutionFilingProcess) from submission to the directory: submitted with a
 * small PDF, accepted, three expert opinions, public notice (its 5 working days skipped), approved; it ends at
 * {@code EndEvent_InstitutionFiled} with the filing receipt mailed. The credit code is the marker by which a
 * submission whose answer was lost is found.
 */
final class FilingCase extends DrivenCase {

  static final String KEY = "InstitutionFilingProcess";
  private static final byte[] PDF = "%PDF-1.7\n%resilience test\n".getBytes();

  FilingCase(int number, Http http, JdbcTemplate db, Apps apps) {
    super(creditCode(number), http, db, apps);
  }

  /** A valid unified social credit code of a social organisation registered in Henan (5241…), unique per number. */
  static String creditCode(int number) {
    String first17 = String.format("52410000MA%07d", number);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  @Override
  String processKey() {
    return KEY;
  }

  @Override
  String expectedEnd() {
    return "EndEvent_InstitutionFiled";
  }

  @Override
  Answer submit() {
    HttpEntity<MultiValueMap<String, Object>> body =
        Applications.multipart(Http.JSON, Applications.socialOrg(marker), Map.of("备案申请表.pdf", PDF));
    return http.post(apps.intake() + "/api/filings", withIdempotencyKey(body.getHeaders()), body.getBody());
  }

  @Override
  Completion completionOf(JsonNode task) {
    String key = task.get("taskDefinitionKey").asText();
    return switch (key) {
      case "Task_ReviewCompleteness" -> new Completion("officer", cn.hrss.assessment.filing.Applications.acceptance());
      case "Task_ExpertReview" -> new Completion(task.get("assignee").asText(),
          Map.of("expertOpinion", "PASS", "expertComment", "符合条件"));
      case "Task_DecideFiling" -> new Completion("officer", cn.hrss.assessment.filing.Applications.approval());
      default -> throw new AssertionError(this + ": unexpected task " + key);
    };
  }

  @Override
  List<String> skippableTimers() {
    return List.of("Event_PublicNoticePeriodEnded");
  }

  @Override
  String statusWhileWaiting() {
    return "PUBLIC_NOTICE";
  }

  /** The filing code the registry issued (the case must have ended). */
  String filingCode() {
    return db.queryForObject("SELECT filing_code FROM filing_application WHERE application_no = ?", String.class,
        businessKey);
  }
}
