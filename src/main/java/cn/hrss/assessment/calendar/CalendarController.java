package cn.hrss.assessment.calendar;

import cn.hrss.assessment.identity.Caller;
import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.identity.Officers;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/calendar/{year}} (CONTRACT.md "Working-day calendar"): any year as the deadlines see it (public),
 * and the official schedule loaded by an administrator once the State Council publishes it, which every node
 * uses at once and which recomputes the open deadlines that counted over the year.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarController.class);

  private final WorkingDayCalendar calendar;
  private final CalendarStore store;
  private final DeadlineRecomputation recomputation;
  private final Officers officers;
  private final TransactionTemplate transaction;

  CalendarController(WorkingDayCalendar calendar, CalendarStore store, DeadlineRecomputation recomputation,
      Officers officers, PlatformTransactionManager transactionManager) {
    this.calendar = calendar;
    this.store = store;
    this.recomputation = recomputation;
    this.officers = officers;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @GetMapping("/{year}")
  Map<String, Object> year(@PathVariable int year) {
    OfficialSchedule.checkYear(year);
    return view(calendar.year(year));
  }

  @PutMapping("/{year}")
  Map<String, Object> load(@PathVariable int year, @RequestBody(required = false) OfficialSchedule.Request request,
      HttpServletRequest http) {
    Caller admin = officers.require(http, Groups.CAMUNDA_ADMIN);
    OfficialSchedule.checkYear(year);
    String reason = request == null || request.reason() == null ? null : request.reason().strip();
    // Checked and stored under the lock of the revision row: two administrators loading the same year at once are
    // serialised, and the second is checked against what the first stored (a replacement needs a reason).
    Map<String, Object> body = transaction.execute(tx -> {
      store.lock();
      calendar.refresh();
      CalendarYear current = calendar.year(year);
      boolean official = current.source() == CalendarYear.Source.OFFICIAL;
      OfficialSchedule schedule = OfficialSchedule.check(year, request, official);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("year", year);
      answer.put("source", CalendarYear.Source.OFFICIAL.name());
      answer.put("warnings", schedule.warnings());
      if (official && sameWorkingDays(year, schedule)) {
        // The same schedule again: nothing to store, nothing to recompute (idempotent PUT).
        answer.put("unchanged", true);
        return answer;
      }
      long revision = store.store(year, schedule.holidays(), schedule.workdays(), reason, admin.userId(),
          ClockUtil.getCurrentTime().toInstant(), current.source());
      LOG.info("Official holiday schedule {} loaded by {} (revision {}, was {}): {} holidays, {} adjusted working days{}",
          year, admin.userId(), revision, current.source(), schedule.holidays().size(), schedule.workdays().size(),
          reason == null || reason.isEmpty() ? "" : ", reason: " + reason);
      answer.put("unchanged", false);
      return answer;
    });
    if (Boolean.TRUE.equals(body.get("unchanged"))) {
      body.put("recomputed", 0);
      return body;
    }
    calendar.refresh();
    DeadlineRecomputation.Result result = recomputation.recomputeStale();
    body.put("recomputed", result.moved());
    body.put("kept", result.kept());
    body.put("remarked", result.remarked());
    body.put("deferred", result.deferred());
    return body;
  }

  /** Would the new schedule give every day of the year the same status as the one in force? */
  private boolean sameWorkingDays(int year, OfficialSchedule schedule) {
    for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
      boolean proposed = schedule.workdays().contains(day)
          || (!schedule.holidays().contains(day) && !StatutoryHolidays.isWeekend(day));
      if (proposed != calendar.isWorkingDay(day)) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Object> view(CalendarYear year) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("year", year.year());
    body.put("source", year.source().name());
    body.put("holidays", strings(year.holidays()));
    body.put("workdays", strings(year.workdays()));
    body.put("basis", year.basis());
    return body;
  }

  private static List<String> strings(SortedSet<LocalDate> dates) {
    return new TreeSet<>(dates).stream().map(LocalDate::toString).toList();
  }
}
