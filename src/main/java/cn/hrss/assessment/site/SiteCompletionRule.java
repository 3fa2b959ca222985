package cn.hrss.assessment.site;

import cn.hrss.assessment.codes.CityCodes;
import cn.hrss.assessment.codes.Provinces;
import cn.hrss.assessment.filing.CityCodeOption;
import cn.hrss.assessment.registry.Institution;
import cn.hrss.assessment.registry.InstitutionRegistry;
import cn.hrss.assessment.registry.InstitutionStatus;
import cn.hrss.assessment.workflow.TaskCompletion;
import cn.hrss.assessment.workflow.TaskCompletionRule;
import cn.hrss.assessment.workflow.Violations;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Server-side check of 站点确认 ({@code Task_ConfirmSite}, issue 19 item 10). */
@Component
class SiteCompletionRule implements TaskCompletionRule {

  static final int TEXT_MAX = 2000;

  private final CityCodeOption cityCodes;
  private final ObjectProvider<InstitutionRegistry> registry;

  /**
   * The registry is looked up when a task is completed, not when the engine is built: the engine's plugin holds this
   * rule, and a JDBC bean needed while building the engine would run Flyway before Camunda has created its tables
   * (a PostgreSQL migration reads them).
   */
  @Autowired
  SiteCompletionRule(CityCodeOption cityCodes, ObjectProvider<InstitutionRegistry> registry) {
    this.cityCodes = cityCodes;
    this.registry = registry;
  }

  /** With a registry at hand (tests). */
  SiteCompletionRule(CityCodeOption cityCodes, InstitutionRegistry registry) {
    this(cityCodes, new org.springframework.beans.factory.support.StaticListableBeanFactory(
        java.util.Map.of("registry", registry)).getBeanProvider(InstitutionRegistry.class));
  }

  @Override
  public List<String> taskDefinitionKeys() {
    return List.of(SiteProcess.Ids.CONFIRM);
  }

  @Override
  public void check(TaskCompletion completion, Violations violations) {
    String decision = violations.oneOf(completion, SiteProcess.Vars.DECISION, List.of("CONFIRM", "REJECT"));
    if (completion.value(SiteProcess.Vars.COMMENT) instanceof String comment && comment.length() > TEXT_MAX) {
      violations.add(SiteProcess.Vars.COMMENT, "不得超过 " + TEXT_MAX + " 个字符");
    }
    if ("REJECT".equals(decision) && !completion.hasText(SiteProcess.Vars.COMMENT)) {
      violations.add(SiteProcess.Vars.COMMENT, SiteTexts.text("task.comment.required"));
    }
    if (!"CONFIRM".equals(decision)) {
      return;
    }
    String province = (String) completion.existing().apply(SiteProcess.Vars.SITE_PROVINCE);
    Object city = completion.value(SiteProcess.Vars.CITY_CODE);
    boolean given = city instanceof String s && !s.isBlank();
    // 001 豫职鉴〔2020〕2号 Annex 1 §二(四): where the province's option is on, positions 8-9 are the city (表 5).
    if (!given && cityCodes.on(province)) {
      violations.add(SiteProcess.Vars.CITY_CODE, SiteTexts.text("task.cityCode.required", Provinces.name(province)));
    } else if (given && !CityCodes.isValid(province, ((String) city).strip())) {
      violations.add(SiteProcess.Vars.CITY_CODE, CityCodes.hasTable(province)
          ? SiteTexts.text("field.cityCode.notInTable", Provinces.name(province))
          : SiteTexts.text("field.cityCode.noTable", Provinces.name(province)));
    }
    // The site rests on the organisation's filing (人社鉴发〔2019〕2号 表 2 note): not under an ended one.
    String parent = (String) completion.existing().apply(SiteProcess.Vars.PARENT_FILING_CODE);
    Institution organisation = registry.getObject().findByFilingCode(parent).orElse(null);
    if (organisation == null || organisation.status() != InstitutionStatus.ACTIVE
        && organisation.status() != InstitutionStatus.SUSPENDED) {
      violations.add(SiteProcess.Vars.DECISION, SiteTexts.text("task.parentInactive", parent,
          organisation == null ? "不存在" : organisation.status().label()));
    }
  }
}
