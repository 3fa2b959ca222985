package cn.hrss.assessment.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code assessment.supervision.*}: 003 indicator 14's 5 working days by default, Henan's 10 when configured. */
class SupervisionPropertiesTest {

  static SupervisionProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("assessment.supervision", SupervisionProperties.class);
  }

  @Test
  void fiveWorkingDaysAndTeamsOfTwoByDefault() {
    SupervisionProperties defaults = bind(Map.of());
    assertThat(defaults.planNoticeWorkingDays()).isEqualTo(5);
    assertThat(defaults.defaultTeamSize()).isEqualTo(2);
  }

  @Test
  void henanConfiguresTen() {
    assertThat(bind(Map.of("assessment.supervision.plan-notice-working-days", "10")).planNoticeWorkingDays())
        .isEqualTo(10);
  }

  @Test
  void nonsenseIsRefusedAtStart() {
    assertThatThrownBy(() -> bind(Map.of("assessment.supervision.plan-notice-working-days", "0")))
        .isInstanceOf(BindException.class);
    assertThatThrownBy(() -> bind(Map.of("assessment.supervision.default-team-size", "12")))
        .isInstanceOf(BindException.class);
    // 001 督导规程 Art. 15: a special supervision's team is 3 or more
    assertThat(SupervisionProperties.SPECIAL_MIN_TEAM).isEqualTo(3);
  }
}
