package cn.hrss.assessment.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.support.Jobs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Filed institutions (through {@code POST /api/filings} and the filing procedure, so that they have a real access
 * token) and supervisors (Camunda users in group supervisors) for the supervision tests.
 */
final class SupervisionFixtures {

  static final byte[] PDF = "%PDF-1.7\n%supervision test\n".getBytes();
  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

  record Filed(String filingCode, String token, String creditCode, String name) {}

  private final TestRestTemplate http;
  private final ObjectMapper json;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Jobs jobs;

  SupervisionFixtures(TestRestTemplate http, ObjectMapper json, TaskService tasks, IdentityService identity, Jobs jobs) {
    this.http = http;
    this.json = json;
    this.tasks = tasks;
    this.identity = identity;
    this.jobs = jobs;
  }

  static String freshCreditCode() {
    String first17 = String.format("91410100MC%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  /** A Henan provincial employer filed for 铣工 levels 3 and 4 and 车工 level 4. */
  Filed file(String name) {
    String creditCode = freshCreditCode();
    FilingApplication application = new FilingApplication("PROVINCIAL_EMPLOYER", name, creditCode, "ENTERPRISE", "孙八",
        "41", "郑州市高新区 9 号", new FilingApplication.Contact("周九", "0371-5555", "hr@plans.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-02", "铣工", null, List.of(3, 4)),
            new FilingApplication.Occupation("6-18-01-01", "车工", null, List.of(4))), List.of(),
        Applications.allTrue());
    ResponseEntity<JsonNode> created = http.postForEntity("/api/filings",
        Applications.multipart(json, application, Map.of("备案申请表.pdf", PDF)), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("applicationNo").asText();
    String token = created.getBody().get("accessToken").asText();
    complete(no, "Task_ReviewCompleteness", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    for (Task review : tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ExpertReview").list()) {
      completeAs(review, review.getAssignee(), Map.of("expertOpinion", "PASS", "expertComment", "符合条件"));
    }
    jobs.runDue();
    complete(no, "Task_DecideFiling", cn.hrss.assessment.filing.Applications.approval());
    jobs.runDue();
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    JsonNode status = http.exchange("/api/filings/" + no, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class)
        .getBody();
    assertThat(status.get("status").asText()).isEqualTo("FILED");
    return new Filed(status.get("filingCode").asText(), token, creditCode, name);
  }

  /** A Camunda user in group supervisors (password = id), new at every call. */
  String supervisorUser() {
    String id = "sv" + SEQUENCE.incrementAndGet();
    User user = identity.newUser(id);
    user.setFirstName("测试");
    user.setLastName("督导员");
    user.setPassword(id);
    identity.saveUser(user);
    identity.createMembership(id, Groups.SUPERVISORS);
    return id;
  }

  /** A valid external card code (R + 41 + 25 + serial), new at every call. */
  static String freshCardCode() {
    return "R4125" + String.format("%04d", 1 + SEQUENCE.incrementAndGet() % 9999);
  }

  private void complete(String applicationNo, String key, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey(key).singleResult();
    assertThat(task).as(key + " of " + applicationNo).isNotNull();
    completeAs(task, "officer", variables);
  }

  private void completeAs(Task task, String user, Map<String, Object> variables) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
  }
}
