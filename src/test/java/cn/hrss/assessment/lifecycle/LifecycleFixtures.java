package cn.hrss.assessment.lifecycle;

import cn.hrss.assessment.codes.CreditCodes;
import cn.hrss.assessment.filing.FilingApplication;
import cn.hrss.assessment.registry.InstitutionType;
import cn.hrss.assessment.registry.NewInstitution;
import cn.hrss.assessment.registry.OccupationScope;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.mock.web.MockMultipartFile;

/** Institutions and renewal applications for the lifecycle tests. */
final class LifecycleFixtures {

  static final byte[] PDF = "%PDF-1.7\n%lifecycle test\n".getBytes();
  static final String EMAIL = "hr@renewal.example.cn";

  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

  /** A provincial employer's credit code (GB 32100 check character), new at every call. */
  static String freshEmployerCode() {
    String first17 = String.format("91410100MB%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    return first17 + CreditCodes.checkCharacter(first17);
  }

  static NewInstitution provincialEmployer(String creditCode) {
    return new NewInstitution(InstitutionType.PROVINCIAL_EMPLOYER, "郑州示例延续机床有限公司", creditCode, "41",
        "郑州市高新区 5 号", EMAIL, null,
        List.of(new OccupationScope("6-18-01-02", "铣工", null, List.of(3))), null);
  }

  static FilingApplication renewalApplication(String creditCode) {
    return new FilingApplication("PROVINCIAL_EMPLOYER", "郑州示例延续机床有限公司", creditCode, "ENTERPRISE", "孙八", "41",
        "郑州市高新区 5 号", new FilingApplication.Contact("周九", "0371-5555", EMAIL),
        List.of(new FilingApplication.Occupation("6-18-01-02", "铣工", null, List.of(3))), List.of(),
        new FilingApplication.Declarations(true, true, true, true, true));
  }

  static MockMultipartFile pdf(String name) {
    return new MockMultipartFile("files", name, "application/pdf", PDF);
  }

  private LifecycleFixtures() {}
}
