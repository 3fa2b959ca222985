package cn.hrss.assessment.browser;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.filing.FilingProcess;
import cn.hrss.assessment.filing.FilingProcess.Elements;
import cn.hrss.assessment.filing.FilingProcess.Vars;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.support.Jobs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Component;

/**
 * Brings a social-organisation filing (InstitutionFilingProcess) to the stage a browser test starts from, the way
 * the filing process tests do: submitted through {@link FilingService}, earlier tasks completed through the engine
 * API as the user Tasklist would authenticate (so the server-side completion rules run), async steps through
 * {@link Jobs}. Component-scanned into the test contexts, like {@link BrowserHarnessRule}.
 */
@Component
class FilingSteps {

  static final String INSTITUTION = "浏览器测试数控技能培训协会";
  static final String MATERIAL = "备案申请表.pdf";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final FilingService filings;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Jobs jobs;
  private final org.camunda.bpm.engine.ManagementService management;
  private String lastToken;

  FilingSteps(FilingService filings, RuntimeService runtime, TaskService tasks, IdentityService identity, Jobs jobs,
      org.camunda.bpm.engine.ManagementService management) {
    this.management = management;
    this.filings = filings;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.jobs = jobs;
  }

  /** Submits a valid social-organisation application (a fresh credit code each time); waits at 受理审查. */
  String submit() {
    String first17 = String.format("5241%04dMJ%07d", 77, (System.nanoTime() / 1000 + SEQUENCE.incrementAndGet()) % 10_000_000);
    FilingApplication application = new FilingApplication("SOCIAL_ORG", INSTITUTION,
        first17 + CreditCodes.checkCharacter(first17), "PRIVATE_NON_ENTERPRISE", "王五", "41", "郑州市金水区花园路 1 号",
        new FilingApplication.Contact("李四", "0371-12345678", "apply@browser.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-01", "车工", "数控车床", List.of(4, 3))), List.of(),
        Applications.allTrue());
    FilingService.Submission submission = filings.submit(Applications.tagged(application, MATERIAL), List.of(new MockMultipartFile("files", MATERIAL,
        "application/pdf", "%PDF-1.7\n%browser\n".getBytes())));
    lastToken = submission.accessToken();
    return submission.applicationNo();
  }

  /** The access token of the application {@link #submit()} submitted last. */
  String lastToken() {
    return lastToken;
  }

  /** Submitted and accepted: the expert panel is drawn, each member has a 技术评审 task assigned. */
  String atExpertReview() {
    String no = submit();
    accept(no);
    return no;
  }

  /** Every panel member passed the application: it is in public notice (公示), open for objections. */
  String inPublicNotice() {
    String no = atExpertReview();
    passReview(no);
    return no;
  }

  /** The officer accepts an application waiting at 受理审查 (e.g. one submitted through the API). */
  void accept(String applicationNo) {
    complete(task(applicationNo, Elements.REVIEW_COMPLETENESS), "officer", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
  }

  /** Every panel member passes an application at 技术评审: it goes into public notice. */
  void passReview(String applicationNo) {
    for (Task review : expertReviews(applicationNo)) {
      complete(review, review.getAssignee(), Map.of(Vars.EXPERT_OPINION, "PASS", Vars.EXPERT_COMMENT, "符合要求"));
    }
    jobs.runDue();
  }

  /** The officer asks for supplements (补正) of an application waiting at 受理审查. */
  void requestSupplement(String applicationNo, String what) {
    complete(task(applicationNo, Elements.REVIEW_COMPLETENESS), "officer",
        Map.of(Vars.ACCEPTANCE_DECISION, "REQUEST_SUPPLEMENT", Vars.ACCEPTANCE_COMMENT, what));
    jobs.runDue();
  }

  /**
   * An application in public notice is filed: the clock is moved past the notice's close (the timer fires), the
   * officer approves, the institution is registered and its receipt issued; the clock follows real time again.
   */
  void fileAfterNotice(String applicationNo) {
    String instance = runtime.createProcessInstanceQuery().processDefinitionKey(FilingProcess.KEY)
        .processInstanceBusinessKey(applicationNo).singleResult().getId();
    java.util.Date closes = management.createJobQuery().processInstanceId(instance).timers().singleResult().getDuedate();
    jobs.moveClockTo(java.time.LocalDateTime.ofInstant(closes.toInstant(), Jobs.ZONE).plusMinutes(1));
    try {
      jobs.runDue();
      complete(task(applicationNo, Elements.DECIDE_FILING), "officer", cn.hrss.assessment.filing.Applications.approval());
      jobs.runDue();
    } finally {
      jobs.resetClock();
    }
  }

  /** The open 技术评审 tasks of the application, by assignee. */
  List<Task> expertReviews(String applicationNo) {
    return tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey(Elements.EXPERT_REVIEW)
        .orderByTaskAssignee().asc().list();
  }

  /** The open task {@code taskKey} of the application (the first, where there are several). */
  Task task(String applicationNo, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey(taskKey).list().get(0);
  }

  /** Ends every running filing instance: the context is shared, and their timers must not fire in other tests. */
  void deleteRunning() {
    List<String> running = runtime.createProcessInstanceQuery()
        .processDefinitionKeyIn(FilingProcess.KEY, FilingProcess.BRANCH_KEY).list().stream().map(p -> p.getId()).toList();
    if (!running.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(running, "browser test finished", true, true, false);
    }
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
  }
}
