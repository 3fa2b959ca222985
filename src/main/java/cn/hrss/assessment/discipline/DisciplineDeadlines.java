package cn.hrss.assessment.discipline;

import static cn.hrss.assessment.discipline.DisciplinaryCaseProcess.Ids;
import static cn.hrss.assessment.discipline.DisciplinaryCaseProcess.Vars;

import cn.hrss.assessment.calendar.DeadlineEntry;
import cn.hrss.assessment.calendar.DeadlineKind;
import cn.hrss.assessment.calendar.DeadlineKind.Binding;
import cn.hrss.assessment.calendar.DeadlineMoveListener;
import cn.hrss.assessment.calendar.ProcessDeadlines;
import cn.hrss.assessment.notification.NoticeQueue;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The working-day deadlines of a disciplinary case (names = the keys of {@code GET /api/discipline/cases/{no}}
 * {@code deadlines}); all three limit the party and are never shortened by a recomputation (DOMAIN.md §6):
 * <ul>
 *   <li>{@code statement}: 陈述申辩 after the notice of intent (002 Annex 2 Art. 17);</li>
 *   <li>{@code appeal}: 复核申请 after the decision is served (Art. 19);</li>
 *   <li>{@code rectification}: 限期整改 of a suspended institution (Art. 13), kept in the registry.</li>
 * </ul>
 * A change is written into the case's archive (Art. 20); a party whose deadline moved later is told by e-mail, or
 * by announcement (公告, Art. 17) when it has no address.
 */
@Configuration(proxyBeanMethods = false)
class DisciplineDeadlines {

  static final String STATEMENT = "statement";
  static final String APPEAL = "appeal";
  static final String RECTIFICATION = "rectification";
  static final String SUSPENSION = "SUSPEND_FOR_RECTIFICATION";

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日");

  @Bean
  DeadlineKind statementDeadlineKind(ProcessDeadlines deadlines) {
    return deadlines.kind(STATEMENT, Binding.PARTY)
        .whileAt(Ids.WAIT_STATEMENT, Ids.STATEMENT_RECEIVED, Ids.STATEMENT_WINDOW_CLOSED)
        .variable(Vars.STATEMENT_DEADLINE).timers(Ids.STATEMENT_WINDOW_CLOSED).build();
  }

  @Bean
  DeadlineKind appealDeadlineKind(ProcessDeadlines deadlines) {
    return deadlines.kind(APPEAL, Binding.PARTY)
        .whileAt(Ids.EXECUTE, Ids.WAIT_APPEAL, Ids.APPEAL_RECEIVED, Ids.APPEAL_WINDOW_CLOSED)
        .variable(Vars.APPEAL_DEADLINE).timers(Ids.APPEAL_WINDOW_CLOSED).build();
  }

  /** Open while the institution is still suspended under this case's deadline. */
  @Bean
  DeadlineKind rectificationDeadlineKind(DisciplineCaseRepository cases, InstitutionRegistry registry) {
    return new DeadlineKind() {
      @Override
      public String name() {
        return RECTIFICATION;
      }

      @Override
      public Binding binding() {
        return Binding.PARTY;
      }

      @Override
      public boolean isOpen(DeadlineEntry entry) {
        String filingCode = cases.find(entry.reference()).map(DisciplineCase::partyFilingCode).orElse(null);
        LocalDate due = entry.dueAt().atZone(DisciplineCaseService.ZONE).toLocalDate();
        return filingCode != null && registry.findByFilingCode(filingCode)
            .filter(i -> i.status() == InstitutionStatus.SUSPENDED && due.equals(i.rectificationDeadline()))
            .isPresent();
      }

      @Override
      public void apply(DeadlineEntry entry, Instant due, boolean moved, boolean provisional, String reason) {
        if (!moved) {
          return;
        }
        LocalDate day = due.atZone(DisciplineCaseService.ZONE).toLocalDate();
        DisciplineCase c = cases.get(entry.reference());
        registry.moveRectificationDeadline(c.partyFilingCode(), day, "违纪违规处理决定 " + c.caseNo() + "：整改期限" + reason);
        cases.moveSanctionUntil(c.caseNo(), SUSPENSION, day);
      }
    };
  }

  @Bean
  DeadlineMoveListener disciplineDeadlineMoves(DisciplineCaseRepository cases, DisciplineArchive archive,
      NoticeQueue notices, ObjectMapper json,
      @Value("${assessment.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    Map<String, String> names = Map.of(STATEMENT, "陈述申辩期限", APPEAL, "申请复核期限", RECTIFICATION, "整改期限");
    return moved -> {
      String name = names.get(moved.kind());
      if (name == null) {
        return;
      }
      DisciplineCase c = cases.get(moved.reference());
      if (STATEMENT.equals(moved.kind())) {
        cases.statementDeadline(c.caseNo(), moved.due());
      } else if (APPEAL.equals(moved.kind())) {
        cases.appealDeadline(c.caseNo(), moved.due());
      }
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("deadline", moved.kind());
      record.put("previous", moved.previous().toString());
      record.put("due", moved.due().toString());
      record.put("computed", moved.computed().toString());
      record.put("keptForTheParty", moved.kept());
      record.put("reason", moved.reason());
      archive.append(c.caseNo(), "DEADLINE_CHANGED", "INTERNAL", name + "重新计算", write(json, record));
      if (!moved.later()) {
        return;
      }
      if (c.partyEmail() != null && !c.partyEmail().isBlank()) {
        Map<String, Object> model = new HashMap<>();
        model.put("addressee", c.partyName());
        model.put("caseLabel", "违纪违规处理案件（案件编号 " + c.caseNo() + "）");
        model.put("deadlineName", name);
        model.put("previousDeadline", shown(moved.previous()));
        model.put("deadline", Date.from(moved.due()));
        model.put("reason", moved.reason());
        model.put("statusUrl", publicBaseUrl + "/case-status");
        notices.queue(c.caseNo(), "deadline-extended", List.of(c.partyEmail()), model);
      } else {
        // No address: told by announcement, as the decision itself was (002 Annex 2 Art. 17).
        Map<String, Object> announcement = new LinkedHashMap<>();
        announcement.put("kind", "DEADLINE_EXTENDED");
        announcement.put("partyName", c.partyName());
        announcement.put("partyIdMasked", c.partyIdMasked());
        announcement.put("partyFilingCode", c.partyFilingCode());
        announcement.put("deadlineName", name);
        announcement.put("previousDeadline", moved.previous().atZone(DisciplineCaseService.ZONE).toLocalDate().toString());
        announcement.put("deadline", moved.due().atZone(DisciplineCaseService.ZONE).toLocalDate().toString());
        announcement.put("deadlineProvisional", moved.provisional());
        announcement.put("reason", moved.reason());
        archive.append(c.caseNo(), "DEADLINE_CHANGED", "ANNOUNCEMENT", name + "顺延公告", write(json, announcement));
      }
    };
  }

  private static String shown(Instant instant) {
    return SHOWN.format(instant.atZone(DisciplineCaseService.ZONE));
  }

  private static String write(ObjectMapper json, Map<String, Object> value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
