package cn.hrss.assessment.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.filing.FilingApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import java.util.Map;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The applicant status page (申请进度查询) in a real browser, at desktop size and at a phone's 375×812: an
 * application submitted through the API is found with its number and access token, and followed into public
 * notice; a wrong token is refused.
 */
@BrowserTest
class BrowserStatusPageIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtime;
  @Autowired FilingSteps steps;

  private String applicationNo;

  @AfterEach
  void cleanUp() {
    if (applicationNo != null) {
      List<String> ours = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).list().stream()
          .map(p -> p.getId()).toList();
      runtime.deleteProcessInstancesIfExists(ours, "browser test finished", true, true, false);
    }
  }

  @Test
  void anApplicantSeesItsApplicationWithNumberAndToken(Browser browser) throws Exception {
    JsonNode created = submit();
    applicationNo = created.get("applicationNo").asText();
    String token = created.get("accessToken").asText();
    PublicPages pages = new PublicPages(browser);

    browser.open("/status");
    browser.awaitText("备案申请进度查询");
    browser.screenshot("status-form");
    pages.checkStatus(applicationNo, token);
    assertThat(pages.statusSummary()).contains(applicationNo, "浏览器进度测试协会", "社会培训评价组织", "受理审查中",
        "受理期限");
    assertThat(browser.bodyText()).contains("办理记录", "提交备案申请", "已提交材料", "备案申请表.pdf");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/status").doesNotContain(token);
    browser.screenshot("status-desktop");

    // accepted, reviewed by the panel, in public notice: the page follows the case
    steps.accept(applicationNo);
    steps.passReview(applicationNo);
    pages.checkStatus(applicationNo, token);
    assertThat(pages.statusSummary()).contains("公示中", "公示截止");
    assertThat(browser.bodyText()).contains("技术评审意见", "同意：符合要求", "受理审查", "受理", "发布公示", "通知邮件");
    browser.screenshot("status-desktop-public-notice");

    phoneViewport(browser);
    pages.checkStatus(applicationNo, token);
    assertThat(pages.statusSummary()).contains("公示中", "公示截止");
    assertThat(pages.overflowsHorizontally()).as("page wider than a 375 px phone").isFalse();
    browser.screenshot("status-phone");

    pages.checkStatus(applicationNo, "不是这个令牌");
    assertThat(pages.errorMessage()).contains("申请编号或查询令牌不正确");
    assertThat(browser.bodyText()).doesNotContain("浏览器进度测试协会");
    assertThat(pages.overflowsHorizontally()).isFalse();
    browser.screenshot("status-phone-wrong-token");
  }

  /**
   * Emulates a 375×812 phone (CSS pixels) with Chromium's device emulation: mobile mode, so the page's viewport
   * meta decides the layout width as on a real phone (a plain window resize stops at Chromium's minimum width).
   */
  private static void phoneViewport(Browser browser) {
    ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
    assertThat(browser.script("return window.innerWidth + 'x' + window.innerHeight;")).isEqualTo("375x812");
  }

  private JsonNode submit() {
    FilingApplication application = new FilingApplication("SOCIAL_ORG", "浏览器进度测试协会",
        Applications.freshSocialOrgCode(), "PRIVATE_NON_ENTERPRISE", "王五", "41", "郑州市金水区花园路 2 号",
        new FilingApplication.Contact("李四", "0371-12345678", "apply@social.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-01", "车工", "数控车床", List.of(4, 3))), List.of(),
        Applications.allTrue());
    ResponseEntity<JsonNode> created = http.postForEntity("/api/filings",
        Applications.multipart(json, application, Map.of("备案申请表.pdf", "%PDF-1.7\n%status page\n".getBytes())),
        JsonNode.class);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    return created.getBody();
  }
}
