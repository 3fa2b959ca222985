package cn.hrss.assessment.discipline;

import cn.hrss.assessment.documents.PdfDocuments;
import cn.hrss.assessment.identity.Caller;
import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.identity.Officers;
import cn.hrss.assessment.notification.NotificationService;
import cn.hrss.assessment.web.ApiProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Documents an officer prints for the party of a disciplinary case, carrying the party's access token (issue 13
 * item 9): the token is derived from the case number ({@link IdNumberProtector#accessToken}), so these documents are
 * rendered on request and nothing with the token is stored, in the archive, the notices or the engine (its history
 * and Cockpit never see it).
 *
 * <ul>
 *   <li>{@code GET …/access-letter}: the 案件查询凭证 of a case, for the officer who registered it (a case registered
 *       with the Tasklist start form gets no API response that could show the token). Once per case: who printed it
 *       and when is recorded ({@code discipline_access_letter}); a second request → 409.
 *   <li>{@code GET …/notice-of-intent}: the 处理告知书 as served, with the token, to print and send by post or hand
 *       over when the party has no e-mail address (002 Annex 2 Art. 17: the party must be able to state its case).
 *       The public announcement of that notice carries no token.
 * </ul>
 *
 * <p>Both answer a PDF (HTML where no CJK font is installed), {@code Cache-Control: no-store}.
 */
@RestController
class DisciplinePrintController {

  private final DisciplineCaseRepository cases;
  private final DisciplineArchive archive;
  private final IdNumberProtector ids;
  private final Officers officers;
  private final NotificationService notifications;
  private final PdfDocuments pdf;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final String publicBaseUrl;

  DisciplinePrintController(DisciplineCaseRepository cases, DisciplineArchive archive,
      IdNumberProtector ids, Officers officers, NotificationService notifications, PdfDocuments pdf, JdbcTemplate jdbc,
      ObjectMapper json, @Value("${assessment.public-base-url}") String publicBaseUrl) {
    this.cases = cases;
    this.archive = archive;
    this.ids = ids;
    this.officers = officers;
    this.notifications = notifications;
    this.pdf = pdf;
    this.jdbc = jdbc;
    this.json = json;
    this.publicBaseUrl = publicBaseUrl;
  }

  @Operation(summary = "打印案件查询凭证（立案人，仅一次）", description = "含当事人的访问令牌；仅立案的工作人员可打印，且只能打印一次（再次请求 409）。")
  @GetMapping(path = "/api/discipline/cases/{caseNo}/access-letter",
      produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.TEXT_HTML_VALUE})
  ResponseEntity<byte[]> accessLetter(@PathVariable String caseNo, HttpServletRequest request) {
    Caller caller = officers.require(request, Groups.DISCIPLINE_OFFICERS);
    DisciplineCase c = cases.find(caseNo).orElseThrow(() -> ApiProblem.notFound("案件 " + caseNo + " 不存在"));
    if (c.createdBy() == null || !c.createdBy().equals(caller.userId())) {
      throw ApiProblem.forbidden("案件查询凭证只能由立案的工作人员打印。");
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("caseNo", c.caseNo());
    model.put("partyName", c.partyName());
    model.put("accessToken", ids.accessToken(c.caseNo()));
    model.put("caseStatusUrl", publicBaseUrl + "/case-status");
    model.put("issuedOn", today());
    model.put("printed", true);
    ResponseEntity<byte[]> letter = document("discipline-access-letter", model, "案件查询凭证-" + c.caseNo());
    try {
      // Recorded last: a rendering that failed has used up nothing.
      jdbc.update("INSERT INTO discipline_access_letter (case_no, issued_by, issued_at) VALUES (?, ?, ?)", c.caseNo(),
          caller.userId(), Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
    } catch (DuplicateKeyException printedBefore) {
      Map<String, Object> first = jdbc.queryForMap(
          "SELECT issued_by, issued_at FROM discipline_access_letter WHERE case_no = ?", c.caseNo());
      throw ApiProblem.conflict("案件 " + c.caseNo() + " 的查询凭证已于 "
          + ((Timestamp) first.get("issued_at")).toInstant().atZone(DisciplineCaseService.ZONE).toLocalDateTime()
              .withNano(0).toString().replace('T', ' ')
          + " 由 " + first.get("issued_by") + " 打印，不再出具；当事人没有电子邮箱的，打印处理告知书送达（载明令牌）。");
    }
    return letter;
  }

  @Operation(summary = "打印处理告知书（当事人无电子邮箱）", description = "载明当事人的访问令牌，供邮寄或直接送达；仅在已发出处理告知书且当事人没有电子邮箱时可用（否则 409）。")
  @GetMapping(path = "/api/discipline/cases/{caseNo}/notice-of-intent",
      produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.TEXT_HTML_VALUE})
  ResponseEntity<byte[]> noticeOfIntent(@PathVariable String caseNo, HttpServletRequest request) {
    officers.require(request, Groups.DISCIPLINE_OFFICERS);
    DisciplineCase c = cases.find(caseNo).orElseThrow(() -> ApiProblem.notFound("案件 " + caseNo + " 不存在"));
    if (c.partyEmail() != null && !c.partyEmail().isBlank()) {
      throw ApiProblem.conflict("当事人有电子邮箱，处理告知书（含访问令牌）已以电子邮件送达。");
    }
    List<DisciplineArchive.Entry> served = archive.entriesOf(caseNo).stream()
        .filter(e -> DisciplineDocuments.Kind.NOTICE_OF_INTENT.name().equals(e.kind())).toList();
    if (served.isEmpty()) {
      throw ApiProblem.conflict("案件 " + caseNo + " 尚未发出处理告知书。");
    }
    // The notice as archived (Art. 20), the last one if it was issued again, with the token added for print only.
    Map<String, Object> model = new LinkedHashMap<>(archived(served.get(served.size() - 1)));
    model.put("accessToken", ids.accessToken(c.caseNo()));
    model.put("printed", true);
    return document(DisciplineDocuments.Kind.NOTICE_OF_INTENT.template, model,
        DisciplineDocuments.Kind.NOTICE_OF_INTENT.title + "-" + c.caseNo());
  }

  /** The model of an archived document, with its dates as dates again (JSON holds them as text). */
  private Map<String, Object> archived(DisciplineArchive.Entry entry) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> model = json.readValue(entry.content(), Map.class);
      for (String date : List.of("issuedOn", "assessmentDate", "deadline")) {
        if (model.get(date) instanceof String text && text.length() >= 10) {
          model.put(date, LocalDate.parse(text.substring(0, 10)));
        }
      }
      return model;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Archived document " + entry.seq() + " is not readable", e);
    }
  }

  private ResponseEntity<byte[]> document(String template, Map<String, Object> model, String name) {
    String html = notifications.renderHtml(template, model);
    boolean asPdf = pdf.available();
    return ResponseEntity.ok()
        .contentType(asPdf ? MediaType.APPLICATION_PDF : new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(name + (asPdf ? ".pdf" : ".html"), StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(asPdf ? pdf.fromHtml(html) : html.getBytes(StandardCharsets.UTF_8));
  }

  private static LocalDate today() {
    return Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).atZone(DisciplineCaseService.ZONE).toLocalDate();
  }
}
