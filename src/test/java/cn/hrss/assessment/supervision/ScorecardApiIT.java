package cn.hrss.assessment.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/scorecards/{kind}} is public and serves the cards of 003 as the forms will use them. */
@IntegrationTest
class ScorecardApiIT {

  @Autowired TestRestTemplate http;

  @Test
  void bothScorecardsArePublicAndAnUnknownKindIs404() {
    JsonNode onSite = http.getForEntity("/api/scorecards/ON_SITE", JsonNode.class).getBody();
    assertThat(onSite.get("kind").asText()).isEqualTo("ON_SITE");
    assertThat(onSite.get("items")).hasSize(42);
    assertThat(onSite.get("items").get(0).get("maxPoints").asInt()).isEqualTo(1);
    assertThat(onSite.get("sectionTotals").get("考中").asInt()).isEqualTo(52);
    assertThat(http.getForEntity("/api/scorecards/QUESTION_SETTING", JsonNode.class).getBody().get("items")).hasSize(24);
    ResponseEntity<JsonNode> unknown = http.getForEntity("/api/scorecards/OTHER", JsonNode.class);
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getHeaders().getContentType().toString()).contains("problem+json");
  }
}
