package cn.hrss.assessment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormLabelsTest {

  private final FormLabels labels = new FormLabels("file:forms/*.form");

  @Test
  void namesAFieldByItsLabelOnTheForm() {
    assertThat(labels.label("Form_ExpertReview", "expertComment")).isEqualTo("评审说明");
    assertThat(labels.label("Form_ExpertReview", "expertOpinion")).isEqualTo("评审意见");
  }

  @Test
  void unknownFormsAndFieldsHaveNoLabel() {
    assertThat(labels.label("Form_ExpertReview", "noSuchField")).isNull();
    assertThat(labels.label("Form_NoSuchForm", "expertComment")).isNull();
    assertThat(labels.label(null, "expertComment")).isNull();
  }
}
