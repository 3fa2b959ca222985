package cn.hrss.assessment.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.assessment.AssessmentWorkflowsApplication;
import cn.hrss.assessment.support.TestDatabase;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile {@code postgres} (application-postgres.yml) started for real against the embedded
 * PostgreSQL: no start without ASSESSMENT_ADMIN_PASSWORD, and no demo users. Runs in failsafe's postgres
 * execution only (the profile needs PostgreSQL).
 */
@EnabledIfSystemProperty(named = TestDatabase.SYSTEM_PROPERTY, matches = "postgres")
class PostgresProfileIT {

  @Test
  void refusesToStartWithoutTheAdministratorPassword() {
    SpringApplication application = application();

    assertThatThrownBy(() -> application.run(arguments(TestDatabase.createDatabase(), "")).close())
        .rootCause()
        .hasMessageContaining("ASSESSMENT_ADMIN_PASSWORD is not set");
  }

  @Test
  void refusesAWeakAdministratorPassword() {
    assertThatThrownBy(() -> application().run(arguments(TestDatabase.createDatabase(), "admin")).close())
        .rootCause()
        .hasMessageContaining("ASSESSMENT_ADMIN_PASSWORD is too weak");
  }

  @Test
  void refusesToStartWithoutTheDisciplineIdHashSecret() {
    // Resident ID numbers are stored only as keyed hashes (issue 4): no key, no start.
    assertThatThrownBy(() -> application().run(arguments(TestDatabase.createDatabase(), "Pg-profile-test-7391", "")).close())
        .rootCause()
        .hasMessageContaining("ASSESSMENT_DISCIPLINE_ID_HASH_SECRET");
  }

  @Test
  void startsWithTheAdministratorPasswordAndCreatesNoDemoUsers() {
    String password = "Pg-profile-test-7391";
    try (ConfigurableApplicationContext context =
             application().run(arguments(TestDatabase.createDatabase(), password))) {
      IdentityService identityService = context.getBean(IdentityService.class);

      assertThat(identityService.createUserQuery().list()).extracting(User::getId).containsExactly("admin");
      assertThat(identityService.checkPassword("admin", password)).isTrue();
      assertThat(identityService.checkPassword("admin", "admin")).isFalse();
      // Groups, authorizations and filters are still set up (they are not demo data).
      assertThat(identityService.createGroupQuery().groupId(Groups.ACCEPTANCE_OFFICERS).count()).isEqualTo(1);
    }
  }

  private static SpringApplication application() {
    SpringApplication application = new SpringApplication(AssessmentWorkflowsApplication.class);
    application.setAdditionalProfiles("postgres");
    return application;
  }

  /** Command-line arguments outrank the environment, so a CI that sets ASSESSMENT_ADMIN_PASSWORD changes nothing. */
  private static String[] arguments(String jdbcUrl, String adminPassword) {
    return arguments(jdbcUrl, adminPassword, "pg-profile-test-id-hash-secret");
  }

  private static String[] arguments(String jdbcUrl, String adminPassword, String idHashSecret) {
    return List.of(
        "--ASSESSMENT_DISCIPLINE_ID_HASH_SECRET=" + idHashSecret,
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=" + TestDatabase.USER,
        "--spring.datasource.password=",
        "--ASSESSMENT_ADMIN_PASSWORD=" + adminPassword,
        "--ASSESSMENT_ADMIN_USER=admin",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN").toArray(String[]::new);
  }
}
