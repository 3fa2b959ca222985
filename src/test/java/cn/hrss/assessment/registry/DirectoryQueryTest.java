package cn.hrss.assessment.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.hrss.assessment.web.ApiProblem;
import org.junit.jupiter.api.Test;

class DirectoryQueryTest {

  @Test
  void controlCharactersInTheSearchAreRefusedNotAServerError() {
    // Found by the hostile-input properties: "\u0000" is not blank but trim() emptied it, and charAt(0) threw (500).
    ApiProblem problem = catchThrowableOfType(ApiProblem.class,
        () -> DirectoryController.queryOf(null, "\u0000", "车工\u0000", false));
    assertThat(problem.status().value()).isEqualTo(400);
    assertThat(problem.errors()).extracting(ApiProblem.FieldError::field).containsExactly("occupation", "q");
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertThat(DirectoryController.queryOf(" 41 ", " 6-18 ", " 车工 ", false))
        .isEqualTo(new DirectoryQuery("41", "6-18", "车工", false));
  }
}
