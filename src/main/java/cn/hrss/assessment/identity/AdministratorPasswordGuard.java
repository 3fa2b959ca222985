package cn.hrss.assessment.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo setup the administrator's password must come from the environment
 * ({@code ASSESSMENT_ADMIN_PASSWORD}). Checked before the engine is built, so that Camunda never creates an
 * administrator whose password is empty or equal to its id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdministratorPasswordGuard extends AbstractProcessEnginePlugin {

  static final int MINIMUM_LENGTH = 8;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdministratorPasswordGuard.class);

  private final boolean demoData;
  private final String adminId;
  private final String adminPassword;

  @Autowired
  AdministratorPasswordGuard(DemoData demoData,
      @Value("${camunda.bpm.admin-user.id:admin}") String adminId,
      @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
    this(demoData.enabled(), adminId, adminPassword);
  }

  AdministratorPasswordGuard(boolean demoData, String adminId, String adminPassword) {
    this.demoData = demoData;
    this.adminId = adminId;
    this.adminPassword = adminPassword;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    check();
  }

  void check() {
    if (demoData) {
      if (adminPassword == null || adminPassword.isBlank() || adminPassword.equals(adminId)
          || adminPassword.length() < MINIMUM_LENGTH) {
        // Fine for trying it out on one's own machine; never for a department's server (issue 16).
        LOG.warn("DEMO SETUP: the administrator '{}' has a default or weak password and the demo users have their "
            + "user id as password. Do not expose this instance; run production with the postgres profile and "
            + "ASSESSMENT_ADMIN_PASSWORD (README \"Running on PostgreSQL\").", adminId);
      }
      return;
    }
    if (adminPassword == null || adminPassword.isBlank()) {
      throw new IllegalStateException("ASSESSMENT_ADMIN_PASSWORD is not set: outside the demo setup the "
          + "administrator's password must be given in the environment. The application does not start without it.");
    }
    if (adminPassword.length() < MINIMUM_LENGTH || adminPassword.equals(adminId)) {
      throw new IllegalStateException("ASSESSMENT_ADMIN_PASSWORD is too weak: it needs at least " + MINIMUM_LENGTH
          + " characters and must differ from the user id.");
    }
  }
}
