package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.filing.FilingService;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.IdempotencyKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The institution's side after filing (CONTRACT.md "After filing"), with the token of its filing application. */
@RestController
@RequestMapping("/api/institutions/{filingCode}")
@Tag(name = "备案后管理", description = "延续备案、主动注销备案")
class InstitutionLifecycleController {

  private final RenewalService renewals;
  private final ChangeService changes;
  private final ScopeChangeService scopeChanges;
  private final TerminationService terminations;
  private final InstitutionRecord record;
  private final cn.hrss.assessment.identity.Officers officers;
  private final InstitutionAccess access;
  private final IdempotencyKeys idempotency;
  private final ObjectMapper json;
  private final LaterBranchService laterBranches;

  InstitutionLifecycleController(RenewalService renewals, ChangeService changes, ScopeChangeService scopeChanges, TerminationService terminations,
      InstitutionAccess access, IdempotencyKeys idempotency, ObjectMapper json, InstitutionRecord record,
      cn.hrss.assessment.identity.Officers officers, LaterBranchService laterBranches) {
    this.laterBranches = laterBranches;
    this.record = record;
    this.officers = officers;
    this.renewals = renewals;
    this.changes = changes;
    this.scopeChanges = scopeChanges;
    this.terminations = terminations;
    this.access = access;
    this.idempotency = idempotency;
    this.json = json;
  }

  @Operation(summary = "申请延续备案", description = "备案有效期届满前 3 个月内可申请（否则 409）。multipart：application（JSON，"
      + "可省略：按原备案信息）与 files（材料）。机构以备案申请时获得的令牌（Bearer）办理。")
  @PostMapping(path = "/renewals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> renew(@PathVariable String filingCode,
      @RequestPart(name = "application", required = false) String application,
      @RequestPart(name = "files", required = false) List<MultipartFile> files,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
      HttpServletRequest request) {
    return submitOnce(filingCode, "renewals", application, files, idempotencyKey, request, renewals::submit);
  }

  @Operation(summary = "申请变更职业（工种）及等级", description = "按备案条件和程序评估（浙人社发〔2022〕20号 第二十二条）。"
      + "multipart：application（JSON，occupations 为变更后的范围）与 files。减少的职业（工种）即时停止。")
  @PostMapping(path = "/scope-changes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> changeScope(@PathVariable String filingCode,
      @RequestPart(name = "application", required = false) String application,
      @RequestPart(name = "files", required = false) List<MultipartFile> files,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
      HttpServletRequest request) {
    return submitOnce(filingCode, "scope-changes", application, files, idempotencyKey, request, scopeChanges::submit);
  }

  @Operation(summary = "申报分支机构（备案后）", description = "已备案且状态正常的用人单位（全国性用人单位或省辖用人单位）申报分支机构，"
      + "由分支机构所在省级人社部门技术评审、赋码并出具分支机构备案回执（002 附件1 §一(十)5；人社鉴发〔2019〕3号 §一5、§二）。"
      + "multipart：application（JSON：name、creditCode、province、address、contactEmail、cityCode、materials）与 files"
      + "（三项材料：1 备案申请表，2 本单位工作方案，3 所属用人单位工作方案复印件）。cityCode：按地市编码的省份（如河南省）必填，"
      + "为该省省直和市级代码表中的两位代码。社会培训评价组织、分支机构、备案非正常状态 → 409。")
  @PostMapping(path = "/branches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> addBranch(@PathVariable String filingCode,
      @RequestPart(name = "application", required = false) String application,
      @RequestPart(name = "files", required = false) List<MultipartFile> files,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
      HttpServletRequest request) {
    return submitOnce(filingCode, "branches", application, files, idempotencyKey, request,
        (code, parts, first) -> laterBranches.submit(code, parseBranch(application), parts, first));
  }

  private LaterBranchService.LaterBranch parseBranch(String application) {
    if (application == null || application.isBlank()) {
      throw ApiProblem.invalid("application", "缺少分支机构信息（multipart 部分 application）");
    }
    try {
      return json.readValue(application, LaterBranchService.LaterBranch.class);
    } catch (JsonProcessingException e) {
      throw ApiProblem.invalid("application", "JSON 无法解析：" + e.getOriginalMessage());
    }
  }

  /** What a renewal and a scope change submit: the institution's code, the application (or null) and the files. */
  @FunctionalInterface
  interface Procedure {
    FilingService.Submission submit(String filingCode, FilingApplication application, List<MultipartFile> files,
        java.util.function.Consumer<FilingService.Submission> first);
  }

  /**
   * A multipart submission of the institution (token checked), once per Idempotency-Key: a retry gets the recorded
   * answer; the answer is recorded in the transaction that stores the application.
   */
  private ResponseEntity<Map<String, Object>> submitOnce(String filingCode, String kind, String application,
      List<MultipartFile> files, String idempotencyKey, HttpServletRequest request, Procedure procedure) {
    return submitOnce(filingCode, kind, application, files, idempotencyKey, request,
        (code, parts, first) -> procedure.submit(code, parse(application), parts, first));
  }

  /** A submission whose application part the procedure reads itself. */
  @FunctionalInterface
  interface Submit {
    FilingService.Submission submit(String filingCode, List<MultipartFile> files,
        java.util.function.Consumer<FilingService.Submission> first);
  }

  private ResponseEntity<Map<String, Object>> submitOnce(String filingCode, String kind, String application,
      List<MultipartFile> files, String idempotencyKey, HttpServletRequest request, Submit procedure) {
    access.requireToken(filingCode, request);
    IdempotencyKeys.Key key = idempotency.of(idempotencyKey, "POST /api/institutions/" + filingCode + "/" + kind,
        request.getHeader(HttpHeaders.AUTHORIZATION), body(application, files));
    Optional<ResponseEntity<Map<String, Object>>> replayed = replay(key);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    FilingService.Submission submission;
    try {
      submission = procedure.submit(filingCode, files,
          first -> idempotency.record(key, 201, location(first), answer(first)));
    } catch (IdempotencyKeys.Conflict concurrentRetry) {
      return replay(key).orElseThrow(() -> concurrentRetry);
    }
    return ResponseEntity.created(URI.create(location(submission))).body(answer(submission));
  }

  @Operation(summary = "报告基本信息变更", description = "名称、地址、法定代表人、联系方式（浙人社发〔2022〕20号 第二十一条），"
      + "经工作人员审核确认后更新名录；名称变更不改变备案编码。")
  @PostMapping(path = "/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> change(@PathVariable String filingCode,
      @RequestBody(required = false) String body,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
      HttpServletRequest request) {
    access.requireToken(filingCode, request);
    ChangeService.ChangeRequest change;
    try {
      change = body == null || body.isBlank() ? null : json.readValue(body, ChangeService.ChangeRequest.class);
    } catch (JsonProcessingException e) {
      throw ApiProblem.invalid("body", "JSON 无法解析：" + e.getOriginalMessage());
    }
    IdempotencyKeys.Key key = idempotency.of(idempotencyKey, "POST /api/institutions/" + filingCode + "/changes",
        request.getHeader(HttpHeaders.AUTHORIZATION),
        List.of(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
    Optional<ResponseEntity<Map<String, Object>>> replayed = replay(key);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    FilingService.Submission submission;
    try {
      submission = changes.submit(filingCode, change,
          first -> idempotency.record(key, 201, location(first), answer(first)));
    } catch (IdempotencyKeys.Conflict concurrentRetry) {
      return replay(key).orElseThrow(() -> concurrentRetry);
    }
    return ResponseEntity.created(URI.create(location(submission))).body(answer(submission));
  }

  @Operation(summary = "监管档案（工作人员）", description = "该机构的备案、延续、变更、状态变更、有效期提醒与失效、违纪处理，"
      + "按时间先后排列，附各项文书的链接（监督管理办法 第八条、第十一条）。")
  @org.springframework.web.bind.annotation.GetMapping("/record")
  List<InstitutionRecord.Entry> record(@PathVariable String filingCode, HttpServletRequest request) {
    var caller = officers.require(request, cn.hrss.assessment.identity.Groups.CASE_READERS.toArray(String[]::new));
    var institution = access.require(filingCode);
    // README "Jurisdiction": a branch is read by its province, an institution by the province that filed it.
    boolean readable = institution.isBranch()
        ? cn.hrss.assessment.filing.Jurisdiction.mayRead(caller, null, null, List.of(institution.province()))
        : cn.hrss.assessment.filing.Jurisdiction.mayRead(caller, institution.type().name(), institution.province(),
            List.of());
    if (!readable) {
      throw ApiProblem.notFound("备案编码 " + filingCode + " 不存在。");
    }
    return record.of(filingCode);
  }

  /** The termination notice (004 Art. 24). */
  record TerminationRequest(String reason) {}

  @Operation(summary = "主动注销备案", description = "机构告知备案部门终止评价工作（浙人社发〔2022〕20号 第二十四条）：立即终止备案，"
      + "备案编码移入废置库；正在办理的延续或变更申请随之撤回。")
  @PostMapping(path = "/termination", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> terminate(@PathVariable String filingCode,
      @RequestBody(required = false) TerminationRequest body, HttpServletRequest request) {
    access.requireToken(filingCode, request);
    TerminationService.Terminated done = terminations.terminate(filingCode, body == null ? null : body.reason());
    return ResponseEntity.ok(Map.of("filingCode", filingCode, "status", "TERMINATED", "terminationKind", "VOLUNTARY",
        "withdrawnApplications", done.withdrawnApplications()));
  }

  private FilingApplication parse(String application) {
    if (application == null || application.isBlank()) {
      return null;
    }
    try {
      return json.readValue(application, FilingApplication.class);
    } catch (JsonProcessingException e) {
      throw ApiProblem.invalid("application", "JSON 无法解析：" + e.getOriginalMessage());
    }
  }

  private static String location(FilingService.Submission submission) {
    return "/api/filings/" + submission.applicationNo();
  }

  private static Map<String, Object> answer(FilingService.Submission submission) {
    return Map.of("applicationNo", submission.applicationNo(), "status", submission.status().name(),
        "accessToken", submission.accessToken());
  }

  @SuppressWarnings("unchecked")
  private Optional<ResponseEntity<Map<String, Object>>> replay(IdempotencyKeys.Key key) {
    return idempotency.replay(key, Map.class).map(r -> (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) r);
  }

  /** As for {@code POST /api/filings}: the application part, then each file's name and SHA-256. */
  private static List<byte[]> body(String application, List<MultipartFile> files) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(application == null ? new byte[0] : application.getBytes(StandardCharsets.UTF_8));
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      parts.add(String.valueOf(file.getOriginalFilename()).getBytes(StandardCharsets.UTF_8));
      try (InputStream content = file.getInputStream()) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = content.read(buffer)) > 0; ) {
          digest.update(buffer, 0, read);
        }
        parts.add(digest.digest());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return parts;
  }
}
