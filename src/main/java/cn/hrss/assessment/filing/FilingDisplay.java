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

  /** Links to each material; the download endpoint accepts the officer's Tasklist session (no second login). */
  static String materials(String applicationNo, List<FilingRepository.Material> materials) {
    if (materials.isEmpty()) {
      return "（无）";
    }
    StringBuilder md = new StringBuilder();
    for (FilingRepository.Material m : materials) {
      md.append("- [").append(escape(m.fileName())).append("](/api/filings/").append(applicationNo)
          .append("/materials/").append(m.id()).append(")")
          .append(m.submission() > 1 ? "（第 " + m.submission() + " 次提交）" : "")
          .append("，").append(Math.max(1, m.size() / 1024)).append(" KB，SHA-256 ")
          .append(m.sha256(), 0, 12).append("…\n");
    }
    return md.toString();
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
