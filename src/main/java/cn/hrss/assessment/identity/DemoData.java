package cn.hrss.assessment.identity;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Whether this installation is the demo setup (CONTRACT.md: demo users with password = user id, created only
 * on the demo/H2 default, never in the {@code postgres} profile). The profile wins over the property, so that
 * {@code ASSESSMENT_DEMO_DATA=true} cannot bring weak accounts into production.
 */
@Component
public class DemoData {

  static final String PRODUCTION_PROFILE = "postgres";

  private final boolean enabled;

  public DemoData(Environment environment) {
    this.enabled = environment.getProperty("assessment.demo-data", Boolean.class, false)
        && !environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE));
  }

  public boolean enabled() {
    return enabled;
  }
}
