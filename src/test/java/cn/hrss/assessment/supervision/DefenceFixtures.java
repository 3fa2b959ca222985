package cn.hrss.assessment.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import cn.hrss.assessment.registry.OccupationScope;
import cn.hrss.assessment.support.Jobs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives a question-setting supervision of a filed institution (with the real access token of its filing application)
 * to the defence window and on to the issued opinion letter, as {@code QualitySupervisionProcessIT} does: the draw's
 * event, the two members' scorecards, the leader's preliminary opinion, the manager's letter. For the institution-area
 * page tests (IT and browser). The caller pins the engine clock and forgets {@link #businessKeys()} afterwards.
 */
public final class DefenceFixtures {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final LocalDate ACTIVITY = LocalDate.of(2026, 3, 2);
  private static final byte[] PDF = "%PDF-1.7\n%defence page test\n".getBytes();

  /** A filed institution and the token it holds. */
  public record Org(String filingCode, String email, String token, String name) {}

  private final TestRestTemplate http;
  private final ObjectMapper json;
  private final InstitutionRegistry registry;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Scorecards scorecards;
  private final Jobs jobs;
  private final List<String> businessKeys = new ArrayList<>();

  public DefenceFixtures(TestRestTemplate http, ObjectMapper json, InstitutionRegistry registry,
      ApplicationEventPublisher events, TransactionTemplate transactions, TaskService tasks, IdentityService identity,
      Scorecards scorecards, Jobs jobs) {
    this.http = http;
    this.json = json;
    this.registry = registry;
    this.events = events;
    this.transactions = transactions;
    this.tasks = tasks;
    this.identity = identity;
    this.scorecards = scorecards;
    this.jobs = jobs;
  }

  /** The filing applications and supervisions started, for {@code jobs.forget(...)}. */
  public List<String> businessKeys() {
    return businessKeys;
  }

  public Org institution(String name) {
    int n = SEQUENCE.incrementAndGet();
    String first17 = String.format("91410100ME%07d", (System.nanoTime() / 1000 + n) % 10_000_000);
    String creditCode = first17 + CreditCodes.checkCharacter(first17);
    ResponseEntity<JsonNode> created = http.postForEntity("/api/filings",
        Applications.multipart(json, Applications.provincialEmployer(creditCode), Map.of("备案申请表.pdf", PDF)), JsonNode.class);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    String applicationNo = created.getBody().get("applicationNo").asText();
    businessKeys.add(applicationNo);
    String email = "defence" + n + "-" + System.nanoTime() % 100_000 + "@example.cn";
    Institution institution = registry.register(new NewInstitution(InstitutionType.PROVINCIAL_EMPLOYER, name,
        creditCode, "41", "郑州市申辩路 " + n + " 号", email, applicationNo,
        List.of(new OccupationScope("6-18-01-02", "铣工", null, List.of(3))), null));
    return new Org(institution.filingCode(), email, created.getBody().get("accessToken").asText(), name);
  }

  /** A question-setting supervision (supervisor4 leads) scored {@code score} by both, up to its defence window. */
  public String toDefenceWindow(Org org, int score, String opinion) {
    String no = "DD2026-" + String.format("%06d", SEQUENCE.incrementAndGet() * 7907 % 1_000_000) + "-"
        + System.nanoTime() % 1000;
    businessKeys.add(no);
    transactions.executeWithoutResult(status -> events.publishEvent(new SupervisionAssigned(no, "JH-" + no,
        org.filingCode(), org.name(), org.email(), "41", Scorecards.QUESTION_SETTING, false, ACTIVITY, "郑州市申辩路考点",
        List.of("supervisor4", "supervisor3"))));
    Scorecard card = scorecards.find(Scorecards.QUESTION_SETTING).orElseThrow();
    for (String member : List.of("supervisor4", "supervisor3")) {
      Map<String, Object> fields = fields(card, score);
      fields.put("seriousViolation", false);
      complete(tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ScoreSupervision")
          .taskAssignee(member).singleResult(), member, fields);
    }
    jobs.runDue();
    complete(single(no), "supervisor4", Map.of("preliminaryScore", score, "preliminaryOpinion", opinion));
    jobs.runDue();
    return no;
  }

  /** The manager issues the letter (the defence window must be over or answered). */
  public void issue(String no, int finalScore, String opinion) {
    jobs.runDue();
    Task issue = single(no);
    assertThat(issue.getTaskDefinitionKey()).isEqualTo("Task_IssueSupervisionOpinion");
    complete(issue, "manager", Map.of("finalScore", finalScore, "seriousViolation", false, "opinion", opinion,
        "rectificationRequired", false));
    jobs.runDue();
  }

  private Task single(String no) {
    return tasks.createTaskQuery().processInstanceBusinessKey(no).singleResult();
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    assertThat(task).isNotNull();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The generated form's fields: full marks but for the last items, lowered until the card totals {@code total}. */
  private static Map<String, Object> fields(Scorecard card, int total) {
    Map<String, Object> fields = new HashMap<>();
    int deficit = card.maxTotal() - total;
    List<Scorecard.Item> items = new ArrayList<>(card.items());
    Collections.reverse(items);
    for (Scorecard.Item item : items) {
      int cut = Math.min(deficit, item.maxPoints());
      fields.put("score_" + item.id(), (long) (item.maxPoints() - cut));
      deficit -= cut;
    }
    return fields;
  }
}
