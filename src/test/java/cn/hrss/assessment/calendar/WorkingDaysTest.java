package cn.hrss.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.assessment.support.TestClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final WorkingDays workingDays = new WorkingDays(new WorkingDayCalendar(CalendarData.fromTyme()), SHANGHAI);

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void afterIsTheEndOfTheNthWorkingDayInBeijingTimeCountedFromTheEngineClock() {
    ClockUtil.setCurrentTime(at("2026-02-12T09:30:00+08:00"));

    assertThat(workingDays.after(10)).isEqualTo(at("2026-03-04T23:59:59+08:00"));
    assertThat(workingDays.dueDate(10)).isEqualTo(LocalDate.of(2026, 3, 4));
  }

  @Test
  void theStartDayIsTheDateInBeijingNotInUtc() {
    // 2026-02-11T20:00Z is already 02-12 04:00 in Beijing.
    assertThat(workingDays.afterFrom(at("2026-02-11T20:00:00Z"), 10)).isEqualTo(at("2026-03-04T23:59:59+08:00"));
  }

  @Test
  void aDeadlineIntoAYearWithoutOfficialDataIsProvisional() {
    ClockUtil.setCurrentTime(at("2026-12-24T10:00:00+08:00"));

    assertThat(workingDays.after(10)).isEqualTo(at("2027-01-08T23:59:59+08:00"));
    assertThat(workingDays.isProvisional(LocalDate.of(2027, 1, 8))).isTrue();
    assertThat(workingDays.isProvisional(at("2026-12-31T23:59:59+08:00"))).isFalse();
    assertThat(workingDays.isProvisional("2027-01-08")).as("an ISO date as stored in a document").isTrue();
    assertThat(workingDays.isProvisional(null)).isFalse();
  }

  @Test
  void aDeadlineAlreadyPassedIsProvisionalOnlyIfItsOwnYearIs() {
    // Seen on 2027-01-04 while 2027 is provisional: a deadline of 2026-12-30 was counted on 2026 alone.
    ClockUtil.setCurrentTime(at("2027-01-04T10:00:00+08:00"));

    assertThat(workingDays.isProvisional(LocalDate.of(2026, 12, 30))).isFalse();
    assertThat(workingDays.isProvisional(LocalDate.of(2027, 1, 1))).isTrue();
    assertThat(workingDays.isProvisional(LocalDate.of(2027, 1, 8))).isTrue();
  }

  @Test
  void withoutALedgerADeadlineCannotBeRegistered() {
    assertThatThrownBy(() -> workingDays.register("acceptanceDue", "pi", "BA1", 10))
        .isInstanceOf(IllegalStateException.class);
  }

  private static Date at(String isoOffsetDateTime) {
    return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
  }
}
