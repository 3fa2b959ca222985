package cn.hrss.assessment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Server-side checks of task completions through engine REST (the Tasklist path), the managers' read access
 * to history in Cockpit, and cross-site requests on engine REST.
 */
@IntegrationTest
class TaskCompletionValidationIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  TaskService taskService;

  @Autowired
  HistoryService historyService;

  @Autowired
  IdentityService identityService;

  private String processInstanceId;
  private String taskId;

  @BeforeEach
  void startProbe() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("CompletionProbe").count() == 0) {
      repositoryService.createDeployment().name("completion-probe").addModelInstance("CompletionProbe.bpmn",
          Bpmn.createExecutableProcess("CompletionProbe").camundaHistoryTimeToLive(1)
              .startEvent()
              .userTask("Task_Probe").camundaCandidateGroups(Groups.ACCEPTANCE_OFFICERS)
              .userTask("Task_After").camundaCandidateGroups(Groups.ACCEPTANCE_OFFICERS)
              .endEvent().done())
          .deploy();
    }
    processInstanceId = runtimeService.startProcessInstanceByKey("CompletionProbe").getId();
    taskId = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  @Test
  void anInvalidCompletionIsRefusedWithTheReasonAndChangesNothing() throws Exception {
    HttpResponse<String> response = send("POST", "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"NO\"}}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("提交内容未通过校验").contains("decision");
    // Tasklist shows this message as it is: the engine's English "Cannot complete task <id>: " is dropped.
    assertThat(response.body()).contains("\"message\":\"提交内容未通过校验").doesNotContain("Cannot");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(processInstanceId, "decision")).isNull();
  }

  @Test
  void aMissingValueIsRefusedOnTheFormSubmissionPathToo() throws Exception {
    HttpResponse<String> response = send("POST", "/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":{}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("decision：必填").doesNotContain("Cannot submit task form");
  }

  @Test
  void aValidCompletionGoesThrough() throws Exception {
    HttpResponse<String> response = send("POST", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"OK\"}}}");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(runtimeService.getVariable(processInstanceId, "decision")).isEqualTo("OK");
  }

  @Test
  void aTaskLocalVariableCannotSmuggleAnUncheckedValueIntoTheProcess() throws Exception {
    send("PUT", "/engine-rest/task/" + taskId + "/variables/decision", "{\"value\":\"GARBAGE\",\"type\":\"String\"}");
    send("PUT", "/engine-rest/task/" + taskId + "/localVariables/decision", "{\"value\":\"x\",\"type\":\"String\"}");

    HttpResponse<String> response = send("POST", "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"OK\"}}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("任务局部变量");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void managersReadTheHistoryThatCockpitShows() {
    identityService.setAuthentication("manager", List.of(Groups.MANAGERS));
    try {
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count())
          .isEqualTo(1);
      assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).count())
          .isPositive();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isEqualTo(1);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void aCrossSiteBrowserRequestCannotUseCachedCredentials() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/complete"))
        .header("Content-Type", "application/json")
        .header("Authorization", basic("officer"))
        .header("Origin", "https://attacker.example")
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"decision\":{\"value\":\"OK\"}}}"))
        .build();

    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .header("Authorization", basic("officer"))
        .method(method, HttpRequest.BodyPublishers.ofString(json))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
