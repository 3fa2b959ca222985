package cn.hrss.assessment.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 19 items 9-10 through HTTP, on H2 and PostgreSQL, with Henan's city-code option on
 * ({@code assessment.filing.codes.city-code-provinces=41}, off in the shared test context, so this class has a context
 * of its own): a branch in Henan gets positions 8-9 from its city (001 豫职鉴〔2020〕2号 Annex 1 §二(四)-(五) 表 5) and
 * its serial 0001-8999 from that city's sequence — a branch declared in the first filing and one added later alike.
 */
@IntegrationTest
@TestPropertySource(properties = "assessment.filing.codes.city-code-provinces=41")
class BranchCityCodeIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired Jobs jobs;
  @Autowired InstitutionRegistry registry;
  @Autowired JdbcTemplate jdbc;

  /** The HTTP helpers of {@link LaterBranchApiIT}, on this context's beans. */
  private LaterBranchApiIT api;

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2023, 6, 1, 10, 0));
    api = new LaterBranchApiIT();
    api.http = http;
    api.json = json;
    api.tasks = tasks;
    api.runtime = runtime;
    api.identity = identity;
    api.jobs = jobs;
    api.registry = registry;
    api.jdbc = jdbc;
  }

  @AfterEach
  void tearDown() {
    List<String> running = runtime.createProcessInstanceQuery()
        .processDefinitionKeyIn("InstitutionFilingProcess", "BranchFilingProcess").list().stream()
        .map(ProcessInstance::getId).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "test finished", true, true, false);
    }
    jobs.resetClock();
  }

  @Test
  void aLaterBranchInHenanNeedsItsCityAndGetsItInPositionsEightAndNine() {
    LaterBranchApiIT.Filed filed = api.file();
    Map<String, Object> henan = LaterBranchApiIT.branch("41");
    henan.put("name", "示例机床有限公司三门峡分公司");
    ResponseEntity<JsonNode> missing = api.post(filed.filingCode(), filed.token(), henan, LaterBranchApiIT.materials(3));
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(LaterBranchApiIT.fields(missing)).containsExactly("application.cityCode");
    henan.put("cityCode", "29");
    assertThat(LaterBranchApiIT.fields(api.post(filed.filingCode(), filed.token(), henan,
        LaterBranchApiIT.materials(3)))).containsExactly("application.cityCode");
    assertThat(api.branchApplications(filed.filingCode())).isZero();

    henan.put("cityCode", "12");
    ResponseEntity<JsonNode> created = api.post(filed.filingCode(), filed.token(), henan, LaterBranchApiIT.materials(3));
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(created.getBody().get("applicationNo").asText())
        .taskDefinitionKey("Task_ReviewBranch").singleResult();
    assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .contains("provincial-officers-41");
    api.completeAs(review, "officer", LaterBranchApiIT.review("APPROVE", "MEETS"));
    jobs.runDue();
    String employerNumber = filed.filingCode().substring(1, 5);
    // Y + the employer's ministry number + 41 + 12 (三门峡市) + the city's serial 0001-8999.
    assertThat(registry.branchesOf(filed.filingCode())).singleElement().extracting(Institution::filingCode)
        .asString().matches("Y" + employerNumber + "4112(?!9)\\d{4}");
    assertThat(LaterBranchApiIT.subjectsOf(LaterBranchApiIT.BRANCH_EMAIL))
        .anyMatch(s -> s.startsWith("分支机构备案回执（示例机床有限公司三门峡分公司，"));
  }

  @Test
  void aBranchDeclaredInTheFilingTakesItsCityToo() {
    FilingApplication national = Applications.nationalEmployer(LaterBranchApiIT.freshCode());
    FilingApplication.Branch zhengzhou = new FilingApplication.Branch("中国示例装备集团郑州分公司",
        LaterBranchApiIT.freshHenanBranchCode(), "41", "郑州市中原区 9 号", "zz@group.example.cn", null);
    FilingApplication withoutCity = withBranch(national, zhengzhou);
    ResponseEntity<JsonNode> refused = http.postForEntity("/api/filings",
        Applications.multipart(json, withoutCity, Map.of("备案申请表.pdf", LifecycleFixtures.PDF)), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(LaterBranchApiIT.fields(refused)).containsExactly("branches[0].cityCode");

    FilingApplication.Branch withCity = new FilingApplication.Branch(zhengzhou.name(), zhengzhou.creditCode(), "41",
        zhengzhou.address(), zhengzhou.contactEmail(), "01");
    LaterBranchApiIT.Filed filed = api.file(withBranch(national, withCity), "approver");
    Task review = tasks.createTaskQuery().taskDefinitionKey("Task_ReviewBranch")
        .processVariableValueEquals("parentFilingCode", filed.filingCode()).singleResult();
    assertThat(review).isNotNull();
    api.completeAs(review, "officer", LaterBranchApiIT.review("APPROVE", "MEETS"));
    jobs.runDue();
    assertThat(registry.branchesOf(filed.filingCode())).singleElement().extracting(Institution::filingCode)
        .asString().matches("Y" + filed.filingCode().substring(1, 5) + "4101(?!9)\\d{4}");
  }

  private static FilingApplication withBranch(FilingApplication a, FilingApplication.Branch branch) {
    return new FilingApplication(a.institutionType(), a.name(), a.creditCode(), a.organisationForm(),
        a.legalRepresentative(), a.province(), a.address(), a.contact(), a.occupations(), List.of(branch),
        a.declarations(), null, List.of(), a.conditions(), null);
  }
}
