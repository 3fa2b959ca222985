package cn.hrss.assessment.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.support.HtmlChecker;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.Pdfs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * 质量督导与申辩 in the institution's area ({@code supervision.DefencePageController}) as HTML over HTTP: the preliminary
 * opinion with its score and the defence deadline, the defence form with the API's rules (content required, size
 * limit, once, 409 after the window) and its errors kept on the form, then the grade and the letter as a PDF.
 * Engine clock: the preliminary opinion on Monday 2026-03-02, so the window ends with Monday 9 March (5 working days).
 */
@IntegrationTest
class DefencePageIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired InstitutionRegistry registry;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired Scorecards scorecards;
  @Autowired SupervisionOutcomes outcomes;
  @Autowired Jobs jobs;

  final HtmlChecker checker = new HtmlChecker();
  DefenceFixtures fixtures;

  @BeforeEach
  void setUp() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
    fixtures = new DefenceFixtures(http, json, registry, events, transactions, tasks, identity, scorecards, jobs);
  }

  @AfterEach
  void tearDown() {
    jobs.resetClock();
    jobs.forget(fixtures.businessKeys());
  }

  @Test
  void theDefenceIsSubmittedOnceInItsWindowWithTheApisRulesAndTheLetterDownloadedAfterwards() {
    DefenceFixtures.Org org = fixtures.institution("开封申辩页面机床有限公司");
    DefenceFixtures.Org other = fixtures.institution("洛阳申辩页面机床有限公司");
    assertThat(post("/institution", form(org, Map.of())).getBody()).contains("id=\"open-supervisions\"");

    ResponseEntity<String> wrong = post("/institution/supervisions", form(
        new DefenceFixtures.Org(org.filingCode(), null, "wrong", null), Map.of()));
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(wrong.getBody()).contains("备案编码或查询令牌不正确");
    assertThat(post("/institution/supervisions", form(org, Map.of())).getBody()).contains("目前没有已反馈初步督导意见的质量督导");

    String no = fixtures.toDefenceWindow(org, 58, "题库未按规定更新。");
    ResponseEntity<String> page = post("/institution/supervisions", form(org, Map.of()));
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
    // 5 working days from Monday 2 March: to the end of Monday 9 March, Beijing time
    assertThat(page.getBody()).contains(no, "58 分", "题库未按规定更新。", "2026年3月9日 23:59 前", "id=\"defence-" + no + "\"")
        .doesNotContain("<script>", org.token() + "\"/");
    assertThat(checker.errors(page.getBody())).isEmpty();
    // another institution does not see it, nor answer it
    assertThat(post("/institution/supervisions", form(other, Map.of())).getBody()).doesNotContain(no);
    ResponseEntity<String> foreign = post("/institution/supervisions/defence", form(other,
        Map.of("supervisionNo", no, "content", "冒名申辩")));
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(outcomes.find(no).orElseThrow().defence()).isNull();

    // empty and too long (SupervisionService.DEFENCE_MAX): 400, the text kept, the reason on the field, nothing stored
    ResponseEntity<String> empty = post("/institution/supervisions/defence", form(org, Map.of("supervisionNo", no,
        "content", "   ")));
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody()).contains("id=\"defence-" + no + "-error\"", "必填：申辩意见", "aria-invalid=\"true\"");
    assertThat(checker.errors(empty.getBody())).isEmpty();
    String tooLong = "题库更新记录。" + "长".repeat(SupervisionService.DEFENCE_MAX);
    ResponseEntity<String> longOne = post("/institution/supervisions/defence", form(org, Map.of("supervisionNo", no,
        "content", tooLong)));
    assertThat(longOne.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(longOne.getBody()).contains("不得超过 4000 个字符", tooLong);
    assertThat(outcomes.find(no).orElseThrow().defence()).isNull();

    jobs.moveClockTo(LocalDateTime.of(2026, 3, 6, 10, 0));
    ResponseEntity<String> answered = post("/institution/supervisions/defence", form(org, Map.of("supervisionNo", no,
        "content", "题库已于2026年1月更新，附更新记录。")));
    assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answered.getBody()).contains("申辩意见已提交", "2026年3月6日 10:00", "题库已于2026年1月更新，附更新记录。")
        .doesNotContain("id=\"defence-" + no + "\"");
    assertThat(checker.errors(answered.getBody())).isEmpty();
    assertThat(outcomes.find(no).orElseThrow().defence()).isEqualTo("题库已于2026年1月更新，附更新记录。");
    // once only: the API's 409, shown as a message
    ResponseEntity<String> again = post("/institution/supervisions/defence", form(org, Map.of("supervisionNo", no,
        "content", "再次申辩")));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).contains("不能重复提交", "2026年3月6日 10:00");
    assertThat(outcomes.find(no).orElseThrow().defence()).doesNotContain("再次申辩");

    // no letter yet
    assertThat(post("/institution/supervisions/letter", form(org, Map.of("supervisionNo", no))).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    fixtures.issue(no, 66, "经核实申辩材料，题库已更新，酌情加分。");
    String issued = post("/institution/supervisions", form(org, Map.of())).getBody();
    assertThat(issued).contains("合格（66 分）", "经核实申辩材料，题库已更新，酌情加分。", "id=\"letter-" + no + "\"");
    assertThat(checker.errors(issued)).isEmpty();

    HttpHeaders browser = new HttpHeaders();
    browser.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    browser.set(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    ResponseEntity<byte[]> letter = http.postForEntity("/institution/supervisions/letter",
        new HttpEntity<>(form(org, Map.of("supervisionNo", no)), browser), byte[].class);
    assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(letter.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(letter.getHeaders().getContentDisposition().isAttachment()).isTrue();
    assertThat(Pdfs.text(letter.getBody())).contains("督导意见书", "合格", "66分", no);
    assertThat(post("/institution/supervisions/letter", form(other, Map.of("supervisionNo", no))).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aDefenceAfterTheWindowIsRefusedWithAClearMessageAndNothingStored() {
    DefenceFixtures.Org org = fixtures.institution("郑州申辩逾期机床有限公司");
    String no = fixtures.toDefenceWindow(org, 70, "考务资料归档不全。");
    // the page was opened in the window; the form is sent after Monday 9 March (23:59:59 Beijing)
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 10, 9, 0));
    ResponseEntity<String> late = post("/institution/supervisions/defence", form(org, Map.of("supervisionNo", no,
        "content", "逾期的申辩")));
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody()).contains("申辩期", "届满", "不再接受申辩").doesNotContain("id=\"defence-" + no + "\"")
        .contains("2026年3月9日 23:59");   // the window's end in Beijing time, as the page shows times
    assertThat(checker.errors(late.getBody())).isEmpty();
    assertThat(outcomes.find(no).orElseThrow().defence()).isNull();
    jobs.runDue();
    assertThat(post("/institution/supervisions", form(org, Map.of())).getBody())
        .contains("待签发督导意见书").doesNotContain("id=\"defence-" + no + "\"");
  }

  static MultiValueMap<String, Object> form(DefenceFixtures.Org org, Map<String, String> values) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("filingCode", org.filingCode());
    form.add("accessToken", org.token());
    values.forEach(form::add);
    return form;
  }

  ResponseEntity<String> post(String path, MultiValueMap<String, Object> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }
}
