package cn.hrss.assessment.calendar;

import java.time.LocalDate;
import java.util.SortedSet;

/**
 * One year of the working-day calendar as {@code GET /api/calendar/{year}} shows it (CONTRACT.md "Working-day
 * calendar").
 *
 * @param source {@code OFFICIAL}: the State Council's schedule is known; {@code PROVISIONAL}: derived from the
 *     statutory holidays ({@link StatutoryHolidays}) until it is
 * @param holidays every day off (statutory holidays, days given off, make-up days), weekends inside a block
 *     included where the schedule lists them
 * @param workdays the adjusted weekend working days (调休上班); always empty for a provisional year
 * @param basis the document the year rests on
 */
public record CalendarYear(int year, Source source, SortedSet<LocalDate> holidays, SortedSet<LocalDate> workdays,
    String basis) {

  /** Where a year's schedule comes from. */
  public enum Source { OFFICIAL, PROVISIONAL }

  public CalendarYear {
    holidays = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(holidays));
    workdays = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(workdays));
  }
}
