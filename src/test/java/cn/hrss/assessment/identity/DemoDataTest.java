package cn.hrss.assessment.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoDataTest {

  @Test
  void theDemoSetupHasDemoData() {
    assertThat(new DemoData(new MockEnvironment().withProperty("assessment.demo-data", "true")).enabled()).isTrue();
  }

  @Test
  void thePostgresProfileNeverHasDemoDataEvenWhenThePropertyAsksForIt() {
    MockEnvironment environment = new MockEnvironment().withProperty("assessment.demo-data", "true");
    environment.setActiveProfiles("postgres");
    assertThat(new DemoData(environment).enabled()).isFalse();
  }

  @Test
  void withoutThePropertyThereIsNoDemoData() {
    assertThat(new DemoData(new MockEnvironment()).enabled()).isFalse();
  }
}
