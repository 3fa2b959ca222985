package cn.hrss.assessment.filing;

import cn.hrss.assessment.identity.Groups;
import cn.hrss.assessment.identity.Officers;
import cn.hrss.assessment.web.ApiProblem;
import cn.hrss.assessment.web.IdempotencyKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Applicant side of the filing procedure (CONTRACT.md "Filing"). */
@RestController
@RequestMapping("/api/filings")
@Tag(name = "备案申请", description = "评价机构备案申请、状态查询、补正材料")
class FilingController {

  private final FilingService filings;
  private final FilingQueries queries;
  private final MaterialStore materials;
  private final FilingRepository repository;
  private final Officers officers;
  private final ObjectMapper json;
  private final FilingReceipts receipts;
  private final IdempotencyKeys idempotency;

  FilingController(FilingService filings, FilingQueries queries, MaterialStore materials, FilingRepository repository,
      Officers officers, ObjectMapper json, FilingReceipts receipts, IdempotencyKeys idempotency) {
    this.idempotency = idempotency;
    this.receipts = receipts;
    this.filings = filings;
    this.queries = queries;
    this.materials = materials;
    this.repository = repository;
    this.officers = officers;
    this.json = json;
  }

  @Operation(summary = "提交备案申请", description = "multipart：application（JSON）与 files（申报材料）。返回申请编号与查询令牌。")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> submit(@RequestPart(name = "application", required = false) String application,
      @RequestPart(name = "files", required = false) List<MultipartFile> files,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey, HttpServletRequest request) {
    IdempotencyKeys.Key key = idempotency.of(idempotencyKey, "POST /api/filings",
        request.getHeader(HttpHeaders.AUTHORIZATION), body(application, files));
    Optional<ResponseEntity<Map<String, Object>>> replayed = replay(key);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    FilingService.Submission submission;
    try {
      submission = filings.submit(parse(application), files, first -> idempotency.record(key, 201,
          location(first), answer(first)));
    } catch (IdempotencyKeys.Conflict concurrentRetry) {
      return replay(key).orElseThrow(() -> concurrentRetry);
    }
    return ResponseEntity.created(URI.create(location(submission))).body(answer(submission));
  }

  private static String location(FilingService.Submission submission) {
    return "/api/filings/" + submission.applicationNo();
  }

  private static Map<String, Object> answer(FilingService.Submission submission) {
    return Map.of("applicationNo", submission.applicationNo(), "status", submission.status().name(),
        "accessToken", submission.accessToken());
  }

  /** The request as the key's body hash sees it: the application part, then each file's name and content. */
  private static List<byte[]> body(String application, List<MultipartFile> files) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(application == null ? new byte[0] : application.getBytes(StandardCharsets.UTF_8));
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      parts.add(String.valueOf(file.getOriginalFilename()).getBytes(StandardCharsets.UTF_8));
      try (java.io.InputStream content = file.getInputStream()) {
        // The content's own SHA-256 (streamed: an upload may be large), not the bytes.
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = content.read(buffer)) > 0; ) {
          digest.update(buffer, 0, read);
        }
        parts.add(digest.digest());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return parts;
  }

  @SuppressWarnings("unchecked")
  private Optional<ResponseEntity<Map<String, Object>>> replay(IdempotencyKeys.Key key) {
    return idempotency.replay(key, Map.class).map(r -> (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) r);
  }

  @Operation(summary = "查询备案申请状态", description = "申请人以 Bearer 令牌、工作人员以 HTTP Basic 访问。")
  @GetMapping("/{applicationNo}")
  FilingView status(@PathVariable String applicationNo, HttpServletRequest request) {
    boolean officer = authorize(applicationNo, request);
    return queries.view(filings.require(applicationNo), officer);
  }

  @Operation(summary = "打印备案回执", description = "备案回执及结果函，PDF（内嵌中文字体）；Accept 优先 text/html 时为可打印的 HTML。"
      + "仅在已备案后可用（否则 409）。")
  @GetMapping(path = "/{applicationNo}/receipt", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.TEXT_HTML_VALUE})
  ResponseEntity<byte[]> receipt(@PathVariable String applicationNo, HttpServletRequest request) {
    authorize(applicationNo, request);
    FilingRepository.StoredApplication application = filings.require(applicationNo);
    if (application.filingCode() == null) {
      throw ApiProblem.conflict("备案申请 " + applicationNo + " 尚未备案，没有备案回执。");
    }
    return receipts.response(application, request.getHeader(org.springframework.http.HttpHeaders.ACCEPT), false);
  }

  @Operation(summary = "提交补正材料", description = "仅在要求补正期间可用（否则 409）。multipart：files 与可选 note。")
  @PostMapping(path = "/{applicationNo}/supplements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> supplement(@PathVariable String applicationNo,
      @RequestPart(name = "files", required = false) List<MultipartFile> files,
      @RequestPart(name = "note", required = false) String note, HttpServletRequest request) {
    applicantOnly(applicationNo, request);
    filings.supplement(applicationNo, files, note);
    return ResponseEntity.accepted().body(Map.of("applicationNo", applicationNo,
        "status", filings.require(applicationNo).status().name()));
  }

  /** The applicant's statement (陈述) against an intended refusal. */
  record Statement(String content) {}

  @Operation(summary = "提交陈述意见", description = "拟不予备案告知后的陈述期间内（5 个工作日）可用，否则 409。"
      + "Bearer 令牌；JSON {\"content\"}。申报机构对办理事项享有陈述权（002 附件1 §一(十五)、§二(十一)）。")
  @PostMapping(path = "/{applicationNo}/statements", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> statement(@PathVariable String applicationNo,
      @org.springframework.web.bind.annotation.RequestBody(required = false) Statement statement,
      HttpServletRequest request) {
    // A renewal's or scope change's statement may also come with the institution's token (FilingService).
    // A branch (issue 19 item 6) is heard under its process's business key: <applicationNo>-B<index> with the token of
    // the application that declared it (or the institution's), a later branch under its own number.
    applicantOnly(filings.statementOwner(applicationNo), request, filings::statementTokenMatches);
    String status = filings.state(applicationNo, statement == null ? null : statement.content());
    return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(Map.of("applicationNo", applicationNo,
        "status", status));
  }

  @Operation(summary = "下载申报材料（工作人员）", description = "HTTP Basic 或已登录 Tasklist 的会话。")
  @GetMapping("/{applicationNo}/materials/{id}")
  ResponseEntity<Resource> material(@PathVariable String applicationNo, @PathVariable long id,
      HttpServletRequest request) {
    var caller = officers.require(request, Groups.ACCEPTANCE_OFFICERS, Groups.EXPERTS, Groups.MINISTRY_APPROVERS,
        Groups.PROVINCIAL_OFFICERS, Groups.MANAGERS);
    filings.requireInJurisdiction(applicationNo, caller);
    FilingRepository.Material material = repository.materials(applicationNo).stream().filter(m -> m.id() == id)
        .findFirst().orElseThrow(() -> ApiProblem.notFound("材料不存在。"));
    Path file = materials.open(applicationNo, material.storedName())
        .orElseThrow(() -> ApiProblem.notFound("材料文件不存在。"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(material.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(material.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Checksum-SHA256", material.sha256())
        .body(new FileSystemResource(file));
  }

  private FilingApplication parse(String application) {
    if (application == null || application.isBlank()) {
      throw ApiProblem.invalid("application", "缺少申请内容（multipart 部分 application，JSON）");
    }
    try {
      return json.readValue(application, FilingApplication.class);
    } catch (JsonProcessingException e) {
      throw ApiProblem.invalid("application", "JSON 无法解析：" + e.getOriginalMessage());
    }
  }

  /** Bearer token of the application, or an officer; returns whether the caller is an officer. */
  private boolean authorize(String applicationNo, HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      filings.require(applicationNo);
      if (!filings.tokenMatches(applicationNo, header.substring(7).trim())) {
        throw ApiProblem.forbidden("查询令牌与申请编号不符。");
      }
      return false;
    }
    filings.requireInJurisdiction(applicationNo, officers.require(request, Groups.CASE_READERS.toArray(String[]::new)));
    return true;
  }

  private void applicantOnly(String applicationNo, HttpServletRequest request) {
    applicantOnly(applicationNo, request, filings::tokenMatches);
  }

  private void applicantOnly(String applicationNo, HttpServletRequest request,
      java.util.function.BiPredicate<String, String> tokenMatches) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiProblem.unauthorized("请以提交申请时获得的查询令牌（Authorization: Bearer）提交补正材料。");
    }
    filings.require(applicationNo);
    if (!tokenMatches.test(applicationNo, header.substring(7).trim())) {
      throw ApiProblem.forbidden("查询令牌与申请编号不符。");
    }
  }
}
