package cn.hrss.assessment.supervision;

import cn.hrss.assessment.documents.DocumentResponses;
import cn.hrss.assessment.documents.PdfDocuments;
import cn.hrss.assessment.lifecycle.InstitutionAccess;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.supervision.SupervisionOutcome.Status;
import cn.hrss.assessment.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 质量督导与申辩 in the institution's own area (issue 17 item 4; reached from {@code /institution}, signed in the same
 * way: filing code and access token posted, never in a URL). Lists the institution's supervisions that have a
 * preliminary opinion (001 督导规程 Art. 15(3): the institution may answer it), with the preliminary score, the opinion
 * and the defence deadline; while the window is open a defence is submitted through
 * {@link SupervisionService#submitDefence}, the service behind {@code POST /api/supervisions/{no}/defence}, so the page
 * applies the same rules (content required, at most 4000 characters, 409 outside the window or when already answered);
 * a refused defence comes back with the text as typed and the reason on its field. Once the opinion letter (督导意见书)
 * is issued the page shows the grade and offers the letter as a PDF, as the receipts are downloaded in the area.
 */
@Controller
class DefencePageController {

  private static final String WRONG = "备案编码或查询令牌不正确，请重新登录。";
  private static final String PAGE = "public/institution-supervisions";
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final Map<SupervisionGrade, String> GRADES = Map.of(SupervisionGrade.EXCELLENT, "优良",
      SupervisionGrade.PASS, "合格", SupervisionGrade.FAIL, "不合格");

  private final InstitutionAccess access;
  private final SupervisionOutcomes outcomes;
  private final SupervisionService service;
  private final DocumentResponses documents;
  private final PdfDocuments pdf;

  DefencePageController(InstitutionAccess access, SupervisionOutcomes outcomes, SupervisionService service,
      DocumentResponses documents, PdfDocuments pdf) {
    this.pdf = pdf;
    this.access = access;
    this.outcomes = outcomes;
    this.service = service;
    this.documents = documents;
  }

  /**
   * One supervision as the page shows it.
   *
   * @param defenceOpen the form is offered: the window is open (status, deadline not passed) and no defence was given
   * @param letter the opinion letter is issued and can be downloaded
   */
  public record Row(String supervisionNo, String activityDate, String site, String kind, String stage,
      String preliminaryScore, String preliminaryOpinion, String defenceDue, boolean defenceOpen, String defence,
      String defenceAt, String grade, String finalScore, String opinion, String rectificationDue, boolean letter) {}

  @PostMapping("/institution/supervisions")
  String page(@RequestParam(defaultValue = "") String filingCode, @RequestParam(defaultValue = "") String accessToken,
      Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Institution institution = signedIn(filingCode, accessToken, model, response);
    if (institution != null) {
      show(model, institution, accessToken.strip(), null, "", null);
    }
    return PAGE;
  }

  @PostMapping("/institution/supervisions/defence")
  String defence(@RequestParam(defaultValue = "") String filingCode, @RequestParam(defaultValue = "") String accessToken,
      @RequestParam(defaultValue = "") String supervisionNo, @RequestParam(defaultValue = "") String content,
      Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Institution institution = signedIn(filingCode, accessToken, model, response);
    if (institution == null) {
      return PAGE;
    }
    String no = supervisionNo.strip();
    if (!ownSupervision(institution, no)) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      show(model, institution, accessToken.strip(), no, content, "没有该督导记录。");
      return PAGE;
    }
    try {
      // the API's rules (001 督导规程 Art. 15(3): within the defence window, once, content required and limited)
      Instant received = service.submitDefence(no, content);
      show(model, institution, accessToken.strip(), null, "", null);
      model.addAttribute("received", no);
      model.addAttribute("receivedAt", SHOWN_TIME.format(received.atZone(BEIJING)));
    } catch (ApiProblem problem) {
      response.setStatus(problem.status().value());
      String message = problem.errors().isEmpty() ? problem.getMessage()
          : String.join("；", problem.errors().stream().map(e -> e.message()).toList());
      show(model, institution, accessToken.strip(), no, content, message);
    }
    return PAGE;
  }

  /** The issued opinion letter (督导意见书) of one of the institution's supervisions: a PDF to save. */
  @PostMapping("/institution/supervisions/letter")
  Object letter(@RequestParam(defaultValue = "") String filingCode, @RequestParam(defaultValue = "") String accessToken,
      @RequestParam(defaultValue = "") String supervisionNo, Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Institution institution = signedIn(filingCode, accessToken, model, response);
    if (institution == null) {
      return PAGE;
    }
    String no = supervisionNo.strip();
    if (ownSupervision(institution, no)) {
      var letter = outcomes.letter(no);
      if (letter.isPresent()) {
        // PDF whatever the browser's Accept says: the document the institution keeps (HTML only without a PDF font)
        return documents.of(letter.get(), "督导意见书-" + no, null, true);
      }
    }
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    show(model, institution, accessToken.strip(), null, "", null);
    model.addAttribute("pageError", "没有该督导的督导意见书。");
    return PAGE;
  }

  private boolean ownSupervision(Institution institution, String no) {
    return !no.isEmpty() && no.length() <= 40 && outcomes.find(no)
        .filter(o -> o.filingCode().equals(institution.filingCode())).isPresent();
  }

  /**
   * @param failedNo the supervision whose defence was refused (its form keeps {@code content} and shows {@code error})
   */
  private void show(Model model, Institution institution, String token, String failedNo, String content, String error) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    model.addAttribute("activeNav", "institution");
    model.addAttribute("institution", institution);
    model.addAttribute("accessToken", token);
    model.addAttribute("error", null);
    model.addAttribute("received", null);
    model.addAttribute("receivedAt", null);
    model.addAttribute("pageError", null);
    model.addAttribute("failedNo", failedNo);
    model.addAttribute("failedContent", content);
    model.addAttribute("defenceError", error);
    model.addAttribute("defenceMax", SupervisionService.DEFENCE_MAX);
    model.addAttribute("pdf", pdf.available());
    List<Row> rows = outcomes.ofInstitution(institution.filingCode()).stream()
        // only once there is a preliminary opinion to answer (001 督导规程 Art. 15(3))
        .filter(o -> o.preliminaryOpinion() != null && o.status().ordinal() >= Status.PRELIMINARY.ordinal())
        .map(o -> row(o, now)).toList();
    model.addAttribute("supervisions", rows);
    if (failedNo != null && rows.stream().noneMatch(r -> r.supervisionNo().equals(failedNo))) {
      // a refused defence of a supervision not listed (yet): the message is shown above the list
      model.addAttribute("pageError", error);
    }
  }

  private static Row row(SupervisionOutcome o, Instant now) {
    boolean open = o.status() == Status.DEFENCE_OPEN && o.defence() == null
        && (o.defenceDue() == null || !now.isAfter(o.defenceDue()));
    return new Row(o.supervisionNo(), o.activityDate() == null ? "" : SHOWN.format(o.activityDate()), o.site(),
        Scorecards.ON_SITE.equals(o.kind()) ? "现场督导" : "命题督导", o.status().stage(),
        points(o.preliminaryScore()), o.preliminaryOpinion(),
        o.defenceDue() == null ? null : SHOWN_TIME.format(o.defenceDue().atZone(BEIJING)), open, o.defence(),
        o.defenceAt() == null ? null : SHOWN_TIME.format(o.defenceAt().atZone(BEIJING)),
        o.grade() == null ? null : GRADES.get(o.grade()), points(o.finalScore()), o.opinion(),
        o.rectificationDue() == null ? null : SHOWN.format(o.rectificationDue()),
        o.status() == Status.ISSUED);
  }

  private static String points(java.math.BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
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
}
