package cn.hrss.assessment.calendar;

import com.tyme.lunar.LunarDay;
import com.tyme.solar.SolarDay;
import com.tyme.solar.SolarTerm;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The statutory holidays of all citizens (全体公民放假的节日) of 《全国年节及纪念日放假办法》, Art. 2, in the text in
 * force in a given year, and the provisional working-day calendar derived from them for a year whose State
 * Council schedule (国务院办公厅关于某年部分节假日安排的通知) is not known yet (DOMAIN.md §6, CONTRACT.md
 * "Working-day calendar").
 *
 * <p>The one place that holds these rules. Lunar dates (除夕, 端午, 中秋) and the 清明 solar term come from
 * tyme4j, which computes them for any year; nothing astronomical is tabulated here.
 *
 * <p>Provisional year = the Art. 2 days + make-up days (补假): "全体公民放假的假日，如果适逢星期六、星期日，应当在
 * 工作日补假" (Art. 6 of the 2013 text, unchanged by the 2024 amendment), each on the next working day not yet
 * taken. Where two holidays fall on one day (2028: 中秋 = 国庆 3 Oct) the day counts once and one make-up day
 * follows for the holiday lost (our choice, as the 2020 arrangement gave 8 days for 国庆 + 中秋 on 1 Oct). No
 * adjusted working weekend (调休上班) is assumed: the State Council announces those, nobody can derive them.
 */
public final class StatutoryHolidays {

  /** One statutory holiday day of Art. 2: the date and the holiday's name. */
  public record Day(LocalDate date, String holiday) {}

  /** A text of the 办法 and the years it governs. */
  private record Text(int fromYear, String citation, IntFunction<List<Day>> days) {}

  /** Newest first; each applies from 1 January of {@code fromYear} until the next. */
  private static final List<Text> TEXTS = List.of(
      // 国务院令第795号 (2024-11-10), in force 2025-01-01, Art. 2.
      new Text(2025, "《全国年节及纪念日放假办法》（2024年11月10日国务院令第795号修订）第二条", year -> join(
          List.of(new Day(LocalDate.of(year, 1, 1), "元旦")),
          range(chuxi(year), 4, "春节"),                 // 农历除夕、正月初一至初三
          List.of(new Day(qingming(year), "清明节")),
          range(LocalDate.of(year, 5, 1), 2, "劳动节"),
          List.of(new Day(lunar(year, 5, 5), "端午节"), new Day(lunar(year, 8, 15), "中秋节")),
          range(LocalDate.of(year, 10, 1), 3, "国庆节"))),
      // 国务院令第644号 (2013-12-11), in force 2014-01-01, Art. 2.
      new Text(2014, "《全国年节及纪念日放假办法》（2013年12月11日国务院令第644号修订）第二条", year -> join(
          List.of(new Day(LocalDate.of(year, 1, 1), "元旦")),
          range(lunar(year, 1, 1), 3, "春节"),           // 农历正月初一、初二、初三
          List.of(new Day(qingming(year), "清明节"), new Day(LocalDate.of(year, 5, 1), "劳动节"),
              new Day(lunar(year, 5, 5), "端午节"), new Day(lunar(year, 8, 15), "中秋节")),
          range(LocalDate.of(year, 10, 1), 3, "国庆节"))),
      // 国务院令第513号 (2007-12-14), in force 2008-01-01, Art. 2.
      new Text(2008, "《全国年节及纪念日放假办法》（2007年12月14日国务院令第513号修订）第二条", year -> join(
          List.of(new Day(LocalDate.of(year, 1, 1), "元旦")),
          range(chuxi(year), 3, "春节"),                 // 农历除夕、正月初一、初二
          List.of(new Day(qingming(year), "清明节"), new Day(LocalDate.of(year, 5, 1), "劳动节"),
              new Day(lunar(year, 5, 5), "端午节"), new Day(lunar(year, 8, 15), "中秋节")),
          range(LocalDate.of(year, 10, 1), 3, "国庆节"))),
      // 国务院令第270号 (1999-09-18), Art. 2.
      new Text(2000, "《全国年节及纪念日放假办法》（1999年9月18日国务院令第270号修订）第二条", year -> join(
          List.of(new Day(LocalDate.of(year, 1, 1), "元旦")),
          range(lunar(year, 1, 1), 3, "春节"),
          range(LocalDate.of(year, 5, 1), 3, "劳动节"),
          range(LocalDate.of(year, 10, 1), 3, "国庆节"))));

  /** The 补假 rule, cited with every provisional year. */
  static final String MAKE_UP_RULE = "第六条（补假：节日适逢星期六、星期日，在工作日补假）";

  private StatutoryHolidays() {}

  /** The first year whose statutory holidays are known here. */
  public static int firstYear() {
    return TEXTS.get(TEXTS.size() - 1).fromYear();
  }

  /** The Art. 2 days of {@code year}, in date order (a day shared by two holidays appears twice). */
  public static List<Day> of(int year) {
    List<Day> days = new ArrayList<>(text(year).days().apply(year));
    days.sort((a, b) -> a.date().compareTo(b.date()));
    return List.copyOf(days);
  }

  /** The text of the 办法 that governs {@code year}, for citations. */
  public static String citation(int year) {
    return text(year).citation();
  }

  /**
   * The provisional days off of {@code year}: the Art. 2 days and their make-up days, with what each day is.
   *
   * @return date → name (e.g. "春节", "春节（补假）"), in date order
   */
  public static SortedMap<LocalDate, String> provisionalDaysOff(int year) {
    // Entitlements per date: how many holidays fall on it (2 on an overlap).
    SortedMap<LocalDate, List<String>> byDate = new TreeMap<>();
    for (Day day : of(year)) {
      byDate.computeIfAbsent(day.date(), d -> new ArrayList<>()).add(day.holiday());
    }
    SortedMap<LocalDate, String> off = new TreeMap<>();
    byDate.forEach((date, names) -> off.put(date, String.join("、", names)));
    SortedSet<LocalDate> taken = new TreeSet<>(off.keySet());
    for (Map.Entry<LocalDate, List<String>> entry : byDate.entrySet()) {
      LocalDate date = entry.getKey();
      // A weekend day loses every holiday on it; a weekday loses all but one.
      int lost = isWeekend(date) ? entry.getValue().size() : entry.getValue().size() - 1;
      for (int i = 0; i < lost; i++) {
        LocalDate makeUp = date.plusDays(1);
        while (isWeekend(makeUp) || taken.contains(makeUp)) {
          makeUp = makeUp.plusDays(1);
        }
        taken.add(makeUp);
        off.put(makeUp, off.get(date) + "（补假）");
      }
    }
    return Collections.unmodifiableSortedMap(off);
  }

  /** The basis a provisional year is derived from, as shown by {@code GET /api/calendar/{year}}. */
  static String provisionalBasis(int year) {
    return "暂定：依据" + citation(year) + "及" + MAKE_UP_RULE + "推算，未计调休；以国务院办公厅公布的" + year
        + "年部分节假日安排为准";
  }

  static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static Text text(int year) {
    return TEXTS.stream().filter(t -> year >= t.fromYear()).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no statutory holiday rules before " + firstYear() + ": " + year));
  }

  private static LocalDate chuxi(int year) {
    return lunar(year, 1, 1).minusDays(1);
  }

  private static LocalDate lunar(int year, int month, int day) {
    return local(LunarDay.fromYmd(year, month, day).getSolarDay());
  }

  private static LocalDate qingming(int year) {
    return local(SolarTerm.fromName(year, "清明").getJulianDay().getSolarDay());
  }

  private static LocalDate local(SolarDay day) {
    return LocalDate.of(day.getYear(), day.getMonth(), day.getDay());
  }

  private static List<Day> range(LocalDate first, int days, String holiday) {
    List<Day> out = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      out.add(new Day(first.plusDays(i), holiday));
    }
    return out;
  }

  @SafeVarargs
  private static List<Day> join(List<Day>... parts) {
    List<Day> all = new ArrayList<>();
    for (List<Day> part : parts) {
      all.addAll(part);
    }
    return all;
  }
}
