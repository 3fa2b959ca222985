package cn.hrss.assessment.filing;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Profiles of the demo experts (assessment.demo-data=true only): expert4 works for the demo applicant
 * 河南省机械工程学会 (credit code below), so the panel draw excludes expert4 for that applicant. Real profiles are
 * rows of filing_expert_profile maintained by an administrator.
 */
@Component
@ConditionalOnProperty(name = "assessment.demo-data", havingValue = "true")
class DemoExpertProfiles implements ApplicationRunner {

  static final String CONFLICTED_EXPERT = "expert4";
  static final String CONFLICT_ORGANISATION = "河南省机械工程学会";
  static final String CONFLICT_CREDIT_CODE = "51410000MJ00000197";

  private final FilingRepository repository;

  DemoExpertProfiles(FilingRepository repository) {
    this.repository = repository;
  }

  @Override
  public void run(ApplicationArguments args) {
    List.of(
        new ExpertPanel.Profile("expert1", "中国就业培训技术指导中心", null),
        new ExpertPanel.Profile("expert2", "浙江省职业技能鉴定中心", null),
        new ExpertPanel.Profile("expert3", "郑州大学", null),
        new ExpertPanel.Profile(CONFLICTED_EXPERT, CONFLICT_ORGANISATION, CONFLICT_CREDIT_CODE))
        .forEach(repository::saveExpertProfile);
  }
}
