package cn.hrss.assessment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The application's logging configuration (logback-spring.xml) is in force: a form the server refuses is one INFO
 * line, not Camunda's ENGINE-16004 at ERROR with a stack trace (issue 16, item 5).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RefusalLoggingIT {

  @Autowired TestRestTemplate http;

  @Test
  void aRefusedStartFormIsLoggedAsOneInfoLine(CapturedOutput output) {
    Map<String, Object> body = Map.of("variables", Map.of("partyType", Map.of("value", "NOBODY", "type", "String")));
    ResponseEntity<String> refused = http.withBasicAuth("discipline", "discipline")
        .postForEntity("/engine-rest/process-definition/key/DisciplinaryCaseProcess/submit-form", body, String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("立案信息未通过校验");
    assertThat(output.getOut()).contains("Refused as invalid input (answered 400): 立案信息未通过校验")
        .doesNotContain("ENGINE-16004");
  }
}
