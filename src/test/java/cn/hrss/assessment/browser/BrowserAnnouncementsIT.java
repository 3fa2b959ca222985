package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.codes.ResidentIdNumbers;
import cn.hrss.assessment.discipline.DisciplinaryCaseProcess;
import cn.hrss.assessment.discipline.DisciplinaryCaseProcess.Ids;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import cn.hrss.assessment.registry.OccupationScope;
import cn.hrss.assessment.support.Jobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The public announcements page (公告) with a decided case on it: a candidate without an e-mail address is served the
 * decision by announcement (002 Annex 2 Art. 17). The case is opened through the domain API, the officer's tasks are
 * completed through the engine API as in DisciplineApiIT, the statement window passes on the engine clock.
 */
@BrowserTest
class BrowserAnnouncementsIT {

  @Autowired TestRestTemplate http;
  @Autowired InstitutionRegistry registry;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired Jobs jobs;

  @AfterEach
  void cleanUp() {
    // The context is shared: no appeal-window timer of this case may fire in another test.
    runtime.createProcessInstanceQuery().processDefinitionKey(DisciplinaryCaseProcess.KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "browser test finished", true, true));
    jobs.resetClock();
  }

  @Test
  void aDecisionServedByAnnouncementIsPublished(Browser browser) {
    String caseNo = decidedCaseWithoutAddress("浏览器测试考生");
    PublicPages pages = new PublicPages(browser);

    List<String> announcements = pages.announcements();
    browser.awaitText(caseNo);
    browser.screenshot("announcements-with-decision");
    assertThat(announcements).filteredOn(text -> text.contains(caseNo)).singleElement().asString()
        .contains("处理决定书", "浏览器测试考生", "********", "理由", "依据", "处理：", "公告日期");
    assertThat(browser.bodyText()).contains("违纪违规处理公告");
  }

  /** A candidate case (002 Annex 2 Art. 6(4): taking the paper out of the room; no e-mail) through determination and decision; returns the case number. */
  private String decidedCaseWithoutAddress(String candidate) {
    Institution school = registry.register(new NewInstitution(InstitutionType.SOCIAL_ORG, "浏览器测试技能评价中心",
        creditCode(), "41", "郑州市金水区测试路 2 号", "school@browser.example.cn", "BROWSER-D-" + System.nanoTime(),
        List.of(new OccupationScope("6-31-99-01", "测试工种", null, List.of(4, 3))), null));
    Map<String, Object> intake = new LinkedHashMap<>();
    intake.put("partyType", "CANDIDATE");
    intake.put("source", "EXAM_SITE_REPORT");
    intake.put("party", Map.of("name", candidate, "idNumber", idNumber()));
    intake.put("facts", "理论知识考试结束时将试卷带出考场，经考务人员在考场外查获。");
    intake.put("reporters", List.of("考务员 王五", "考务员 赵六"));
    intake.put("siteHeadConfirmed", true);
    intake.put("institutionFilingCode", school.filingCode());
    ResponseEntity<JsonNode> created = exchange(HttpMethod.POST, "/api/discipline/cases", intake);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    String caseNo = created.getBody().get("caseNo").asText();

    complete(caseNo, Ids.DETERMINE, Map.of("violationArticle", 6, "violationItem", 4,
        "findings", "经调查核实：考生擅自将理论知识考试试卷带出考场，有监控录像和两名考务人员证言为证。"));
    Instant statementDeadline = Instant.parse(exchange(HttpMethod.GET, "/api/discipline/cases/" + caseNo, null)
        .getBody().get("deadlines").get("statement").asText());
    jobs.moveClockTo(LocalDateTime.ofInstant(statementDeadline.plusSeconds(60), Jobs.ZONE));
    jobs.runDue();
    complete(caseNo, Ids.ISSUE_DECISION, Map.of("decisionApproved", true, "decisionNote", "同意"));
    return caseNo;
  }

  /** Completes the case's open task as the discipline officer would in Tasklist, then runs the async steps. */
  private void complete(String caseNo, String taskKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    identity.setAuthentication("discipline", List.of("discipline-officers"));
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
    jobs.runDue();
  }

  private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("discipline", "discipline");
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static String creditCode() {
    String first17 = String.format("91410100MC%07d", System.nanoTime() % 10_000_000);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  private static String idNumber() {
    String first17 = String.format("41010519900601%03d", System.nanoTime() % 1000);
    return first17 + ResidentIdNumbers.checkCharacter(first17);
  }
}
