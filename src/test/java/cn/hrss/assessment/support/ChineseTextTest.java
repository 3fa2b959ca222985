package cn.hrss.assessment.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseTextTest {

  @Test
  void chineseWithCodesAbbreviationsAndRuntimeValuesPasses() {
    assertThat(ChineseText.problems("重点评审职业（工种）范围（002 附件1 §一(十)3）")).isEmpty();
    assertThat(ChineseText.problems("# 备案申请\n\n{{applicationSummary}}")).isEmpty();
    assertThat(ChineseText.problems("技术评审已通过{{#if institutionType = \"SOCIAL_ORG\"}}，公示期满{{/if}}。")).isEmpty();
    assertThat(ChineseText.problems("备案回执 ${receiptNo}（PDF，SHA-256）")).isEmpty();
  }

  @Test
  void modelerDefaultsAndPlaceholdersAreFound() {
    assertThat(ChineseText.problems("Text Field")).contains("no Chinese character", "English word \"Text\"");
    assertThat(ChineseText.problems("审查结论 Label")).containsExactly("English word \"Label\"");
    assertThat(ChineseText.problems("审查意见 TODO")).containsExactly("English word \"TODO\"");
    assertThat(ChineseText.problems("{{caseNo}}")).containsExactly("no Chinese character");
    assertThat(ChineseText.problems(" ")).containsExactly("empty");
  }
}
