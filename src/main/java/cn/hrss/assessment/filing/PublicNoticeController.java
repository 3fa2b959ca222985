package cn.hrss.assessment.filing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public notices (公示) of social organisations and objections to them; no authentication (CONTRACT.md). */
@RestController
@RequestMapping("/api/public-notices")
@Tag(name = "公示", description = "社会培训评价组织备案公示与异议")
class PublicNoticeController {

  private final FilingService filings;

  PublicNoticeController(FilingService filings) {
    this.filings = filings;
  }

  /** One open notice. */
  record PublicNotice(String applicationNo, String name, String institutionType, String province, String provinceName,
      String address, List<FilingApplication.Occupation> occupations, Instant openedAt, Instant closesAt) {}

  record ObjectionRequest(String name, String contact, String content) {}

  @Operation(summary = "正在公示的备案申请")
  @GetMapping
  List<PublicNotice> notices() {
    return filings.openNotices().stream().map(a -> new PublicNotice(a.applicationNo(), a.name(), a.institutionType(),
        a.province(), filings.provinceName(a.province()), a.application().address(), a.application().occupations(),
        a.noticeOpenedAt(), a.noticeClosesAt())).toList();
  }

  @Operation(summary = "提出公示异议", description = "公示期内受理；公示结束后返回 409。")
  @PostMapping("/{applicationNo}/objections")
  ResponseEntity<Map<String, Object>> object(@PathVariable String applicationNo, @RequestBody ObjectionRequest request) {
    long id = filings.object(applicationNo, request.name(), request.contact(), request.content());
    return ResponseEntity.created(URI.create("/api/public-notices/" + applicationNo + "/objections/" + id))
        .body(Map.of("applicationNo", applicationNo, "objectionId", id));
  }
}
