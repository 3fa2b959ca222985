package cn.hrss.assessment.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.support.IntegrationTest;
import cn.hrss.assessment.support.Jobs;
import cn.hrss.assessment.support.TestMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Access tokens stay secret (issue 16 item 7): an applicant's and a party's token, used on every endpoint that takes
 * one (API reads and writes, the status pages, right and wrong), are never written to the log at the levels the
 * application runs with (root INFO, our own code even at TRACE), and are found in no text column of any table: the
 * filing keeps a SHA-256 hash, the party's token is derived (HMAC) and kept nowhere, and the stored copy of the mail
 * that tells the party its token has it blanked out while the mail itself carries it.
 */
@IntegrationTest
class TokenSecrecyIT {

  @Autowired TestRestTemplate http;
  @Autowired InstitutionRegistry registry;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired Jobs jobs;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Map<String, Level> levelsBefore = new LinkedHashMap<>();

  @BeforeEach
  void captureTheLog() {
    TestMail.reset();
    jobs.moveClockTo(LocalDateTime.of(2026, 3, 2, 9, 0));
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    setLevel(context.getLogger(Logger.ROOT_LOGGER_NAME), Level.INFO); // production's level (the test profile: WARN)
    setLevel(context.getLogger("cn.hrss.assessment"), Level.TRACE);
    captured.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
  }

  private final List<String> cases = new ArrayList<>();

  @AfterEach
  void restoreTheLog() {
    jobs.forget(cases);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
    levelsBefore.forEach((name, level) -> context.getLogger(name).setLevel(level));
    jobs.resetClock();
  }

  @Test
  void tokensAreNeitherLoggedNorStoredInClear() throws Exception {
    // An applicant's token: the answer to the submission, then every use of it.
    String first17 = "52410000MC0000777";
    var filing = http.postForEntity("/api/filings", Applications.multipart(json,
        Applications.socialOrg(first17 + cn.hrss.assessment.codes.CreditCodes.checkCharacter(first17)),
        Map.of("备案申请表.pdf", "%PDF-1.7\n%token test\n".getBytes())), JsonNode.class);
    assertThat(filing.getStatusCode().value()).isEqualTo(201);
    String applicationNo = filing.getBody().get("applicationNo").asText();
    String applicantToken = filing.getBody().get("accessToken").asText();
    cases.add(applicationNo);
    assertThat(get("/api/filings/" + applicationNo, applicantToken).getStatusCode().value()).isEqualTo(200);
    assertThat(get("/api/filings/" + applicationNo, applicantToken + "x").getStatusCode().value()).isEqualTo(403);
    assertThat(page("/status", Map.of("applicationNo", applicationNo, "accessToken", applicantToken)).getBody())
        .contains(applicationNo);
    page("/status", Map.of("applicationNo", applicationNo, "accessToken", applicantToken.substring(1)));

    // A party's token, mailed with the notice of intent.
    Institution org = DisciplineFixtures.institution(registry, "令牌保密测试评价中心", "secrecy@example.cn");
    HttpHeaders officer = new HttpHeaders();
    officer.setBasicAuth("discipline", "discipline");
    officer.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> intake = new LinkedHashMap<>();
    intake.put("partyType", "INSTITUTION");
    intake.put("source", "COMPLAINT");
    intake.put("party", Map.of("name", org.name(), "filingCode", org.filingCode()));
    intake.put("partyEmail", "secrecy@example.cn");
    intake.put("facts", "机构在招生广告中宣传“包过”。");
    var opened = http.exchange("/api/discipline/cases", HttpMethod.POST, new HttpEntity<>(intake, officer), JsonNode.class);
    assertThat(opened.getStatusCode().value()).isEqualTo(201);
    String caseNo = opened.getBody().get("caseNo").asText();
    String partyToken = opened.getBody().get("accessToken").asText();
    cases.add(caseNo);
    var task = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    identity.setAuthentication("discipline", List.of("discipline-officers"));
    try {
      tasks.complete(task.getId(), Map.of("violationArticle", 13, "violationItem", 4, "findings", "经核实，机构在广告中宣传“包过”。"));
    } finally {
      identity.clearAuthentication();
    }
    jobs.runDue();
    assertThat(get("/api/discipline/cases/" + caseNo, partyToken).getStatusCode().value()).isEqualTo(200);
    assertThat(get("/api/discipline/cases/" + caseNo, "wrong-" + partyToken).getStatusCode().value()).isEqualTo(403);
    HttpHeaders party = new HttpHeaders();
    party.setBearerAuth(partyToken);
    party.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.exchange("/api/discipline/cases/" + caseNo + "/statements", HttpMethod.POST,
        new HttpEntity<>(Map.of("content", "本机构陈述：广告系第三方所为。"), party), JsonNode.class).getStatusCode().value())
        .isEqualTo(201);
    page("/case-status", Map.of("caseNo", caseNo, "accessToken", partyToken));

    // The mail carries the party's token (so the checks below could fail) ...
    assertThat(TestMail.textsTo("secrecy@example.cn")).anySatisfy(text -> assertThat(text).contains(partyToken));
    // ... its stored copy does not.
    assertThat(jdbc.queryForList("SELECT body FROM notice WHERE case_ref = ? AND body IS NOT NULL", String.class, caseNo))
        .isNotEmpty().allSatisfy(body -> assertThat(body).doesNotContain(partyToken))
        .anySatisfy(body -> assertThat(body).contains("（已隐去）"));

    List<String> logged = new ArrayList<>();
    for (ILoggingEvent event : captured.list) {
      logged.add(event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
          : ThrowableProxyUtil.asString(event.getThrowableProxy())));
    }
    assertThat(logged).as("what was logged meanwhile").isNotEmpty()
        .noneSatisfy(line -> assertThat(line).contains(applicantToken))
        .noneSatisfy(line -> assertThat(line).contains(partyToken));
    assertThat(columnsHolding(applicantToken)).as("text columns holding the applicant's token").isEmpty();
    assertThat(columnsHolding(partyToken)).as("text columns holding the party's token").isEmpty();
  }

  /** Every text column of every table (ours and the engine's) that holds {@code value} somewhere. */
  private List<String> columnsHolding(String value) throws Exception {
    Set<Integer> textTypes = Set.of(Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB,
        Types.NCLOB, Types.CHAR);
    List<String[]> columns = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
        while (rs.next()) {
          if (textTypes.contains(rs.getInt("DATA_TYPE"))) {
            columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
          }
        }
      }
    }
    assertThat(columns).as("text columns found").hasSizeGreaterThan(50);
    List<String> holding = new ArrayList<>();
    for (String[] column : columns) {
      Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM \"" + column[0] + "\" WHERE \"" + column[1] + "\" LIKE ?",
          Integer.class, "%" + value + "%");
      if (n != null && n > 0) {
        holding.add(column[0] + "." + column[1]);
      }
    }
    return holding;
  }

  private ResponseEntity<JsonNode> get(String url, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }

  private ResponseEntity<String> page(String url, Map<String, String> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    LinkedMultiValueMap<String, String> body = new LinkedMultiValueMap<>();
    form.forEach(body::add);
    return http.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private void setLevel(Logger logger, Level level) {
    levelsBefore.putIfAbsent(logger.getName(), logger.getLevel());
    logger.setLevel(level);
  }
}
