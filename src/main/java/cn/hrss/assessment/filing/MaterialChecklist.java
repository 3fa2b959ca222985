package cn.hrss.assessment.filing;

import cn.hrss.assessment.web.ApiProblem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The list of materials of the filing guidance, by institution type (CONTRACT.md: {@code materials} names for each
 * file the item it answers). The online application form ({@code /apply}) offers one upload per item and refuses
 * an application without a required item.
 */
final class MaterialChecklist {

  /** One item of a list: its 序号 in the guidance and its name there. */
  public record Item(int number, String name, boolean required) {}

  /** 002 Annex 1 §一(八): the 14 materials of national employers; CONTRACT.md applies it to provincial employers. */
  static final List<Item> EMPLOYER = List.of(
      new Item(1, "职业技能等级评价机构备案申请表", true),
      new Item(2, "法人登记证书复印件", true),
      new Item(3, "职业技能等级认定工作实施方案", true),
      // Our choice: the branch table is asked for only when branches are listed (an employer without branches has none).
      new Item(4, "职业技能等级认定备案企业分支机构表", false),
      new Item(5, "企业技能人才队伍建设相关制度清单", true),
      new Item(6, "职业技能等级认定职业（工种）和标准目录清单", true),
      new Item(7, "职业技能等级认定职业（工种）培训大纲及教材清单", true),
      new Item(8, "职业技能等级认定职业（工种）题库或卷库清单", true),
      new Item(9, "职业技能等级认定主体职业（工种）评价的场地、设施、设备配置情况清单", true),
      new Item(10, "职业技能等级认定考评人员名册", true),
      new Item(11, "职业技能等级认定督导人员名册", true),
      new Item(12, "职业技能等级认定评价队伍分布情况表", true),
      new Item(13, "职业技能等级认定申报机构评价情况统计表", true),
      new Item(14, "职业技能等级认定申报机构培训情况统计表", true));

  /** 002 Annex 1 §二(八): the 6 materials of social organisations. */
  static final List<Item> SOCIAL_ORG = List.of(
      new Item(1, "社会培训评价组织基本情况表", true),
      // CONTRACT.md: item 2 may be left out when the credit code can be verified electronically (§二(八) 电子核验).
      new Item(2, "法人登记证书复印件或统一社会信用信息代码", false),
      new Item(3, "职业技能等级认定工作实施方案及质量管控措施", true),
      new Item(4, "专家等专业人员技能水平证明或相关承诺书", true),
      new Item(5, "场地设施设备等资产有效证明文件或相关承诺书", true),
      new Item(6, "信用报告或诚信承诺书", true));

  private MaterialChecklist() {}

  /** The list for an institution type (social organisations' for SOCIAL_ORG, the employers' for any other). */
  static List<Item> forType(String institutionType) {
    return "SOCIAL_ORG".equals(institutionType) ? SOCIAL_ORG : EMPLOYER;
  }

  /**
   * The required items of the type's list that have no file, as field errors {@code materials[<item>]}.
   *
   * @param supplied item numbers that came with a file
   * @param hasBranches whether the application lists branches (employers' item 4)
   */
  static List<FieldError> missing(String institutionType, Set<Integer> supplied, boolean hasBranches) {
    List<FieldError> errors = new ArrayList<>();
    for (Item item : forType(institutionType)) {
      boolean required = item.required() || item.number() == 4 && hasBranches && forType(institutionType) == EMPLOYER;
      if (required && !supplied.contains(item.number())) {
        errors.add(new FieldError("materials[" + item.number() + "]", FilingTexts.text("field.material.missing",
            String.valueOf(item.number()), item.name())));
      }
    }
    return errors;
  }
}
