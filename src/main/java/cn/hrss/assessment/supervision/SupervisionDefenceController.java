package cn.hrss.assessment.supervision;

import cn.hrss.assessment.lifecycle.InstitutionAccess;
import cn.hrss.assessment.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/supervisions/{no}/defence} (CONTRACT.md "Supervision"): the institution answers the preliminary
 * opinion (001 督导规程 Art. 15(3)) with the token of its filing application, only in the defence window: 201, or
 * 401/403 (token), 404 (number), 400 (content), 409 (outside the window, or already answered).
 */
@RestController
class SupervisionDefenceController {

  /** Body: {@code {"content"}}. */
  record Defence(String content) {}

  private final SupervisionOutcomes outcomes;
  private final SupervisionService service;
  private final InstitutionAccess access;

  SupervisionDefenceController(SupervisionOutcomes outcomes, SupervisionService service, InstitutionAccess access) {
    this.outcomes = outcomes;
    this.service = service;
    this.access = access;
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
