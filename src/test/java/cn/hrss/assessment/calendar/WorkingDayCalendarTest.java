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
    assertThat(calendar.officialYears()).containsExactlyElementsOf(IntStream.rangeClosed(2002, 2026).boxed().toList());
    assertThat(calendar.describe()).contains("tyme4j 1.4.9 covers 2002-2026");
    assertThat(calendar.isOfficial(2026)).isTrue();
    assertThat(calendar.isOfficial(2027)).isFalse();
  }

  @Test
  void aDeadlineReaching2027IsComputedOnTheProvisionalYearNotRefused() {
    // 2026-12-24 (Thu) + 10: 12-25, 28, 29, 30, 31, [2027-01-01 元旦, statutory], 01-04 .. 01-08.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 24), 10)).isEqualTo(LocalDate.of(2027, 1, 8));
    assertThat(calendar.count(LocalDate.of(2026, 12, 24), 10).provisional()).isTrue();
    assertThat(calendar.count(LocalDate.of(2026, 12, 14), 10).provisional()).as("ends 2026-12-28").isFalse();
    assertThat(calendar.anyProvisional(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 8))).isTrue();
    assertThat(calendar.anyProvisional(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16))).isFalse();
  }

  @Test
  void aDeadlineFiveYearsAheadIsComputedToo() {
    // Any year: the statutory rules are applied to 2031 as to 2027 (no exception, no guess of Monday-Friday).
    LocalDate due = calendar.addWorkingDays(LocalDate.of(2026, 12, 1), 5 * 250);
    assertThat(due.getYear()).isEqualTo(2031);
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 10, 1))).as("国庆节 2031").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).as("元旦 2031").isFalse();
  }

  @Test
  void beforeTheFirstKnownRulesACountIsRefused() {
    assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(1999, 6, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1999");
  }

  @Test
  void aDeadlineEndingBeforeTheProvisionalYearIsOfficial() {
    // 2026-12-31 is Thursday: the 1st working day after 2026-12-30 does not need 2027.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 30), 1)).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(calendar.count(LocalDate.of(2026, 12, 30), 1).provisional()).isFalse();
  }

  @Test
  void aProvisionalYearIsShownWithItsBasisAndNoAdjustedWorkingDays() {
    CalendarYear year = calendar.year(2027);
    assertThat(year.source()).isEqualTo(CalendarYear.Source.PROVISIONAL);
    assertThat(year.workdays()).isEmpty();
    assertThat(year.holidays()).contains(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 10), LocalDate.of(2027, 10, 5));
    assertThat(year.basis()).contains("第795号").contains("暂定");
    CalendarYear official = calendar.year(2026);
    assertThat(official.source()).isEqualTo(CalendarYear.Source.OFFICIAL);
    assertThat(official.workdays()).contains(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28));
    assertThat(official.holidays()).contains(LocalDate.of(2026, 2, 23)).doesNotContain(LocalDate.of(2026, 2, 14));
  }
}
