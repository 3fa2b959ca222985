package cn.hrss.assessment.calendar;

import cn.hrss.assessment.web.ApiProblem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A year's official schedule as an administrator submits it ({@code PUT /api/calendar/{year}}), checked as a
 * whole: every problem is reported at once, and nothing is stored while any is left.
 *
 * @param holidays days off (statutory holidays, weekdays given off, weekend days inside a block may be listed)
 * @param workdays adjusted working days (调休上班), each a Saturday or Sunday
 * @param warnings statutory holidays left out and accepted with {@code force}
 */
record OfficialSchedule(int year, SortedSet<LocalDate> holidays, SortedSet<LocalDate> workdays, List<String> warnings) {

  /** The request body. */
  record Request(List<String> holidays, List<String> workdays, String reason, Boolean force) {}

  static final int FIRST_YEAR = 2002;
  static final int LAST_YEAR = 2100;
  /** Far above any State Council schedule (about 30 days off, under 10 adjusted days), within the stored columns. */
  static final int MAX_HOLIDAYS = 200;
  static final int MAX_WORKDAYS = 60;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  /**
   * @param replacingOfficial the year already has an official schedule: a reason is then required
   * @throws ApiProblem 400 with field errors
   */
  static OfficialSchedule check(int year, Request request, boolean replacingOfficial) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (request == null) {
      throw ApiProblem.invalid("body", "请求体不能为空");
    }
    checkYear(year);
    SortedSet<LocalDate> holidays = dates(year, request.holidays(), "holidays", errors);
    SortedSet<LocalDate> workdays = dates(year, request.workdays(), "workdays", errors);
    if (request.holidays() == null || request.holidays().isEmpty()) {
      errors.add(new ApiProblem.FieldError("holidays", "须列出该年的全部放假日期（不能为空）"));
    } else if (request.holidays().size() > MAX_HOLIDAYS) {
      errors.add(new ApiProblem.FieldError("holidays", "放假日期不能超过 " + MAX_HOLIDAYS + " 个"));
    }
    if (request.workdays() != null && request.workdays().size() > MAX_WORKDAYS) {
      errors.add(new ApiProblem.FieldError("workdays", "调休上班日不能超过 " + MAX_WORKDAYS + " 个"));
    }
    List<String> workdayList = request.workdays() == null ? List.of() : request.workdays();
    for (int i = 0; i < workdayList.size(); i++) {
      LocalDate day = parse(workdayList.get(i));
      if (day == null || day.getYear() != year) {
        continue;
      }
      if (!StatutoryHolidays.isWeekend(day)) {
        errors.add(new ApiProblem.FieldError("workdays[" + i + "]", day + " 不是星期六或星期日：调休上班日只能是周末"));
      }
      if (holidays.contains(day)) {
        errors.add(new ApiProblem.FieldError("workdays[" + i + "]", day + " 同时被列为放假日和调休上班日"));
      }
    }
    String reason = request.reason() == null ? "" : request.reason().strip();
    if (replacingOfficial && reason.isEmpty()) {
      errors.add(new ApiProblem.FieldError("reason", year + " 年已有正式放假安排，替换时须说明理由"));
    }
    if (reason.length() > 1000) {
      errors.add(new ApiProblem.FieldError("reason", "理由不能超过 1000 个字符"));
    }
    List<String> warnings = new ArrayList<>();
    if (!holidays.isEmpty() && year >= StatutoryHolidays.firstYear()) {
      // 《全国年节及纪念日放假办法》 Art. 2: every statutory holiday is a day off whatever the schedule adds.
      List<StatutoryHolidays.Day> missing = StatutoryHolidays.of(year).stream()
          .filter(d -> !holidays.contains(d.date())).toList();
      if (!missing.isEmpty()) {
        String list = missing.stream().map(d -> d.date() + "（" + d.holiday() + "）").distinct()
            .collect(Collectors.joining("、"));
        String message = "缺少" + StatutoryHolidays.citation(year) + "规定的法定节假日：" + list;
        if (Boolean.TRUE.equals(request.force())) {
          warnings.add(message + "；已按 force 载入");
        } else {
          errors.add(new ApiProblem.FieldError("holidays", message + "。核对无误后可设置 \"force\": true 强制载入"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    return new OfficialSchedule(year, holidays, workdays, List.copyOf(warnings));
  }

  /** The years the calendar answers for (CONTRACT.md: 2002, the first the published data cover, to 2100). */
  static void checkYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw ApiProblem.invalid("year", "年份须在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之间");
    }
  }

  private static SortedSet<LocalDate> dates(int year, List<String> values, String field, List<ApiProblem.FieldError> errors) {
    SortedSet<LocalDate> dates = new TreeSet<>();
    if (values == null) {
      return dates;
    }
    for (int i = 0; i < values.size(); i++) {
      String at = field + "[" + i + "]";
      LocalDate day = parse(values.get(i));
      if (day == null) {
        errors.add(new ApiProblem.FieldError(at, "不是有效日期（格式 yyyy-MM-dd）"));
      } else if (day.getYear() != year) {
        errors.add(new ApiProblem.FieldError(at, day + " 不在 " + year + " 年内"));
      } else {
        dates.add(day);
      }
    }
    return dates;
  }

  private static LocalDate parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip(), ISO);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
