package cn.hrss.assessment.complaint;

import cn.hrss.assessment.calendar.WorkingDays;
import cn.hrss.assessment.identity.ApiAuthenticationFilter;
import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.identity.Officers;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.IdempotencyKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/complaints} (anyone; limited per client) and {@code GET /api/complaints/{no}} (the complainant with
 * the token, or officers), CONTRACT.md "Complaints".
 */
@RestController
class ComplaintController {

  static final String[] READERS = {Groups.DISCIPLINE_OFFICERS, Groups.MANAGERS};

  private final ComplaintService complaints;
  private final IdempotencyKeys idempotency;
  private final Officers officers;
  private final WorkingDays workingDays;
  private final ObjectMapper json;

  ComplaintController(ComplaintService complaints, IdempotencyKeys idempotency, Officers officers, WorkingDays workingDays,
      ObjectMapper json) {
    this.complaints = complaints;
    this.idempotency = idempotency;
    this.officers = officers;
    this.workingDays = workingDays;
    this.json = json;
  }

  record Received(String complaintNo, String accessToken) {}

  @PostMapping("/api/complaints")
  ResponseEntity<Received> submit(@RequestBody ComplaintSubmission submission,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey, HttpServletRequest request) {
    IdempotencyKeys.Key key = idempotency.of(idempotencyKey, "POST /api/complaints",
        request.getHeader(HttpHeaders.AUTHORIZATION), List.of(write(submission).getBytes(StandardCharsets.UTF_8)));
    Optional<ResponseEntity<Received>> replayed = idempotency.replay(key, Received.class);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    ComplaintService.Received r;
    try {
      r = complaints.submit(submission, first -> idempotency.record(key, 201, location(first.complaintNo()),
          new Received(first.complaintNo(), first.accessToken())));
    } catch (IdempotencyKeys.Conflict concurrentRetry) {
      return idempotency.replay(key, Received.class).orElseThrow(() -> concurrentRetry);
    }
    return ResponseEntity.created(URI.create(location(r.complaintNo()))).body(new Received(r.complaintNo(), r.accessToken()));
  }

  @GetMapping("/api/complaints/{complaintNo}")
  Map<String, Object> status(@PathVariable String complaintNo, HttpServletRequest request) {
    boolean officer = authorise(complaintNo, request);
    Complaint c = complaints.find(complaintNo).orElseThrow(() -> ApiProblem.notFound("投诉 " + complaintNo + " 不存在"));
    return view(c, officer, workingDays);
  }

  /** What the complainant sees; officers also see whom the complaint is from and the triage and findings. */
  static Map<String, Object> view(Complaint c, boolean officer, WorkingDays workingDays) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("complaintNo", c.complaintNo());
    view.put("institutionFilingCode", c.institutionFilingCode());
    view.put("institutionName", c.institutionName());
    view.put("status", c.status().name());
    view.put("stage", c.status().stage());
    view.put("submittedAt", c.submittedAt());
    view.put("replyDue", c.replyDue());
    view.put("replyDueProvisional", c.replyDue() != null && workingDays.isProvisional(java.util.Date.from(c.replyDue())));
    view.put("reply", c.reply());
    view.put("answeredAt", c.answeredAt());
    view.put("caseNo", c.caseNo());
    view.put("content", c.content());
    if (officer) {
      Map<String, Object> complainant = new LinkedHashMap<>();
      complainant.put("name", c.complainantName());
      complainant.put("contact", c.complainantContact());
      complainant.put("email", c.complainantEmail());
      view.put("complainant", complainant);
      view.put("triageComment", c.triageComment());
      view.put("findings", c.findings());
    }
    return view;
  }

  /** Officers (Basic auth) or the complainant with the token of this complaint; returns whether an officer. */
  private boolean authorise(String complaintNo, HttpServletRequest request) {
    if (ApiAuthenticationFilter.callerOf(request).isPresent()) {
      officers.require(request, READERS);
      return true;
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiProblem.unauthorized("请使用投诉查询令牌（Authorization: Bearer）或工作人员账号访问。");
    }
    if (!complaints.tokenMatches(complaintNo, header.substring(7))) {
      throw ApiProblem.forbidden("查询令牌与投诉不符");
    }
    return false;
  }

  private static String location(String complaintNo) {
    return "/api/complaints/" + complaintNo;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
