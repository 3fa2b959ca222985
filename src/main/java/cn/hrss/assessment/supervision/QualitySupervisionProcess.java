package cn.hrss.assessment.supervision;

/**
 * Process backing of processes/QualitySupervisionProcess.bpmn: key, element ids, variable names (CONTRACT.md
 * "Supervision").
 */
public final class QualitySupervisionProcess {

  public static final String KEY = "QualitySupervisionProcess";

  /** Element ids. */
  public static final class Ids {
    public static final String SCORE = "Task_ScoreSupervision";
    public static final String REPORT_OVERDUE = "Boundary_ReportOverdue";
    public static final String PRELIMINARY = "Task_PreliminaryOpinion";
    public static final String AWAIT_DEFENCE = "Task_AwaitDefence";
    public static final String DEFENCE_CLOSED = "Boundary_DefenceWindowClosed";
    public static final String ISSUE = "Task_IssueSupervisionOpinion";
    public static final String OPEN_CASE = "Task_OpenDisciplinaryCase";
    public static final String ISSUED = "EndEvent_SupervisionOpinionIssued";
    /** Name of the message (Message_SupervisionDefence) the defence endpoint correlates. */
    public static final String DEFENCE_MESSAGE = "SupervisionDefence";

    private Ids() {}
  }

  /** Variable names. */
  public static final class Vars {
    public static final String SUPERVISION_NO = "supervisionNo";
    public static final String INSTITUTION_NAME = "institutionName";
    public static final String FILING_CODE = "filingCode";
    public static final String KIND = "scorecardKind";
    public static final String SCORE_FORM = "scoreForm";
    public static final String ACTIVITY_DATE = "activityDate";
    public static final String REPORT_DUE = "reportDueAt";
    public static final String SCORES = "scores";
    public static final String SERIOUS = "seriousViolation";
    public static final String SERIOUS_DESCRIPTION = "seriousViolationDescription";
    public static final String SCORE_COMMENT = "scoreComment";
    /** Prefix of the form's per-item fields ({@code score_A01}); assembled into {@link #SCORES}. */
    public static final String ITEM_PREFIX = "score_";
    public static final String MEMBER_SCORES = "memberScores";
    public static final String SUGGESTED_SCORE = "suggestedScore";
    public static final String PRELIMINARY_SCORE = "preliminaryScore";
    public static final String PRELIMINARY_OPINION = "preliminaryOpinion";
    public static final String DEFENCE_DUE = "defenceDueAt";
    public static final String DEFENCE = "defence";
    public static final String FINAL_SCORE = "finalScore";
    public static final String OPINION = "opinion";
    public static final String RECTIFICATION_REQUIRED = "rectificationRequired";
    public static final String GRADE = "grade";
    public static final String CASE_NO = "caseNo";

    private Vars() {}
  }

  private QualitySupervisionProcess() {}
}
