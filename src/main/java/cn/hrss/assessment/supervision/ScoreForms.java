package cn.hrss.assessment.supervision;

import cn.hrss.assessment.supervision.QualitySupervisionProcess.Vars;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Generates the Camunda Form of {@code Task_ScoreSupervision} from a scorecard's data (issue 14: the form comes from
 * the card, not 33 fields typed by hand): one number field {@code score_<item id>} per item, 0 to its maximum, one
 * decimal (half points for "基本符合"), under a heading per section with the section's total, then the serious
 * violation (不合格项) and a comment. The generated files are {@code forms/Form_ScoreSupervisionOnSite.form} and
 * {@code forms/Form_ScoreSupervisionQuestionSetting.form}; {@code ScoreFormsTest} fails when a file and its card
 * disagree (and rewrites them with {@code -Dsupervision.forms.write=true}). Tasklist checks only in the browser:
 * the server checks again ({@link SupervisionCompletionRules}), and the process assembles the fields into the
 * contract's {@code scores}.
 */
public final class ScoreForms {

  /** Form id per scorecard kind (the BPMN picks it with {@code camunda:formRef="${scoreForm}"}). */
  public static final Map<String, String> FORM_IDS = Map.of(
      Scorecards.ON_SITE, "Form_ScoreSupervisionOnSite",
      Scorecards.QUESTION_SETTING, "Form_ScoreSupervisionQuestionSetting");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScoreForms() {}

  public static String formId(String kind) {
    String id = FORM_IDS.get(kind);
    if (id == null) {
      throw new IllegalArgumentException("no scoring form for scorecard kind " + kind);
    }
    return id;
  }

  /** The form of {@code card}, as the JSON Camunda Forms read. */
  public static ObjectNode generate(Scorecard card) {
    ObjectNode form = JSON.createObjectNode();
    ArrayNode components = form.putArray("components");
    components.addObject().put("type", "text").put("id", "Text_Intro").put("text", "## 督导评分：" + card.title()
        + "\n\n被督导机构：{{institutionName}}（备案编码 {{filingCode}}）；评价活动日期：{{activityDate}}。"
        + "\n\n评分依据：" + card.source() + "。" + card.note()
        + "\n\n每项填写得分（0 至该项满分，可保留一位小数），提交后系统计算总分。");
    int section = 0;
    String current = null;
    for (Scorecard.Item item : card.items()) {
      if (!item.section().equals(current)) {
        current = item.section();
        section++;
        components.addObject().put("type", "text").put("id", "Text_Section" + section)
            .put("text", "### " + current + "（" + card.sectionTotals().get(current) + " 分）");
      }
      ObjectNode field = components.addObject();
      field.put("type", "number").put("key", Vars.ITEM_PREFIX + item.id())
          .put("label", item.id() + " " + item.indicator() + "（满分 " + item.maxPoints() + " 分）")
          .put("description", item.criterion()).put("id", "Field_Score" + item.id())
          .put("decimalDigits", 1).put("increment", "0.5");
      field.putObject("validate").put("required", true).put("min", 0).put("max", item.maxPoints());
    }
    components.addObject().put("type", "text").put("id", "Text_Serious").put("text", "### 不合格项"
        + "\n\n发现伪造报名资格、伪造试卷、编造虚假材料、不考试就发证、滥发倒卖证书等严重违规行为（人社厅发〔2024〕27号"
        + "所列严重、特别严重违规行为）的，无论得分多少，督导结果均为不合格（003 附件1 备注 2）。");
    components.addObject().put("type", "checkbox").put("key", Vars.SERIOUS).put("label", "存在不合格项（严重违规行为）")
        .put("id", "Field_SeriousViolation").put("defaultValue", false);
    ObjectNode description = components.addObject();
    description.put("type", "textarea").put("key", Vars.SERIOUS_DESCRIPTION).put("label", "不合格项的具体情况")
        .put("id", "Field_SeriousViolationDescription");
    description.putObject("conditional").put("hide", "=" + Vars.SERIOUS + " != true");
    description.putObject("validate").put("required", true).put("maxLength", SupervisionCompletionRules.TEXT_MAX);
    ObjectNode comment = components.addObject();
    comment.put("type", "textarea").put("key", Vars.SCORE_COMMENT).put("label", "督导评价意见（可选）")
        .put("id", "Field_ScoreComment");
    comment.putObject("validate").put("maxLength", SupervisionCompletionRules.TEXT_MAX);
    form.put("type", "default").put("id", formId(card.kind()));
    form.putObject("exporter").put("name", "ScoreForms (cn.hrss.assessment.supervision)").put("version", "1");
    form.put("executionPlatform", "Camunda Platform").put("executionPlatformVersion", "7.24.0").put("schemaVersion", 16);
    return form;
  }
}
