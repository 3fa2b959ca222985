package cn.hrss.assessment.discipline;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.codes.ResidentIdNumbers;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import cn.hrss.assessment.registry.OccupationScope;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data of disciplinary cases: valid ID numbers, filed institutions, intakes. */
final class DisciplineFixtures {

  private static final AtomicInteger COUNTER = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 900_000));

  private DisciplineFixtures() {}

  /** A valid resident ID number (GB 11643) no other call returns: 410105 (郑州金水) + 1990-05-0x + sequence. */
  static String idNumber() {
    int n = COUNTER.incrementAndGet();
    String first17 = String.format("41010519900501%03d", n % 1000);
    String id = first17 + ResidentIdNumbers.checkCharacter(first17);
    // the counter wraps within 1000 per JVM: good enough for a test run
    return id;
  }

  static Institution institution(InstitutionRegistry registry, String name, String email) {
    String first17 = String.format("91410100MB%07d", COUNTER.incrementAndGet());
    return registry.register(new NewInstitution(InstitutionType.SOCIAL_ORG, name, first17 + CreditCodes.checkCharacter(first17),
        "41", "郑州市测试路 1 号", email, "TEST-D-" + COUNTER.get(),
        // an occupation no other feature's test counts (the §二(四) quota), in case the context is shared
        List.of(new OccupationScope("6-31-99-01", "测试工种", null, List.of(4, 3))), null));
  }

  static CaseIntake candidate(String name, String idNumber, String email, String institutionCode) {
    return new CaseIntake("CANDIDATE", "EXAM_SITE_REPORT", new CaseIntake.Party(name, idNumber, null, null), email,
        "2026年3月2日上午考场第3考位，由他人冒名顶替参加理论知识考试，经核对身份证件与照片不符。",
        List.of("考务员 王五", "考务员 赵六"), true, institutionCode, null);
  }

  /** A candidate reported at an assessment held on {@code assessmentDate} (yyyy-MM-dd). */
  static CaseIntake candidate(String name, String idNumber, String email, String institutionCode, String assessmentDate) {
    CaseIntake c = candidate(name, idNumber, email, institutionCode);
    return new CaseIntake(c.partyType(), c.source(), c.party(), c.partyEmail(), c.facts(), c.reporters(),
        c.siteHeadConfirmed(), c.institutionFilingCode(), c.authorityReference(), assessmentDate);
  }

  static CaseIntake staff(String name, String idNumber, String role, String institutionCode) {
    return new CaseIntake("STAFF", "SUPERVISION", new CaseIntake.Party(name, idNumber, null, role), "staff@example.cn",
        "阅卷中未按评分标准评分。", null, null, institutionCode, null);
  }

  static CaseIntake institution(String name, String filingCode, String email) {
    return new CaseIntake("INSTITUTION", "COMPLAINT", new CaseIntake.Party(name, null, filingCode, null), email,
        "机构在招生广告中宣传“包过”。", null, null, null, null);
  }
}
