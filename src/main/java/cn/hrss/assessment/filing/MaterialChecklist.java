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

  /** The truth commitment's number in the employers' and the social organisations' lists. */
  static final int TRUTH_COMMITMENT_EMPLOYER = 15;
  static final int TRUTH_COMMITMENT_SOCIAL_ORG = 7;

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
      new Item(14, "职业技能等级认定申报机构培训情况统计表", true),
      // 人社鉴发〔2019〕3号 §一1: "由法人代表签字承诺材料的真实性"; 002 Annex 1 §一(十五) 对真实性负责. Issue 19 item 3:
      // a required item of its own, numbered after the guidance's list.
      new Item(TRUTH_COMMITMENT_EMPLOYER, "法定代表人签字的申报材料真实性承诺书", true));

  /**
   * 人社鉴发〔2019〕3号 §二1: a provincial employer submits (1) 备案申请表 and (2) 职业技能等级认定试点工作方案 (item 3
   * here), with the legal representative's signed truth commitment. CONTRACT.md numbers its items as §一(八)'s; the
   * other items are what 3号 Annex 1 lists as the plan's contents or what the guidance encourages, so optional
   * ("能通过网络核验或告知承诺的，可不提交书面材料", 3号 Annex 1).
   */
  static final List<Item> PROVINCIAL_EMPLOYER = EMPLOYER.stream()
      .map(i -> new Item(i.number(), i.number() == 3 ? "职业技能等级认定（试点）工作方案" : i.name(),
          i.number() == 1 || i.number() == 3 || i.number() == TRUTH_COMMITMENT_EMPLOYER))
      .toList();

  /** 002 Annex 1 §二(八): the 6 materials of social organisations. */
  static final List<Item> SOCIAL_ORG = List.of(
      new Item(1, "社会培训评价组织基本情况表", true),
      // CONTRACT.md: item 2 may be left out when the credit code can be verified electronically (§二(八) 电子核验).
      new Item(2, "法人登记证书复印件或统一社会信用信息代码", false),
      new Item(3, "职业技能等级认定工作实施方案及质量管控措施", true),
      new Item(4, "专家等专业人员技能水平证明或相关承诺书", true),
      new Item(5, "场地设施设备等资产有效证明文件或相关承诺书", true),
      new Item(6, "信用报告或诚信承诺书", true),
      // 002 Annex 1 §二(十一): 对申报材料实质内容的真实性负责; signed by the legal representative as 3号 asks of employers.
      new Item(TRUTH_COMMITMENT_SOCIAL_ORG, "法定代表人签字的申报材料真实性承诺书", true));

  /** The pseudo-type of a branch added after filing ({@code POST /api/institutions/{filingCode}/branches}). */
  static final String BRANCH = "BRANCH";

  /**
   * 人社鉴发〔2019〕3号 §一5 (省级备案): a branch files with the HRSS department of its province "(1)备案申请表；(2)本单位
   * 职业技能等级认定试点工作方案；(3)中央企业职业技能等级认定试点工作方案（复印件）" — all three required.
   */
  static final List<Item> BRANCH_ITEMS = List.of(
      new Item(1, "备案申请表", true),
      new Item(2, "本单位职业技能等级认定（试点）工作方案", true),
      new Item(3, "所属用人单位职业技能等级认定（试点）工作方案（复印件）", true));

  private MaterialChecklist() {}

  /** The list for an institution type (social organisations', provincial employers' or national employers'). */
  static List<Item> forType(String institutionType) {
    return switch (String.valueOf(institutionType)) {
      case "SOCIAL_ORG" -> SOCIAL_ORG;
      case BRANCH -> BRANCH_ITEMS;
      case "PROVINCIAL_EMPLOYER" -> PROVINCIAL_EMPLOYER;
      default -> EMPLOYER;
    };
  }

  /** The item of the type's list with this number, if any. */
  static java.util.Optional<Item> item(String institutionType, int number) {
    return forType(institutionType).stream().filter(i -> i.number() == number).findFirst();
  }

  /**
   * CONTRACT.md {@code materials}: the items each uploaded file answers, in the order of {@code fileNames} (a file may
   * answer several, e.g. one PDF holding the application form and the signed commitment). Refuses (400, nothing
   * stored) an item outside the list, a file the list does not name, a listed file not uploaded, a file name uploaded
   * twice, and a required item without a file.
   */
  static List<List<Integer>> tag(String institutionType, List<FilingApplication.MaterialRef> refs, List<String> fileNames,
      boolean hasBranches) {
    List<FieldError> errors = new ArrayList<>();
    java.util.Map<String, java.util.SortedSet<Integer>> byName = new java.util.HashMap<>();
    for (int i = 0; i < refs.size(); i++) {
      FilingApplication.MaterialRef ref = refs.get(i);
      String path = "materials[" + i + "]";
      if (ref == null || ref.item() == null || ref.file() == null || ref.file().isBlank()) {
        errors.add(new FieldError(path, FilingTexts.text("field.material.item")));
        continue;
      }
      if (item(institutionType, ref.item()).isEmpty()) {
        errors.add(new FieldError(path + ".item", FilingTexts.text("field.material.unknownItem",
            String.valueOf(ref.item()), String.valueOf(forType(institutionType).size()))));
        continue;
      }
      String name = MaterialStore.safeFileName(ref.file());
      byName.computeIfAbsent(name, n -> new java.util.TreeSet<>()).add(ref.item());
      if (!fileNames.contains(name)) {
        errors.add(new FieldError(path + ".file", FilingTexts.text("field.material.notUploaded", ref.file())));
      }
    }
    List<List<Integer>> items = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Set<Integer> supplied = new java.util.HashSet<>();
    for (int i = 0; i < fileNames.size(); i++) {
      String name = fileNames.get(i);
      if (!seen.add(name)) {
        errors.add(new FieldError("files[" + i + "]", FilingTexts.text("field.material.ambiguous", name)));
      }
      java.util.SortedSet<Integer> fileItems = byName.get(name);
      if (fileItems == null) {
        errors.add(new FieldError("files[" + i + "]", FilingTexts.text("field.material.unnamed", name)));
        items.add(List.of());
      } else {
        items.add(List.copyOf(fileItems));
        supplied.addAll(fileItems);
      }
    }
    if (errors.isEmpty()) {
      errors.addAll(missing(institutionType, supplied, hasBranches));
    }
    if (!errors.isEmpty()) {
      throw cn.hrss.assessment.web.ApiProblem.invalid(errors);
    }
    return items;
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
      boolean required = item.required() || item.number() == 4 && hasBranches && !"SOCIAL_ORG".equals(institutionType);
      if (required && !supplied.contains(item.number())) {
        errors.add(new FieldError("materials[" + item.number() + "]", FilingTexts.text("field.material.missing",
            String.valueOf(item.number()), item.name())));
      }
    }
    return errors;
  }
}
