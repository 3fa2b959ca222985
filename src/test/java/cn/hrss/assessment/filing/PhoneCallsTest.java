package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.Violations;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 19 item 11: 通过电话方式告知 (002 Annex 1 §一(十)2 acceptance, §一(十四) result), recorded and checked. */
class PhoneCallsTest {

  final FilingCompletionRule rule = new FilingCompletionRule();

  @BeforeEach
  void pinClock() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 3, 2, 11, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  List<String> check(String task, Map<String, Object> submitted, String type) {
    Violations violations = new Violations();
    Map<String, Object> existing = Map.of(FilingProcess.Vars.INSTITUTION_TYPE, type);
    rule.check(new TaskCompletion("t1", task, FilingProcess.KEY, "p1", "BA2026000001", "officer", submitted,
        existing::get), violations);
    return violations.messages();
  }

  @Test
  void aNationalEmployerIsToldByPhoneAtAcceptanceWhateverTheOutcome() {
    Map<String, Object> supplement = new HashMap<>(Map.of("acceptanceDecision", "REQUEST_SUPPLEMENT",
        "acceptanceComment", "请补充第 9 项"));
    assertThat(check("Task_ReviewCompleteness", supplement, "NATIONAL_EMPLOYER"))
        .anySatisfy(m -> assertThat(m).startsWith("phoneCallAt").contains("§一(十)2"))
        .anySatisfy(m -> assertThat(m).startsWith("phoneCallOutcome"));
    supplement.put("phoneCallAt", "2026-03-02T10:30");
    supplement.put("phoneCallOutcome", "INFORMED");
    assertThat(check("Task_ReviewCompleteness", supplement, "NATIONAL_EMPLOYER")).isEmpty();
    // The guidance asks no call of social organisations (§二(十)2) or provincial employers (3号 §二2: 通知).
    Map<String, Object> plain = Map.of("acceptanceDecision", "REQUEST_SUPPLEMENT", "acceptanceComment", "请补充");
    assertThat(check("Task_ReviewCompleteness", plain, "SOCIAL_ORG")).isEmpty();
    assertThat(check("Task_ReviewCompleteness", plain, "PROVINCIAL_EMPLOYER")).isEmpty();
  }

  @Test
  void aCallInTheFutureOrWithoutAKnownOutcomeIsRefused() {
    Map<String, Object> call = new HashMap<>(Map.of("acceptanceDecision", "REJECT", "acceptanceComment", "不符合条件",
        "phoneCallAt", "2026-03-02T11:30+08:00", "phoneCallOutcome", "MAYBE"));
    assertThat(check("Task_ReviewCompleteness", call, "NATIONAL_EMPLOYER")).hasSize(2)
        .anySatisfy(m -> assertThat(m).startsWith("phoneCallAt").contains("不能晚于当前时间"))
        .anySatisfy(m -> assertThat(m).startsWith("phoneCallOutcome"));
    call.put("phoneCallAt", "yesterday");
    assertThat(check("Task_ReviewCompleteness", call, "NATIONAL_EMPLOYER"))
        .anySatisfy(m -> assertThat(m).startsWith("phoneCallAt").contains("格式无效"));
  }

  @Test
  void anApprovalOfANationalEmployerRecordsTheCallARefusalDoesNot() {
    assertThat(check("Task_DecideFiling", Map.of("filingDecision", "APPROVE"), "NATIONAL_EMPLOYER"))
        .anySatisfy(m -> assertThat(m).startsWith("phoneCallAt").contains("§一(十四)"));
    assertThat(check("Task_DecideFiling", Map.of("filingDecision", "APPROVE", "phoneCallAt", "2026-03-02T02:55Z",
        "phoneCallOutcome", "NOT_REACHED"), "NATIONAL_EMPLOYER")).isEmpty();
    assertThat(check("Task_DecideFiling", Map.of("filingDecision", "REJECT", "decisionComment", "理由"), "NATIONAL_EMPLOYER"))
        .isEmpty();
    assertThat(check("Task_DecideFiling", Map.of("filingDecision", "APPROVE"), "SOCIAL_ORG")).isEmpty();
  }
}
