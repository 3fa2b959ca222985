package cn.hrss.assessment.discipline;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The party's view of its disciplinary case (002 Annex 2 Art. 16-19: notice, statement window, decision, review
 * window), the page form of {@code GET /api/discipline/cases/{caseNo}} with the case's access token. Posted like
 * the applicant's status page, so the token never appears in a URL; unknown number and wrong token read alike.
 */
@Controller
class CaseStatusPageController {

  private final DisciplineCaseViews views;

  CaseStatusPageController(DisciplineCaseViews views) {
    this.views = views;
  }

  @GetMapping("/case-status")
  String form(Model model) {
    page(model, "", null, null);
    return "public/case-status";
  }

  @PostMapping("/case-status")
  String lookup(@RequestParam(defaultValue = "") String caseNo, @RequestParam(defaultValue = "") String accessToken,
      Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    String no = caseNo.strip().toUpperCase(Locale.ROOT);
    String token = accessToken.strip();
    if (no.isEmpty() || token.isEmpty()) {
      page(model, no, "请填写案件编号和访问令牌。", null);
      return "public/case-status";
    }
    Optional<Map<String, Object>> view = views.forParty(no, token);
    page(model, no, view.isEmpty() ? "案件编号或访问令牌不正确，请核对后重新输入。" : null, view.orElse(null));
    return "public/case-status";
  }

  private static void page(Model model, String caseNo, String error, Map<String, Object> view) {
    model.addAttribute("activeNav", "case-status");
    model.addAttribute("zone", DisciplineCaseService.ZONE);
    model.addAttribute("caseNo", caseNo);
    model.addAttribute("error", error);
    model.addAttribute("view", view);
  }
}
