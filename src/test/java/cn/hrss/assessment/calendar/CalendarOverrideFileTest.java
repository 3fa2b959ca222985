package cn.hrss.assessment.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarOverrideFileTest {

  /** A made-up 2027 schedule (NOT the official one) in the format of config/calendar-override.example.yml. */
  private static final String YEAR_2027 = """
      years:
        2027:
          complete: true
          holidays:
            - 2027-01-01
            - 2027-02-05..2027-02-13
            - 2027-10-01..2027-10-07
          working-days:
            - 2027-02-20
            - 2027-10-09
      """;

  @Test
  void anOverrideFileAddsAYearAndDeadlinesIntoItWork(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("calendar.yml"), YEAR_2027);
    WorkingDayCalendar calendar =
        new WorkingDayCalendar(CalendarData.fromTyme().withOverrides(CalendarOverrideFile.read(file)));

    assertThat(calendar.officialYears()).contains(2026, 2027);
    // 2026-12-24 (Thu) + 10: 12-25, 28, 29, 30, 31, [01-01 holiday], 01-04 .. 01-08 → 2027-01-08.
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 24), 10)).isEqualTo(LocalDate.of(2027, 1, 8));
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).as("listed holiday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 20))).as("adjusted Saturday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 15))).as("plain Monday").isTrue();
    assertThat(calendar.describe()).contains(file.toString()).contains("official years: 2002-2027");
  }

  @Test
  void exampleFileOfTheRepositoryIsValidButLeaves2027Provisional() {
    CalendarOverrideFile example = CalendarOverrideFile.read(Path.of("config/calendar-override.example.yml"));
    WorkingDayCalendar calendar = new WorkingDayCalendar(CalendarData.fromTyme().withOverrides(example));

    assertThat(example.years()).singleElement().satisfies(y -> assertThat(y.complete()).isFalse());
    // The draft's dates are not used: 2027 stays provisional (2027-02-12 is off in the draft, a working Friday
    // on the provisional calendar).
    assertThat(calendar.isOfficial(2027)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
  }

  @Test
  void anOverriddenYearReplacesTheLibraryData() {
    // A correction: 2026 restated without the 2026-01-04 adjusted Sunday.
    CalendarOverrideFile file = parse("""
        years:
          2026:
            complete: true
            holidays: [2026-01-01..2026-01-03]
        """);
    WorkingDayCalendar calendar = new WorkingDayCalendar(CalendarData.fromTyme().withOverrides(file));

    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Spring Festival no longer listed").isTrue();
  }

  @Test
  void aDecemberDateAnnouncedWithTheNextYearSurvivesALaterBlockForItsOwnYear() {
    // The 2028 block (listed first) carries the New Year's 调休 of Sunday 2027-12-26 and the day off
    // Friday 2027-12-31; the 2027 block that follows must not wipe them out.
    CalendarOverrideFile file = parse("""
        years:
          2028:
            complete: true
            holidays: [2027-12-31, 2028-01-01..2028-01-03]
            working-days: [2027-12-26]
          2027:
            complete: true
            holidays: [2027-01-01, 2027-10-01..2027-10-07]
        """);
    WorkingDayCalendar calendar = new WorkingDayCalendar(CalendarData.fromTyme().withOverrides(file));

    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 12, 26))).as("adjusted Sunday from the 2028 block").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 12, 31))).as("day off from the 2028 block").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 4))).as("2027 block").isFalse();
  }

  @Test
  void anIncompleteYearIsProvisionalEvenIfTheLibraryKnowsIt() {
    CalendarOverrideFile file = parse("""
        years:
          2026:
            complete: false
        """);
    WorkingDayCalendar calendar = new WorkingDayCalendar(CalendarData.fromTyme().withOverrides(file));

    // 2026 becomes provisional: 2026-05-05 (a day given off in the official schedule) is a working Tuesday,
    // 2026-05-01 (劳动节, statutory) is not.
    assertThat(calendar.isOfficial(2026)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 5))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 1))).isFalse();
  }

  @Test
  void aMalformedFileIsRefusedWithEveryProblemListed() {
    assertThatThrownBy(() -> parse("""
        years:
          2027:
            complete: true
            holidays:
              - 2027-02-30
              - 2027-10-07..2027-10-01
              - 2028-01-01
              - 2027-02-20
            working-days:
              - 2027-02-20
            workingdays:
              - 2027-04-25
          twenty:
            complete: true
        """))
        .isInstanceOf(InvalidCalendarOverrideException.class)
        .hasMessageContaining("test.yml")
        .hasMessageContaining("the application will not start")
        .hasMessageContaining("years.2027.holidays[0]: '2027-02-30' is not a date")
        .hasMessageContaining("years.2027.holidays[1]: range '2027-10-07..2027-10-01' must run forwards")
        .hasMessageContaining("years.2027.holidays[2]: 2028-01-01 lies outside 2027")
        .hasMessageContaining("years.2027: 2027-02-20 is listed both as a holiday and as a working day")
        .hasMessageContaining("years.2027.workingdays: unknown key")
        .hasMessageContaining("years: 'twenty' is not a year");
  }

  @Test
  void aYearWithoutTheCompleteFlagIsRefused() {
    assertThatThrownBy(() -> parse("""
        years:
          2027:
            holidays: [2027-01-01]
        """))
        .isInstanceOf(InvalidCalendarOverrideException.class)
        .hasMessageContaining("years.2027.complete: required");
  }

  @Test
  void aCompleteYearWithoutHolidaysIsRefused() {
    assertThatThrownBy(() -> parse("""
        years:
          2027:
            complete: true
        """))
        .isInstanceOf(InvalidCalendarOverrideException.class)
        .hasMessageContaining("complete: true but no holidays listed");
  }

  @Test
  void brokenYamlAndAMissingFileAreRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> parse("years: [2027: {"))
        .isInstanceOf(InvalidCalendarOverrideException.class)
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> CalendarOverrideFile.read(dir.resolve("missing.yml")))
        .isInstanceOf(InvalidCalendarOverrideException.class)
        .hasMessageContaining("missing.yml")
        .hasMessageContaining("does not exist");
  }

  @Test
  void aDecemberAdjustmentMayBeAnnouncedWithTheNextYear() {
    CalendarOverrideFile file = parse("""
        years:
          2027:
            complete: true
            holidays: [2027-01-01]
            working-days: [2026-12-27]
        """);
    WorkingDayCalendar calendar = new WorkingDayCalendar(CalendarData.fromTyme().withOverrides(file));

    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 27))).as("Sunday made a working day").isTrue();
  }

  private static CalendarOverrideFile parse(String yaml) {
    return CalendarOverrideFile.parse("test.yml", new StringReader(yaml));
  }
}
