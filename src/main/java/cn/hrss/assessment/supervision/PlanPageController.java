package cn.hrss.assessment.supervision;

import cn.hrss.assessment.lifecycle.InstitutionAccess;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 评价计划 in the institution's own area (issue 17 item 4; reached from {@code /institution}, signed in the same way:
 * filing code and access token posted, never in a URL). Declares a plan through {@link AssessmentPlans#declare}, the
 * service behind {@code POST /api/institutions/{filingCode}/assessment-plans}, so the page applies the same rules;
 * a refused plan comes back with every value as typed and the errors on their fields. Lists the institution's plans.
 */
@Controller
class PlanPageController {

  private static final String WRONG = "备案编码或查询令牌不正确，请重新登录。";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final InstitutionAccess access;
  private final AssessmentPlans plans;
  private final SupervisionProperties properties;

  PlanPageController(InstitutionAccess access, AssessmentPlans plans, SupervisionProperties properties) {
    this.access = access;
    this.plans = plans;
    this.properties = properties;
  }

  /** One occupation row of the form: the filed scope with the levels ticked. */
  public record OccupationRow(String code, String name, List<Integer> filedLevels, List<Integer> ticked) {}

  @PostMapping("/institution/assessment-plans")
  String page(@RequestParam(defaultValue = "") String filingCode, @RequestParam(defaultValue = "") String accessToken,
      Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Institution institution = signedIn(filingCode, accessToken, model, response);
    if (institution != null) {
      show(model, institution, accessToken.strip(), Map.of("date", "", "site", "", "candidates", ""), Map.of(), null);
    }
    return "public/institution-plans";
  }

  @PostMapping("/institution/assessment-plans/declare")
  String declare(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    String token = value(params, "accessToken");
    Institution institution = signedIn(value(params, "filingCode"), token, model, response);
    if (institution == null) {
      return "public/institution-plans";
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("date", value(params, "date"));
    values.put("site", value(params, "site"));
    values.put("candidates", value(params, "candidates"));
    Map<String, List<Integer>> ticked = new LinkedHashMap<>();
    List<AssessmentPlans.PlanOccupation> occupations = new ArrayList<>();
    for (var o : institution.occupations()) {
      List<Integer> levels = levels(params.get("levels." + o.code()));
      ticked.put(o.code(), levels);
      if (!levels.isEmpty()) {
        occupations.add(new AssessmentPlans.PlanOccupation(o.code(), levels));
      }
    }
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate date = null;
    try {
      date = values.get("date").isBlank() ? null : LocalDate.parse(values.get("date"));
    } catch (DateTimeParseException e) {
      errors.put("date", "日期格式应为 yyyy-MM-dd");
    }
    Integer candidates = null;
    try {
      candidates = values.get("candidates").isBlank() ? null : Integer.valueOf(values.get("candidates"));
    } catch (NumberFormatException e) {
      errors.put("candidates", "请填写整数");
    }
    if (errors.isEmpty()) {
      try {
        AssessmentPlans.Plan plan = plans.declare(institution.filingCode(),
            new AssessmentPlans.PlanRequest(date, values.get("site"), occupations, candidates), first -> { });
        show(model, institution, token.strip(), Map.of("date", "", "site", "", "candidates", ""), Map.of(), null);
        model.addAttribute("declared", plan);
        model.addAttribute("declaredDate", SHOWN.format(plan.date()));
        return "public/institution-plans";
      } catch (ApiProblem problem) {
        response.setStatus(problem.status().value());
        if (problem.errors().isEmpty()) {
          errors.put(problem instanceof AssessmentPlans.TooLate ? "date" : "form", problem.getMessage());
        }
        // occupations[i].… are shown on the occupations fieldset
        problem.errors().forEach(e -> errors.merge(e.field().startsWith("occupations") ? "occupations" : e.field(),
            e.message(), (a, b) -> a + "；" + b));
      }
    } else {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    show(model, institution, token.strip(), values, errors, ticked);
    return "public/institution-plans";
  }

  private void show(Model model, Institution institution, String token, Map<String, String> values,
      Map<String, String> errors, Map<String, List<Integer>> ticked) {
    model.addAttribute("activeNav", "institution");
    model.addAttribute("institution", institution);
    model.addAttribute("accessToken", token);
    model.addAttribute("error", null);
    model.addAttribute("inForce", institution.status() == InstitutionStatus.ACTIVE);
    model.addAttribute("statusLabel", AssessmentPlans.statusLabel(institution.status()));
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("declared", null);
    model.addAttribute("declaredDate", null);
    model.addAttribute("noticeDays", properties.planNoticeWorkingDays());
    LocalDate earliest = plans.earliestDate();
    model.addAttribute("earliest", earliest.toString());
    model.addAttribute("earliestShown", SHOWN.format(earliest));
    model.addAttribute("occupationRows", institution.occupations().stream().map(o -> new OccupationRow(o.code(),
        o.name() + (o.track() == null ? "" : "（" + o.track() + "）"), o.levels(),
        ticked == null ? List.of() : ticked.getOrDefault(o.code(), List.of()))).toList());
    model.addAttribute("plans", plans.of(institution.filingCode()).stream().map(p -> Map.of("planNo", p.planNo(),
        "date", SHOWN.format(p.date()), "site", p.site(), "candidates", p.candidates(),
        "occupations", String.join("；", p.occupations().stream().map(o -> o.name() + " " + String.join("/",
            o.levels().stream().map(l -> l + "级").toList())).toList()))).toList());
  }

  private Institution signedIn(String filingCode, String token, Model model, HttpServletResponse response) {
    Institution institution;
    try {
      institution = access.require(filingCode.strip().toUpperCase(Locale.ROOT));
    } catch (ApiProblem unknown) {
      institution = null;
    }
    if (institution == null || !access.tokenMatches(institution, token.strip())) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("activeNav", "institution");
      model.addAttribute("institution", null);
      model.addAttribute("error", WRONG);
      return null;
    }
    return institution;
  }

  private static String value(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    return value == null ? "" : value.strip();
  }

  private static List<Integer> levels(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(v -> v.matches("[1-5]")).map(Integer::valueOf).distinct().sorted().toList();
  }
}
