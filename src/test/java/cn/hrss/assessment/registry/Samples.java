package cn.hrss.assessment.registry;

import cn.hrss.assessment.codes.CreditCodes;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data: institutions with valid, distinct credit codes. */
final class Samples {

  private static final AtomicInteger COUNTER = new AtomicInteger(1000);

  private Samples() {}

  /** A valid enterprise credit code (工商 9 / 1) that no other call returns. */
  static String creditCode() {
    String first17 = String.format("91410100MA%07d", COUNTER.incrementAndGet());
    return first17 + CreditCodes.checkCharacter(first17);
  }

  static NewInstitution socialOrg(String name, String province, String occupationCode) {
    return new NewInstitution(InstitutionType.SOCIAL_ORG, name, creditCode(), province, "测试路 1 号", "org@example.cn",
        "TEST-" + COUNTER.incrementAndGet(),
        List.of(new OccupationScope(occupationCode, "车工", "数控车床", List.of(4, 3))), null);
  }

  static NewInstitution nationalEmployer(String name) {
    return new NewInstitution(InstitutionType.NATIONAL_EMPLOYER, name, creditCode(), "11", "北京市西城区测试街 1 号",
        "hr@example.cn", "TEST-" + COUNTER.incrementAndGet(),
        List.of(new OccupationScope("6-18-01-01", "车工", null, List.of(5, 4, 3, 2, 1))), null);
  }

  static NewInstitution branch(String name, String province, String parentFilingCode) {
    return new NewInstitution(InstitutionType.NATIONAL_EMPLOYER, name, creditCode(), province, "分支机构地址",
        "branch@example.cn", "TEST-" + COUNTER.incrementAndGet(),
        List.of(new OccupationScope("6-18-01-02", "铣工", null, List.of(4))), parentFilingCode);
  }

  /** An assessment site (考核站点) of a social organisation filed with the ministry. */
  static NewInstitution site(String name, String province, String parentFilingCode) {
    return new NewInstitution(InstitutionType.SOCIAL_ORG, name, creditCode(), province, "站点地址", "site@example.cn",
        "TEST-" + COUNTER.incrementAndGet(),
        List.of(new OccupationScope("6-18-01-01", "车工", null, List.of(4))), parentFilingCode);
  }
}
