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
  void employersFileFourteenItemsAndSocialOrganisationsSixEachPlusTheSignedTruthCommitment() {
    assertThat(MaterialChecklist.forType("NATIONAL_EMPLOYER")).hasSize(15);
    assertThat(MaterialChecklist.forType("PROVINCIAL_EMPLOYER")).hasSize(15);
    assertThat(MaterialChecklist.forType("SOCIAL_ORG")).hasSize(7);
    assertThat(MaterialChecklist.forType("SOCIAL_ORG").get(5).name()).isEqualTo("信用报告或诚信承诺书");
    // 人社鉴发〔2019〕3号 §一1/§二1: 由法人代表签字承诺材料的真实性: required of every type.
    for (String type : List.of("NATIONAL_EMPLOYER", "PROVINCIAL_EMPLOYER", "SOCIAL_ORG")) {
      MaterialChecklist.Item last = MaterialChecklist.forType(type).get(MaterialChecklist.forType(type).size() - 1);
      assertThat(last.name()).contains("法定代表人签字", "真实性承诺");
      assertThat(last.required()).isTrue();
    }
  }

  @Test
  void aSocialOrganisationMayLeaveOutItemTwoButNoOther() {
    // CONTRACT.md: item 2 of social organisations may be left out when the credit code is verified electronically.
    assertThat(MaterialChecklist.missing("SOCIAL_ORG", Set.of(1, 3, 4, 5, 6, 7), false)).isEmpty();
    assertThat(fields(MaterialChecklist.missing("SOCIAL_ORG", Set.of(1, 2, 4, 5, 6, 7), false))).containsExactly("materials[3]");
    assertThat(fields(MaterialChecklist.missing("SOCIAL_ORG", Set.of(1, 2, 3, 4, 5, 6), false))).containsExactly("materials[7]");
  }

  @Test
  void theBranchTableIsRequiredOnlyWithBranches() {
    Set<Integer> withoutFour = IntStream.rangeClosed(1, 15).filter(i -> i != 4).boxed().collect(Collectors.toSet());
    assertThat(MaterialChecklist.missing("NATIONAL_EMPLOYER", withoutFour, false)).isEmpty();
    assertThat(fields(MaterialChecklist.missing("NATIONAL_EMPLOYER", withoutFour, true))).containsExactly("materials[4]");
  }

  @Test
  void aProvincialEmployerFilesTheApplicationFormThePlanAndTheCommitmentOf3Hao() {
    // 人社鉴发〔2019〕3号 §二1: (1) 备案申请表, (2) 试点工作方案, signed truth commitment; the rest is optional.
    assertThat(fields(MaterialChecklist.missing("PROVINCIAL_EMPLOYER", Set.of(), false)))
        .containsExactly("materials[1]", "materials[3]", "materials[15]");
    assertThat(MaterialChecklist.missing("PROVINCIAL_EMPLOYER", Set.of(1, 3, 15), false)).isEmpty();
  }

  @Test
  void eachFileIsTaggedWithItsItemsAndAnUntaggedOrUnknownOneIsAFieldError() {
    List<FilingApplication.MaterialRef> refs = List.of(new FilingApplication.MaterialRef(1, "表.pdf"),
        new FilingApplication.MaterialRef(3, "方案.pdf"), new FilingApplication.MaterialRef(15, "表.pdf"));
    assertThat(MaterialChecklist.tag("PROVINCIAL_EMPLOYER", refs, List.of("表.pdf", "方案.pdf"), false))
        .containsExactly(List.of(1, 15), List.of(3));
    // A file the list does not name, an item outside the list, a listed file not sent, a required item missing.
    assertThat(problemFields(() -> MaterialChecklist.tag("PROVINCIAL_EMPLOYER", refs, List.of("表.pdf", "方案.pdf", "x.pdf"), false)))
        .containsExactly("files[2]");
    assertThat(problemFields(() -> MaterialChecklist.tag("SOCIAL_ORG", List.of(new FilingApplication.MaterialRef(8, "a.pdf")),
        List.of("a.pdf"), false))).containsExactly("materials[0].item", "files[0]");
    assertThat(problemFields(() -> MaterialChecklist.tag("PROVINCIAL_EMPLOYER", refs, List.of("表.pdf"), false)))
        .containsExactly("materials[1].file");
    assertThat(problemFields(() -> MaterialChecklist.tag("PROVINCIAL_EMPLOYER", refs.subList(0, 2), List.of("表.pdf", "方案.pdf"), false)))
        .containsExactly("materials[15]");
  }

  private static List<String> problemFields(Runnable call) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(cn.hrss.assessment.web.ApiProblem.class, call::run)
        .errors().stream().map(FieldError::field).toList();
  }

  private static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }
}
