package cn.hrss.assessment.filing;

import cn.hrss.assessment.calendar.WorkingDays;
import cn.hrss.assessment.filing.FilingRepository.StoredApplication;
import cn.hrss.assessment.notification.NotificationService;
import cn.hrss.assessment.notification.NoticeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.MissingResourceException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Builds the status view of an application from the domain tables, the running process and the notices. */
@Component
class FilingQueries {

  private final FilingRepository repository;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final NotificationService notifications;
  private final WorkingDays workingDays;

  FilingQueries(FilingRepository repository, RuntimeService runtime, TaskService tasks, NotificationService notifications,
      WorkingDays workingDays) {
    this.repository = repository;
    this.runtime = runtime;
    this.tasks = tasks;
    this.notifications = notifications;
    this.workingDays = workingDays;
  }

  FilingView view(StoredApplication a, boolean officer) {
    String no = a.applicationNo();
    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .processDefinitionKeyIn(FilingProcess.APPLICATION_KEYS.toArray(String[]::new))
        .processInstanceBusinessKey(no).singleResult();
    Instant acceptanceDue = null;
    Instant supplementDue = null;
    List<String> current = List.of();
    if (instance != null) {
      List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
      current = open.stream().map(Task::getName).distinct().toList();
      acceptanceDue = open.stream().filter(t -> FilingProcess.Elements.REVIEW_COMPLETENESS.equals(t.getTaskDefinitionKey()))
          .map(Task::getDueDate).filter(d -> d != null).map(Date::toInstant).findFirst().orElse(null);
      if (a.status() == FilingStatus.SUPPLEMENT_REQUESTED) {
        Object due = runtime.getVariable(instance.getId(), FilingProcess.Vars.SUPPLEMENT_DUE_AT);
        supplementDue = due instanceof Date d ? d.toInstant() : null;
      }
    }
    Instant noticeCloses = a.noticeOpenedAt() != null && !a.noticeClosed() ? a.noticeClosesAt() : null;
    List<FilingView.Step> history = repository.history(no).stream()
        .map(s -> new FilingView.Step(s.at(), s.step(), stepName(s.step()), officer ? s.actor() : null, s.outcome(),
            s.comment())).toList();
    List<FilingView.Material> files = repository.materials(no).stream()
        .map(m -> new FilingView.Material(m.id(), m.fileName(), m.contentType(), m.size(), m.sha256(), m.submission(),
            m.uploadedAt(), m.items())).toList();
    FilingView.Panel panel = repository.panelDraw(no).map(d -> new FilingView.Panel(d.drawnAt(),
        officer ? d.panel() : null, officer ? d.excluded() : null,
        repository.opinions(no).stream().map(o -> new FilingView.Opinion(officer ? o.expertId() : null, o.opinion(),
            o.comment(), o.givenAt())).toList())).orElse(null);
    List<FilingView.Objection> objections = officer ? repository.objections(no).stream()
        .map(o -> new FilingView.Objection(o.id(), o.receivedAt(), o.content(), o.upheld(), o.response())).toList() : null;
    List<FilingView.Branch> branches = repository.branches(no).stream()
        .map(b -> new FilingView.Branch(b.index(), b.name(), b.province(), b.status(), branchStage(b.status()),
            b.filingCode(), b.receiptNo(), b.comment())).toList();
    return new FilingView(no, a.institutionType(), a.name(), a.creditCode(), a.status().name(), a.status().stage(),
        current, a.submittedAt(), new FilingView.Deadlines(acceptanceDue, supplementDue, noticeCloses),
        a.decision() == null ? null : new FilingView.Decision(a.decision(), a.decisionReason()),
        a.filingCode(), a.receiptNo(), a.validUntil(), officer ? a.quotaWarning() : null, history, files, panel,
        objections, branches.isEmpty() ? null : branches, notices(no, branches),
        provisional(acceptanceDue, supplementDue, noticeCloses));
  }

  /** The names of the deadlines shown that rest on a provisional year (DOMAIN.md §6). */
  private List<String> provisional(Instant acceptanceDue, Instant supplementDue, Instant noticeCloses) {
    List<String> names = new ArrayList<>();
    if (workingDays.isProvisional(acceptanceDue)) {
      names.add(FilingDeadlines.ACCEPTANCE);
    }
    if (workingDays.isProvisional(supplementDue)) {
      names.add(FilingDeadlines.SUPPLEMENT);
    }
    if (workingDays.isProvisional(noticeCloses)) {
      names.add(FilingDeadlines.PUBLIC_NOTICE);
    }
    return names;
  }

  /** Notices of the application and of its branch processes (case refs {@code no} and {@code no-B<i>}). */
  private List<NoticeRecord> notices(String no, List<FilingView.Branch> branches) {
    List<NoticeRecord> all = new ArrayList<>(notifications.noticesFor(no));
    branches.forEach(b -> all.addAll(notifications.noticesFor(FilingProcess.branchBusinessKey(no, b.index()))));
    return all;
  }

  private static String stepName(String step) {
    try {
      return FilingTexts.text("step." + step);
    } catch (MissingResourceException e) {
      return step;
    }
  }

  private static String branchStage(String status) {
    try {
      return FilingTexts.text("branch." + status);
    } catch (MissingResourceException e) {
      return status;
    }
  }
}
