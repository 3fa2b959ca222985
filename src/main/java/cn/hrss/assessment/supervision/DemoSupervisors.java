package cn.hrss.assessment.supervision;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.identity.DemoData;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The demo supervisor pool (demo setup only, never the {@code postgres} profile: {@link DemoData}): the demo users
 * supervisor1…supervisor4 with valid card codes (001 人社职司便函〔2020〕53号 附件1). supervisor1 and supervisor2 work for
 * the demo applicant 河南省机械工程学会 (the credit code of {@code filing.DemoExpertProfiles}), so a draw for that
 * institution excludes them (001 督导规程 Art. 16 回避) and a special supervision of it (3 members) lacks one;
 * supervisor3 and supervisor4 work elsewhere than any demo institution.
 */
@Component
class DemoSupervisors implements ApplicationRunner {

  static final String DEMO_APPLICANT_CREDIT_CODE = "51410000MJ00000197";

  private final DemoData demo;
  private final Supervisors supervisors;

  DemoSupervisors(DemoData demo, Supervisors supervisors) {
    this.demo = demo;
    this.supervisors = supervisors;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!demo.enabled()) {
      return;
    }
    Instant now = Instant.now();
    List.of(
        new Supervisors.Supervisor("R41240001", "supervisor1", "督导员一", "supervisor1@hrss.example.cn",
            DEMO_APPLICANT_CREDIT_CODE, "41", now),
        new Supervisors.Supervisor("R41240002", "supervisor2", "督导员二", "supervisor2@hrss.example.cn",
            DEMO_APPLICANT_CREDIT_CODE, "41", now),
        new Supervisors.Supervisor("R00230015", "supervisor3", "督导员三", "supervisor3@hrss.example.cn",
            withCheck("12100000400000000"), "11", now),
        new Supervisors.Supervisor("R33250007", "supervisor4", "督导员四", "supervisor4@hrss.example.cn",
            withCheck("12330000470000000"), "33", now))
        .forEach(supervisors::ensure);
  }

  private static String withCheck(String first17) {
    return first17 + CreditCodes.checkCharacter(first17);
  }
}
