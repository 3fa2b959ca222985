package cn.hrss.assessment.discipline;

import cn.hrss.assessment.codes.ResidentIdNumbers;
import cn.hrss.assessment.identity.ApiAuthenticationFilter;
import cn.hrss.assessment.identity.Caller;
import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.identity.Officers;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.IdempotencyKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Discipline API of CONTRACT.md: officers with Basic auth, the party with the case's bearer token. */
@RestController
class DisciplineController {

  private static final String[] OFFICERS = {Groups.DISCIPLINE_OFFICERS, Groups.DISCIPLINE_REVIEWERS, Groups.MANAGERS};

  private final DisciplineCaseService service;
  private final Officers officers;
  private final DisciplineArchive archive;
  private final DisciplineCaseViews views;
  private final IdempotencyKeys idempotency;
  private final ObjectMapper json;

  DisciplineController(DisciplineCaseService service, Officers officers, DisciplineArchive archive, DisciplineCaseViews views,
      IdempotencyKeys idempotency, ObjectMapper json) {
    this.idempotency = idempotency;
    this.json = json;
    this.service = service;
    this.officers = officers;
    this.archive = archive;
    this.views = views;
  }

  record Opened(String caseNo, String accessToken) {}

  record Submission(String content) {}

  @PostMapping("/api/discipline/cases")
  ResponseEntity<Opened> open(@RequestBody CaseIntake intake,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey, HttpServletRequest request) {
    Caller caller = officers.require(request, Groups.DISCIPLINE_OFFICERS);
    IdempotencyKeys.Key key = idempotency.of(idempotencyKey, "POST /api/discipline/cases",
        request.getHeader(HttpHeaders.AUTHORIZATION), List.of(write(intake).getBytes(StandardCharsets.UTF_8)));
    Optional<ResponseEntity<Opened>> replayed = idempotency.replay(key, Opened.class);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    DisciplineCaseService.Registered r;
    try {
      r = service.open(intake, caller.userId(), first -> idempotency.record(key, 201, location(first),
          new Opened(first.caseNo(), first.accessToken())));
    } catch (IdempotencyKeys.Conflict concurrentRetry) {
      return idempotency.replay(key, Opened.class).orElseThrow(() -> concurrentRetry);
    }
    return ResponseEntity.created(URI.create(location(r))).body(new Opened(r.caseNo(), r.accessToken()));
  }

  private static String location(DisciplineCaseService.Registered r) {
    return "/api/discipline/cases/" + r.caseNo();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @GetMapping("/api/discipline/cases/{caseNo}")
  Map<String, Object> status(@PathVariable String caseNo, HttpServletRequest request) {
    boolean officer = authorise(caseNo, request);
    DisciplineCase c = service.find(caseNo).orElseThrow(() -> ApiProblem.notFound("案件 " + caseNo + " 不存在"));
    return views.of(c, officer);
  }

  @PostMapping("/api/discipline/cases/{caseNo}/statements")
  ResponseEntity<Map<String, Object>> statement(@PathVariable String caseNo, @RequestBody Submission submission,
      HttpServletRequest request) {
    authorise(caseNo, request);
    service.submitStatement(caseNo, submission == null ? null : submission.content());
    return ResponseEntity.status(201).body(Map.of("caseNo", caseNo, "received", org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()));
  }

  @PostMapping("/api/discipline/cases/{caseNo}/appeals")
  ResponseEntity<Map<String, Object>> appeal(@PathVariable String caseNo, @RequestBody Submission submission,
      HttpServletRequest request) {
    authorise(caseNo, request);
    service.submitAppeal(caseNo, submission == null ? null : submission.content());
    return ResponseEntity.status(201).body(Map.of("caseNo", caseNo, "received", org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()));
  }

  /** {@code GET /api/sanctions/bans?idNumber=}: active assessment bans of a person (officers only). */
  @GetMapping("/api/sanctions/bans")
  Map<String, Object> bans(@RequestParam(required = false) String idNumber, HttpServletRequest request) {
    officers.require(request, OFFICERS);
    if (idNumber == null || !ResidentIdNumbers.isValid(idNumber.strip().toUpperCase())) {
      throw ApiProblem.invalid("idNumber", "公民身份号码无效（GB 11643 校验未通过）");
    }
    var bans = service.activeBans(idNumber);
    return Map.of("idNumberMasked", ResidentIdNumbers.mask(idNumber.strip().toUpperCase()), "banned", !bans.isEmpty(), "bans", bans);
  }

  /** {@code GET /api/discipline/archive/verify}: walks the hash chain of the disciplinary record (Art. 20). */
  @GetMapping("/api/discipline/archive/verify")
  DisciplineArchive.Verification verify(HttpServletRequest request) {
    officers.require(request, OFFICERS);
    return archive.verify();
  }

  /** Officers (Basic auth) or the party with the bearer token of this case; returns whether the caller is an officer. */
  private boolean authorise(String caseNo, HttpServletRequest request) {
    if (ApiAuthenticationFilter.callerOf(request).isPresent()) {
      officers.require(request, OFFICERS);
      return true;
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiProblem.unauthorized("请使用案件访问令牌（Authorization: Bearer）或工作人员账号访问。");
    }
    if (!service.tokenMatches(caseNo, header.substring(7))) {
      throw ApiProblem.forbidden("访问令牌与案件不符");
    }
    return false;
  }
}
