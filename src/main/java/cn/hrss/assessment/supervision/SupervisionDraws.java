package cn.hrss.assessment.supervision;

import cn.hrss.assessment.codes.Provinces;
import cn.hrss.assessment.notification.NoticeQueue;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.web.ApiProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双随机, 一公开 (浙江 监督管理办法 Art. 12, 浙江 机构管理办法 Art. 27; 001 督导规程 Art. 8, 15, 16): draws institutions among the declared
 * plans and teams from the supervisor pool, records each draw with its seed and candidate lists (so that
 * {@link SupervisionDraw#draw} recomputes it), stores the supervisions and hands each to its process by publishing
 * {@link SupervisionAssigned} in the same transaction. The team is told by mail; the institution is not told before
 * the activity (督导 is unannounced: 001 督导规程 Art. 9(5) 明察和暗访).
 */
@Service
public class SupervisionDraws {

  private static final Logger log = LoggerFactory.getLogger(SupervisionDraws.class);
  static final String MAIL_TEMPLATE = "supervision-assigned";
  static final int MAX_COUNT = 100;
  static final int MAX_PERIOD_DAYS = 366;
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** {@code POST /api/supervisions}: one plan. */
  public record SingleRequest(String planNo, String kind, Boolean special, Integer teamSize) {}

  /** {@code POST /api/supervision-draws}: {@code count} institutions among the plans of a province and period. */
  public record DrawRequest(String province, LocalDate from, LocalDate to, Integer count, String kind, Boolean special,
      Integer teamSize) {}

  /** A supervision as drawn. */
  public record Assigned(String supervisionNo, String planNo, String filingCode, String institutionName,
      LocalDate activityDate, List<String> team) {}

  /** A draw's answer. */
  public record DrawResult(String drawNo, String seed, List<Assigned> supervisions) {}

  /** A stored draw as recorded (candidate lists and result as JSON). */
  public record DrawRecord(String drawNo, String seed, String province, LocalDate from, LocalDate to, String kind,
      boolean special, int count, int teamSize, String candidatePlans, String candidateSupervisors, String result,
      Instant drawnAt) {}

  /** A stored supervision. */
  public record Supervision(String supervisionNo, String planNo, String filingCode, String institutionName,
      String kind, boolean special, List<String> team, String seed, String drawNo, LocalDate activityDate, String site,
      Instant createdAt, String grade, BigDecimal finalScore, String caseNo) {}

  /** A supervisor as the draw records it. */
  record SupervisorCandidate(String userId, String cardCode, String employerCreditCode) {}

  private final JdbcTemplate jdbc;
  private final AssessmentPlans plans;
  private final Supervisors supervisors;
  private final InstitutionRegistry registry;
  private final SupervisionProperties properties;
  private final ApplicationEventPublisher events;
  private final NoticeQueue notices;
  private final ObjectMapper json;

  SupervisionDraws(JdbcTemplate jdbc, AssessmentPlans plans, Supervisors supervisors, InstitutionRegistry registry,
      SupervisionProperties properties, ApplicationEventPublisher events, NoticeQueue notices, ObjectMapper json) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.supervisors = supervisors;
    this.registry = registry;
    this.properties = properties;
    this.events = events;
    this.notices = notices;
    this.json = json;
  }

  /** One plan supervised: a draw of that plan alone. */
  @Transactional
  public DrawResult assign(SingleRequest request, String drawnBy, Consumer<DrawResult> first) {
    if (request == null) {
      throw ApiProblem.invalid("body", "必填");
    }
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    String kind = kind(request.kind(), errors);
    boolean special = Boolean.TRUE.equals(request.special());
    int teamSize = teamSize(request.teamSize(), special, errors);
    AssessmentPlans.Plan plan = null;
    if (request.planNo() == null || request.planNo().isBlank()) {
      errors.add(new ApiProblem.FieldError("planNo", "必填"));
    } else {
      plan = plans.find(request.planNo().strip()).orElse(null);
      if (plan == null) {
        errors.add(new ApiProblem.FieldError("planNo", "评价计划 " + request.planNo().strip() + " 不存在"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    if (isSupervised(plan.planNo())) {
      throw ApiProblem.conflict("评价计划 " + plan.planNo() + " 已安排质量督导。");
    }
    if (plan.date().isBefore(today())) {
      throw ApiProblem.conflict("评价计划 " + plan.planNo() + " 的评价活动（" + SHOWN.format(plan.date()) + "）已过。");
    }
    Institution institution = registry.findByFilingCode(plan.filingCode()).orElseThrow();
    if (institution.status() != InstitutionStatus.ACTIVE) {
      throw ApiProblem.conflict("评价机构 " + institution.filingCode() + " 的备案状态为"
          + AssessmentPlans.statusLabel(institution.status()) + "，不能安排督导。");
    }
    return run(plan.province(), plan.date(), plan.date(), kind, special, 1, teamSize, List.of(plan), drawnBy, first);
  }

  /** {@code count} institutions drawn among the open plans of the period, each with a team. */
  @Transactional
  public DrawResult draw(DrawRequest request, String drawnBy, Consumer<DrawResult> first) {
    if (request == null) {
      throw ApiProblem.invalid("body", "必填");
    }
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    String kind = kind(request.kind(), errors);
    boolean special = Boolean.TRUE.equals(request.special());
    int teamSize = teamSize(request.teamSize(), special, errors);
    if (!Provinces.isValid(request.province() == null ? "" : request.province().strip())) {
      errors.add(new ApiProblem.FieldError("province", "须为省级行政区划代码（GB/T 2260 前两位，如 41）"));
    }
    if (request.from() == null) {
      errors.add(new ApiProblem.FieldError("from", "必填（yyyy-MM-dd）"));
    }
    if (request.to() == null) {
      errors.add(new ApiProblem.FieldError("to", "必填（yyyy-MM-dd）"));
    }
    if (request.from() != null && request.to() != null) {
      if (request.to().isBefore(request.from())) {
        errors.add(new ApiProblem.FieldError("to", "不得早于开始日期"));
      } else if (ChronoUnit.DAYS.between(request.from(), request.to()) >= MAX_PERIOD_DAYS) {
        errors.add(new ApiProblem.FieldError("to", "抽取期间不得超过一年"));
      }
    }
    if (request.count() == null) {
      errors.add(new ApiProblem.FieldError("count", "必填（抽取的机构数）"));
    } else if (request.count() < 1 || request.count() > MAX_COUNT) {
      errors.add(new ApiProblem.FieldError("count", "须在 1 至 " + MAX_COUNT + " 之间"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalid(errors);
    }
    String province = request.province().strip();
    // Only activities still ahead, of institutions in force, not yet supervised.
    LocalDate from = request.from().isBefore(today()) ? today() : request.from();
    List<AssessmentPlans.Plan> open = plans.list(province, from, request.to()).stream()
        .filter(p -> !isSupervised(p.planNo()))
        .filter(p -> registry.findByFilingCode(p.filingCode()).map(i -> i.status() == InstitutionStatus.ACTIVE)
            .orElse(false))
        .toList();
    return run(province, request.from(), request.to(), kind, special, request.count(), teamSize, open, drawnBy, first);
  }

  private DrawResult run(String province, LocalDate from, LocalDate to, String kind, boolean special, int count,
      int teamSize, List<AssessmentPlans.Plan> candidatePlans, String drawnBy, Consumer<DrawResult> first) {
    List<SupervisorCandidate> pool = supervisors.all().stream()
        .map(s -> new SupervisorCandidate(s.userId(), s.cardCode(), s.employerCreditCode())).toList();
    List<SupervisionDraw.PlanCandidate> candidates = candidatePlans.stream().map(p -> candidate(p, pool)).toList();
    long seed = RANDOM.nextLong() & Long.MAX_VALUE;
    SupervisionDraw.Outcome outcome = SupervisionDraw.draw(seed, candidates,
        pool.stream().map(SupervisorCandidate::userId).toList(), count, teamSize);
    if (outcome instanceof SupervisionDraw.TooFewInstitutions few) {
      throw new DetailedProblem(HttpStatus.CONFLICT, "可抽取的评价计划不足",
          "该期间内可抽取的评价机构只有 " + few.available() + " 家，少于要抽取的 " + few.requested() + " 家，未保存任何内容。",
          Map.of("available", few.available(), "missing", few.requested() - few.available()));
    }
    if (outcome instanceof SupervisionDraw.TooFewSupervisors few) {
      int missing = few.shortfalls().stream().mapToInt(SupervisionDraw.Shortfall::missing).sum();
      String detail = few.shortfalls().stream().map(s -> "评价计划 " + s.planNo() + "（" + s.filingCode() + "）可选督导员 "
          + s.eligible() + " 名，还差 " + s.missing() + " 名").collect(Collectors.joining("；"));
      // Issue 14: too few eligible → 409 naming how many are missing, no partial team, nothing stored.
      throw new DetailedProblem(HttpStatus.CONFLICT, "符合回避要求的督导员不足", detail + "。督导组需 " + teamSize
          + " 名督导员，共缺 " + missing + " 名，未保存任何内容。", Map.of("missing", missing, "teamSize", teamSize,
          "shortfalls", few.shortfalls()));
    }
    List<SupervisionDraw.Pick> picks = ((SupervisionDraw.Drawn) outcome).picks();
    String drawNo = newNumber("CQ", "supervision_draw", "draw_no");
    String seedText = Long.toString(seed);
    List<Assigned> assigned = new ArrayList<>();
    Map<String, AssessmentPlans.Plan> byNo = candidatePlans.stream()
        .collect(Collectors.toMap(AssessmentPlans.Plan::planNo, p -> p));
    for (SupervisionDraw.Pick pick : picks) {
      AssessmentPlans.Plan plan = byNo.get(pick.planNo());
      assigned.add(new Assigned(newNumber("DD", "supervision", "supervision_no"), plan.planNo(), plan.filingCode(),
          plan.institutionName(), plan.date(), pick.team()));
    }
    DrawResult result = new DrawResult(drawNo, seedText, assigned);
    first.accept(result);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    try {
      jdbc.update("INSERT INTO supervision_draw (draw_no, seed, province, period_from, period_to, kind, special,"
          + " institution_count, team_size, candidate_plans, candidate_supervisors, result, drawn_by, drawn_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", drawNo, seedText, province, Date.valueOf(from),
          Date.valueOf(to), kind, special, count, teamSize, write(candidates), write(pool), write(picks), drawnBy,
          Timestamp.from(now));
      for (Assigned a : assigned) {
        store(a, byNo.get(a.planNo()), kind, special, seedText, drawNo, now);
      }
    } catch (DuplicateKeyException concurrent) {
      // Another draw took the same plan or the same supervisor on the same day at the same moment.
      throw ApiProblem.conflict("另一次抽取同时安排了相同的评价计划或督导员，本次抽取未保存，请重新抽取。");
    }
    log.info("Supervision draw {} (seed {}): {}", drawNo, seedText,
        assigned.stream().map(a -> a.supervisionNo() + "=" + a.planNo() + a.team()).toList());
    return result;
  }

  private void store(Assigned a, AssessmentPlans.Plan plan, String kind, boolean special, String seed, String drawNo,
      Instant now) {
    jdbc.update("INSERT INTO supervision (supervision_no, plan_no, filing_code, kind, special, team, seed, draw_no,"
        + " activity_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.supervisionNo(), a.planNo(),
        a.filingCode(), kind, special, String.join(",", a.team()), seed, drawNo, Date.valueOf(a.activityDate()),
        Timestamp.from(now));
    for (int i = 0; i < a.team().size(); i++) {
      jdbc.update("INSERT INTO supervision_member (supervision_no, position, user_id, activity_date, filing_code)"
          + " VALUES (?, ?, ?, ?, ?)", a.supervisionNo(), i, a.team().get(i), Date.valueOf(a.activityDate()),
          a.filingCode());
    }
    Institution institution = registry.findByFilingCode(a.filingCode()).orElseThrow();
    // The hand-off to QualitySupervisionProcess: its listener starts the process in this transaction.
    events.publishEvent(new SupervisionAssigned(a.supervisionNo(), a.planNo(), a.filingCode(), institution.name(),
        institution.contactEmail(), plan.province(), kind, special, a.activityDate(), plan.site(), a.team()));
    notifyTeam(a, plan, kind, special);
  }

  /** The team is told (001 督导规程 Art. 8 委派); the institution is not, before the activity (明察暗访). */
  private void notifyTeam(Assigned a, AssessmentPlans.Plan plan, String kind, boolean special) {
    List<Supervisors.Supervisor> members = a.team().stream().map(id -> supervisors.findByUser(id).orElseThrow()).toList();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      names.add(members.get(i).name() + "（" + members.get(i).cardCode() + (i == 0 ? "，组长" : "") + "）");
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("supervisionNo", a.supervisionNo());
    model.put("institutionName", plan.institutionName());
    model.put("filingCode", a.filingCode());
    model.put("activityDate", SHOWN.format(a.activityDate()));
    model.put("site", plan.site());
    model.put("kindLabel", kindLabel(kind));
    model.put("special", special);
    model.put("team", String.join("、", names));
    model.put("occupations", plan.occupations().stream().map(o -> o.name() + " " + o.levels().stream()
        .map(l -> l + "级").collect(Collectors.joining("/"))).collect(Collectors.joining("；")));
    model.put("candidates", plan.candidates());
    notices.queue(a.supervisionNo(), MAIL_TEMPLATE, members.stream().map(Supervisors.Supervisor::email).toList(), model);
  }

  /**
   * The plan's exclusions as the database has them now (001 督导规程 Art. 16 回避; issue 14 item 3): employed by the
   * institution or by its employer (a branch's parent), the institution's own staff (same employer); supervised the
   * same institution in the 12 months before the activity (or is to, later); already supervising elsewhere that day.
   */
  private SupervisionDraw.PlanCandidate candidate(AssessmentPlans.Plan plan, List<SupervisorCandidate> pool) {
    Institution institution = registry.findByFilingCode(plan.filingCode()).orElseThrow();
    List<String> employers = new ArrayList<>();
    if (institution.creditCode() != null) {
      employers.add(institution.creditCode());
    }
    if (institution.parentFilingCode() != null) {
      registry.findByFilingCode(institution.parentFilingCode()).map(Institution::creditCode).ifPresent(employers::add);
    }
    List<String> recent = jdbc.queryForList("SELECT DISTINCT user_id FROM supervision_member WHERE filing_code = ?"
        + " AND activity_date > ?", String.class, plan.filingCode(), Date.valueOf(plan.date().minusMonths(12)));
    List<String> busy = jdbc.queryForList("SELECT user_id FROM supervision_member WHERE activity_date = ?",
        String.class, Date.valueOf(plan.date()));
    Map<String, String> excluded = new java.util.TreeMap<>();
    for (SupervisorCandidate s : pool) {
      if (employers.contains(s.employerCreditCode())) {
        excluded.put(s.userId(), SupervisionDraw.EMPLOYER);
      } else if (recent.contains(s.userId())) {
        excluded.put(s.userId(), SupervisionDraw.RECENT);
      } else if (busy.contains(s.userId())) {
        excluded.put(s.userId(), SupervisionDraw.BUSY);
      }
    }
    return new SupervisionDraw.PlanCandidate(plan.planNo(), plan.filingCode(), plan.date(), excluded);
  }

  public Optional<Supervision> find(String supervisionNo) {
    return jdbc.query(SELECT + " WHERE s.supervision_no = ?", SUPERVISION, supervisionNo).stream().findFirst();
  }

  /** The supervisions of a draw, in the order drawn. */
  public List<Supervision> ofDraw(String drawNo) {
    List<Supervision> all = jdbc.query(SELECT + " WHERE s.draw_no = ?", SUPERVISION, drawNo);
    List<String> order = findDraw(drawNo).map(d -> readPicks(d.result()).stream().map(SupervisionDraw.Pick::planNo)
        .toList()).orElse(List.of());
    return all.stream().sorted(java.util.Comparator.comparingInt(s -> order.indexOf(s.planNo()))).toList();
  }

  /** Every draw, latest first. */
  public List<DrawRecord> draws() {
    return jdbc.query(DRAW_SELECT + " ORDER BY drawn_at DESC, draw_no DESC", DRAW);
  }

  public Optional<DrawRecord> findDraw(String drawNo) {
    return jdbc.query(DRAW_SELECT + " WHERE draw_no = ?", DRAW, drawNo).stream().findFirst();
  }

  List<SupervisionDraw.Pick> readPicks(String result) {
    try {
      return Arrays.asList(json.readValue(result, SupervisionDraw.Pick[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean isSupervised(String planNo) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM supervision WHERE plan_no = ?", Integer.class, planNo);
    return n != null && n > 0;
  }

  private String kind(String kind, List<ApiProblem.FieldError> errors) {
    if (!Scorecards.ON_SITE.equals(kind) && !Scorecards.QUESTION_SETTING.equals(kind)) {
      errors.add(new ApiProblem.FieldError("kind", "须为 ON_SITE（现场督导）或 QUESTION_SETTING（命题督导）"));
    }
    return kind;
  }

  private int teamSize(Integer requested, boolean special, List<ApiProblem.FieldError> errors) {
    int size = requested != null ? requested
        : special ? SupervisionProperties.SPECIAL_MIN_TEAM : properties.defaultTeamSize();
    if (size < 1 || size > SupervisionProperties.MAX_TEAM) {
      errors.add(new ApiProblem.FieldError("teamSize", "督导组人数须在 1 至 " + SupervisionProperties.MAX_TEAM + " 之间"));
    } else if (special && size < SupervisionProperties.SPECIAL_MIN_TEAM) {
      // 001 督导规程 Art. 15: 专项督导…督导小组原则上由3名以上质量督导员组成
      errors.add(new ApiProblem.FieldError("teamSize", "专项督导的督导组须由 3 名以上督导员组成（督导规程 第十五条）"));
    }
    return size;
  }

  static String kindLabel(String kind) {
    return Scorecards.QUESTION_SETTING.equals(kind) ? "命题督导" : "现场督导";
  }

  private String newNumber(String prefix, String table, String column) {
    // prefix + year + 6 random digits, as complaint and case numbers.
    for (int attempt = 0; attempt < 20; attempt++) {
      String no = prefix + Year.from(today()) + "-" + String.format("%06d", RANDOM.nextInt(1_000_000));
      Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Integer.class, no);
      if (n == null || n == 0) {
        return no;
      }
    }
    throw new IllegalStateException("No free number for " + table);
  }

  private LocalDate today() {
    return plans.today();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String SELECT = "SELECT s.supervision_no, s.plan_no, s.filing_code, i.name, s.kind, s.special,"
      + " s.team, s.seed, s.draw_no, s.activity_date, p.site, s.created_at, s.grade, s.final_score, s.case_no"
      + " FROM supervision s JOIN assessment_plan p ON p.plan_no = s.plan_no"
      + " JOIN registry_institution i ON i.filing_code = s.filing_code";
  private static final RowMapper<Supervision> SUPERVISION = (rs, n) -> new Supervision(rs.getString(1), rs.getString(2),
      rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), List.of(rs.getString(7).split(",")),
      rs.getString(8), rs.getString(9), rs.getDate(10).toLocalDate(), rs.getString(11), rs.getTimestamp(12).toInstant(),
      rs.getString(13), rs.getBigDecimal(14), rs.getString(15));
  private static final String DRAW_SELECT = "SELECT draw_no, seed, province, period_from, period_to, kind, special,"
      + " institution_count, team_size, candidate_plans, candidate_supervisors, result, drawn_at FROM supervision_draw";
  private static final RowMapper<DrawRecord> DRAW = (rs, n) -> new DrawRecord(rs.getString(1), rs.getString(2),
      rs.getString(3), rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getBoolean(7),
      rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant());
}
