package cn.hrss.assessment.benchmark;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.codes.ResidentIdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The benchmark's workload, through HTTP as real clients send it, on the application or on the bare engine:
 * social-organisation filings (submission with a small PDF, acceptance, three expert opinions, public-notice timer
 * fired, decision) and candidate disciplinary cases (intake, determination, statement window fired, decision,
 * appeal window fired). Officers and experts find their task with their Tasklist filter's query (narrowed to the
 * case, as a search in Tasklist does) and complete it through engine REST; an operator fires the timers through
 * engine REST ({@code POST /engine-rest/job/{id}/execute}) instead of waiting days. The job executor runs
 * everything asynchronous. Each stage is worked for all cases by the client threads, then the harness waits
 * until no job is due (officers work through their inbox; nothing is polled per case).
 */
final class Workload {

  static final String ACCEPTANCE_FILTER = "受理审查";
  static final String EXPERT_FILTER = "技术评审";
  static final String DISCIPLINE_FILTER = "违纪认定";
  static final List<String> EXPERTS = List.of("expert1", "expert2", "expert3", "expert4");

  private static final byte[] PDF = "%PDF-1.7\n%benchmark material\n".getBytes(StandardCharsets.US_ASCII);
  /** Unique credit codes and ID numbers across every run in this JVM. */
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final Http http;
  private final boolean bare;
  private final Map<String, String> filterIds;
  private final Latencies latencies;
  private final ExecutorService clients;
  private final Runnable awaitIdle;
  private final String institutionFilingCode;
  private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

  Workload(Http http, boolean bare, Map<String, String> filterIds, Latencies latencies, ExecutorService clients,
      Runnable awaitIdle, String institutionFilingCode) {
    this.http = http;
    this.bare = bare;
    this.filterIds = filterIds;
    this.latencies = latencies;
    this.clients = clients;
    this.awaitIdle = awaitIdle;
    this.institutionFilingCode = institutionFilingCode;
  }

  /** The same workload, timing into {@code other}. */
  Workload withLatencies(Latencies other) {
    return new Workload(http, bare, filterIds, other, clients, awaitIdle, institutionFilingCode);
  }

  // ------------------------------------------------------------------ filings

  void filings(int n) {
    String[] keys = new String[n];
    String[] instances = new String[n];
    stage(n, i -> keys[i] = submitFiling());
    stage(n, i -> instances[i] = complete("officer", ACCEPTANCE_FILTER, keys[i], "Task_ReviewCompleteness",
        cn.hrss.assessment.filing.Applications.acceptance()));
    stage(n, i -> {
      int opinions = 0;
      for (String expert : EXPERTS) {
        for (JsonNode task : tasks(expert, EXPERT_FILTER, keys[i], "Task_ExpertReview")) {
          completeTask(expert, task.get("id").asText(), Map.of("expertOpinion", "PASS", "expertComment", "符合条件"));
          opinions++;
        }
      }
      if (opinions != 3) {
        throw new IllegalStateException(keys[i] + ": " + opinions + " expert review tasks instead of 3");
      }
    });
    stage(n, i -> fireTimer(instances[i], "Event_PublicNoticePeriodEnded"));
    stage(n, i -> complete("officer", ACCEPTANCE_FILTER, keys[i], "Task_DecideFiling",
        cn.hrss.assessment.filing.Applications.approval()));
  }

  /** Cost curves: {@code n} filings submitted (timed as submissions); their application numbers. */
  String[] submitFilings(int n) {
    String[] keys = new String[n];
    stage(n, i -> keys[i] = submitFiling());
    return keys;
  }

  /** Cost curves: the acceptance of each filing found with the officer's filter and completed (timed). */
  void accept(String[] keys) {
    stage(keys.length, i -> complete("officer", ACCEPTANCE_FILTER, keys[i], "Task_ReviewCompleteness",
        cn.hrss.assessment.filing.Applications.acceptance()));
  }

  String submitFiling() {
    int seq = SEQUENCE.incrementAndGet();
    String first17 = "52410000MA" + String.format("%07d", (Math.abs(run.hashCode()) % 1000) * 10_000 + seq % 10_000);
    String creditCode = first17 + CreditCodes.checkCharacter(first17);
    String email = "apply" + seq + "@social.example.cn";
    if (bare) {
      String applicationNo = "BA-bare-" + run + "-" + seq;
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("applicationNo", applicationNo);
      variables.put("institutionType", "SOCIAL_ORG");
      variables.put("applicantName", "河南省数控技能培训协会");
      variables.put("applicantEmail", email);
      variables.put("acceptingGroup", "acceptance-officers-41");
      variables.put("decidingGroup", "acceptance-officers-41");
      variables.put("branchCount", 0);
      // What the application's delegates would compute: the panel, the tally and the notice period.
      variables.put("expertPanel", Map.of("type", "Object", "value", "[\"expert1\",\"expert2\",\"expert3\"]",
          "valueInfo", Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/json")));
      variables.put("reviewPassed", true);
      variables.put("publicNoticeClosesAt", date(7));
      // ... and the registration: the filing code the report upwards is addressed by (Henan's province-filed S0000).
      variables.put("filingCode", String.format("S000041%06d", seq % 1_000_000));
      return startBare("officer", "InstitutionFilingProcess", applicationNo, variables);
    }
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("institutionType", "SOCIAL_ORG");
    application.put("name", "河南省数控技能培训协会");
    application.put("creditCode", creditCode);
    application.put("organisationForm", "PRIVATE_NON_ENTERPRISE");
    application.put("legalRepresentative", "王五");
    application.put("province", "41");
    application.put("address", "郑州市金水区花园路 1 号");
    application.put("contact", Map.of("name", "李四", "phone", "0371-12345678", "email", email));
    application.put("occupations", List.of(Map.of("code", "6-18-01-01", "name", "车工", "track", "数控车床",
        "levels", List.of(4, 3))));
    application.put("branches", List.of());
    application.put("declarations", Map.of("noIllegalRecord", true, "noAnnualInspectionFailure", true,
        "notOnIllegalOrgList", true, "notOnAbnormalOperationsList", true, "noBadAssessmentRecord", true,
        "notGovernmentAffiliated", true));
    application.put("conditions", cn.hrss.assessment.filing.Applications.conditionsMet("SOCIAL_ORG"));
    application.put("materials", java.util.stream.IntStream.of(1, 3, 4, 5, 6, 7)
        .mapToObj(item -> Map.of("item", item, "file", "备案申请表.pdf")).toList());
    JsonNode created = latencies.time("submission", () -> http.postMultipart("/api/filings", "application",
        application, "files", "备案申请表.pdf", PDF, 201));
    return created.get("applicationNo").asText();
  }

  // ------------------------------------------------------------------ disciplinary cases

  void disciplinaryCases(int n) {
    String[] keys = new String[n];
    String[] instances = new String[n];
    stage(n, i -> keys[i] = openCase());
    stage(n, i -> instances[i] = complete("discipline", DISCIPLINE_FILTER, keys[i], "Task_DetermineViolation",
        Map.of("violationArticle", 7, "violationItem", 4, "severity", "SERIOUS",
            "findings", "经核对证件与现场照片，系他人冒名顶替参加评价。")));
    stage(n, i -> fireTimer(instances[i], "Event_StatementWindowClosed"));
    stage(n, i -> complete("discipline", DISCIPLINE_FILTER, keys[i], "Task_IssueDecision",
        Map.of("decisionApproved", true, "decisionNote", "同意")));
    stage(n, i -> fireTimer(instances[i], "Event_AppealWindowClosed"));
  }

  private String openCase() {
    int seq = SEQUENCE.incrementAndGet();
    String email = "party" + seq + "@example.cn";
    if (bare) {
      String caseNo = "WJ-bare-" + run + "-" + seq;
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("caseNo", caseNo);
      variables.put("partyType", "CANDIDATE");
      variables.put("partyName", "考生" + seq);
      variables.put("partyEmail", email);
      variables.put("hasEmail", true);
      variables.put("source", "EXAM_SITE_REPORT");
      variables.put("facts", "考场报告：见附件。");
      // What the application's delegates would compute: the party's record and the two deadlines.
      variables.put("priorArticle13Warning", false);
      variables.put("statementDeadline", date(7));
      variables.put("appealDeadline", date(21));
      return startBare("discipline", "DisciplinaryCaseProcess", caseNo, variables);
    }
    Map<String, Object> intake = new LinkedHashMap<>();
    intake.put("partyType", "CANDIDATE");
    intake.put("source", "EXAM_SITE_REPORT");
    intake.put("party", Map.of("name", "考生" + seq, "idNumber", idNumber(seq)));
    intake.put("partyEmail", email);
    intake.put("facts", "考场报告：见附件。");
    intake.put("reporters", List.of("考务员 甲", "考务员 乙"));
    intake.put("siteHeadConfirmed", true);
    intake.put("institutionFilingCode", institutionFilingCode);
    JsonNode created = latencies.time("submission", () -> http.postJson("discipline", "/api/discipline/cases",
        intake, 201));
    return created.get("caseNo").asText();
  }

  /** Bare engine: starts the process through engine REST as {@code user}, timed as a submission; the business key. */
  private String startBare(String user, String processKey, String businessKey, Map<String, Object> variables) {
    latencies.time("submission", () -> http.postJson(user, "/engine-rest/process-definition/key/" + processKey + "/start",
        Map.of("businessKey", businessKey, "variables", Http.variables(variables)), 200));
    return businessKey;
  }

  /** A valid resident ID number (GB 11643) of its own for every case: 410105 + a birth date + a sequence. */
  static String idNumber(int seq) {
    LocalDate born = LocalDate.of(1970, 1, 1).plusDays(seq / 1000);
    String first17 = "410105" + born.toString().replace("-", "") + String.format("%03d", seq % 1000);
    return first17 + ResidentIdNumbers.checkCharacter(first17);
  }

  // ------------------------------------------------------------------ steps

  /** Finds the case's task with the user's Tasklist filter, completes it; returns the process instance id. */
  private String complete(String user, String filter, String businessKey, String taskKey, Map<String, Object> values) {
    List<JsonNode> found = tasks(user, filter, businessKey, taskKey);
    if (found.size() != 1) {
      throw new IllegalStateException(businessKey + ": " + found.size() + " open " + taskKey + " for " + user);
    }
    completeTask(user, found.get(0).get("id").asText(), values);
    return found.get(0).get("processInstanceId").asText();
  }

  /**
   * The filter's query as Tasklist sends it ({@code POST /filter/{id}/list}, HAL with the filter's variables, first
   * page of 15, newest first), narrowed to one case as a Tasklist search does.
   */
  private List<JsonNode> tasks(String user, String filter, String businessKey, String taskKey) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("processInstanceBusinessKey", businessKey);
    query.put("taskDefinitionKey", taskKey);
    query.put("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    JsonNode page = latencies.time("task query", () -> http.postJson(user,
        "/engine-rest/filter/" + filterIds.get(filter) + "/list?firstResult=0&maxResults=15", query, 200,
        "application/hal+json"));
    List<JsonNode> tasks = new ArrayList<>();
    page.path("_embedded").path("task").forEach(tasks::add);
    return tasks;
  }

  private void completeTask(String user, String taskId, Map<String, Object> values) {
    latencies.time("task completion", () -> http.postJson(user, "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Http.variables(values)), 204));
  }

  /** What an operator does instead of waiting for a deadline: executes the case's timer job now. */
  private void fireTimer(String processInstanceId, String activityId) {
    JsonNode jobs = http.get("admin", "/engine-rest/job?timers=true&processInstanceId=" + processInstanceId
        + "&activityId=" + activityId);
    if (jobs.size() != 1) {
      throw new IllegalStateException(processInstanceId + ": " + jobs.size() + " timers at " + activityId);
    }
    latencies.time("timer execution", () -> http.postJson("admin",
        "/engine-rest/job/" + jobs.get(0).get("id").asText() + "/execute", Map.of(), 204));
  }

  /** Engine REST's Date variable, {@code days} after the engine clock. */
  private static Map<String, Object> date(int days) {
    Date at = new Date(ClockUtil.getCurrentTime().getTime() + days * 86_400_000L);
    return Map.of("type", "Date", "value", new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(at));
  }

  /** Runs {@code step} for every case on the client threads, then waits until the engine has nothing due. */
  private void stage(int n, IntConsumer step) {
    List<Future<?>> futures = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(clients.submit(() -> step.accept(index)));
    }
    try {
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    awaitIdle.run();
  }
}
