package cn.hrss.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The provisional calendar of a year without an official schedule (DOMAIN.md §6): 《全国年节及纪念日放假办法》 as
 * amended 2024 (国务院令第795号), Art. 2, and the 补假 rule (Art. 6 of the 2013 text). Lunar dates and the 清明 solar
 * term come from tyme4j; the expected dates below are the published lunar calendar's (春节 2027-02-06, 端午 06-09, 中秋
 * 09-15; 春节 2028-01-26, 端午 05-28, 中秋 10-03), written out here, not computed.
 */
class StatutoryHolidaysTest {

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static Map<String, List<LocalDate>> byHoliday(int year) {
    return StatutoryHolidays.of(year).stream().collect(Collectors.groupingBy(StatutoryHolidays.Day::holiday,
        Collectors.mapping(StatutoryHolidays.Day::date, Collectors.toList())));
  }

  @Test
  void eachArticle2HolidayOf2027() {
    Map<String, List<LocalDate>> days = byHoliday(2027);
    assertThat(days.get("元旦")).containsExactly(d("2027-01-01"));
    // 除夕 = 2027-02-05, 正月初一 = 02-06.
    assertThat(days.get("春节")).containsExactly(d("2027-02-05"), d("2027-02-06"), d("2027-02-07"), d("2027-02-08"));
    assertThat(days.get("清明节")).containsExactly(d("2027-04-05"));
    assertThat(days.get("劳动节")).containsExactly(d("2027-05-01"), d("2027-05-02"));
    assertThat(days.get("端午节")).containsExactly(d("2027-06-09"));
    assertThat(days.get("中秋节")).containsExactly(d("2027-09-15"));
    assertThat(days.get("国庆节")).containsExactly(d("2027-10-01"), d("2027-10-02"), d("2027-10-03"));
    assertThat(StatutoryHolidays.of(2027)).hasSize(13);
  }

  @Test
  void eachArticle2HolidayOf2028() {
    Map<String, List<LocalDate>> days = byHoliday(2028);
    assertThat(days.get("元旦")).containsExactly(d("2028-01-01"));
    assertThat(days.get("春节")).containsExactly(d("2028-01-25"), d("2028-01-26"), d("2028-01-27"), d("2028-01-28"));
    assertThat(days.get("清明节")).containsExactly(d("2028-04-04"));
    assertThat(days.get("劳动节")).containsExactly(d("2028-05-01"), d("2028-05-02"));
    assertThat(days.get("端午节")).containsExactly(d("2028-05-28"));
    assertThat(days.get("中秋节")).containsExactly(d("2028-10-03"));
    assertThat(days.get("国庆节")).containsExactly(d("2028-10-01"), d("2028-10-02"), d("2028-10-03"));
  }

  @Test
  void provisional2027AsWrittenInDomainAndDocs() {
    // DOMAIN.md §6 and docs/calendar.md: 1 Jan; 5-8 Feb + 补假 9-10 Feb; 5 Apr; 1-2 May + 补假 3-4 May; 9 Jun; 15 Sep;
    // 1-3 Oct + 补假 4-5 Oct.
    assertThat(StatutoryHolidays.provisionalDaysOff(2027).keySet()).containsExactly(
        d("2027-01-01"),
        d("2027-02-05"), d("2027-02-06"), d("2027-02-07"), d("2027-02-08"), d("2027-02-09"), d("2027-02-10"),
        d("2027-04-05"),
        d("2027-05-01"), d("2027-05-02"), d("2027-05-03"), d("2027-05-04"),
        d("2027-06-09"),
        d("2027-09-15"),
        d("2027-10-01"), d("2027-10-02"), d("2027-10-03"), d("2027-10-04"), d("2027-10-05"));
  }

  @Test
  void aHolidayOnAWeekendGivesAMakeUpDayOnTheNextWorkingDay() {
    // 劳动节 2027: Saturday 05-01 and Sunday 05-02 → 补假 Monday 05-03 and Tuesday 05-04.
    SortedMap<LocalDate, String> off = StatutoryHolidays.provisionalDaysOff(2027);
    assertThat(off.get(d("2027-05-03"))).isEqualTo("劳动节（补假）");
    assertThat(off.get(d("2027-05-04"))).isEqualTo("劳动节（补假）");
    assertThat(off).doesNotContainKey(d("2027-05-05"));
    // 春节 2027: Saturday 02-06 and Sunday 02-07 → the days after the block, 02-09 and 02-10 (02-08 is already off).
    assertThat(off.get(d("2027-02-09"))).isEqualTo("春节（补假）");
    assertThat(off.get(d("2027-02-10"))).isEqualTo("春节（补假）");
    assertThat(off).doesNotContainKey(d("2027-02-11"));
  }

  @Test
  void twoHolidaysOnOneDayCountOnceAndGiveOneMakeUpDay2028() {
    // 2028: 国庆 Sun 10-01, Mon 10-02, Tue 10-03 = 中秋. Lost: 10-01 (weekend) and one of the two holidays of 10-03.
    SortedMap<LocalDate, String> off = StatutoryHolidays.provisionalDaysOff(2028);
    assertThat(off.get(d("2028-10-03"))).contains("中秋节").contains("国庆节");
    assertThat(off.subMap(d("2028-09-30"), d("2028-10-09")).keySet()).containsExactly(
        d("2028-10-01"), d("2028-10-02"), d("2028-10-03"), d("2028-10-04"), d("2028-10-05"));
    assertThat(off.get(d("2028-10-04"))).endsWith("（补假）");
    assertThat(off.get(d("2028-10-05"))).endsWith("（补假）");
  }

  @Test
  void newYearOnASaturdayIsMadeUpOnMonday2028() {
    SortedMap<LocalDate, String> off = StatutoryHolidays.provisionalDaysOff(2028);
    assertThat(off.get(d("2028-01-01"))).isEqualTo("元旦");
    assertThat(off.get(d("2028-01-03"))).isEqualTo("元旦（补假）");
  }

  @Test
  void theRulesOfTheTextInForceApply() {
    // 2024 text (from 2025): 春节 4 days from 除夕, 劳动节 2 days. 2013 text (2014-2024): 春节 from 初一, 劳动节 1 day.
    assertThat(byHoliday(2025).get("春节")).hasSize(4);
    assertThat(byHoliday(2025).get("劳动节")).hasSize(2);
    assertThat(byHoliday(2024).get("春节")).hasSize(3).first().isEqualTo(d("2024-02-10"));
    assertThat(byHoliday(2024).get("劳动节")).hasSize(1);
    assertThat(StatutoryHolidays.citation(2027)).contains("第795号");
    assertThat(StatutoryHolidays.citation(2020)).contains("第644号");
  }

  @Test
  void everyStatutoryHolidayOfThePublished2026ScheduleIsOffThere() {
    // The published 2026 schedule (国办发明电〔2025〕7号, in tyme4j) must give every Art. 2 day off: the same rules
    // applied to 2026 agree with the State Council's own application of them.
    WorkingDayCalendar official = WorkingDayCalendar.builtIn();
    assertThat(official.isOfficial(2026)).isTrue();
    StatutoryHolidays.of(2026).forEach(day ->
        assertThat(official.isWorkingDay(day.date())).as(day.toString()).isFalse());
  }

  @Test
  void aCountAcrossTheYearBoundaryUsesBothYears() {
    WorkingDayCalendar calendar = WorkingDayCalendar.builtIn();
    // 2026-12-31 (Thu, official) + 1: Friday 2027-01-01 is 元旦 (provisional) → Monday 2027-01-04.
    assertThat(calendar.addWorkingDays(d("2026-12-31"), 1)).isEqualTo(d("2027-01-04"));
    assertThat(calendar.count(d("2026-12-31"), 1).provisional()).isTrue();
    // 2027-12-31 (Fri) + 1: Saturday 2028-01-01 is 元旦 with its 补假 on Monday 01-03 → Tuesday 2028-01-04.
    assertThat(calendar.addWorkingDays(d("2027-12-31"), 1)).isEqualTo(d("2028-01-04"));
  }

  @Test
  void twentyWorkingDaysAcrossTheSpringFestival2027() {
    WorkingDayCalendar calendar = WorkingDayCalendar.builtIn();
    // From Friday 2027-01-29: 02-01..04 (4), [02-05..10 off], 02-11, 02-12 (6), 02-15..19 (11), 02-22..26 (16),
    // 03-01..04 (20).
    assertThat(calendar.addWorkingDays(d("2027-01-29"), 20)).isEqualTo(d("2027-03-04"));
    assertThat(calendar.workingDaysBetween(d("2027-02-04"), d("2027-02-10"))).isZero();
  }
}
