package cn.hrss.assessment.filing;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The applicant's status page (002 Annex 1 §一(十九): real-time query of status and result): what
 * {@code GET /api/filings/{applicationNo}} gives the bearer of the access token, as a page. The number and token
 * are posted, never put in a URL, so the token stays out of server logs, browser history and Referer headers;
 * the answer is not cached. A wrong number and a wrong token get the same message, so the page does not tell
 * which application numbers exist.
 */
@Controller
class ApplicantStatusPageController {

  private final FilingService filings;
  private final FilingQueries queries;

  ApplicantStatusPageController(FilingService filings, FilingQueries queries) {
    this.filings = filings;
    this.queries = queries;
  }

  @GetMapping("/status")
  String form(Model model) {
    page(model, "", null);
    return "public/status";
  }

  @PostMapping("/status")
  String lookup(@RequestParam(defaultValue = "") String applicationNo, @RequestParam(defaultValue = "") String accessToken,
      Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    String no = applicationNo.strip().toUpperCase(Locale.ROOT);
    String token = accessToken.strip();
    if (no.isEmpty() || token.isEmpty()) {
      page(model, no, "请填写申请编号和查询令牌。");
    } else if (!filings.tokenMatches(no, token)) {
      page(model, no, "申请编号或查询令牌不正确，请核对后重新输入。");
    } else {
      page(model, no, null);
      model.addAttribute("filing", queries.view(filings.require(no), false));
    }
    return "public/status";
  }

  private static void page(Model model, String applicationNo, String error) {
    model.addAttribute("activeNav", "status");
    model.addAttribute("zone", FilingService.CHINA);
    model.addAttribute("applicationNo", applicationNo);
    model.addAttribute("error", error);
    model.addAttribute("filing", null);
  }
}
