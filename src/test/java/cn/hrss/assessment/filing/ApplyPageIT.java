package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.filing.FilingProcess.Elements;
import cn.hrss.assessment.filing.FilingProcess.Vars;
import cn.hrss.assessment.support.HtmlChecker;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.Pdfs;
import cn.hrss.assessment.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The institution's side in a browser without a browser (issue 17 items 1-3, 5): the home page, the online
 * application form {@code /apply} posted as a browser posts it (multipart, one file per item of the guidance's list),
 * and the status page's supplement and receipt forms. Every page is valid HTML (W3C Nu Html Checker) without inline
 * script. The form is checked by the API's own rules: a refusal stores nothing and keeps every value.
 */
@IntegrationTest
class ApplyPageIT {

  static final byte[] PDF = "%PDF-1.7\n%apply page\n".getBytes();

  @Autowired TestRestTemplate http;
  @Autowired FilingRepository repository;
  @Autowired FilingService filings;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired Jobs jobs;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  final HtmlChecker checker = new HtmlChecker();
  final List<String> businessKeys = new ArrayList<>();

  @BeforeEach
  void resetMail() {
    TestMail.reset();
  }

  @AfterEach
  void removeOurProcesses() {
    List<String> ids = businessKeys.stream().flatMap(key -> runtime.createProcessInstanceQuery()
        .processInstanceBusinessKeyLike(key + "%").list().stream()).map(pi -> pi.getId()).toList();
    if (!ids.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(ids, "test finished", true, true, false);
    }
  }

  @Test
  void theHomePageSaysWhatTheServiceIsAndLinksEveryPage() {
    ResponseEntity<String> home = http.getForEntity("/", String.class);
    assertThat(home.getStatusCode().value()).isEqualTo(200);
    assertThat(home.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(home.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(home.getBody()).contains("职业技能等级评价机构备案与违纪违规行为处理")
        .contains("href=\"/apply\"", "href=\"/status\"", "href=\"/notices\"", "href=\"/directory\"",
            "href=\"/announcements\"", "href=\"/case-status\"", "href=\"/camunda/app/tasklist/\"",
            "href=\"/camunda/app/cockpit/\"")
        .doesNotContain("<script");
    assertThat(checker.errors(home.getBody())).isEmpty();
  }

  @Test
  void theFormOffersEveryFieldTheCatalogueAndBothListsOfMaterials() {
    ResponseEntity<String> form = http.getForEntity("/apply", String.class);
    assertThat(form.getStatusCode().value()).isEqualTo(200);
    String html = form.getBody();
    assertThat(html).contains("name=\"institutionType\"", "name=\"creditCode\"", "name=\"organisationForm\"",
        "name=\"legalRepresentative\"", "name=\"province\"", "name=\"address\"", "name=\"contact.name\"",
        "name=\"contact.phone\"", "name=\"contact.email\"", "name=\"occupations[0].code\"",
        "name=\"occupations[0].levels\"", "name=\"declarations.noBadAssessmentRecord\"");
    // 002 Annex 1 §一(八): 14 items for employers; §二(八): 6 for social organisations.
    assertThat(count(html, "name=\"material-employer-")).isEqualTo(15);
    assertThat(count(html, "name=\"material-social-")).isEqualTo(7);
    assertThat(html).contains("14. 职业技能等级认定申报机构培训情况统计表", "6. 信用报告或诚信承诺书");
    assertThat(html).contains("6-18-01-01 车工（数控车床）").contains("data-levels=\"1,2,3,4\"");
    // the only script is our own file; no inline script (CSP script-src 'self')
    assertThat(html).contains("<script src=\"/js/apply.js\" defer></script>");
    assertThat(html.replace("<script src=\"/js/apply.js\" defer></script>", "")).doesNotContain("<script");
    assertThat(http.getForEntity("/js/apply.js", String.class).getStatusCode().value()).isEqualTo(200);
    assertThat(checker.errors(html)).isEmpty();
    assertThat(checker.errors(http.getForObject("/apply?type=SOCIAL_ORG", String.class))).isEmpty();
  }

  @Test
  void aRefusedApplicationStoresNothingKeepsEveryValueAndShowsEachErrorOnItsField() {
    MultiValueMap<String, Object> form = socialOrgForm("网页申请退回测试协会", "52410000MJ0000005X"); // wrong check character
    form.remove("material-social-3"); // a required item missing
    long before = count();

    ResponseEntity<String> answer = post("/apply", form);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    String html = answer.getBody();
    assertThat(count()).as("nothing stored").isEqualTo(before);
    assertThat(html).contains("申请未提交，未保存任何内容");
    // the error is under its field, linked from the summary, and the field is marked invalid
    assertThat(html).contains("<a href=\"#f-creditCode\">统一社会信用代码：统一社会信用代码无效");
    assertThat(html).containsPattern("id=\"f-creditCode\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"e-f-creditCode");
    assertThat(html).contains("id=\"e-f-creditCode\">统一社会信用代码无效");
    assertThat(html).contains("<a href=\"#f-material-social-3\">第 3 项材料：请上传第 3 项材料：职业技能等级认定工作实施方案及质量管控措施");
    // every value typed is back in the form; the files must be chosen again, and the page says which
    assertThat(html).contains("value=\"网页申请退回测试协会\"", "value=\"52410000MJ0000005X\"", "value=\"郑州市金水区花园路 3 号\"",
        "value=\"apply-page@social.example.cn\"", "value=\"6-18-01-01\"", "value=\"数控车床\"");
    assertThat(html).containsPattern("value=\"SOCIAL_ORG\"\\s+checked");
    assertThat(html).containsPattern("name=\"occupations\\[0\\]\\.levels\" value=\"3\" checked");
    assertThat(html).containsPattern("name=\"declarations.noIllegalRecord\" value=\"true\" checked");
    assertThat(html).contains("已选择的文件无法保留", "第 1 项：基本情况表.pdf");
    assertThat(checker.errors(html)).isEmpty();
  }

  @Test
  void theGroupCodesAndTheCityCodeAreOnTheFormAndCheckedOnTheServer() {
    // Issue 19 items 7 and 10: parent and sister credit codes (expert conflicts), the city code of positions 8-9.
    String parent = Applications.freshSocialOrgCode();
    MultiValueMap<String, Object> form = socialOrgForm("网页申请集团测试协会", Applications.freshSocialOrgCode());
    form.add("parentCreditCode", parent.toLowerCase(java.util.Locale.ROOT));
    form.add("relatedCreditCodes", "52410000MJ0000005X\n" + Applications.freshSocialOrgCode());
    form.add("cityCode", "99");
    long before = count();

    ResponseEntity<String> answer = post("/apply", form);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(count()).as("nothing stored").isEqualTo(before);
    String html = answer.getBody();
    assertThat(html).contains("value=\"" + parent + "\"", "52410000MJ0000005X");
    assertThat(html).containsPattern("id=\"f-relatedCreditCodes\"[^>]*aria-invalid=\"true\"");
    assertThat(html).contains("id=\"e-f-cityCode\"");
    assertThat(html).doesNotContain("id=\"e-f-parentCreditCode\"");
    assertThat(checker.errors(html)).isEmpty();
  }

  @Test
  void aRuleOfTheApiIsShownOnItsFieldToo() {
    // 002 Annex 1 §二(七)1: an applicant that cannot declare it has no illegal record may not apply.
    // A name with markup comes back as text (th:value escapes it).
    MultiValueMap<String, Object> form = socialOrgForm("网页申请禁止测试协会<script>alert(1)</script>\"'&",
        Applications.freshSocialOrgCode());
    form.remove("declarations.noIllegalRecord");

    ResponseEntity<String> answer = post("/apply", form);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("网页申请禁止测试协会&lt;script&gt;alert(1)&lt;/script&gt;&quot;")
        .doesNotContain("<script>alert(1)");
    assertThat(checker.errors(answer.getBody())).isEmpty();
    assertThat(answer.getBody()).contains("id=\"e-f-declarations-noIllegalRecord\">本单位或其法定代表人在培训、评价工作中有违法失信记录的，不得申请");
  }

  @Test
  void anApplicationFromTheFormIsFiledLikeOneFromTheApiAndItsTokenIsShownOnceAndMailed() throws Exception {
    String code = Applications.freshSocialOrgCode();
    ResponseEntity<String> answer = post("/apply", socialOrgForm("网页申请测试协会", code));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
    String html = answer.getBody();
    String no = match(html, "id=\"application-no\">(BA\\d+)<");
    String token = match(html, "id=\"access-token\">([A-Za-z0-9_-]{43})<");
    businessKeys.add(no);
    assertThat(html).contains("已发送至 apply-page@social.example.cn");
    assertThat(checker.errors(html)).isEmpty();

    assertThat(filings.tokenMatches(no, token)).isTrue();
    FilingRepository.StoredApplication stored = repository.get(no);
    assertThat(stored.creditCode()).isEqualTo(code);
    assertThat(stored.status()).isEqualTo(FilingStatus.ACCEPTANCE_REVIEW);
    assertThat(repository.materials(no)).extracting(FilingRepository.Material::fileName)
        .containsExactly("基本情况表.pdf", "实施方案.pdf", "专家承诺书.pdf", "场地证明.pdf", "诚信承诺书.pdf", "真实性承诺书.pdf");
    assertThat(repository.materials(no)).extracting(FilingRepository.Material::items)
        .containsExactly(List.of(1), List.of(3), List.of(4), List.of(5), List.of(6), List.of(7));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey(Elements.REVIEW_COMPLETENESS)
        .count()).isEqualTo(1);

    MimeMessage mail = TestMail.server().getReceivedMessages()[0];
    assertThat(mail.getSubject()).contains("备案申请已提交（" + no + "）");
    assertThat(TestMail.textOf(mail)).contains(no, token, "/status");
    // the stored copy of the mail does not keep the token (issue 16 item 7)
    assertThat(jdbc.queryForObject("SELECT body FROM notice WHERE idempotency_key = ?", String.class,
        "filing-submitted-" + no)).doesNotContain(token).contains(no, "（已隐去）");
  }

  @Test
  void aPostLargerThanTheServerReadsSendsTheBrowserBackToThePageWithTheReason() {
    // Over spring.servlet.multipart.max-file-size (20 MB): Tomcat refuses the body before any controller reads it.
    // Only just over it: Tomcat swallows what is left of the body (up to 2 MB) and answers on the same connection.
    MultiValueMap<String, Object> form = socialOrgForm("超大文件测试协会", Applications.freshSocialOrgCode());
    form.set("material-social-1", new ByteArrayResource(new byte[20 * 1024 * 1024 + 64 * 1024]) {
      @Override
      public String getFilename() {
        return "扫描件.pdf";
      }
    });
    long before = count();
    ResponseEntity<String> answer = post("/apply", form);
    assertThat(count()).isEqualTo(before);
    String page = answer.getStatusCode().value() == 303
        ? http.getForObject(answer.getHeaders().getLocation().toString(), String.class) : answer.getBody();
    assertThat(page).contains("所选文件超过大小上限（单个文件 20 MB，合计 100 MB）");

    ResponseEntity<String> supplement = post("/status/supplement", lookup("BA2026000001", "x"));
    assertThat(supplement.getStatusCode().value()).isEqualTo(403); // an ordinary refusal stays on the page
    MultiValueMap<String, Object> large = lookup("BA2026000001", "x");
    large.add("files", form.getFirst("material-social-1"));
    ResponseEntity<String> tooLarge = post("/status/supplement", large);
    String statusPage = tooLarge.getStatusCode().value() == 303
        ? http.getForObject(tooLarge.getHeaders().getLocation().toString(), String.class) : tooLarge.getBody();
    assertThat(statusPage).contains("补正材料未提交，未保存任何内容：所选文件超过大小上限");
    // (the API keeps its 413 problem+json: hostile.PublicEndpointsHostileIT)
  }

  @Test
  void withoutScriptRowsAreAddedAndRemovedByPostingTheFormBackAndTheCatalogueFillsTheOccupation() {
    MultiValueMap<String, Object> form = socialOrgForm("无脚本测试协会", Applications.freshSocialOrgCode());
    form.add("add", "occupation");
    long before = count();
    ResponseEntity<String> added = post("/apply", form);
    assertThat(added.getStatusCode().value()).isEqualTo(200);
    assertThat(count()).as("adding a row submits nothing").isEqualTo(before);
    assertThat(added.getBody()).contains("name=\"occupations[1].code\"", "value=\"无脚本测试协会\"", "第 1 项：基本情况表.pdf")
        .doesNotContain("申请未提交");
    assertThat(checker.errors(added.getBody())).isEmpty();

    form.remove("add");
    form.add("remove", "occupation-0");
    assertThat(post("/apply", form).getBody()).doesNotContain("value=\"6-18-01-01\"");

    // Picked from the catalogue only (no code, name or track typed): the server takes them from the catalogue.
    form.remove("remove");
    form.remove("occupations[0].code");
    form.remove("occupations[0].name");
    form.remove("occupations[0].track");
    form.set("occupations[0].entry", "4-10-01-06|母婴护理员");
    ResponseEntity<String> done = post("/apply", form);
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(200);
    String no = match(done.getBody(), "id=\"application-no\">(BA\\d+)<");
    businessKeys.add(no);
    assertThat(repository.get(no).application().occupations()).containsExactly(
        new FilingApplication.Occupation("4-10-01-06", "家政服务员", "母婴护理员", List.of(4, 3)));
  }

  @Test
  void aNationalEmployerFilesItsFourteenMaterialsAndItsBranchesOnTheForm() {
    String first17 = String.format("91110000MA%07d", System.nanoTime() % 10_000_000);
    String code = first17 + cn.hrss.assessment.codes.CreditCodes.checkCharacter(first17);
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    socialOrgForm("中国网页申请装备集团有限公司", code).forEach((name, values) -> {
      if (!name.startsWith("material-")) {
        form.put(name, values);
      }
    });
    form.set("institutionType", "NATIONAL_EMPLOYER");
    form.set("organisationForm", "ENTERPRISE");
    form.add("branches[0].name", "中国网页申请装备集团郑州分公司");
    form.add("branches[0].creditCode", Applications.BRANCH_HENAN_CODE);
    form.add("branches[0].province", "41");
    form.add("branches[0].address", "郑州市中原区 9 号");
    form.add("branches[0].contactEmail", "zz@group.example.cn");
    Applications.conditionsMet("NATIONAL_EMPLOYER").keySet().forEach(id -> form.add("conditions." + id, "true"));
    for (int item : List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15)) {
      form.add("material-employer-" + item, file("材料" + item + ".pdf"));
    }
    // 002 Annex 1 §一(八) item 14 missing; and a social organisation's list is not read for an employer
    form.add("material-social-6", file("诚信承诺书.pdf"));
    ResponseEntity<String> refused = post("/apply", form);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(refused.getBody()).contains("<a href=\"#f-material-employer-14\">第 14 项材料：请上传第 14 项材料")
        .contains("value=\"中国网页申请装备集团郑州分公司\"");

    form.add("material-employer-14", file("材料14.pdf"));
    ResponseEntity<String> done = post("/apply", form);
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(200);
    String no = match(done.getBody(), "id=\"application-no\">(BA\\d+)<");
    businessKeys.add(no);
    assertThat(repository.materials(no)).hasSize(15);
    assertThat(repository.branches(no)).extracting(FilingRepository.BranchRow::name)
        .containsExactly("中国网页申请装备集团郑州分公司");
  }

  @Test
  void aPostFromAnotherSiteIsRefused() {
    HttpHeaders crossSite = new HttpHeaders();
    crossSite.set("Sec-Fetch-Site", "cross-site");
    long before = count();
    ResponseEntity<String> answer = post("/apply", socialOrgForm("跨站申请测试协会", Applications.freshSocialOrgCode()),
        crossSite);
    assertThat(answer.getStatusCode().value()).isEqualTo(403);
    assertThat(count()).isEqualTo(before);
    MultiValueMap<String, Object> lookup = new LinkedMultiValueMap<>();
    lookup.add("applicationNo", "BA2026000001");
    lookup.add("accessToken", "x");
    assertThat(post("/status/receipt", lookup, crossSite).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aSupplementIsUploadedFromTheStatusPageByTheTokenHolderOnly() {
    String no = submitSocialOrg("状态页补正测试协会");
    String token = lastToken;
    MultiValueMap<String, Object> tooEarly = supplement(no, token, "场地证明.pdf");
    ResponseEntity<String> refused = post("/status/supplement", tooEarly);
    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).contains("未要求补正材料").contains("补正材料未提交");

    complete(task(no, Elements.REVIEW_COMPLETENESS), "officer",
        Map.of(Vars.ACCEPTANCE_DECISION, "REQUEST_SUPPLEMENT", Vars.ACCEPTANCE_COMMENT, "请补充场地证明"));
    jobs.runDue();
    String page = post("/status", lookup(no, token)).getBody();
    assertThat(page).contains("补正要求", "请补充场地证明", "id=\"supplement-files\"", "提交补正材料");
    assertThat(checker.errors(page)).isEmpty();

    assertThat(post("/status/supplement", supplement(no, "falsch", "场地证明.pdf")).getStatusCode().value()).isEqualTo(403);
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.SUPPLEMENT_REQUESTED);

    ResponseEntity<String> done = post("/status/supplement", supplement(no, token, "场地证明.pdf"));
    assertThat(done.getStatusCode().value()).isEqualTo(200);
    assertThat(done.getBody()).contains("补正材料已提交").contains("受理审查中").doesNotContain("id=\"supplement-files\"");
    assertThat(checker.errors(done.getBody())).isEmpty();
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.ACCEPTANCE_REVIEW);
    assertThat(repository.materials(no)).extracting(FilingRepository.Material::fileName).contains("场地证明.pdf");
  }

  @Test
  void anIntendedRefusalIsShownOnTheStatusPageWhereTheApplicantStatesItsCaseOnce() {
    // Issue 19 item 6: 陈述权 (002 Annex 1 §二(十一)); the page and POST /api/filings/{no}/statements do the same.
    String no = submitSocialOrg("陈述页测试协会");
    String token = lastToken;
    complete(task(no, Elements.REVIEW_COMPLETENESS), "officer", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    for (Task review : tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey(Elements.EXPERT_REVIEW).list()) {
      complete(review, review.getAssignee(), Map.of(Vars.EXPERT_OPINION, "PASS", Vars.EXPERT_COMMENT, "符合要求"));
    }
    jobs.runDue();
    filings.object(no, "赵六", "zhao@example.cn", "该机构无视频监控设备");
    complete(task(no, Elements.REVIEW_OBJECTION), "officer", Map.of(Vars.OBJECTION_UPHELD, true,
        Vars.OBJECTION_RESPONSE, "经现场核查，考场未安装视频监控设备"));
    jobs.runDue();
    assertThat(repository.get(no).status()).isEqualTo(FilingStatus.HEARING);

    // The API refuses an empty statement and a wrong token, storing nothing.
    HttpHeaders bearer = new HttpHeaders();
    bearer.setBearerAuth(token);
    bearer.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.postForEntity("/api/filings/" + no + "/statements", new HttpEntity<>(Map.of("content", " "), bearer),
        String.class).getStatusCode().value()).isEqualTo(400);
    HttpHeaders wrong = new HttpHeaders();
    wrong.setBearerAuth("falsch");
    wrong.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.postForEntity("/api/filings/" + no + "/statements", new HttpEntity<>(Map.of("content", "x"), wrong),
        String.class).getStatusCode().value()).isEqualTo(403);

    String page = post("/status", lookup(no, token)).getBody();
    assertThat(page).contains("拟不予备案告知与陈述", "考场未安装视频监控设备", "陈述期限至", "id=\"submit-statement\"");
    assertThat(checker.errors(page)).isEmpty();
    MultiValueMap<String, Object> statement = lookup(no, token);
    statement.add("content", "已于公示期间安装视频监控设备，附验收记录");
    ResponseEntity<String> done = post("/status/statement", statement);
    assertThat(done.getStatusCode().value()).isEqualTo(200);
    assertThat(done.getBody()).contains("陈述意见已提交").doesNotContain("id=\"submit-statement\"");
    assertThat(runtime.getVariable(task(no, Elements.DECIDE_FILING).getProcessInstanceId(), Vars.APPLICANT_STATEMENT))
        .isEqualTo("已于公示期间安装视频监控设备，附验收记录");

    // Once heard, the window is closed: 409 on the page and through the API.
    assertThat(post("/status/statement", statement).getStatusCode().value()).isEqualTo(409);
    assertThat(http.postForEntity("/api/filings/" + no + "/statements", new HttpEntity<>(Map.of("content", "再说一句"), bearer),
        String.class).getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void theStageIsShownWhileNoTaskIsOpenAndTheReceiptIsDownloadedOnceFiled() {
    String no = submitSocialOrg("状态页回执测试协会");
    String token = lastToken;
    ResponseEntity<String> early = post("/status/receipt", lookup(no, token));
    assertThat(early.getStatusCode().value()).isEqualTo(409);
    assertThat(early.getBody()).contains("尚未备案，没有备案回执");

    complete(task(no, Elements.REVIEW_COMPLETENESS), "officer", cn.hrss.assessment.filing.Applications.acceptance());
    jobs.runDue();
    for (Task review : tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey(Elements.EXPERT_REVIEW).list()) {
      complete(review, review.getAssignee(), Map.of(Vars.EXPERT_OPINION, "PASS", Vars.EXPERT_COMMENT, "符合要求"));
    }
    jobs.runDue();
    // 公示: no open task, the process waits on the notice's timer; the page shows the stage, not "—".
    String notice = post("/status", lookup(no, token)).getBody();
    assertThat(notice).containsPattern("<dt>当前环节</dt><dd>公示中</dd>").doesNotContain("<dd>—</dd>");

    jobs.moveClockTo(java.time.LocalDateTime.ofInstant(repository.get(no).noticeClosesAt(), Jobs.ZONE).plusHours(10));
    try {
      jobs.runDue();
      complete(task(no, Elements.DECIDE_FILING), "officer", cn.hrss.assessment.filing.Applications.approval());
      jobs.runDue();
    } finally {
      jobs.resetClock();
    }
    FilingRepository.StoredApplication filed = repository.get(no);
    assertThat(filed.status()).isEqualTo(FilingStatus.FILED);

    String page = post("/status", lookup(no, token)).getBody();
    assertThat(page).contains("<dd>已办结</dd>", "id=\"download-receipt\"");
    assertThat(checker.errors(page)).isEmpty();
    assertThat(page).contains("PDF 文件");
    // As a browser posts the form (Accept: text/html): the answer is still the PDF file to save.
    HttpHeaders browser = new HttpHeaders();
    browser.setContentType(MediaType.MULTIPART_FORM_DATA);
    browser.setAccept(List.of(MediaType.TEXT_HTML, MediaType.parseMediaType("*/*;q=0.8")));
    ResponseEntity<byte[]> receipt = http.postForEntity("/status/receipt", new HttpEntity<>(lookup(no, token), browser),
        byte[].class);
    assertThat(receipt.getStatusCode().value()).isEqualTo(200);
    assertThat(receipt.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(receipt.getHeaders().getContentDisposition().isAttachment()).isTrue();
    assertThat(receipt.getHeaders().getContentDisposition().getFilename()).isEqualTo("备案回执-" + filed.receiptNo() + ".pdf");
    assertThat(Pdfs.text(receipt.getBody())).contains(filed.filingCode(), filed.receiptNo(), "状态页回执测试协会");
    assertThat(post("/status/receipt", lookup(no, "falsch")).getStatusCode().value()).isEqualTo(403);
  }

  // ------------------------------------------------------------------ helpers

  String lastToken;

  /** Submitted through the service (as the API does); its token in {@link #lastToken}. */
  String submitSocialOrg(String name) {
    FilingApplication application = new FilingApplication("SOCIAL_ORG", name, Applications.freshSocialOrgCode(),
        "PRIVATE_NON_ENTERPRISE", "王五", "41", "郑州市金水区花园路 4 号",
        new FilingApplication.Contact("李四", "0371-12345678", "status-page@social.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-01", "车工", "数控车床", List.of(4, 3))), List.of(),
        Applications.allTrue());
    FilingService.Submission submission = filings.submit(Applications.tagged(application, "备案申请表.pdf"),
        List.of(new MockMultipartFile("files", "备案申请表.pdf", "application/pdf", PDF)));
    businessKeys.add(submission.applicationNo());
    lastToken = submission.accessToken();
    return submission.applicationNo();
  }

  /** The form as a browser posts it for a valid social organisation, with files for items 1 and 3-6. */
  static MultiValueMap<String, Object> socialOrgForm(String name, String creditCode) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("institutionType", "SOCIAL_ORG");
    form.add("name", name);
    form.add("creditCode", creditCode);
    form.add("organisationForm", "PRIVATE_NON_ENTERPRISE");
    form.add("legalRepresentative", "王五");
    form.add("province", "41");
    form.add("address", "郑州市金水区花园路 3 号");
    form.add("contact.name", "李四");
    form.add("contact.phone", "0371-12345678");
    form.add("contact.email", "apply-page@social.example.cn");
    form.add("occupations[0].entry", "6-18-01-01|数控车床");
    form.add("occupations[0].code", "6-18-01-01");
    form.add("occupations[0].name", "车工");
    form.add("occupations[0].track", "数控车床");
    form.add("occupations[0].levels", "4");
    form.add("occupations[0].levels", "3");
    for (String declaration : List.of("noIllegalRecord", "noAnnualInspectionFailure", "notOnIllegalOrgList",
        "notOnAbnormalOperationsList", "noBadAssessmentRecord", "notGovernmentAffiliated")) {
      form.add("declarations." + declaration, "true");
    }
    Applications.conditionsMet("SOCIAL_ORG").keySet().forEach(id -> form.add("conditions." + id, "true"));
    Map<Integer, String> files = new LinkedHashMap<>();
    files.put(1, "基本情况表.pdf");
    files.put(3, "实施方案.pdf");
    files.put(4, "专家承诺书.pdf");
    files.put(5, "场地证明.pdf");
    files.put(6, "诚信承诺书.pdf");
    files.put(7, "真实性承诺书.pdf");
    files.forEach((item, file) -> form.add("material-social-" + item, file(file)));
    return form;
  }

  static MultiValueMap<String, Object> supplement(String no, String token, String file) {
    MultiValueMap<String, Object> form = lookup(no, token);
    form.add("files", file(file));
    form.add("note", "补充场地证明");
    return form;
  }

  static MultiValueMap<String, Object> lookup(String no, String token) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("applicationNo", no);
    form.add("accessToken", token);
    return form;
  }

  static ByteArrayResource file(String name) {
    return new ByteArrayResource(PDF) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  ResponseEntity<String> post(String path, MultiValueMap<String, Object> form) {
    return post(path, form, new HttpHeaders());
  }

  /** A multipart form post, as a browser sends the page's forms (same origin). */
  ResponseEntity<String> post(String path, MultiValueMap<String, Object> form, HttpHeaders extra) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    headers.addAll(extra);
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  long count() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(FilingProcess.KEY).count();
  }

  Task task(String no, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey(key).list().get(0);
  }

  void complete(Task task, String user, Map<String, Object> variables) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      tasks.complete(task.getId(), new HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
  }

  static String match(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertThat(m.find()).as(regex + " in the page").isTrue();
    return m.group(1);
  }

  static int count(String html, String needle) {
    int n = 0;
    for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
