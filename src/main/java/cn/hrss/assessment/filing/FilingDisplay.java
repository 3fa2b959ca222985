package cn.hrss.assessment.filing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Read-only Markdown shown in the Camunda Forms (form-js text components). Every applicant-supplied value is
 * escaped so it cannot add links or markup to an officer's form.
 */
final class FilingDisplay {

  private FilingDisplay() {}

  static String summary(String applicationNo, FilingApplication a) {
    StringBuilder md = new StringBuilder();
    md.append("**申请编号：** ").append(applicationNo).append("  \n");
    md.append("**机构类别：** ").append(FilingTexts.text("type." + a.institutionType())).append("  \n");
    md.append("**单位名称：** ").append(escape(a.name())).append("  \n");
    md.append("**统一社会信用代码：** ").append(escape(a.creditCode())).append("  \n");
    md.append("**组织形式：** ").append(FilingTexts.text("form." + a.organisationForm())).append("  \n");
    md.append("**法定代表人：** ").append(escape(a.legalRepresentative())).append("  \n");
    md.append("**所在省份：** ").append(cn.hrss.assessment.codes.Provinces.name(a.province())).append("  \n");
    md.append("**地址：** ").append(escape(a.address())).append("  \n");
    md.append("**联系人：** ").append(escape(a.contact().name())).append("，").append(escape(a.contact().phone()))
        .append("，").append(escape(a.contact().email())).append("\n\n");
    md.append("**申报职业（工种）及等级：**\n\n");
    for (FilingApplication.Occupation o : a.occupations()) {
      md.append("- ").append(escape(o.code())).append(" ").append(escape(o.name()))
          .append(o.track() == null || o.track().isBlank() ? "" : "（" + escape(o.track()) + "）")
          .append("：").append(o.levels().stream().sorted().map(FilingDisplay::level).collect(Collectors.joining("、")))
          .append("\n");
    }
    if (!a.branches().isEmpty()) {
      md.append("\n**分支机构：**\n\n");
      for (int i = 0; i < a.branches().size(); i++) {
        FilingApplication.Branch b = a.branches().get(i);
        md.append(i + 1).append(". ").append(escape(b.name())).append("（").append(cn.hrss.assessment.codes.Provinces.name(b.province())).append("，")
            .append(escape(b.address())).append("）\n");
      }
    }
    return md.toString();
  }

  /**
   * The officer's per-item checklist of materials (issue 19 item 3): every item of the type's list (002 Annex 1
   * §一(八), §二(八); 人社鉴发〔2019〕3号 §二1) with ☑ and a link to each of its files, or ☐ and whether it was
   * required; then files without an item (supplements, renewals). The download endpoint accepts the officer's
   * Tasklist session (no second login).
   */
  static String materials(String applicationNo, String institutionType, List<FilingRepository.Material> materials) {
    StringBuilder md = new StringBuilder();
    boolean tagged = materials.stream().anyMatch(m -> !m.items().isEmpty());
    if (tagged) {
      for (MaterialChecklist.Item item : MaterialChecklist.forType(institutionType)) {
        List<FilingRepository.Material> files = materials.stream()
            .filter(m -> m.items().contains(item.number())).toList();
        md.append("- ").append(files.isEmpty() ? "☐ " : "☑ ").append(item.number()).append(". ").append(item.name())
            .append(files.isEmpty() ? (item.required() ? "（必交，未提交）" : "（未提交）") : "：");
        md.append(files.stream().map(m -> link(applicationNo, m)).collect(Collectors.joining("；"))).append("\n");
      }
    }
    List<FilingRepository.Material> untagged = materials.stream().filter(m -> m.items().isEmpty()).toList();
    if (!untagged.isEmpty()) {
      if (tagged) {
        md.append("\n**补正及其他材料：**\n\n");
      }
      for (FilingRepository.Material m : untagged) {
        md.append("- ").append(link(applicationNo, m)).append("\n");
      }
    }
    return md.isEmpty() ? "（无）" : md.toString();
  }

  static String materials(String applicationNo, List<FilingRepository.Material> materials) {
    return materials(applicationNo, null, materials);
  }

  private static String link(String applicationNo, FilingRepository.Material m) {
    return "[" + escape(m.fileName()) + "](/api/filings/" + applicationNo + "/materials/" + m.id() + ")"
        + (m.submission() > 1 ? "（第 " + m.submission() + " 次提交）" : "")
        + "，" + Math.max(1, m.size() / 1024) + " KB，SHA-256 " + m.sha256().substring(0, 12) + "…";
  }

  static String level(Integer level) {
    return switch (level) {
      case 1 -> "一级/高级技师";
      case 2 -> "二级/技师";
      case 3 -> "三级/高级工";
      case 4 -> "四级/中级工";
      case 5 -> "五级/初级工";
      default -> String.valueOf(level);
    };
  }

  /** Backslash-escapes Markdown punctuation and drops HTML angle brackets. */
  static String escape(String value) {
    if (value == null) {
      return "";
    }
    return value.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!|~>])", "\\\\$1").replace("<", "＜").replace("\n", " ");
  }
}
