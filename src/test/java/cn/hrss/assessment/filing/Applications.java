package cn.hrss.assessment.filing;

import java.util.List;

/** Valid sample applications for tests (credit codes with correct GB 32100 check characters). */
public final class Applications {

  static final String SOCIAL_ORG_CODE = "52410000MJ0000005N";
  static final String EMPLOYER_CODE = "91110000MA0000004X";
  static final String BRANCH_HENAN_CODE = "91410100MA0000006D";
  static final String BRANCH_ZHEJIANG_CODE = "91330100MA0000003M";
  static final String PROVINCIAL_CODE = "91410100MA00000021";

  public static FilingApplication.Declarations allTrue() {
    return new FilingApplication.Declarations(true, true, true, true, true);
  }

  public static FilingApplication socialOrg(String creditCode) {
    return new FilingApplication("SOCIAL_ORG", "河南省数控技能培训协会", creditCode, "ASSOCIATION", "王五", "41",
        "郑州市金水区花园路 1 号", new FilingApplication.Contact("李四", "0371-12345678", "apply@social.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-01", "车工", "数控车床", List.of(4, 3))), List.of(), allTrue());
  }

  public static FilingApplication socialOrg() {
    return socialOrg(SOCIAL_ORG_CODE);
  }

  public static FilingApplication nationalEmployer() {
    return nationalEmployer(EMPLOYER_CODE);
  }

  public static FilingApplication nationalEmployer(String creditCode) {
    return new FilingApplication("NATIONAL_EMPLOYER", "中国示例装备集团有限公司", creditCode, "ENTERPRISE", "赵六", "11",
        "北京市西城区示例路 8 号", new FilingApplication.Contact("钱七", "010-87654321", "hr@group.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-01", "车工", null, List.of(5, 4, 3, 2))),
        List.of(new FilingApplication.Branch("中国示例装备集团郑州分公司", BRANCH_HENAN_CODE, "41", "郑州市中原区 9 号",
                "zz@group.example.cn"),
            new FilingApplication.Branch("中国示例装备集团杭州分公司", BRANCH_ZHEJIANG_CODE, "33", "杭州市西湖区 10 号",
                "hz@group.example.cn")),
        allTrue());
  }

  public static FilingApplication provincialEmployer() {
    return provincialEmployer(PROVINCIAL_CODE);
  }

  public static FilingApplication provincialEmployer(String creditCode) {
    return new FilingApplication("PROVINCIAL_EMPLOYER", "郑州示例机床有限公司", creditCode, "ENTERPRISE", "孙八", "41",
        "郑州市高新区 5 号", new FilingApplication.Contact("周九", "0371-5555", "hr@zzjc.example.cn"),
        List.of(new FilingApplication.Occupation("6-18-01-02", "铣工", null, List.of(3))), List.of(), allTrue());
  }

  private Applications() {}
}
