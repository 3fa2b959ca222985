package cn.hrss.assessment.site;

import cn.hrss.assessment.calendar.DeadlineKind;
import cn.hrss.assessment.calendar.DeadlineKind.Binding;
import cn.hrss.assessment.calendar.ProcessDeadlines;
import cn.hrss.assessment.site.SiteProcess.Ids;
import cn.hrss.assessment.site.SiteProcess.Vars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code siteStatementDue}: the organisation's window to answer an intended refusal of its site (5 working days,
 * {@code assessment.deadlines.statement}, as for filings), a party's deadline: recomputed when a year's official
 * calendar is loaded, never shortened.
 */
@Configuration(proxyBeanMethods = false)
class SiteDeadlines {

  static final String STATEMENT = "siteStatementDue";

  @Bean
  DeadlineKind siteStatementDueKind(ProcessDeadlines deadlines) {
    return deadlines.kind(STATEMENT, Binding.PARTY).whileAt(Ids.SEND_REFUSAL_INTENDED, Ids.AWAIT_STATEMENT)
        .variable(Vars.STATEMENT_DUE_AT).timers(Ids.STATEMENT_WINDOW_CLOSED).build();
  }
}
