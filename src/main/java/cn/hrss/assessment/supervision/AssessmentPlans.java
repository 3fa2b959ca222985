package cn.hrss.assessment.supervision;

import cn.hrss.assessment.calendar.WorkingDays;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.registry.OccupationScope;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.PlainText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 评价计划 (003 indicator 14; CONTRACT.md "Supervision"): an institution declares each assessment activity at least
 * {@link SupervisionProperties#planNoticeWorkingDays()} working days before it; the plans of a period feed the draw.
 */
@Service
public class AssessmentPlans {

  /** Our bound on the candidates of one activity (no rule; a larger number is a typing mistake). */
  static final int MAX_CANDIDATES = 5000;
  /** How far ahead a plan may be declared (our choice: plans are made batch by batch). */
  static final int MAX_MONTHS_AHEAD = 12;
  static final int MAX_OCCUPATIONS = 50;
  static final int SITE_MAX = 200;
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An occupation of a plan, with the levels assessed in it. */
  public record PlanOccupation(String code, List<Integer> levels) {}

  /** What an institution declares ({@code POST /api/institutions/{filingCode}/assessment-plans}). */
  public record PlanRequest(LocalDate date, String site, List<PlanOccupation> occupations, Integer candidates) {}

  /** A stored plan; its occupations carry their names from the filed scope. */
  public record Plan(String planNo, String filingCode, String institutionName, String province, LocalDate date,
      String site, List<OccupationScope> occupations, int candidates, Instant declaredAt) {}

  private final JdbcTemplate jdbc;
  private final InstitutionRegistry registry;
  private final WorkingDays workingDays;
  private final SupervisionProperties properties;
  private final ObjectMapper json;

  AssessmentPlans(JdbcTemplate jdbc, InstitutionRegistry registry, WorkingDays workingDays,
      SupervisionProperties properties, ObjectMapper json) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.workingDays = workingDays;
    this.properties = properties;
    this.json = json;
  }

  /** The earliest activity date a plan declared today may have: the N-th working day after today (003 indicator 14). */
  public LocalDate earliestDate() {
    return workingDays.dueDate(properties.planNoticeWorkingDays());
  }

  /**
   * Checks and stores the plan of a filed institution in force; {@code first} runs first in the transaction (the
   * Idempotency-Key record). Invalid → 400 with field errors; too late → 409 with {@code earliestDate}; an institution
   * not in force → 409. Nothing is stored on a refusal.
   */
  @Transactional
  public Plan declare(String filingCode, PlanRequest request, Consumer<Plan> first) {
    Institution institution = registry.lock(filingCode);
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    List<OccupationScope> occupations = check(institution, request, errors);
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    // Only an institution in force may hold assessment activities: a suspended one is stopped until rectified
    // (002 Annex 2 Art. 13), a terminated or lapsed one is no longer filed (004 Art. 23, 24).
    if (institution.status() != InstitutionStatus.ACTIVE) {
      throw ApiProblem.conflict("备案状态为" + statusLabel(institution.status()) + "，不能申报评价计划。");
    }
    LocalDate earliest = earliestDate();
    if (request.date().isBefore(earliest)) {
      // 003 indicator 14: 每个考评批次是否在考前至少 5 个工作日制定评价计划
      throw new TooLate(properties.planNoticeWorkingDays(), earliest);
    }
    Plan plan = new Plan(newPlanNo(), institution.filingCode(), institution.name(), institution.province(),
        request.date(), request.site().strip(), occupations, request.candidates(), ClockUtil.getCurrentTime().toInstant());
    first.accept(plan);
    jdbc.update("INSERT INTO assessment_plan (plan_no, filing_code, province, activity_date, site, occupations,"
        + " candidates, declared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", plan.planNo(), plan.filingCode(), plan.province(),
        Date.valueOf(plan.date()), plan.site(), write(occupations), plan.candidates(), Timestamp.from(plan.declaredAt()));
    return plan;
  }

  /** 409 for a date too close: the problem names the earliest date allowed ({@code earliestDate}). */
  static final class TooLate extends DetailedProblem {
    private final LocalDate earliest;

    TooLate(int workingDays, LocalDate earliest) {
      super(HttpStatus.CONFLICT, "评价计划申报过晚", "评价计划须在考前至少 " + workingDays + " 个工作日申报（003 评估指标 14），"
          + "现在申报的评价活动最早可安排在 " + SHOWN.format(earliest) + "。", Map.of("earliestDate", earliest.toString()));
      this.earliest = earliest;
    }

    LocalDate earliest() {
      return earliest;
    }
  }

  private List<OccupationScope> check(Institution institution, PlanRequest request, List<ApiProblem.FieldError> errors) {
    if (request == null) {
      errors.add(new ApiProblem.FieldError("body", "必填"));
      return List.of();
    }
    if (request.date() == null) {
      errors.add(new ApiProblem.FieldError("date", "必填（评价活动日期，yyyy-MM-dd）"));
    } else if (request.date().isAfter(today().plusMonths(MAX_MONTHS_AHEAD))) {
      errors.add(new ApiProblem.FieldError("date", "只能申报 " + MAX_MONTHS_AHEAD + " 个月内的评价活动"));
    } else if (institution.validUntil() != null && request.date().isAfter(institution.validUntil())) {
      // 004 Art. 23: the filing is valid 3 years; an activity after that needs a renewal first.
      errors.add(new ApiProblem.FieldError("date", "评价活动日期在备案有效期（至 " + SHOWN.format(institution.validUntil())
          + "）之后，请先办理延续备案"));
    }
    String site = request.site() == null ? "" : request.site().strip();
    if (site.isEmpty()) {
      errors.add(new ApiProblem.FieldError("site", "必填（评价活动地点）"));
    } else if (site.length() > SITE_MAX) {
      errors.add(new ApiProblem.FieldError("site", "不得超过 " + SITE_MAX + " 个字符"));
    } else if (PlainText.hasControlCharacters(site)) {
      errors.add(new ApiProblem.FieldError("site", PlainText.CONTROL_CHARACTERS));
    }
    if (request.candidates() == null) {
      errors.add(new ApiProblem.FieldError("candidates", "必填（参评人数）"));
    } else if (request.candidates() < 1 || request.candidates() > MAX_CANDIDATES) {
      errors.add(new ApiProblem.FieldError("candidates", "参评人数须在 1 至 " + MAX_CANDIDATES + " 之间"));
    }
    List<OccupationScope> occupations = new ArrayList<>();
    if (request.occupations() == null || request.occupations().isEmpty()) {
      errors.add(new ApiProblem.FieldError("occupations", "至少选择一个职业（工种）及等级"));
      return occupations;
    }
    if (request.occupations().size() > MAX_OCCUPATIONS) {
      errors.add(new ApiProblem.FieldError("occupations", "不得超过 " + MAX_OCCUPATIONS + " 项"));
      return occupations;
    }
    // 003 indicator 14: 评价规模是否与备案范围…相匹配 — only occupations and levels of the filed scope.
    Map<String, OccupationScope> scope = new java.util.HashMap<>();
    institution.occupations().forEach(o -> scope.put(o.code(), o));
    java.util.Set<String> seen = new HashSet<>();
    for (int i = 0; i < request.occupations().size(); i++) {
      PlanOccupation o = request.occupations().get(i);
      String path = "occupations[" + i + "]";
      if (o == null || o.code() == null || o.code().isBlank()) {
        errors.add(new ApiProblem.FieldError(path + ".code", "必填"));
        continue;
      }
      OccupationScope filed = scope.get(o.code().strip());
      if (filed == null) {
        errors.add(new ApiProblem.FieldError(path + ".code", "职业（工种）" + o.code().strip() + " 不在本机构备案的评价范围内"));
        continue;
      }
      if (!seen.add(filed.code())) {
        errors.add(new ApiProblem.FieldError(path + ".code", "职业（工种）" + filed.code() + " 重复"));
        continue;
      }
      if (o.levels() == null || o.levels().isEmpty()) {
        errors.add(new ApiProblem.FieldError(path + ".levels", "至少选择一个等级"));
        continue;
      }
      List<Integer> outside = o.levels().stream().filter(l -> l == null || !filed.levels().contains(l)).distinct().toList();
      if (!outside.isEmpty()) {
        errors.add(new ApiProblem.FieldError(path + ".levels", filed.name() + "的备案等级为 " + filed.levels()
            + "，不含 " + outside));
        continue;
      }
      occupations.add(new OccupationScope(filed.code(), filed.name(), filed.track(), o.levels()));
    }
    return occupations;
  }

  /** Plans of a province (null: all) whose activity falls in [from, to] (null: open), by date. */
  public List<Plan> list(String province, LocalDate from, LocalDate to) {
    StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (province != null) {
      sql.append(" AND p.province = ?");
      args.add(province);
    }
    if (from != null) {
      sql.append(" AND p.activity_date >= ?");
      args.add(Date.valueOf(from));
    }
    if (to != null) {
      sql.append(" AND p.activity_date <= ?");
      args.add(Date.valueOf(to));
    }
    sql.append(" ORDER BY p.activity_date, p.plan_no");
    return jdbc.query(sql.toString(), mapper(), args.toArray());
  }

  /** An institution's own plans, latest activity first. */
  public List<Plan> of(String filingCode) {
    return jdbc.query(SELECT + " WHERE p.filing_code = ? ORDER BY p.activity_date DESC, p.plan_no DESC", mapper(),
        filingCode);
  }

  public Optional<Plan> find(String planNo) {
    return jdbc.query(SELECT + " WHERE p.plan_no = ?", mapper(), planNo).stream().findFirst();
  }

  private static final String SELECT = "SELECT p.plan_no, p.filing_code, i.name, p.province, p.activity_date, p.site,"
      + " p.occupations, p.candidates, p.declared_at FROM assessment_plan p"
      + " JOIN registry_institution i ON i.filing_code = p.filing_code";

  private RowMapper<Plan> mapper() {
    return (rs, n) -> new Plan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getDate(5).toLocalDate(), rs.getString(6), read(rs.getString(7)), rs.getInt(8),
        rs.getTimestamp(9).toInstant());
  }

  private String write(List<OccupationScope> occupations) {
    try {
      return json.writeValueAsString(occupations);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<OccupationScope> read(String value) {
    try {
      return json.readValue(value, new TypeReference<List<OccupationScope>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("assessment_plan.occupations is not the JSON it was written as", e);
    }
  }

  private String newPlanNo() {
    // JH (计划) + the day declared + 6 random digits.
    String day = DateTimeFormatter.BASIC_ISO_DATE.format(today());
    for (int attempt = 0; attempt < 20; attempt++) {
      String no = "JH" + day + "-" + String.format("%06d", RANDOM.nextInt(1_000_000));
      Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM assessment_plan WHERE plan_no = ?", Integer.class, no);
      if (n == null || n == 0) {
        return no;
      }
    }
    throw new IllegalStateException("No free plan number");
  }

  /** Today on the engine clock, in the calendar's zone (Beijing). */
  LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(workingDays.zone()).toLocalDate();
  }

  static String statusLabel(InstitutionStatus status) {
    return switch (status) {
      case ACTIVE -> "有效";
      case SUSPENDED -> "暂停评价活动（限期整改中）";
      case TERMINATED -> "已注销";
      case EXPIRED -> "已过有效期";
    };
  }
}
