package cn.hrss.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    ClockUtil.reset();
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
  void aDeadlineIntoAYearWithoutDataThrows() {
    ClockUtil.setCurrentTime(at("2026-12-24T10:00:00+08:00"));

    assertThatThrownBy(() -> workingDays.after(10))
        .isInstanceOf(CalendarDataMissingException.class)
        .hasMessageContaining("2027");
  }

  private static Date at(String isoOffsetDateTime) {
    return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
  }
}
