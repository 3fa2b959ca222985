package cn.hrss.assessment.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scoring forms in {@code forms/} are generated from the scorecards (issue 14: not typed by hand). This test fails
 * when a form and its card disagree (an item added, a maximum changed, a row moved), and rewrites the forms with
 * {@code -Dsupervision.forms.write=true}.
 */
class ScoreFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Scorecards scorecards = new Scorecards(new ObjectMapper());

  @ParameterizedTest
  @ValueSource(strings = {Scorecards.ON_SITE, Scorecards.QUESTION_SETTING})
  void theScoringFormIsTheOneGeneratedFromTheScorecard(String kind) throws IOException {
    Scorecard card = scorecards.find(kind).orElseThrow();
    JsonNode generated = ScoreForms.generate(card);
    Path file = Path.of("forms", ScoreForms.formId(kind) + ".form");
    if (Boolean.getBoolean("supervision.forms.write")) {
      // The layout of the forms the Modeler writes: "key": value, one array element per line.
      DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
      printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
      Files.writeString(file, JSON.writer(printer).writeValueAsString(generated) + "\n");
    }
    assertThat(Files.exists(file)).as("%s (generate it with -Dsupervision.forms.write=true)", file).isTrue();
    JsonNode stored = JSON.readTree(file.toFile());
    assertThat(stored).as("%s differs from what ScoreForms generates from %s: regenerate it with"
        + " -Dsupervision.forms.write=true", file, kind).isEqualTo(generated);
  }

  @ParameterizedTest
  @ValueSource(strings = {Scorecards.ON_SITE, Scorecards.QUESTION_SETTING})
  void everyItemIsANumberFieldFromZeroToItsMaximum(String kind) {
    Scorecard card = scorecards.find(kind).orElseThrow();
    List<JsonNode> numbers = new ArrayList<>();
    ScoreForms.generate(card).get("components").forEach(c -> {
      if ("number".equals(c.path("type").asText())) {
        numbers.add(c);
      }
    });
    assertThat(numbers).hasSameSizeAs(card.items());
    for (int i = 0; i < numbers.size(); i++) {
      Scorecard.Item item = card.items().get(i);
      JsonNode field = numbers.get(i);
      assertThat(field.get("key").asText()).isEqualTo("score_" + item.id());
      assertThat(field.at("/validate/max").asInt()).isEqualTo(item.maxPoints());
      assertThat(field.at("/validate/min").asInt()).isZero();
      assertThat(field.at("/validate/required").asBoolean()).isTrue();
      assertThat(field.get("description").asText()).isEqualTo(item.criterion());
    }
  }
}
