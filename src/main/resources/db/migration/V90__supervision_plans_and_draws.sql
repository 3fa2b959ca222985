-- Quality supervision, first half (issue 14 items 1-3; 003 indicator 14; 001 督导规程; 浙江 监督管理办法 Art. 12, 27):
-- the institutions' assessment plans, the supervisor pool, the 双随机 draws and the supervisions they decide.
-- Runs on H2 (MODE=LEGACY) and PostgreSQL 17.

-- 评价计划: each assessment activity an institution declares (003 indicator 14: at least 5 working days before).
-- occupations: JSON [{"code", "name", "levels": [..]}] as declared, within the institution's filed scope.
CREATE TABLE assessment_plan (
  plan_no        VARCHAR(20)   NOT NULL PRIMARY KEY,
  filing_code    VARCHAR(13)   NOT NULL,
  province       VARCHAR(2)    NOT NULL,
  activity_date  DATE          NOT NULL,
  site           VARCHAR(200)  NOT NULL,
  occupations    VARCHAR(20000) NOT NULL,
  candidates     INTEGER       NOT NULL,
  declared_at    TIMESTAMP     NOT NULL,
  CONSTRAINT ck_assessment_plan_candidates CHECK (candidates >= 1)
);
CREATE INDEX ix_assessment_plan_period ON assessment_plan (province, activity_date);
CREATE INDEX ix_assessment_plan_institution ON assessment_plan (filing_code);

-- 质量督导员库 (001 督导规程 Art. 7, 8): card code (附件1 编码规则), the Camunda user who works the tasks, employer.
CREATE TABLE supervisor (
  card_code             VARCHAR(13)   NOT NULL PRIMARY KEY,
  user_id               VARCHAR(64)   NOT NULL,
  name                  VARCHAR(50)   NOT NULL,
  email                 VARCHAR(254)  NOT NULL,
  employer_credit_code  VARCHAR(18)   NOT NULL,
  province              VARCHAR(2)    NOT NULL,
  created_at            TIMESTAMP     NOT NULL,
  CONSTRAINT uq_supervisor_user UNIQUE (user_id)
);
CREATE INDEX ix_supervisor_employer ON supervisor (employer_credit_code);

-- 双随机 draws (监督管理办法 Art. 12, 27): everything needed to recompute the result. candidate_plans and
-- candidate_supervisors are JSON as the draw saw them (plans with the supervisors each one excluded and why),
-- result is JSON [{planNo, filingCode, team: [userIds]}]. A single supervision (POST /api/supervisions) is a draw
-- of one plan.
CREATE TABLE supervision_draw (
  draw_no                VARCHAR(20)    NOT NULL PRIMARY KEY,
  seed                   VARCHAR(20)    NOT NULL,
  province               VARCHAR(2)     NOT NULL,
  period_from            DATE           NOT NULL,
  period_to              DATE           NOT NULL,
  kind                   VARCHAR(20)    NOT NULL,
  special                BOOLEAN        NOT NULL,
  institution_count      INTEGER        NOT NULL,
  team_size              INTEGER        NOT NULL,
  candidate_plans        VARCHAR(200000) NOT NULL,
  candidate_supervisors  VARCHAR(200000) NOT NULL,
  result                 VARCHAR(100000) NOT NULL,
  drawn_by               VARCHAR(64)    NOT NULL,
  drawn_at               TIMESTAMP      NOT NULL
);
CREATE INDEX ix_supervision_draw_drawn_at ON supervision_draw (drawn_at);

-- A supervision of one plan. team: the supervisors' user ids in draw order (the first leads). grade, final_score and
-- case_no are written by the supervision process (QualitySupervisionProcess, issue 14 item 4) and shown on the public
-- page once set; they stay null until then.
CREATE TABLE supervision (
  supervision_no  VARCHAR(20)   NOT NULL PRIMARY KEY,
  plan_no         VARCHAR(20)   NOT NULL,
  filing_code     VARCHAR(13)   NOT NULL,
  kind            VARCHAR(20)   NOT NULL,
  special         BOOLEAN       NOT NULL,
  team            VARCHAR(2000) NOT NULL,
  seed            VARCHAR(20)   NOT NULL,
  draw_no         VARCHAR(20)   NOT NULL,
  activity_date   DATE          NOT NULL,
  created_at      TIMESTAMP     NOT NULL,
  grade           VARCHAR(16),
  final_score     NUMERIC(5,2),
  case_no         VARCHAR(40),
  CONSTRAINT uq_supervision_plan UNIQUE (plan_no),
  CONSTRAINT fk_supervision_plan FOREIGN KEY (plan_no) REFERENCES assessment_plan (plan_no),
  CONSTRAINT fk_supervision_draw FOREIGN KEY (draw_no) REFERENCES supervision_draw (draw_no)
);
CREATE INDEX ix_supervision_institution ON supervision (filing_code, activity_date);
CREATE INDEX ix_supervision_draw ON supervision (draw_no);

-- One row per team member: the exclusions read it (same institution within 12 months), and the key keeps a
-- supervisor from two supervisions on one day (001 督导规程 Art. 16) even when two draws run at the same moment.
CREATE TABLE supervision_member (
  supervision_no  VARCHAR(20)  NOT NULL,
  position        INTEGER      NOT NULL,
  user_id         VARCHAR(64)  NOT NULL,
  activity_date   DATE         NOT NULL,
  filing_code     VARCHAR(13)  NOT NULL,
  CONSTRAINT pk_supervision_member PRIMARY KEY (supervision_no, position),
  CONSTRAINT uq_supervision_member_day UNIQUE (user_id, activity_date),
  CONSTRAINT fk_supervision_member FOREIGN KEY (supervision_no) REFERENCES supervision (supervision_no)
);
CREATE INDEX ix_supervision_member_institution ON supervision_member (filing_code, user_id);
