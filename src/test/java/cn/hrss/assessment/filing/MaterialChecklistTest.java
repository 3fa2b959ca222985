package cn.hrss.assessment.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.assessment.web.ApiProblem.FieldError;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The materials the online form asks for, by institution type (002 Annex 1 §一(八), §二(八); CONTRACT.md). */
class MaterialChecklistTest {

  @Test
  void employersFileFourteenItemsAndSocialOrganisationsSix() {
    assertThat(MaterialChecklist.forType("NATIONAL_EMPLOYER")).hasSize(14);
    assertThat(MaterialChecklist.forType("PROVINCIAL_EMPLOYER")).hasSize(14);
    assertThat(MaterialChecklist.forType("SOCIAL_ORG")).hasSize(6);
    assertThat(MaterialChecklist.forType("SOCIAL_ORG").get(5).name()).isEqualTo("信用报告或诚信承诺书");
  }

  @Test
  void aSocialOrganisationMayLeaveOutItemTwoButNoOther() {
    // CONTRACT.md: item 2 of social organisations may be left out when the credit code is verified electronically.
    assertThat(MaterialChecklist.missing("SOCIAL_ORG", Set.of(1, 3, 4, 5, 6), false)).isEmpty();
    assertThat(fields(MaterialChecklist.missing("SOCIAL_ORG", Set.of(1, 2, 4, 5, 6), false))).containsExactly("materials[3]");
  }

  @Test
  void theBranchTableIsRequiredOnlyWithBranches() {
    Set<Integer> withoutFour = IntStream.rangeClosed(1, 14).filter(i -> i != 4).boxed().collect(Collectors.toSet());
    assertThat(MaterialChecklist.missing("NATIONAL_EMPLOYER", withoutFour, false)).isEmpty();
    assertThat(fields(MaterialChecklist.missing("NATIONAL_EMPLOYER", withoutFour, true))).containsExactly("materials[4]");
    assertThat(fields(MaterialChecklist.missing("PROVINCIAL_EMPLOYER", Set.of(), false))).hasSize(13)
        .doesNotContain("materials[4]");
  }

  private static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }
}
