-- The course and result of each quality supervision (QualitySupervisionProcess, CONTRACT.md "Supervision"; 003;
-- 001 督导规程 Art. 15). Keyed by the supervision number the draw assigns (table supervision of the draw, which
-- gets grade/final_score/case_no from SupervisionOutcomes when both are merged). The opinion letter (督导意见书) is
-- kept as the HTML that was mailed, a complete self-contained document (a PDF can be rendered from it).
CREATE TABLE supervision_outcome (
  supervision_no       VARCHAR(40)    NOT NULL PRIMARY KEY,
  plan_no              VARCHAR(40),
  filing_code          VARCHAR(32)    NOT NULL,
  institution_name     VARCHAR(200)   NOT NULL,
  institution_email    VARCHAR(254),
  kind                 VARCHAR(20)    NOT NULL,
  special              BOOLEAN        NOT NULL,
  activity_date        DATE           NOT NULL,
  site                 VARCHAR(300),
  team                 VARCHAR(1000)  NOT NULL,
  status               VARCHAR(24)    NOT NULL,
  report_due           TIMESTAMP WITH TIME ZONE,
  preliminary_score    NUMERIC(5,2),
  preliminary_opinion  VARCHAR(4000),
  defence_due          TIMESTAMP WITH TIME ZONE,
  defence              VARCHAR(4000),
  defence_at           TIMESTAMP WITH TIME ZONE,
  final_score          NUMERIC(5,2),
  serious_violation    BOOLEAN,
  opinion              VARCHAR(4000),
  grade                VARCHAR(16),
  rectification_due    DATE,
  wider_scope_eligible BOOLEAN        NOT NULL DEFAULT FALSE,
  case_no              VARCHAR(40),
  letter_html          TEXT,
  issued_by            VARCHAR(64),
  issued_at            TIMESTAMP WITH TIME ZONE,
  assigned_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_supervision_outcome_institution ON supervision_outcome (filing_code);

-- One filled scorecard per team member (Task_ScoreSupervision): item id → points as a JSON object, its total.
CREATE TABLE supervision_score (
  supervision_no                VARCHAR(40)   NOT NULL REFERENCES supervision_outcome (supervision_no),
  supervisor                    VARCHAR(64)   NOT NULL,
  scores                        VARCHAR(4000) NOT NULL,
  total                         NUMERIC(5,2)  NOT NULL,
  serious_violation             BOOLEAN       NOT NULL,
  serious_violation_description VARCHAR(2000),
  score_comment                 VARCHAR(2000),
  scored_at                     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (supervision_no, supervisor)
);
