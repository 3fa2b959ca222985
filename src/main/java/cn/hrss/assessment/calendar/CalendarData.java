package cn.hrss.assessment.calendar;

import com.tyme.holiday.LegalHoliday;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The official facts the calendar works from: the years whose State Council schedule is known, each with the
 * basis it comes from, and per date the exceptions to Monday-Friday (a holiday or a day given off →
 * {@code false}; an adjusted working day 调休上班 → {@code true}). A year not listed is provisional
 * ({@link StatutoryHolidays}).
 *
 * <p>Layers, each replacing whole years of the one before: tyme4j's table, the operator's override file
 * (read at start), the schedules an administrator loaded at run time ({@code PUT /api/calendar/{year}},
 * stored in the database, so every node of a cluster sees them).
 *
 * @param official year → basis (where its schedule comes from), for every year with an official schedule
 * @param exceptions date → working day? (only dates that differ from, or restate, the Monday-Friday rule);
 *     only facts of official years
 * @param description where the data comes from, for log lines
 */
record CalendarData(SortedMap<Integer, String> official, Map<LocalDate, Boolean> exceptions, String description) {

  CalendarData {
    official = Collections.unmodifiableSortedMap(new TreeMap<>(official));
    exceptions = Map.copyOf(exceptions);
  }

  /** Years with an official schedule. */
  SortedSet<Integer> covered() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(official.keySet()));
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
    SortedMap<Integer, String> official = new TreeMap<>();
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
          official.put(year, "国务院办公厅关于" + year + "年部分节假日安排的通知（数据来源：tyme4j " + tymeVersion() + "）");
        }
      }
    }
    return new CalendarData(official, exceptions, "tyme4j " + tymeVersion() + " covers " + ranges(official.keySet()));
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
   * year). {@code complete: true} makes the year official; {@code complete: false} makes it provisional even if
   * tyme4j knows it (a draft, or a library year known to be wrong): its dates are validated, not used.
   */
  CalendarData withOverrides(CalendarOverrideFile file) {
    Map<LocalDate, Boolean> merged = new HashMap<>(exceptions);
    SortedMap<Integer, String> years = new TreeMap<>(official);
    // Two passes: drop every overridden year first, then apply every block. In one pass a block for year N
    // would delete the December-N dates that an earlier block for N+1 added (a New Year's 调休 announced
    // with the following year's schedule, see CalendarOverrideFile).
    Set<Integer> overriddenYears = file.years().stream().map(CalendarOverrideFile.Year::year).collect(Collectors.toSet());
    merged.keySet().removeIf(date -> overriddenYears.contains(date.getYear()));
    for (CalendarOverrideFile.Year year : file.years()) {
      if (year.complete()) {
        year.holidays().forEach(date -> merged.put(date, false));
        year.workingDays().forEach(date -> merged.put(date, true));
        years.put(year.year(), "国务院办公厅关于" + year.year() + "年部分节假日安排的通知（运维配置文件 " + file.source() + "）");
      } else {
        years.remove(year.year());
      }
    }
    String overridden = file.years().stream()
        .map(y -> y.year() + (y.complete() ? "" : " (incomplete: provisional)"))
        .collect(Collectors.joining(", "));
    return new CalendarData(years, merged,
        description + "; override file " + file.source() + " sets " + overridden
            + "; official years: " + ranges(years.keySet()));
  }

  /** The schedules loaded at run time ({@link CalendarStore}); each replaces the whole year. */
  CalendarData withStoredYears(Collection<CalendarStore.StoredYear> stored) {
    if (stored.isEmpty()) {
      return this;
    }
    Map<LocalDate, Boolean> merged = new HashMap<>(exceptions);
    SortedMap<Integer, String> years = new TreeMap<>(official);
    Set<Integer> replaced = stored.stream().map(CalendarStore.StoredYear::year).collect(Collectors.toSet());
    merged.keySet().removeIf(date -> replaced.contains(date.getYear()));
    for (CalendarStore.StoredYear year : stored) {
      year.holidays().forEach(date -> merged.put(date, false));
      year.workdays().forEach(date -> merged.put(date, true));
      years.put(year.year(), "国务院办公厅关于" + year.year() + "年部分节假日安排的通知（" + year.loadedBy() + " 于 "
          + year.loadedAt() + " 载入" + (year.reason() == null || year.reason().isBlank() ? "" : "：" + year.reason()) + "）");
    }
    return new CalendarData(years, merged, description + "; loaded at run time: "
        + ranges(new TreeSet<>(replaced)) + "; official years: " + ranges(years.keySet()));
  }

  static String ranges(Collection<Integer> unsorted) {
    SortedSet<Integer> years = new TreeSet<>(unsorted);
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
