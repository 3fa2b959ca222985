package cn.hrss.assessment.site;

import cn.hrss.assessment.lifecycle.InstitutionAccess;
import cn.hrss.assessment.web.ApiProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's sites (issue 19 item 10), with the token of its filing application. */
@RestController
@RequestMapping("/api/institutions/{filingCode}/sites")
@Tag(name = "评价站点", description = "部级备案的社会培训评价组织申报评价站点，由站点所在省级人社部门确认并赋码")
class SiteController {

  private final SiteService sites;
  private final InstitutionAccess access;
  private final ObjectMapper json;

  SiteController(SiteService sites, InstitutionAccess access, ObjectMapper json) {
    this.sites = sites;
    this.access = access;
    this.json = json;
  }

  @Operation(summary = "申报评价站点", description = "先行向人力资源社会保障部备案（评价机构代码 0001-9999）且备案正常的社会培训"
      + "评价组织申报评价站点：JSON {name（可省略）, province, cityCode（可省略；河南等按地市编码的省份）, address, contact: {name,"
      + " phone, email}}。站点所在省级人社部门（provincial-officers-<省级代码>）确认并赋予站点序列码（人社鉴发〔2019〕2号 附件1"
      + " §二(四)），站点编码第 1-5 位与机构相同。省级备案的社会培训评价组织、用人单位、分支机构 → 409。")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> submit(@PathVariable String filingCode,
      @RequestBody(required = false) String body, HttpServletRequest request) {
    access.requireToken(filingCode, request);
    SiteService.Submitted submitted = sites.submit(filingCode, parse(body), access.today());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("siteNo", submitted.siteNo());
    answer.put("parentFilingCode", submitted.parentFilingCode());
    answer.put("province", submitted.province());
    answer.put("status", "PENDING");
    answer.put("confirmingGroup", submitted.confirmingGroup());
    return ResponseEntity.created(URI.create("/api/institutions/" + filingCode + "/sites")).body(answer);
  }

  @Operation(summary = "评价站点申报情况", description = "机构的站点申报及其状态（PENDING 待确认、CONFIRMED 已赋码、REJECTED 不予确认）。")
  @GetMapping
  List<Map<String, Object>> list(@PathVariable String filingCode, HttpServletRequest request) {
    access.requireToken(filingCode, request);
    return sites.requestsOf(filingCode).stream().map(row -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("siteNo", row.siteNo());
      item.put("name", row.name());
      item.put("province", row.province());
      item.put("address", row.address());
      item.put("status", row.status());
      item.put("siteFilingCode", row.siteFilingCode());
      item.put("decisionComment", row.decisionComment());
      item.put("submittedAt", row.submittedAt().toString());
      return item;
    }).toList();
  }

  @Operation(summary = "对拟不予确认提交陈述意见", description = "站点所在省级人社部门拟不予确认评价站点时，先告知理由；机构可在"
      + " 5 个工作日内提交陈述意见（002 附件1 §一(十五)、§二(十一)：陈述权）：JSON {content}。不在陈述期间 → 409；内容为空 → 400。")
  @PostMapping(path = "/{siteNo}/statements", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> statement(@PathVariable String filingCode, @PathVariable String siteNo,
      @RequestBody(required = false) String body, HttpServletRequest request) {
    access.requireToken(filingCode, request);
    sites.state(filingCode, siteNo, contentOf(body));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("siteNo", siteNo);
    answer.put("status", "PENDING");
    return ResponseEntity.status(201).body(answer);
  }

  private String contentOf(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode node = json.readTree(body);
      return node.path("content").isTextual() ? node.path("content").asText() : null;
    } catch (JsonProcessingException e) {
      throw ApiProblem.invalid("content", "JSON 无法解析：" + e.getOriginalMessage());
    }
  }

  private SiteService.SiteRequest parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return json.readValue(body, SiteService.SiteRequest.class);
    } catch (JsonProcessingException e) {
      throw ApiProblem.invalid("application", "JSON 无法解析：" + e.getOriginalMessage());
    }
  }
}
