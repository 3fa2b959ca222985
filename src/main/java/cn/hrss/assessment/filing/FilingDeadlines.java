package cn.hrss.assessment.filing;

import static cn.hrss.assessment.filing.FilingProcess.Elements;
import static cn.hrss.assessment.filing.FilingProcess.Vars;

import cn.hrss.assessment.calendar.DeadlineKind;
import cn.hrss.assessment.calendar.DeadlineKind.Binding;
import cn.hrss.assessment.calendar.DeadlineMoveListener;
import cn.hrss.assessment.calendar.ProcessDeadlines;
import cn.hrss.assessment.notification.NoticeQueue;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The working-day deadlines of {@code InstitutionFilingProcess} (names = the fields of
 * {@code GET /api/filings/{no}} {@code deadlines}), and what a recomputation does to the application (DOMAIN.md §6):
 * <ul>
 *   <li>{@code acceptanceDue}, the authority's 10 working days (002 Annex 1 §一(十)2): follows the official data;
 *       the officer sees the new due date and a comment on the task;</li>
 *   <li>{@code supplementDue}, the applicant's time to supplement (补正): never shortened; the applicant is mailed
 *       when it moves later;</li>
 *   <li>{@code publicNoticeCloses}, the public's time to object (公示, §二(十)4): never shortened.</li>
 * </ul>
 * Every change is written into the application's history.
 */
@Configuration(proxyBeanMethods = false)
class FilingDeadlines {

  static final String ACCEPTANCE = "acceptanceDue";
  static final String SUPPLEMENT = "supplementDue";
  static final String PUBLIC_NOTICE = "publicNoticeCloses";
  static final String STATEMENT = "statementDue";

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日");

  @Bean
  DeadlineKind acceptanceDueKind(ProcessDeadlines deadlines) {
    return deadlines.kind(ACCEPTANCE, Binding.AUTHORITY).whileAt(Elements.REVIEW_COMPLETENESS)
        .taskDueDate(Elements.REVIEW_COMPLETENESS).timers(Elements.ACCEPTANCE_OVERDUE).build();
  }

  @Bean
  DeadlineKind supplementDueKind(ProcessDeadlines deadlines) {
    return deadlines.kind(SUPPLEMENT, Binding.PARTY).whileAt(Elements.SEND_SUPPLEMENT_NOTICE, Elements.AWAIT_SUPPLEMENT)
        .variable(Vars.SUPPLEMENT_DUE_AT).timers(Elements.SUPPLEMENT_OVERDUE).build();
  }

  @Bean
  DeadlineKind publicNoticeClosesKind(ProcessDeadlines deadlines) {
    return deadlines.kind(PUBLIC_NOTICE, Binding.PARTY).whileAt(Elements.PUBLIC_NOTICE_PERIOD_ENDED)
        .variable(Vars.PUBLIC_NOTICE_CLOSES_AT).timers(Elements.PUBLIC_NOTICE_PERIOD_ENDED).build();
  }

  /** Issue 19 item 6: the applicant's 5 working days to state its case (陈述) before a refusal: never shortened. */
  @Bean
  DeadlineKind statementDueKind(ProcessDeadlines deadlines) {
    return deadlines.kind(STATEMENT, Binding.PARTY).whileAt(Elements.SEND_INTENDED_REFUSAL_NOTICE, Elements.AWAIT_STATEMENT)
        .variable(Vars.STATEMENT_DUE_AT).timers(Elements.STATEMENT_WINDOW_CLOSED).build();
  }

  @Bean
  DeadlineMoveListener filingDeadlineMoves(FilingRepository repository, NoticeQueue notices,
      @Value("${assessment.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    return moved -> {
      if (!List.of(ACCEPTANCE, SUPPLEMENT, PUBLIC_NOTICE, STATEMENT).contains(moved.kind())) {
        return;
      }
      String no = moved.reference();
      String name = FilingTexts.text("deadline." + moved.kind());
      String comment = moved.kept()
          ? FilingTexts.text("deadline.kept", name, shown(moved.computed()), shown(moved.previous()), moved.reason())
          : FilingTexts.text("deadline.changed", name, shown(moved.previous()), shown(moved.due()), moved.reason());
      repository.addStep(no, "DEADLINE_CHANGED", null, moved.kind(), comment);
      if (PUBLIC_NOTICE.equals(moved.kind())) {
        repository.moveNoticeClose(no, moved.due());
      }
      if (SUPPLEMENT.equals(moved.kind()) && moved.later()) {
        FilingRepository.StoredApplication a = repository.get(no);
        Map<String, Object> model = new HashMap<>();
        model.put("addressee", a.name());
        model.put("caseLabel", "职业技能等级评价机构备案申请（申请编号 " + no + "）");
        model.put("deadlineName", name);
        model.put("previousDeadline", shown(moved.previous()));
        model.put("deadline", Date.from(moved.due()));
        model.put("reason", moved.reason());
        model.put("statusUrl", publicBaseUrl + "/status");
        notices.queue(no, "deadline-extended", List.of(a.contactEmail()), model);
      }
    };
  }

  private static String shown(Instant instant) {
    return SHOWN.format(instant.atZone(FilingService.CHINA));
  }
}
