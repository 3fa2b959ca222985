package cn.hrss.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = WorkingDayCalendar.builtIn();

  @Test
  void tenWorkingDaysFromTwelfthFebruary2026SpanSpringFestivalAndEndOnFourthMarch() {
    // 国办发明电〔2025〕7号: 春节 2026-02-15..23 off, Saturdays 02-14 and 02-28 are working days.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 12), 10)).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 12), LocalDate.of(2026, 3, 4))).isEqualTo(10);
  }

  @Test
  void sundayFourthJanuary2026IsAnAdjustedWorkingDay() {
    assertThat(LocalDate.of(2026, 1, 4).getDayOfWeek().name()).isEqualTo("SUNDAY");
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
  }

  @Test
  void nationalDayWeek2026IsNotWorked() {
    IntStream.rangeClosed(1, 7).mapToObj(d -> LocalDate.of(2026, 10, d))
        .forEach(day -> assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse());
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday 调休").isTrue();
  }

  @Test
  void plainWeekendsAndWeekdaysFollowMondayToFriday() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 6))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 8))).isFalse();
  }

  @Test
  void startDayIsNotCountedEvenIfItIsAWorkingDay() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 2), 1)).isEqualTo(LocalDate.of(2026, 3, 3));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 7), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 7), 0)).isEqualTo(LocalDate.of(2026, 3, 7));
    assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 3, 7), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tyme4jCoversTheYears2002To2026AndNotThePartial2001() {
    assertThat(calendar.coveredYears()).containsExactlyElementsOf(IntStream.rangeClosed(2002, 2026).boxed().toList());
    assertThat(calendar.describe()).contains("tyme4j 1.4.9 covers 2002-2026");
  }

  @Test
  void aDeadlineNeeding2027WithoutAnOverrideFailsNamingTheYearAndTheFix() {
    // 2026-12-24 + 10 working days lands in January 2027, for which tyme4j 1.4.9 has no data.
    assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 12, 24), 10))
        .isInstanceOf(CalendarDataMissingException.class)
        .hasMessageContaining("2027")
        .hasMessageContaining("assessment.calendar.override-file")
        .hasMessageContaining("tyme4j 1.4.9 covers 2002-2026")
        .satisfies(e -> assertThat(((CalendarDataMissingException) e).getYear()).isEqualTo(2027));
    assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2027, 1, 4)))
        .isInstanceOf(CalendarDataMissingException.class);
    assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2001, 6, 1)))
        .isInstanceOf(CalendarDataMissingException.class)
        .hasMessageContaining("2001");
  }

  @Test
  void aDeadlineEndingBeforeTheMissingYearStillWorks() {
    // 2026-12-31 is Thursday: the 1st working day after 2026-12-30 does not need 2027.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 30), 1)).isEqualTo(LocalDate.of(2026, 12, 31));
  }
}
