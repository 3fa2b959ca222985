package cn.hrss.assessment.filing;

import cn.hrss.assessment.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The applicant's status page (002 Annex 1 §一(十九): real-time query of status and result): what
 * {@code GET /api/filings/{applicationNo}} gives the bearer of the access token, as a page. The number and token
 * are posted, never put in a URL, so the token stays out of server logs, browser history and Referer headers;
 * the answer is not cached. A wrong number and a wrong token get the same message, so the page does not tell
 * which application numbers exist. Once found, the page carries the token in its own forms (hidden fields of the
 * supplement and receipt forms, posted like the look-up, never in a URL) so the applicant need not type it again.
 */
@Controller
class ApplicantStatusPageController {

  private final FilingService filings;
  private final FilingQueries queries;
  private final FilingReceipts receipts;

  ApplicantStatusPageController(FilingService filings, FilingQueries queries, FilingReceipts receipts) {
    this.filings = filings;
    this.queries = queries;
    this.receipts = receipts;
  }

  @GetMapping("/status")
  String form(@RequestParam(required = false) String tooLarge, Model model) {
    // Back from a supplement larger than the server reads (web.ProblemHandler): look up again and choose smaller files.
    page(model, "", tooLarge == null ? null : FilingTexts.text("supplement.tooLarge"));
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
      found(model, no, token);
    }
    return "public/status";
  }

  /**
   * 补正 from the status page (issue 17 item 3): the same {@link FilingService#supplement} as
   * {@code POST /api/filings/{no}/supplements}, for the holder of the token. The page comes back with the outcome;
   * a refusal keeps the note typed (the files must be chosen again).
   */
  @PostMapping("/status/supplement")
  String supplement(@RequestParam(defaultValue = "") String applicationNo, @RequestParam(defaultValue = "") String accessToken,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    String no = applicationNo.strip().toUpperCase(Locale.ROOT);
    String token = accessToken.strip();
    if (!filings.tokenMatches(no, token)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      page(model, no, "申请编号或查询令牌不正确，请核对后重新输入。");
      return "public/status";
    }
    try {
      filings.supplement(no, files, note == null || note.isBlank() ? null : note.strip());
      found(model, no, token);
      model.addAttribute("supplementDone", true);
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      found(model, no, token);
      model.addAttribute("supplementErrors", problem.errors().isEmpty() ? List.of(problem.getMessage())
          : problem.errors().stream().map(ApiProblem.FieldError::message).toList());
      model.addAttribute("supplementNote", note);
    }
    return "public/status";
  }

  /**
   * 陈述 from the status page (issue 19 item 6): the same {@link FilingService#state} as
   * {@code POST /api/filings/{no}/statements}, for the holder of the token, only while the hearing is open.
   */
  @PostMapping("/status/statement")
  String statement(@RequestParam(defaultValue = "") String applicationNo, @RequestParam(defaultValue = "") String accessToken,
      @RequestParam(required = false) String content, Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    String no = applicationNo.strip().toUpperCase(Locale.ROOT);
    String token = accessToken.strip();
    if (!filings.tokenMatches(no, token)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      page(model, no, "申请编号或查询令牌不正确，请核对后重新输入。");
      return "public/status";
    }
    try {
      filings.state(no, content == null || content.isBlank() ? null : content.strip());
      found(model, no, token);
      model.addAttribute("statementDone", true);
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      found(model, no, token);
      model.addAttribute("statementErrors", problem.errors().isEmpty() ? List.of(problem.getMessage())
          : problem.errors().stream().map(ApiProblem.FieldError::message).toList());
      model.addAttribute("statementContent", content);
    }
    return "public/status";
  }

  /**
   * The filing receipt (备案回执) as a file to keep or print: what {@code GET /api/filings/{no}/receipt} gives, for the
   * holder of the token; before filing the page says there is none yet.
   */
  @PostMapping("/status/receipt")
  Object receipt(@RequestParam(defaultValue = "") String applicationNo, @RequestParam(defaultValue = "") String accessToken,
      Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    String no = applicationNo.strip().toUpperCase(Locale.ROOT);
    String token = accessToken.strip();
    if (!filings.tokenMatches(no, token)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      page(model, no, "申请编号或查询令牌不正确，请核对后重新输入。");
      return "public/status";
    }
    FilingRepository.StoredApplication application = filings.require(no);
    if (application.filingCode() == null) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      found(model, no, token);
      model.addAttribute("receiptError", "该申请尚未备案，没有备案回执。");
      return "public/status";
    }
    // A PDF (issue 13 item 9) to keep or print; HTML only where no font is installed (README, PDF documents).
    return receipts.response(application, MediaType.APPLICATION_PDF_VALUE, true);
  }

  /** The page with the application of a token that matched; the token goes into the page's own forms only. */
  private void found(Model model, String no, String token) {
    page(model, no, null);
    FilingView view = queries.view(filings.require(no), false);
    model.addAttribute("filing", view);
    model.addAttribute("accessToken", token);
    model.addAttribute("receiptPdf", receipts.pdfAvailable());
    model.addAttribute("closed", FilingStatus.valueOf(view.status()).isClosed());
    model.addAttribute("supplementOpen", FilingStatus.valueOf(view.status()) == FilingStatus.SUPPLEMENT_REQUESTED);
    model.addAttribute("hearingOpen", FilingStatus.valueOf(view.status()) == FilingStatus.HEARING);
  }

  private static void page(Model model, String applicationNo, String error) {
    model.addAttribute("activeNav", "status");
    model.addAttribute("zone", FilingService.CHINA);
    model.addAttribute("applicationNo", applicationNo);
    model.addAttribute("error", error);
    model.addAttribute("filing", null);
    model.addAttribute("accessToken", null);
    model.addAttribute("supplementDone", false);
    model.addAttribute("supplementErrors", List.of());
    model.addAttribute("supplementNote", null);
    model.addAttribute("receiptError", null);
    model.addAttribute("hearingOpen", false);
    model.addAttribute("statementDone", false);
    model.addAttribute("statementErrors", List.of());
    model.addAttribute("statementContent", null);
  }
}
