package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;

/**
 * CONTRACT.md "Jurisdiction (filing)": each filing task goes to its province's group, and an officer of Zhejiang (33,
 * {@code officer33}) never sees, claims, completes or reads a Henan (41) case — through engine REST (task list, count,
 * claim, complete, variables, history), through Tasklist's filter queries as Tasklist sends them, and through the
 * domain API (404). {@code officer} (41) likewise never sees the Zhejiang case.
 */
@IntegrationTest
class JurisdictionIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
  private static final byte[] PDF = "%PDF-1.7\n%jurisdiction\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired FilingService filings;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired Jobs jobs;
  @Autowired JurisdictionUpgrade upgrade;

  private final List<String> submitted = new ArrayList<>();

  @AfterEach
  void tearDown() {
    jobs.forget(submitted);
  }

  // ------------------------------------------------------------------ routing per applicant type

  @Test
  void eachApplicantTypeIsAcceptedAndDecidedInItsJurisdiction() {
    assertThat(acceptanceGroups(submit(socialOrg("41")))).containsExactly("acceptance-officers-41");
    assertThat(acceptanceGroups(submit(socialOrg("33")))).containsExactly("acceptance-officers-33");
    assertThat(acceptanceGroups(submit(Applications.provincialEmployer(code("91410100MA")))))
        .containsExactly("acceptance-officers-41");
    // 002 Annex 1 §一(十)2: the ministry centre accepts national employers, whatever the head office's province.
    String national = submit(Applications.nationalEmployer(code("91110000MA")));
    assertThat(acceptanceGroups(national)).containsExactly("ministry-approvers");
    assertThat(runtime.getVariable(instanceId(national), FilingProcess.Vars.DECIDING_GROUP))
        .isEqualTo("ministry-approvers");
    assertThat(runtime.getVariable(instanceId(submitted.get(1)), FilingProcess.Vars.DECIDING_GROUP))
        .isEqualTo("acceptance-officers-33");
  }

  // ------------------------------------------------------------------ engine REST

  @Test
  void anOfficerOfZhejiangNeitherSeesNorClaimsNorCompletesNorReadsAHenanCase() throws Exception {
    String henan = submit(socialOrg("41"));
    String zhejiang = submit(socialOrg("33"));
    Task henanTask = acceptanceTask(henan);
    Task zhejiangTask = acceptanceTask(zhejiang);
    String henanInstance = henanTask.getProcessInstanceId();

    // Task list and count: the Henan task is not there for officer33, the Zhejiang one is.
    assertThat(json("GET", "/engine-rest/task?processInstanceBusinessKey=" + henan, "officer33", null)).isEmpty();
    assertThat(json("GET", "/engine-rest/task/count?processInstanceBusinessKey=" + henan, "officer33", null)
        .get("count").asLong()).isZero();
    assertThat(json("GET", "/engine-rest/task?processInstanceBusinessKey=" + zhejiang, "officer33", null))
        .hasSize(1);
    assertThat(json("GET", "/engine-rest/task?processInstanceBusinessKey=" + henan, "officer", null)).hasSize(1);
    assertThat(json("GET", "/engine-rest/task?processInstanceBusinessKey=" + zhejiang, "officer", null)).isEmpty();
    assertThat(send("GET", "/engine-rest/task/" + henanTask.getId(), "officer33", null).statusCode()).isEqualTo(404);

    // Claim and complete: refused, nothing changed.
    assertThat(send("POST", "/engine-rest/task/" + henanTask.getId() + "/claim", "officer33",
        "{\"userId\": \"officer33\"}").statusCode()).isEqualTo(403);
    assertThat(send("POST", "/engine-rest/task/" + henanTask.getId() + "/complete", "officer33",
        ACCEPT_BODY).statusCode()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(henanTask.getId()).singleResult().getAssignee()).isNull();

    // Variables: of the task, of the instance and in the variable-instance query.
    assertThat(send("GET", "/engine-rest/task/" + henanTask.getId() + "/variables", "officer33", null).statusCode())
        .isIn(403, 404);
    assertThat(send("GET", "/engine-rest/process-instance/" + henanInstance + "/variables", "officer33", null)
        .statusCode()).isEqualTo(403);
    assertThat(json("GET", "/engine-rest/variable-instance?processInstanceIdIn=" + henanInstance, "officer33", null))
        .isEmpty();
    assertThat(json("GET", "/engine-rest/variable-instance?processInstanceIdIn=" + henanInstance, "officer", null))
        .isNotEmpty();
    assertThat(json("GET", "/engine-rest/process-instance?businessKey=" + henan, "officer33", null)).isEmpty();

    // History: instances, tasks and variables.
    assertThat(json("GET", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + henan, "officer33",
        null)).isEmpty();
    assertThat(json("GET", "/engine-rest/history/task?processInstanceId=" + henanInstance, "officer33", null)).isEmpty();
    assertThat(json("GET", "/engine-rest/history/variable-instance?processInstanceId=" + henanInstance, "officer33",
        null)).isEmpty();

    // Their own province works as before.
    assertThat(send("POST", "/engine-rest/task/" + zhejiangTask.getId() + "/claim", "officer33",
        "{\"userId\": \"officer33\"}").statusCode()).isEqualTo(204);
    assertThat(send("GET", "/engine-rest/task/" + zhejiangTask.getId() + "/variables", "officer33", null).statusCode())
        .isEqualTo(200);
    assertThat(send("POST", "/engine-rest/task/" + zhejiangTask.getId() + "/complete", "officer33",
        ACCEPT_BODY).statusCode()).isEqualTo(204);
    assertThat(send("POST", "/engine-rest/task/" + henanTask.getId() + "/complete", "officer",
        ACCEPT_BODY).statusCode()).isEqualTo(204);
  }

  // ------------------------------------------------------------------ Tasklist's filter queries

  @Test
  void theAcceptanceFilterShowsEachOfficerTheTasksOfHisProvinceOnly() throws Exception {
    String henan = submit(socialOrg("41"));
    String zhejiang = submit(socialOrg("33"));

    String filter33 = filterId("officer33", "受理审查");
    assertThat(filterId("officer", "受理审查")).isEqualTo(filter33);
    List<String> seenBy33 = filterList(filter33, "officer33");
    assertThat(seenBy33).contains(zhejiang).doesNotContain(henan);
    List<String> seenBy41 = filterList(filter33, "officer");
    assertThat(seenBy41).contains(henan).doesNotContain(zhejiang);

    // The count Tasklist shows beside the filter: exactly the open tasks of officer33's province groups.
    long expected33 = tasks.createTaskQuery().taskCandidateGroupIn(List.of("acceptance-officers-33",
        "provincial-officers-33")).taskDefinitionKeyIn("Task_ReviewCompleteness", "Task_ReviewObjection",
        "Task_DecideFiling", "Task_ReviewChange").count();
    assertThat(json("POST", "/engine-rest/filter/" + filter33 + "/count", "officer33", "{}").get("count").asLong())
        .isEqualTo(expected33);
    assertThat(json("POST", "/engine-rest/filter/" + filter33 + "/count?processInstanceBusinessKey=" + henan,
        "officer33", "{\"processInstanceBusinessKey\": \"" + henan + "\"}").get("count").asLong()).isZero();

    // officer33 reviews branches in Zhejiang: he sees that filter too (granted to provincial-officers-33).
    assertThat(filterNames("officer33")).containsExactlyInAnyOrder("受理审查", "分支机构备案", "期限暂定的任务");
  }

  // ------------------------------------------------------------------ domain API

  @Test
  void theDomainApiAnswers404ForAnotherProvincesCase() throws Exception {
    String henan = submit(socialOrg("41"));
    assertThat(send("GET", "/api/filings/" + henan, "officer33", null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/filings/" + henan, "officer", null).statusCode()).isEqualTo(200);
    // National readers: the ministry and the (national) managers read every province's case.
    assertThat(send("GET", "/api/filings/" + henan, "manager", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/filings/" + henan, "approver", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/filings/" + henan + "/materials/1", "officer33", null).statusCode())
        .isEqualTo(404);
    // The case's notices (受理通知 once accepted): nothing for another province, as for an unknown number.
    assertThat(send("POST", "/engine-rest/task/" + acceptanceTask(henan).getId() + "/complete", "officer",
        ACCEPT_BODY).statusCode()).isEqualTo(204);
    jobs.runDue();
    assertThat(json("GET", "/api/notices?caseRef=" + henan, "officer", null)).isNotEmpty();
    assertThat(json("GET", "/api/notices?caseRef=" + henan, "officer33", null)).isEmpty();
  }

  // ------------------------------------------------------------------ upgrade of open instances

  @Test
  void anOpenTaskOfTheNationwideGroupIsMovedToItsProvinceOnStart() throws Exception {
    String henan = submit(socialOrg("41"));
    Task task = acceptanceTask(henan);
    // As a task of the release before: the nationwide group, no routing variables.
    tasks.deleteCandidateGroup(task.getId(), "acceptance-officers-41");
    tasks.addCandidateGroup(task.getId(), "acceptance-officers");
    runtime.removeVariable(task.getProcessInstanceId(), FilingProcess.Vars.ACCEPTING_GROUP);
    assertThat(json("GET", "/engine-rest/task?processInstanceBusinessKey=" + henan, "officer33", null)).hasSize(1);

    assertThat(upgrade.reroute()).isGreaterThanOrEqualTo(1);

    assertThat(acceptanceGroups(henan)).containsExactly("acceptance-officers-41");
    assertThat(runtime.getVariable(task.getProcessInstanceId(), FilingProcess.Vars.ACCEPTING_GROUP))
        .isEqualTo("acceptance-officers-41");
    assertThat(json("GET", "/engine-rest/task?processInstanceBusinessKey=" + henan, "officer33", null)).isEmpty();
    assertThat(json("GET", "/engine-rest/task?processInstanceBusinessKey=" + henan, "officer", null)).hasSize(1);
    assertThat(upgrade.reroute()).isZero();
  }

  // ------------------------------------------------------------------ helpers

  /** An acceptance through engine REST as Tasklist sends it: the decision and every item of the checklist confirmed. */
  private static final String ACCEPT_BODY = acceptBody();

  private static String acceptBody() {
    StringBuilder body = new StringBuilder("{\"variables\": {");
    String separator = "";
    for (Map.Entry<String, Object> variable : Applications.acceptance().entrySet()) {
      Object value = variable.getValue();
      body.append(separator).append('"').append(variable.getKey()).append("\": {\"value\": ")
          .append(value instanceof String ? "\"" + value + "\"" : value).append('}');
      separator = ", ";
    }
    return body.append("}}").toString();
  }

  private FilingApplication socialOrg(String province) {
    FilingApplication base = Applications.socialOrg(code("52" + province + "0000MJ"));
    return new FilingApplication(base.institutionType(), base.name(), base.creditCode(), base.organisationForm(),
        base.legalRepresentative(), province, base.address(), base.contact(), base.occupations(), base.branches(),
        base.declarations());
  }

  private static String code(String prefix10) {
    String first17 = prefix10 + String.format("%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  private String submit(FilingApplication application) {
    String no = filings.submit(Applications.tagged(application, "备案申请表.pdf"), List.of(new MockMultipartFile("files", "备案申请表.pdf", "application/pdf",
        PDF))).applicationNo();
    submitted.add(no);
    return no;
  }

  private String instanceId(String applicationNo) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).singleResult().getId();
  }

  private Task acceptanceTask(String applicationNo) {
    return tasks.createTaskQuery().processInstanceBusinessKey(applicationNo)
        .taskDefinitionKey(FilingProcess.Elements.REVIEW_COMPLETENESS).singleResult();
  }

  private List<String> acceptanceGroups(String applicationNo) {
    return tasks.getIdentityLinksForTask(acceptanceTask(applicationNo).getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }

  private String filterId(String user, String name) throws Exception {
    for (JsonNode filter : json("GET", "/engine-rest/filter?resourceType=Task", user, null)) {
      if (name.equals(filter.get("name").asText())) {
        return filter.get("id").asText();
      }
    }
    throw new AssertionError(user + " does not see the filter " + name);
  }

  private List<String> filterNames(String user) throws Exception {
    List<String> names = new ArrayList<>();
    json("GET", "/engine-rest/filter?resourceType=Task", user, null).forEach(f -> names.add(f.get("name").asText()));
    return names;
  }

  /** The business keys of the filter's first page, requested as Tasklist does (HAL, variables, newest first). */
  private List<String> filterList(String filterId, String user) throws Exception {
    String body = JSON.writeValueAsString(Map.of("processVariables", List.of(), "taskVariables", List.of(),
        "caseInstanceVariables", List.of(), "orQueries", List.of(),
        "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))));
    HttpResponse<String> response = HTTP.send(request("/engine-rest/filter/" + filterId
        + "/list?firstResult=0&maxResults=200", user).header("Accept", "application/hal+json")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode hal = JSON.readTree(response.body());
    List<String> keys = new ArrayList<>();
    JsonNode embedded = hal.path("_embedded");
    for (JsonNode task : embedded.path("task")) {
      String instance = task.path("processInstanceId").asText();
      for (JsonNode pi : embedded.path("processInstance")) {
        if (pi.path("id").asText().equals(instance)) {
          keys.add(pi.path("businessKey").asText());
        }
      }
      if (!task.path("processInstanceId").isMissingNode()) {
        runtime.createProcessInstanceQuery().processInstanceId(instance).list()
            .forEach(pi -> keys.add(pi.getBusinessKey()));
      }
    }
    return keys;
  }

  private JsonNode json(String method, String path, String user, String body) throws Exception {
    HttpResponse<String> response = send(method, path, user, body);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
    HttpRequest.Builder builder = request(path, user).header("Accept", "application/json");
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String user) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
  }
}
