package cn.hrss.assessment.calendar;

import com.tyme.holiday.LegalHoliday;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The facts the calendar works from: the years whose schedule is complete, and per date the exceptions to
 * Monday-Friday (a statutory holiday or a day given off → {@code false}; an adjusted working day 调休上班 →
 * {@code true}).
 *
 * @param covered years usable for computations
 * @param exceptions date → working day? (only dates that differ from, or restate, the Monday-Friday rule)
 * @param description where the data comes from, for log lines and error messages
 */
record CalendarData(SortedSet<Integer> covered, Map<LocalDate, Boolean> exceptions, String description) {

  CalendarData {
    covered = Collections.unmodifiableSortedSet(new TreeSet<>(covered));
    exceptions = Map.copyOf(exceptions);
  }

  /**
   * Everything tyme4j's {@link LegalHoliday} table holds. tyme4j has no "year known" flag: a year without data
   * simply answers {@code null} for every day, indistinguishable from a year without holidays. A year counts
   * as covered when its table holds both 元旦 (1 January) and 国庆节 (1 October): both are statutory holidays
   * every year (《全国年节及纪念日放假办法》 Art. 2), and the State Council announces a whole year at once.
   * This rules out partial years such as 2001, of which the table only holds the adjusted working days
   * 2001-12-29/30 announced with the 2002 schedule.
   */
  static CalendarData fromTyme() {
    Map<LocalDate, Boolean> exceptions = new HashMap<>();
    SortedSet<Integer> covered = new TreeSet<>();
    LegalHoliday anchor = firstKnownNewYear();
    if (anchor != null) {
      LegalHoliday first = anchor;
      for (LegalHoliday previous = first.next(-1); previous != null; previous = previous.next(-1)) {
        first = previous;
      }
      for (LegalHoliday h = first; h != null; h = h.next(1)) {
        exceptions.put(LocalDate.of(h.getDay().getYear(), h.getDay().getMonth(), h.getDay().getDay()), h.isWork());
      }
      int lastYear = exceptions.keySet().stream().mapToInt(LocalDate::getYear).max().orElseThrow();
      for (int year = anchor.getDay().getYear(); year <= lastYear; year++) {
        if (LegalHoliday.fromYmd(year, 1, 1) != null && LegalHoliday.fromYmd(year, 10, 1) != null) {
          covered.add(year);
        }
      }
    }
    return new CalendarData(covered, exceptions, "tyme4j " + tymeVersion() + " covers " + ranges(covered));
  }

  private static LegalHoliday firstKnownNewYear() {
    // The table starts with the 2002 schedule (tyme4j 1.4.9); search a wide range so that a library version
    // with more (or older) years is picked up without code changes.
    for (int year = 1949; year <= 2200; year++) {
      LegalHoliday h = LegalHoliday.fromYmd(year, 1, 1);
      if (h != null) {
        return h;
      }
    }
    return null;
  }

  /**
   * The override file wins for every year it lists: that year's library facts are dropped and replaced by the
   * file's (a State Council notice is one complete document per year, so a correction restates the whole
   * year). {@code complete: true} makes the year usable; {@code complete: false} makes it unusable even if
   * tyme4j knows it (a draft, or a library year known to be wrong).
   */
  CalendarData withOverrides(CalendarOverrideFile file) {
    Map<LocalDate, Boolean> merged = new HashMap<>(exceptions);
    SortedSet<Integer> years = new TreeSet<>(covered);
    // Two passes: drop every overridden year first, then apply every block. In one pass a block for year N
    // would delete the December-N dates that an earlier block for N+1 added (a New Year's 调休 announced
    // with the following year's schedule, see CalendarOverrideFile).
    Set<Integer> overriddenYears = file.years().stream().map(CalendarOverrideFile.Year::year).collect(Collectors.toSet());
    merged.keySet().removeIf(date -> overriddenYears.contains(date.getYear()));
    for (CalendarOverrideFile.Year year : file.years()) {
      year.holidays().forEach(date -> merged.put(date, false));
      year.workingDays().forEach(date -> merged.put(date, true));
      if (year.complete()) {
        years.add(year.year());
      } else {
        years.remove(year.year());
      }
    }
    String overridden = file.years().stream()
        .map(y -> y.year() + (y.complete() ? "" : " (incomplete)"))
        .collect(Collectors.joining(", "));
    return new CalendarData(years, merged,
        description + "; override file " + file.source() + " sets " + overridden
            + "; usable years: " + ranges(years));
  }

  static String ranges(SortedSet<Integer> years) {
    if (years.isEmpty()) {
      return "no year";
    }
    StringBuilder out = new StringBuilder();
    Integer start = null;
    Integer previous = null;
    for (int year : years) {
      if (previous != null && year != previous + 1) {
        append(out, start, previous);
        start = null;
      }
      if (start == null) {
        start = year;
      }
      previous = year;
    }
    append(out, start, previous);
    return out.toString();
  }

  private static void append(StringBuilder out, int start, int end) {
    if (!out.isEmpty()) {
      out.append(", ");
    }
    out.append(start == end ? String.valueOf(start) : start + "-" + end);
  }

  private static String tymeVersion() {
    String version = LegalHoliday.class.getPackage().getImplementationVersion();
    return version == null ? "" : version;
  }
}
