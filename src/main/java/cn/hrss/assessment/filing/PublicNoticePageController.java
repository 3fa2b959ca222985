package cn.hrss.assessment.filing;

import cn.hrss.assessment.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Public page of open notices (公示, 002 Annex 1 §二(十)4) with an objection form per notice. */
@Controller
class PublicNoticePageController {

  private final FilingService filings;

  PublicNoticePageController(FilingService filings) {
    this.filings = filings;
  }

  @GetMapping("/notices")
  String notices(@RequestParam(required = false) String submitted, Model model) {
    model.addAttribute("activeNav", "notices");
    model.addAttribute("zone", FilingService.CHINA);
    model.addAttribute("notices", filings.openNotices());
    model.addAttribute("submitted", submitted);
    model.addAttribute("errors", List.of());
    model.addAttribute("failedNo", null);
    return "public/notices";
  }

  /** Plain HTML form post; refusals are shown on the page, success redirects (post/redirect/get). */
  @PostMapping("/notices/{applicationNo}/objections")
  String object(@PathVariable String applicationNo, @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "") String content, Model model,
      HttpServletResponse response) {
    try {
      filings.object(applicationNo, name, contact, content);
      return "redirect:/notices?submitted=" + applicationNo;
    } catch (ApiProblem problem) {
      // The page with the reasons, under the refusal's status (400, 404, 409) as the API answers it.
      response.setStatus(problem.status().value());
      model.addAttribute("activeNav", "notices");
      model.addAttribute("zone", FilingService.CHINA);
      model.addAttribute("notices", filings.openNotices());
      model.addAttribute("submitted", null);
      model.addAttribute("failedNo", applicationNo);
      model.addAttribute("errors", problem.errors().isEmpty() ? List.of(problem.getMessage())
          : problem.errors().stream().map(e -> e.message()).toList());
      return "public/notices";
    }
  }
}
