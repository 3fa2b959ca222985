package cn.hrss.assessment.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Engine REST and domain API authentication and the authorizations of IdentitySetup (CONTRACT.md users). */
@IntegrationTest
class EngineRestSecurityIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  TaskService taskService;

  @Test
  void engineListNeedsCredentials() throws Exception {
    assertThat(get("/engine-rest/engine", null, null).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/engine", "admin", "wrong").statusCode()).isEqualTo(401);

    HttpResponse<String> response = get("/engine-rest/engine", "admin", "admin");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"name\":\"default\"");
  }

  @Test
  void engineResourcesNeedCredentials() throws Exception {
    assertThat(get("/engine-rest/task", null, null).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task", "officer", "officer").statusCode()).isEqualTo(200);
  }

  @Test
  void officerSeesTheFiltersOfHisTwoGroups() throws Exception {
    HttpResponse<String> response = get("/engine-rest/filter", "officer", "officer");

    assertThat(response.statusCode()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    JSON.readTree(response.body()).forEach(filter -> names.add(filter.get("name").asText()));
    assertThat(names).containsExactlyInAnyOrder("受理审查", "分支机构备案", "期限暂定的任务");
  }

  @Test
  void managerReadsTasksButCannotCompleteThem() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("FoundationAuthorizationTest")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Check").name("审查").camundaCandidateGroups(Groups.ACCEPTANCE_OFFICERS)
        .endEvent()
        .done();
    repositoryService.createDeployment().name("foundation-authorization-test")
        .addModelInstance("FoundationAuthorizationTest.bpmn", model).deploy();
    String instanceId = runtimeService.startProcessInstanceByKey("FoundationAuthorizationTest").getId();
    Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();

    HttpResponse<String> read = get("/engine-rest/task?processInstanceId=" + instanceId, "manager", "manager");
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode tasks = JSON.readTree(read.body());
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("id").asText()).isEqualTo(task.getId());

    HttpResponse<String> complete = post("/engine-rest/task/" + task.getId() + "/complete", "manager", "manager",
        "{\"variables\":{}}");
    assertThat(complete.statusCode()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    // The officer of the candidate group may complete it.
    assertThat(post("/engine-rest/task/" + task.getId() + "/complete", "officer", "officer", "{\"variables\":{}}")
        .statusCode()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  @Test
  void officerEndpointsRefuseAnonymousAndOutsiders() throws Exception {
    assertThat(get(OfficerProbeController.PATH, null, null).statusCode()).isEqualTo(401);
    assertThat(post(OfficerProbeController.PATH, null, null, "{}").statusCode()).isEqualTo(401);
    HttpResponse<String> wrongPassword = get(OfficerProbeController.PATH, "officer", "wrong");
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(get(OfficerProbeController.PATH, "expert1", "expert1").statusCode()).isEqualTo(403);

    HttpResponse<String> officer = get(OfficerProbeController.PATH, "officer", "officer");
    assertThat(officer.statusCode()).isEqualTo(200);
    assertThat(officer.body()).contains("\"userId\":\"officer\"");
  }

  private HttpResponse<String> get(String path, String user, String password) throws IOException,
      InterruptedException {
    return HTTP.send(request(path, user, password).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String user, String password, String json) throws IOException,
      InterruptedException {
    return HTTP.send(request(path, user, password).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }
}
