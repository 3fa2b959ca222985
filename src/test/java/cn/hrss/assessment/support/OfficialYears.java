package cn.hrss.assessment.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads a year's official holiday schedule as an administrator does ({@code PUT /api/calendar/{year}}) and forgets it
 * after the test: the Spring context and its database are shared with other test classes, which must find the year
 * provisional again.
 */
public final class OfficialYears {

  private OfficialYears() {}

  /** {@code PUT /api/calendar/{year}} as {@code admin}. */
  public static <T> ResponseEntity<T> load(TestRestTemplate http, int year, List<String> holidays, List<String> workdays,
      String reason, Class<T> answer) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("holidays", holidays);
    body.put("workdays", workdays);
    body.put("reason", reason);
    return http.withBasicAuth("admin", "admin").exchange("/api/calendar/" + year, HttpMethod.PUT, new HttpEntity<>(body),
        answer);
  }

  /** Drops the stored year (and its load history); every node's calendar reloads at its next question. */
  public static void forget(JdbcTemplate jdbc, int year) {
    jdbc.update("DELETE FROM calendar_year WHERE cal_year = ?", year);
    jdbc.update("DELETE FROM calendar_year_history WHERE cal_year = ?", year);
    jdbc.update("UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1");
  }

  /** Every date from {@code first} to {@code last}, both included, as ISO strings. */
  public static List<String> range(String first, String last) {
    List<String> days = new ArrayList<>();
    for (LocalDate day = LocalDate.parse(first); !day.isAfter(LocalDate.parse(last)); day = day.plusDays(1)) {
      days.add(day.toString());
    }
    return days;
  }

  /**
   * The statutory holidays of 2027 (《全国年节及纪念日放假办法》 Art. 2) outside the Spring Festival, which every
   * schedule must list: 元旦, 清明, 劳动节, 端午, 中秋, 国庆.
   */
  public static List<String> statutory2027OutsideSpringFestival() {
    List<String> days = new ArrayList<>(List.of("2027-01-01", "2027-04-05", "2027-05-01", "2027-05-02", "2027-06-09",
        "2027-09-15"));
    days.addAll(range("2027-10-01", "2027-10-03"));
    return days;
  }
}
