package cn.hrss.assessment.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class AdministratorPasswordGuardTest {

  @Test
  void demoSetupNeedsNoPasswordFromTheEnvironmentButWarnsAboutTheDefault(
      org.springframework.boot.test.system.CapturedOutput output) {
    assertThatCode(() -> new AdministratorPasswordGuard(true, "admin", "admin").check()).doesNotThrowAnyException();
    org.assertj.core.api.Assertions.assertThat(output.getAll()).contains("DEMO SETUP").contains("'admin'");
  }

  @Test
  void productionRefusesToStartWithoutAnAdministratorPassword() {
    assertThatThrownBy(() -> new AdministratorPasswordGuard(false, "admin", "").check())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ASSESSMENT_ADMIN_PASSWORD is not set");
    assertThatThrownBy(() -> new AdministratorPasswordGuard(false, "admin", null).check())
        .hasMessageContaining("ASSESSMENT_ADMIN_PASSWORD is not set");
  }

  @Test
  void productionRefusesAWeakAdministratorPassword() {
    assertThatThrownBy(() -> new AdministratorPasswordGuard(false, "administrator", "administrator").check())
        .hasMessageContaining("too weak");
    assertThatThrownBy(() -> new AdministratorPasswordGuard(false, "admin", "short").check())
        .hasMessageContaining("too weak");
  }

  @Test
  void productionStartsWithAStrongAdministratorPassword() {
    assertThatCode(() -> new AdministratorPasswordGuard(false, "admin", "S3cure-enough").check())
        .doesNotThrowAnyException();
  }
}
