package cn.hrss.assessment.calendar;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The operator's calendar override file (property {@code assessment.calendar.override-file}), validated as a
 * whole: any error refuses the file with every problem listed, because a calendar that is half read would
 * silently move deadlines. Format (see {@code config/calendar-override.example.yml}):
 *
 * <pre>
 * years:
 *   2027:
 *     complete: true            # the whole State Council notice for 2027 is entered
 *     holidays:                 # days off: statutory holidays and the weekdays given off around them
 *       - 2027-01-01
 *       - 2027-02-06..2027-02-13   # inclusive range
 *     working-days:             # adjusted working days (调休上班), usually a Saturday or Sunday
 *       - 2027-02-20
 * </pre>
 *
 * Dates of a year's block lie in that year, or in the December before it (a New Year's 调休 announced with
 * the following year's schedule, as 2001-12-29/30 were with 2002's).
 *
 * @param source the file's path, for messages
 * @param years the years the file sets, in file order
 */
record CalendarOverrideFile(String source, List<Year> years) {

  /** One year of the file. */
  record Year(int year, boolean complete, SortedSet<LocalDate> holidays, SortedSet<LocalDate> workingDays) {
  }

  private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final Set<String> TOP_KEYS = Set.of("years");
  private static final Set<String> YEAR_KEYS = Set.of("complete", "holidays", "working-days");
  /** Longest range accepted in one entry: the longest PRC holiday block is 8-9 days; a month is a typo. */
  private static final int MAX_RANGE_DAYS = 31;

  static CalendarOverrideFile read(Path path) {
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new InvalidCalendarOverrideException(path.toString(), List.of("the file does not exist or cannot be read"));
    }
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return parse(path.toString(), reader);
    } catch (IOException e) {
      throw new InvalidCalendarOverrideException(path.toString(), List.of("cannot be read: " + e.getMessage()));
    }
  }

  static CalendarOverrideFile parse(String source, Reader reader) {
    Object document;
    try {
      document = yaml().load(reader);
    } catch (YAMLException e) {
      throw new InvalidCalendarOverrideException(source, List.of("not valid YAML: " + e.getMessage()));
    }
    List<String> errors = new ArrayList<>();
    List<Year> years = new ArrayList<>();
    if (!(document instanceof Map<?, ?> top)) {
      errors.add("the file must be a YAML mapping with the key 'years'");
    } else {
      unknownKeys(top, TOP_KEYS, "", errors);
      Object yearsNode = top.get("years");
      if (!(yearsNode instanceof Map<?, ?> yearMap)) {
        errors.add("'years' must be a mapping of year → {complete, holidays, working-days}");
      } else {
        for (Map.Entry<?, ?> entry : yearMap.entrySet()) {
          Year year = year(entry.getKey(), entry.getValue(), errors);
          if (year != null) {
            years.add(year);
          }
        }
        crossYearConflicts(years, errors);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidCalendarOverrideException(source, errors);
    }
    return new CalendarOverrideFile(source, List.copyOf(years));
  }

  private static Year year(Object key, Object value, List<String> errors) {
    int year;
    try {
      year = Integer.parseInt(String.valueOf(key).trim());
    } catch (NumberFormatException e) {
      errors.add("years: '" + key + "' is not a year");
      return null;
    }
    String at = "years." + year;
    if (year < 1949 || year > 2200) {
      errors.add(at + ": year out of range");
      return null;
    }
    if (!(value instanceof Map<?, ?> block)) {
      errors.add(at + ": must be a mapping with complete, holidays and working-days");
      return null;
    }
    unknownKeys(block, YEAR_KEYS, at + ".", errors);
    Object complete = block.get("complete");
    if (!(complete instanceof Boolean)) {
      errors.add(at + ".complete: required, true (the whole schedule is entered) or false (draft, not usable)");
    }
    SortedSet<LocalDate> holidays = dates(block.get("holidays"), year, at + ".holidays", errors);
    SortedSet<LocalDate> workingDays = dates(block.get("working-days"), year, at + ".working-days", errors);
    for (LocalDate both : intersection(holidays, workingDays)) {
      errors.add(at + ": " + both + " is listed both as a holiday and as a working day");
    }
    if (Boolean.TRUE.equals(complete) && holidays.isEmpty()) {
      errors.add(at + ": complete: true but no holidays listed (every year has statutory holidays)");
    }
    return complete instanceof Boolean c ? new Year(year, c, holidays, workingDays) : null;
  }

  private static SortedSet<LocalDate> dates(Object node, int year, String at, List<String> errors) {
    SortedSet<LocalDate> dates = new TreeSet<>();
    if (node == null) {
      return dates;
    }
    if (!(node instanceof List<?> entries)) {
      errors.add(at + ": must be a list of dates (yyyy-MM-dd or yyyy-MM-dd..yyyy-MM-dd)");
      return dates;
    }
    for (int i = 0; i < entries.size(); i++) {
      String entry = String.valueOf(entries.get(i)).trim();
      String here = at + "[" + i + "]";
      String[] bounds = entry.split("\\.\\.", -1);
      if (bounds.length > 2) {
        errors.add(here + ": '" + entry + "' is neither a date nor a range");
        continue;
      }
      LocalDate from = date(bounds[0], here, errors);
      LocalDate to = bounds.length == 2 ? date(bounds[1], here, errors) : from;
      if (from == null || to == null) {
        continue;
      }
      if (to.isBefore(from) || from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
        errors.add(here + ": range '" + entry + "' must run forwards and span at most " + MAX_RANGE_DAYS + " days");
        continue;
      }
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        if (!belongsTo(d, year)) {
          errors.add(here + ": " + d + " lies outside " + year + " (allowed: " + year
              + " and December " + (year - 1) + ")");
          break;
        }
        dates.add(d);
      }
    }
    return dates;
  }

  private static LocalDate date(String text, String at, List<String> errors) {
    try {
      return LocalDate.parse(text.trim(), ISO_STRICT);
    } catch (DateTimeException e) {
      errors.add(at + ": '" + text.trim() + "' is not a date (yyyy-MM-dd)");
      return null;
    }
  }

  private static boolean belongsTo(LocalDate date, int year) {
    return date.getYear() == year || (date.getYear() == year - 1 && date.getMonthValue() == 12);
  }

  /** A December date may appear in two blocks (its own year's and the next year's): it must not conflict. */
  private static void crossYearConflicts(List<Year> years, List<String> errors) {
    Map<LocalDate, Integer> declaredBy = new HashMap<>();
    for (Year year : years) {
      for (LocalDate date : union(year.holidays(), year.workingDays())) {
        Integer other = declaredBy.putIfAbsent(date, year.year());
        if (other != null) {
          errors.add("years." + year.year() + ": " + date + " is already listed under years." + other
              + " (list each date once)");
        }
      }
    }
  }

  private static void unknownKeys(Map<?, ?> map, Set<String> allowed, String at, List<String> errors) {
    for (Object key : map.keySet()) {
      if (!allowed.contains(String.valueOf(key))) {
        errors.add(at + key + ": unknown key (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  private static SortedSet<LocalDate> intersection(Collection<LocalDate> a, Collection<LocalDate> b) {
    SortedSet<LocalDate> both = new TreeSet<>(a);
    both.retainAll(b);
    return both;
  }

  private static SortedSet<LocalDate> union(Collection<LocalDate> a, Collection<LocalDate> b) {
    SortedSet<LocalDate> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * SnakeYAML turns an unquoted 2027-02-30 into a {@link java.util.Date} leniently (2027-03-02); keep
   * timestamps as strings so that the strict parser above sees what the operator wrote.
   */
  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options) {
      {
        yamlConstructors.put(Tag.TIMESTAMP, yamlConstructors.get(Tag.STR));
      }
    });
  }
}
