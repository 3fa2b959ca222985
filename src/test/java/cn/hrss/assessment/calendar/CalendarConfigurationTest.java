package cn.hrss.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.PlatformTransactionManager;

/** Start-up behaviour of the calendar beans, without the engine. */
class CalendarConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(CalendarProperties.class)
  @Import({CalendarConfiguration.class, Deadlines.class})
  static class CalendarOnly {

    /** The calendar's own tables only (the schedules loaded at run time), in a private in-memory H2. */
    @Bean(destroyMethod = "shutdown")
    EmbeddedDatabase dataSource() {
      return new EmbeddedDatabaseBuilder().generateUniqueName(true).setType(EmbeddedDatabaseType.H2)
          .addScript("db/migration/V30__calendar.sql").build();
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
      return new JdbcTemplate(dataSource);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(CalendarOnly.class);

  @Test
  void withoutAnOverrideFileTheCalendarIsTyme4jInBeijingTime() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
      assertThat(calendar.officialYears()).contains(2002, 2026).doesNotContain(2027);
      // 2027 is provisional, never refused: 1 January is its 元旦 (DOMAIN.md §6).
      assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 24), 10)).isEqualTo(LocalDate.of(2027, 1, 8));
      assertThat(calendar.year(2027).source()).isEqualTo(CalendarYear.Source.PROVISIONAL);
      assertThat(context.getBean("workingDays", WorkingDays.class).zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
      Deadlines deadlines = context.getBean("deadlines", Deadlines.class);
      assertThat(deadlines.getAcceptance()).isEqualTo(10);
      assertThat(deadlines.getSupplementResponse()).isEqualTo(20);
      assertThat(deadlines.getPublicNotice()).isEqualTo(5);
      assertThat(deadlines.getStatement()).isEqualTo(5);
      assertThat(deadlines.getAppeal()).isEqualTo(15);
    });
  }

  @Test
  void anOverrideFileFromConfigurationAddsItsYear() {
    runner.withPropertyValues("assessment.calendar.override-file=classpath:calendar/override-2027.yml",
            "assessment.deadlines.acceptance=7")
        .run(context -> {
          WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
          assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 24), 10)).isEqualTo(LocalDate.of(2027, 1, 8));
          assertThat(calendar.isOfficial(2027)).as("the file's year is official").isTrue();
          assertThat(context.getBean(Deadlines.class).getAcceptance()).isEqualTo(7);
        });
  }

  @Test
  void aMalformedOverrideFileStopsTheStart(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yml"), """
        years:
          2027:
            complete: true
            holidays: [2027-01-01, 2027-02-20]
            working-days: [2027-02-20]
        """);
    runner.withPropertyValues("assessment.calendar.override-file=" + bad).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure())
          .rootCause()
          .isInstanceOf(InvalidCalendarOverrideException.class)
          .hasMessageContaining(bad.toString())
          .hasMessageContaining("2027-02-20 is listed both as a holiday and as a working day");
    });
  }

  @Test
  void aMissingOverrideFileStopsTheStart() {
    runner.withPropertyValues("assessment.calendar.override-file=/nonexistent/calendar.yml").run(context ->
        assertThat(context.getStartupFailure()).rootCause()
            .isInstanceOf(InvalidCalendarOverrideException.class)
            .hasMessageContaining("does not exist"));
  }

  @Test
  void aNonPositiveDeadlineIsRefused() {
    runner.withPropertyValues("assessment.deadlines.appeal=0").run(context -> assertThat(context).hasFailed());
  }
}
