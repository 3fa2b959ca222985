package cn.hrss.assessment.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 004 Art. 10 / 人社鉴发〔2019〕3号 §二: a province's filings are reported to the ministry, the ministry's own are not. */
class LifecycleRecipientsTest {

  @Test
  void aProvincesFilingIsReportedUpwardsAndTheMinistrysOwnIsNot() {
    // 人社鉴发〔2019〕2号 表 3: positions 2-5 are 0000 for a province's filing, the ministry's number otherwise.
    assertThat(LifecycleRecipients.reportsUpwards("S000033000001")).isTrue();
    assertThat(LifecycleRecipients.reportsUpwards("Y000041010001")).isTrue();
    assertThat(LifecycleRecipients.reportsUpwards("S000133000001")).isFalse();
    assertThat(LifecycleRecipients.reportsUpwards("Y012311000001")).isFalse();
  }
}
