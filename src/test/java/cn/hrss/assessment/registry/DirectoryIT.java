package cn.hrss.assessment.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class DirectoryIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired InstitutionRegistry registry;
  @Autowired ObjectMapper json;

  private String tag;
  private Institution employer;
  private Institution zhejiangBranch;
  private Institution henanBranch;
  private Institution org;

  @BeforeEach
  void fileSomeInstitutions() {
    tag = "名录" + System.nanoTime();
    employer = registry.register(Samples.nationalEmployer(tag + "集团有限公司"));
    zhejiangBranch = registry.register(Samples.branch(tag + "集团浙江分公司", "33", employer.filingCode()));
    henanBranch = registry.register(Samples.branch(tag + "集团河南分公司", "41", employer.filingCode()));
    org = registry.register(new NewInstitution(InstitutionType.SOCIAL_ORG, tag + "<script>alert(1)</script>职业培训学校",
        Samples.creditCode(), "41", "郑州市金水区 \"测试\" 路 & 1 号", "school@example.cn", "TEST-DIR",
        List.of(new OccupationScope("4-10-01-02", "保健按摩师", null, List.of(5, 4))), null));
  }

  @Test
  void listsInstitutionsWithBranchesUnderTheirEmployer() throws Exception {
    HttpResponse<String> response = get("/api/directory?q=" + encode(tag));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body).hasSize(2);
    JsonNode employerNode = find(body, employer.filingCode());
    assertThat(employerNode.get("type").asText()).isEqualTo("NATIONAL_EMPLOYER");
    assertThat(employerNode.get("province").get("code").asText()).isEqualTo("11");
    assertThat(employerNode.get("province").get("name").asText()).isEqualTo("北京市");
    assertThat(employerNode.get("validUntil").asText()).isEqualTo(employer.validUntil().toString());
    assertThat(employerNode.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(employerNode.get("occupations").get(0).get("levels")).hasSize(5);
    assertThat(employerNode.get("branches")).extracting(b -> b.get("filingCode").asText())
        .containsExactlyInAnyOrder(zhejiangBranch.filingCode(), henanBranch.filingCode());
    JsonNode orgNode = find(body, org.filingCode());
    assertThat(orgNode.get("address").asText()).isEqualTo("郑州市金水区 \"测试\" 路 & 1 号");
    assertThat(orgNode.get("occupations").get(0).get("code").asText()).isEqualTo("4-10-01-02");
  }

  @Test
  void filtersByProvinceThroughBranchesAndByOccupation() throws Exception {
    JsonNode zhejiang = json.readTree(get("/api/directory?province=33&q=" + encode(tag)).body());
    assertThat(zhejiang).singleElement().satisfies(e -> {
      assertThat(e.get("filingCode").asText()).isEqualTo(employer.filingCode());
      assertThat(e.get("branches")).extracting(b -> b.get("filingCode").asText()).containsExactly(zhejiangBranch.filingCode());
    });

    JsonNode henan = json.readTree(get("/api/directory?province=41&q=" + encode(tag)).body());
    assertThat(henan).extracting(e -> e.get("filingCode").asText())
        .containsExactlyInAnyOrder(employer.filingCode(), org.filingCode());

    JsonNode massage = json.readTree(get("/api/directory?occupation=4-10-01-02&q=" + encode(tag)).body());
    assertThat(massage).extracting(e -> e.get("filingCode").asText()).containsExactly(org.filingCode());
    JsonNode byPrefix = json.readTree(get("/api/directory?occupation=4-10&q=" + encode(tag)).body());
    assertThat(byPrefix).extracting(e -> e.get("filingCode").asText()).containsExactly(org.filingCode());
    JsonNode byName = json.readTree(get("/api/directory?occupation=" + encode("按摩") + "&q=" + encode(tag)).body());
    assertThat(byName).extracting(e -> e.get("filingCode").asText()).containsExactly(org.filingCode());

    // LIKE wildcards in the input are literal characters, not patterns.
    assertThat(json.readTree(get("/api/directory?q=" + encode(tag + "%")).body())).isEmpty();
    assertThat(json.readTree(get("/api/directory?q=" + encode(tag.substring(0, 3) + "_")).body())).isEmpty();

    JsonNode byCode = json.readTree(get("/api/directory?q=" + org.filingCode()).body());
    assertThat(byCode).extracting(e -> e.get("filingCode").asText()).containsExactly(org.filingCode());
  }

  @Test
  void terminatedInstitutionsLeaveTheDirectory() throws Exception {
    registry.terminate(org.filingCode(), "002 附件2 第十四条（一）");
    registry.suspend(zhejiangBranch.filingCode(), zhejiangBranch.filedOn().plusMonths(2), "002 附件2 第十三条（五）");

    JsonNode body = json.readTree(get("/api/directory?q=" + encode(tag)).body());
    assertThat(body).extracting(e -> e.get("filingCode").asText()).containsExactly(employer.filingCode());
    JsonNode suspended = find(body.get(0).get("branches"), zhejiangBranch.filingCode());
    assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");
    assertThat(suspended.get("rectificationDeadline").asText()).isEqualTo(zhejiangBranch.filedOn().plusMonths(2).toString());

    JsonNode all = json.readTree(get("/api/directory?includeTerminated=true&q=" + encode(tag)).body());
    assertThat(find(all, org.filingCode()).get("status").asText()).isEqualTo("TERMINATED");
  }

  /**
   * Without a search the pages are read by a plainer statement (every top-level entry matches itself); they must be
   * the same entries as the search's: top-level only, terminated ones left out unless asked for, ordered by province
   * and code, each once, as many as X-Total-Count says.
   */
  @Test
  void theUnsearchedPagesListEveryTopLevelEntryOnceInOrder() throws Exception {
    registry.terminate(org.filingCode(), "002 附件2 第十四条（一）");

    List<JsonNode> entries = allPages("/api/directory?size=200");
    List<String> codes = entries.stream().map(e -> e.get("filingCode").asText()).toList();
    assertThat(codes).doesNotHaveDuplicates().contains(employer.filingCode())
        .doesNotContain(org.filingCode(), zhejiangBranch.filingCode(), henanBranch.filingCode());
    assertThat(entries).extracting(e -> e.get("province").get("code").asText() + e.get("filingCode").asText())
        .isSorted();
    assertThat(entries).noneMatch(e -> e.get("status").asText().equals("TERMINATED"));
    assertThat(entries.stream().filter(e -> e.get("filingCode").asText().equals(employer.filingCode())).findFirst()
        .orElseThrow().get("branches")).extracting(b -> b.get("filingCode").asText())
        .containsExactlyInAnyOrder(zhejiangBranch.filingCode(), henanBranch.filingCode());

    List<String> withTerminated = allPages("/api/directory?size=200&includeTerminated=true").stream()
        .map(e -> e.get("filingCode").asText()).toList();
    assertThat(withTerminated).doesNotHaveDuplicates().contains(org.filingCode(), employer.filingCode())
        .doesNotContain(zhejiangBranch.filingCode(), henanBranch.filingCode());
  }

  /** Every page of a listing, checking that X-Total-Count is the number of entries over all pages. */
  private List<JsonNode> allPages(String path) throws Exception {
    List<JsonNode> entries = new ArrayList<>();
    long total;
    for (int page = 0; ; page++) {
      HttpResponse<String> response = get(path + "&page=" + page);
      assertThat(response.statusCode()).isEqualTo(200);
      total = Long.parseLong(response.headers().firstValue("X-Total-Count").orElseThrow());
      JsonNode body = json.readTree(response.body());
      if (body.isEmpty()) {
        break;
      }
      body.forEach(entries::add);
    }
    assertThat(entries).hasSize((int) total);
    return entries;
  }

  @Test
  void badParametersAreProblems() throws Exception {
    HttpResponse<String> response = get("/api/directory?province=99&occupation=6-1");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("province", "occupation");
    assertThat(problem.get("errors").toString()).contains("GB/T 2260");
  }

  @Test
  void thePublicPageSearchesAndEscapes() throws Exception {
    HttpResponse<String> response = get("/directory?province=41&q=" + encode(tag));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    String html = response.body();
    assertThat(html).startsWith("<!DOCTYPE html>")
        .contains("<meta name=\"viewport\"")
        .contains("<html lang=\"zh-CN\">")
        .contains("技能人才评价机构备案与违纪处理")
        .contains("href=\"/notices\"", "href=\"/directory\"", "href=\"/announcements\"", "href=\"/status\"",
            "href=\"/case-status\"")
        .contains("aria-current=\"page\"")
        .contains("评价机构名录查询")
        .contains(employer.filingCode(), henanBranch.filingCode(), org.filingCode())
        .doesNotContain(zhejiangBranch.filingCode())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)</script>")
        .contains("&amp; 1 号")
        .contains("五级/初级工")
        .contains("<option value=\"41\" selected=\"selected\">河南省</option>")
        .doesNotContain(" th:", "${");
  }

  @Test
  void theDirectoryIsInTheOpenApiDescription() throws Exception {
    HttpResponse<String> response = get("/v3/api-docs");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.readTree(response.body()).get("paths").has("/api/directory")).isTrue();
  }

  @Test
  void thePublicPageReportsABadProvince() throws Exception {
    HttpResponse<String> response = get("/directory?province=" + encode("<b>"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("省级代码无效").doesNotContain("<b>");
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode find(JsonNode array, String filingCode) {
    for (JsonNode node : array) {
      if (node.get("filingCode").asText().equals(filingCode)) {
        return node;
      }
    }
    throw new AssertionError("not in the directory: " + filingCode + " in " + array);
  }
}
