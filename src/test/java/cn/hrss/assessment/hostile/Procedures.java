package cn.hrss.assessment.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.support.Jobs;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** Drives filings and cases of the running application into the state a property needs. */
final class Procedures {

  static final byte[] PDF = "%PDF-1.7\n%hostile\n".getBytes(StandardCharsets.US_ASCII);
  private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

  private final RunningApp app;
  private final Http http;

  Procedures(RunningApp app, Http http) {
    this.app = app;
    this.http = http;
  }

  record Submitted(String applicationNo, String token) {}

  /** A valid unified social credit code no other call returns ({@code prefix}: 4 characters, e.g. 5241). */
  static String creditCode(String prefix) {
    String first17 = prefix + String.format("0000MA%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  static String json(Object value) {
    try {
      return Http.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  Http.Response submit(String applicationJson, String fileName, byte[] content) {
    return http.post("/api/filings", new Http.Multipart().text("application", "application/json", applicationJson)
        .file("files", fileName, "application/pdf", content), Map.of());
  }

  Submitted submit(FilingApplication application) {
    Http.Response created = submit(json(Applications.tagged(application, "申请表.pdf")), "申请表.pdf", PDF);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return new Submitted(created.json().get("applicationNo").asText(), created.json().get("accessToken").asText());
  }

  /** Completes the one open task {@code taskKey} of {@code businessKey} as {@code user} (Java API, as Tasklist would). */
  void complete(String businessKey, String taskKey, String user, Map<String, Object> variables) {
    for (Task task : tasks(businessKey, taskKey)) {
      complete(task, user == null ? task.getAssignee() : user, variables);
    }
  }

  List<Task> tasks(String businessKey, String taskKey) {
    List<Task> tasks = app.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open %s of %s", taskKey, businessKey).isNotEmpty();
    return tasks;
  }

  void complete(Task task, String user, Map<String, Object> variables) {
    IdentityService identity = app.bean(IdentityService.class);
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    identity.setAuthentication(user, groups);
    try {
      app.bean(TaskService.class).complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  void runJobs() {
    app.bean(Jobs.class).runDue();
  }

  /** Accepted and reviewed by its panel: a social organisation is then in its public notice (公示). */
  void acceptAndPassReview(String applicationNo) {
    // CONTRACT.md "Jurisdiction": the ministry centre accepts national employers, officer (Henan) the others here.
    boolean ministry = app.bean(TaskService.class).getIdentityLinksForTask(
        tasks(applicationNo, "Task_ReviewCompleteness").get(0).getId()).stream()
        .anyMatch(link -> "ministry-approvers".equals(link.getGroupId()));
    complete(applicationNo, "Task_ReviewCompleteness", ministry ? "approver" : "officer",
        cn.hrss.assessment.filing.Applications.acceptance());
    runJobs();
    complete(applicationNo, "Task_ExpertReview", null, Map.of("expertOpinion", "PASS", "expertComment", "符合条件"));
    runJobs();
  }

  void requestSupplement(String applicationNo) {
    complete(applicationNo, "Task_ReviewCompleteness", "officer",
        Map.of("acceptanceDecision", "REQUEST_SUPPLEMENT", "acceptanceComment", "请补充场地证明"));
    runJobs();
  }
}
