package cn.hrss.assessment.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdministratorPasswordGuardTest {

  @Test
  void demoSetupNeedsNoPassword() {
    assertThatCode(() -> new AdministratorPasswordGuard(true, "admin", "admin").check()).doesNotThrowAnyException();
  }

  @Test
  void outsideTheDemoAMissingPasswordStopsTheStart() {
    assertThatThrownBy(() -> new AdministratorPasswordGuard(false, "admin", "").check())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ASSESSMENT_ADMIN_PASSWORD is not set");
    assertThatThrownBy(() -> new AdministratorPasswordGuard(false, "admin", null).check())
        .hasMessageContaining("ASSESSMENT_ADMIN_PASSWORD is not set");
  }

  @Test
  void outsideTheDemoAWeakPasswordStopsTheStart() {
    assertThatThrownBy(() -> new AdministratorPasswordGuard(false, "admin", "admin").check())
        .hasMessageContaining("too weak");
    assertThatThrownBy(() -> new AdministratorPasswordGuard(false, "administrator", "administrator").check())
        .hasMessageContaining("too weak");
    assertThatCode(() -> new AdministratorPasswordGuard(false, "admin", "s3cret-long").check())
        .doesNotThrowAnyException();
  }
}
