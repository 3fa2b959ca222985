package cn.hrss.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.Applications;
import cn.hrss.assessment.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Uploaded materials are stored outside any path the server serves (issue 16 item 7): under
 * {@code assessment.filing.storage-dir} (not a static resource location) with a random name, and reachable only
 * through the API that checks who asks. Every URL an attacker could guess from the stored name or the file name
 * answers 404 without the content.
 */
@IntegrationTest
class StoredMaterialsAreNotServedIT {

  private static final String MARKER = "%stored-materials-not-served-marker";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired cn.hrss.assessment.support.Jobs jobs;

  @Test
  void noGuessableUrlServesAnUploadedFile() {
    String first17 = "52410000MC0000778";
    ResponseEntity<JsonNode> submitted = http.postForEntity("/api/filings", Applications.multipart(json,
        Applications.socialOrg(first17 + CreditCodes.checkCharacter(first17)),
        Map.of("备案申请表.pdf", ("%PDF-1.7\n" + MARKER + "\n").getBytes(StandardCharsets.US_ASCII))), JsonNode.class);
    assertThat(submitted.getStatusCode().value()).isEqualTo(201);
    String applicationNo = submitted.getBody().get("applicationNo").asText();
    jobs.forget(List.of(applicationNo)); // its process is not needed: only the stored file
    String stored = jdbc.queryForObject("SELECT stored_name FROM filing_material WHERE application_no = ?", String.class,
        applicationNo);

    for (String path : List.of("/" + stored, "/" + applicationNo + "/" + stored, "/materials/" + applicationNo + "/" + stored,
        "/data/materials/" + applicationNo + "/" + stored, "/static/" + stored, "/files/" + stored,
        "/data/materials/" + applicationNo + "/备案申请表.pdf")) {
      ResponseEntity<String> answer = http.getForEntity(path, String.class);
      assertThat(answer.getStatusCode().value()).as(path).isEqualTo(404);
      assertThat(String.valueOf(answer.getBody())).as(path).doesNotContain(MARKER);
    }
  }
}
