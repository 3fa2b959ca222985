package cn.hrss.assessment.discipline;

/** Where a case comes from (DOMAIN.md §4.3 step 1). */
public enum CaseSource {
  EXAM_SITE_REPORT, SUPERVISION, COMPLAINT, OTHER_AUTHORITY, POST_EVENT
}
