package cn.hrss.assessment.supervision;

import cn.hrss.assessment.documents.DocumentResponses;
import cn.hrss.assessment.identity.ApiAuthenticationFilter;
import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.identity.Officers;
import cn.hrss.assessment.lifecycle.InstitutionAccess;
import cn.hrss.assessment.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/supervisions/{no}/defence} (CONTRACT.md "Supervision"): the institution answers the preliminary
 * opinion (001 督导规程 Art. 15(3)) with the token of its filing application, only in the defence window: 201, or
 * 401/403 (token), 404 (number), 400 (content), 409 (outside the window, or already answered).
 * {@code GET /api/supervisions/{no}/letter}: the opinion letter (督导意见书) as issued, a PDF (HTML when the client
 * ranks HTML higher or no PDF font is installed), for the institution (its token) and managers and supervisors (Basic auth); 404 until it is issued.
 */
@RestController
class SupervisionDefenceController {

  /** Body: {@code {"content"}}. */
  record Defence(String content) {}

  private final SupervisionOutcomes outcomes;
  private final SupervisionService service;
  private final InstitutionAccess access;
  private final Officers officers;
  private final DocumentResponses documents;

  SupervisionDefenceController(SupervisionOutcomes outcomes, SupervisionService service, InstitutionAccess access,
      Officers officers, DocumentResponses documents) {
    this.documents = documents;
    this.outcomes = outcomes;
    this.service = service;
    this.access = access;
    this.officers = officers;
  }

  @GetMapping(path = "/api/supervisions/{supervisionNo}/letter",
      produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.TEXT_HTML_VALUE})
  ResponseEntity<byte[]> letter(@PathVariable String supervisionNo, HttpServletRequest request) {
    SupervisionOutcome outcome = supervisionNo.length() > 40 ? null : outcomes.find(supervisionNo).orElse(null);
    if (outcome == null) {
      throw ApiProblem.notFound("督导编号 " + supervisionNo + " 不存在。");
    }
    if (ApiAuthenticationFilter.callerOf(request).isPresent()) {
      officers.require(request, Groups.MANAGERS, Groups.SUPERVISORS);
    } else {
      access.requireToken(outcome.filingCode(), request);
    }
    String letter = outcomes.letter(supervisionNo)
        .orElseThrow(() -> ApiProblem.notFound("督导编号 " + supervisionNo + " 的督导意见书尚未签发。"));
    // 督导意见书 as a PDF (the document the institution keeps), HTML where the client prefers it.
    return documents.of(letter, "督导意见书-" + supervisionNo, request.getHeader(HttpHeaders.ACCEPT), false);
  }

  @PostMapping("/api/supervisions/{supervisionNo}/defence")
  ResponseEntity<Map<String, Object>> defence(@PathVariable String supervisionNo, @RequestBody(required = false) Defence body,
      HttpServletRequest request) {
    SupervisionOutcome outcome = supervisionNo.length() > 40 ? null : outcomes.find(supervisionNo).orElse(null);
    if (outcome == null) {
      throw ApiProblem.notFound("督导编号 " + supervisionNo + " 不存在。");
    }
    access.requireToken(outcome.filingCode(), request);
    Instant received = service.submitDefence(supervisionNo, body == null ? null : body.content());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("supervisionNo", supervisionNo);
    answer.put("receivedAt", received.toString());
    return ResponseEntity.created(URI.create("/api/supervisions/" + supervisionNo)).body(answer);
  }
}
