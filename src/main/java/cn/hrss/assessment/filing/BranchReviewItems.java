package cn.hrss.assessment.filing;

import java.util.List;

/**
 * The items of the provincial technical review of a branch (issue 19 item 9: "reviewer's opinion and decision, not
 * one click"). 002 Annex 1 §一(十)5 / 人社鉴发〔2019〕3号 §一5: the branch's province reviews the branch technically
 * (对分支机构进行技术评审) on the strength of the ministry receipt; what it looks at is named by 中就培函〔2020〕54号 §二-§三
 * (实施方案、场地设备设施情况、相关质量管控制度及措施) and 中就培函〔2020〕41号 附件 三 (组织机构及人员情况). On
 * {@code Task_ReviewBranch} the reviewer rates every item ({@code branchReview_<id>} = {@code MEETS} |
 * {@code NOT_MEETS}) and writes the opinion ({@code branchOpinion}); an APPROVE needs every item met.
 */
final class BranchReviewItems {

  static final String MEETS = "MEETS";
  static final String NOT_MEETS = "NOT_MEETS";
  /** The reviewer's written technical opinion, required with every decision. */
  static final String OPINION = "branchOpinion";

  /** One item: id, the text shown to the reviewer, and its source. */
  record Item(String id, String text, String source) {
    String key() {
      return "branchReview_" + id;
    }
  }

  static final List<Item> ITEMS = List.of(
      // 人社鉴发〔2019〕3号 §一5 (2)(3): the branch's own plan beside the employer's plan filed with the ministry.
      new Item("plan", "分支机构职业技能等级认定工作方案可行，与所属用人单位部级备案的工作方案相符",
          "人社鉴发〔2019〕3号 §一5；002 附件1 §一(十)5"),
      // 中就培函〔2020〕54号 §三: 场地设备设施情况.
      new Item("site", "评价场地、设备设施满足所申报职业（工种）认定的需要", "中就培函〔2020〕54号 §三"),
      // 中就培函〔2020〕41号 附件 三: 组织机构及人员情况.
      new Item("staff", "组织机构健全，考评、督导等工作人员配备满足需要", "中就培函〔2020〕41号 附件三"),
      // 中就培函〔2020〕54号 §三: 相关质量管控制度及措施.
      new Item("quality", "考务、考评人员、档案、证书等质量管控制度及措施健全", "中就培函〔2020〕54号 §三"));

  private BranchReviewItems() {}
}
