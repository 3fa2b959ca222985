package cn.hrss.assessment.supervision;

import cn.hrss.assessment.calendar.DeadlineKind;
import cn.hrss.assessment.calendar.DeadlineKind.Binding;
import cn.hrss.assessment.calendar.ProcessDeadlines;
import cn.hrss.assessment.supervision.QualitySupervisionProcess.Ids;
import cn.hrss.assessment.supervision.QualitySupervisionProcess.Vars;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code supervisionDefenceDue}: the institution's window to answer the preliminary opinion, a party's deadline (never
 * shortened when the official calendar of a year is loaded). The report deadline counts from the activity's day, not
 * from today, and is an authority's own reminder: it is computed once when the supervision starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisionProperties.class)
class SupervisionDeadlines {

  static final String DEFENCE = "supervisionDefenceDue";

  @Bean
  DeadlineKind supervisionDefenceDueKind(ProcessDeadlines deadlines) {
    return deadlines.kind(DEFENCE, Binding.PARTY).whileAt(Ids.AWAIT_DEFENCE).variable(Vars.DEFENCE_DUE)
        .timers(Ids.DEFENCE_CLOSED).build();
  }
}
