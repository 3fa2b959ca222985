package cn.hrss.assessment.supervision;

import cn.hrss.assessment.codes.Provinces;
import cn.hrss.assessment.identity.ApiAuthenticationFilter;
import cn.hrss.assessment.identity.Caller;
import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.identity.Officers;
import cn.hrss.assessment.lifecycle.InstitutionAccess;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.IdempotencyKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CONTRACT.md "Supervision": assessment plans (the institution with its token; officers list them), the supervisor
 * pool and the draws (managers), and a supervision's record (managers; the institution sees its own).
 */
@RestController
@Tag(name = "质量督导", description = "评价计划、督导员库、双随机抽取")
class SupervisionController {

  /** Who lists plans: the officers who file and supervise institutions, and managers. */
  static final String[] PLAN_READERS = {Groups.ACCEPTANCE_OFFICERS, Groups.PROVINCIAL_OFFICERS, Groups.MANAGERS};

  private final AssessmentPlans plans;
  private final Supervisors supervisors;
  private final SupervisionDraws supervisions;
  private final InstitutionAccess access;
  private final Officers officers;
  private final IdempotencyKeys idempotency;
  private final ObjectMapper json;

  SupervisionController(AssessmentPlans plans, Supervisors supervisors, SupervisionDraws supervisions,
      InstitutionAccess access, Officers officers, IdempotencyKeys idempotency, ObjectMapper json) {
    this.plans = plans;
    this.supervisors = supervisors;
    this.supervisions = supervisions;
    this.access = access;
    this.officers = officers;
    this.idempotency = idempotency;
    this.json = json;
  }

  record Declared(String planNo, LocalDate date) {}

  @Operation(summary = "申报评价计划", description = "评价活动须至少提前 5 个工作日申报（003 评估指标 14，可配置），否则 409，"
      + "earliestDate 为最早可安排的日期。职业（工种）及等级须在备案范围内。机构以备案申请时获得的令牌（Bearer）办理。")
  @PostMapping("/api/institutions/{filingCode}/assessment-plans")
  ResponseEntity<Declared> declare(@PathVariable String filingCode,
      @RequestBody(required = false) AssessmentPlans.PlanRequest body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
      HttpServletRequest request) {
    Institution institution = access.requireToken(filingCode, request);
    return once(idempotencyKey, "POST /api/institutions/" + institution.filingCode() + "/assessment-plans", body, request,
        Declared.class, first -> {
          AssessmentPlans.Plan plan = plans.declare(institution.filingCode(), body,
              p -> first.record(planLocation(p.planNo()), new Declared(p.planNo(), p.date())));
          return new Created<>(planLocation(plan.planNo()), new Declared(plan.planNo(), plan.date()));
        });
  }

  @Operation(summary = "评价计划列表（工作人员）", description = "按省份与活动日期筛选，按日期排列。")
  @GetMapping("/api/assessment-plans")
  List<Map<String, Object>> listPlans(@RequestParam(required = false) String province,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletRequest request) {
    officers.require(request, PLAN_READERS);
    if (province != null && !province.isBlank() && !Provinces.isValid(province.strip())) {
      throw ApiProblem.invalid("province", "须为省级行政区划代码（GB/T 2260 前两位，如 41）");
    }
    return plans.list(province == null || province.isBlank() ? null : province.strip(), from, to).stream()
        .map(SupervisionController::planView).toList();
  }

  @Operation(summary = "评价计划（工作人员）")
  @GetMapping("/api/assessment-plans/{planNo}")
  Map<String, Object> plan(@PathVariable String planNo, HttpServletRequest request) {
    officers.require(request, PLAN_READERS);
    return plans.find(planNo).map(SupervisionController::planView)
        .orElseThrow(() -> ApiProblem.notFound("评价计划 " + planNo + " 不存在。"));
  }

  static Map<String, Object> planView(AssessmentPlans.Plan p) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("planNo", p.planNo());
    view.put("filingCode", p.filingCode());
    view.put("institutionName", p.institutionName());
    view.put("province", p.province());
    view.put("date", p.date());
    view.put("site", p.site());
    view.put("occupations", p.occupations());
    view.put("candidates", p.candidates());
    view.put("declaredAt", p.declaredAt());
    return view;
  }

  @Operation(summary = "登记督导员（业务主管）", description = "证卡编码按 人社职司便函〔2020〕53号 附件1 校验；userId 须为"
      + "质量督导人员组（supervisors）的用户；证卡编码或用户已登记 → 409。")
  @PostMapping("/api/supervisors")
  ResponseEntity<Supervisors.Supervisor> register(@RequestBody(required = false) Supervisors.SupervisorRequest body,
      HttpServletRequest request) {
    officers.require(request, Groups.MANAGERS);
    Supervisors.Supervisor s = supervisors.register(body);
    return ResponseEntity.created(URI.create("/api/supervisors")).body(s);
  }

  @Operation(summary = "督导员库（业务主管）")
  @GetMapping("/api/supervisors")
  List<Supervisors.Supervisor> pool(HttpServletRequest request) {
    officers.require(request, Groups.MANAGERS);
    return supervisors.all();
  }

  record Drawn(String supervisionNo, List<String> team, String seed, String drawNo) {}

  @Operation(summary = "对一项评价计划安排督导（业务主管）", description = "从督导员库随机抽取督导组（回避：工作单位与机构相同、"
      + "12 个月内督导过该机构、当日已有督导任务）；专项督导至少 3 人。可选督导员不足 → 409（missing 为所缺人数），不保存任何内容。")
  @PostMapping("/api/supervisions")
  ResponseEntity<Drawn> assign(@RequestBody(required = false) SupervisionDraws.SingleRequest body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey, HttpServletRequest request) {
    Caller caller = officers.require(request, Groups.MANAGERS);
    return once(idempotencyKey, "POST /api/supervisions", body, request, Drawn.class, first -> {
      Function<SupervisionDraws.DrawResult, Drawn> answer = r -> new Drawn(r.supervisions().get(0).supervisionNo(),
          r.supervisions().get(0).team(), r.seed(), r.drawNo());
      SupervisionDraws.DrawResult r = supervisions.assign(body, caller.userId(),
          d -> first.record(supervisionLocation(d.supervisions().get(0).supervisionNo()), answer.apply(d)));
      return new Created<>(supervisionLocation(r.supervisions().get(0).supervisionNo()), answer.apply(r));
    });
  }

  @Operation(summary = "双随机抽取（业务主管）", description = "在该省该期间申报的评价计划中随机抽取 count 家机构，并为每家随机抽取"
      + "督导组；种子与候选名单随结果记录，可复算；结果在 /supervision-results 公布。")
  @PostMapping("/api/supervision-draws")
  ResponseEntity<SupervisionDraws.DrawResult> draw(@RequestBody(required = false) SupervisionDraws.DrawRequest body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey, HttpServletRequest request) {
    Caller caller = officers.require(request, Groups.MANAGERS);
    return once(idempotencyKey, "POST /api/supervision-draws", body, request, SupervisionDraws.DrawResult.class,
        first -> {
          SupervisionDraws.DrawResult r = supervisions.draw(body, caller.userId(),
              d -> first.record("/api/supervision-draws/" + d.drawNo(), d));
          return new Created<>("/api/supervision-draws/" + r.drawNo(), r);
        });
  }

  @Operation(summary = "督导记录", description = "业务主管；评价机构以令牌（Bearer）查看本机构的督导（自评价活动当日起，"
      + "此前视为不存在：督导不预先告知），不含督导员的电子邮箱。")
  @GetMapping("/api/supervisions/{supervisionNo}")
  Map<String, Object> supervision(@PathVariable String supervisionNo, HttpServletRequest request) {
    boolean manager;
    if (ApiAuthenticationFilter.callerOf(request).isPresent()) {
      officers.require(request, Groups.MANAGERS);
      manager = true;
    } else {
      String header = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw ApiProblem.unauthorized("请以业务主管账号或评价机构的查询令牌（Authorization: Bearer）访问。");
      }
      manager = false;
    }
    ApiProblem notFound = ApiProblem.notFound("督导 " + supervisionNo + " 不存在。");
    SupervisionDraws.Supervision s = supervisions.find(supervisionNo).orElseThrow(() -> notFound);
    if (!manager) {
      Institution institution = access.require(s.filingCode());
      if (!access.tokenMatches(institution, request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).strip())) {
        throw ApiProblem.forbidden("令牌与该督导的评价机构不符。");
      }
      if (access.today().isBefore(s.activityDate())) {
        throw notFound; // not announced before the activity (001 督导规程 Art. 9(5) 明察暗访)
      }
    }
    return view(s, manager);
  }

  private Map<String, Object> view(SupervisionDraws.Supervision s, boolean manager) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("supervisionNo", s.supervisionNo());
    view.put("planNo", s.planNo());
    view.put("filingCode", s.filingCode());
    view.put("institutionName", s.institutionName());
    view.put("kind", s.kind());
    view.put("special", s.special());
    view.put("activityDate", s.activityDate());
    view.put("site", s.site());
    List<Map<String, Object>> team = new ArrayList<>();
    for (int i = 0; i < s.team().size(); i++) {
      String userId = s.team().get(i);
      Optional<Supervisors.Supervisor> member = supervisors.findByUser(userId);
      Map<String, Object> m = new LinkedHashMap<>();
      if (manager) {
        m.put("userId", userId);
      }
      m.put("name", member.map(Supervisors.Supervisor::name).orElse(null));
      m.put("cardCode", member.map(Supervisors.Supervisor::cardCode).orElse(null));
      if (manager) {
        m.put("email", member.map(Supervisors.Supervisor::email).orElse(null));
      }
      m.put("leader", i == 0);
      team.add(m);
    }
    view.put("team", team);
    view.put("seed", s.seed());
    view.put("drawNo", s.drawNo());
    view.put("createdAt", s.createdAt());
    view.put("grade", s.grade());
    view.put("finalScore", s.finalScore());
    view.put("caseNo", s.caseNo());
    return view;
  }

  /** What a creating POST answers: its location and body. */
  record Created<T>(String location, T body) {}

  /** Records the first answer to an Idempotency-Key in the creating transaction. */
  interface First {
    void record(String location, Object body);
  }

  /** A creating POST once per Idempotency-Key: a retry gets the recorded answer. */
  private <T> ResponseEntity<T> once(String idempotencyKey, String endpoint, Object body, HttpServletRequest request,
      Class<T> type, Function<First, Created<T>> create) {
    IdempotencyKeys.Key key = idempotency.of(idempotencyKey, endpoint, request.getHeader(HttpHeaders.AUTHORIZATION),
        List.of(write(body).getBytes(StandardCharsets.UTF_8)));
    Optional<ResponseEntity<T>> replayed = idempotency.replay(key, type);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    Created<T> created;
    try {
      created = create.apply((location, answer) -> idempotency.record(key, 201, location, answer));
    } catch (IdempotencyKeys.Conflict concurrentRetry) {
      return idempotency.replay(key, type).orElseThrow(() -> concurrentRetry);
    }
    return ResponseEntity.created(URI.create(created.location())).body(created.body());
  }

  private static String planLocation(String planNo) {
    return "/api/assessment-plans/" + planNo;
  }

  private static String supervisionLocation(String supervisionNo) {
    return "/api/supervisions/" + supervisionNo;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
