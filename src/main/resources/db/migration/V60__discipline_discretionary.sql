-- Issue 18: discretionary sanctions (002 Annex 2 视情况/视情节) proposed by the DMN and those the officer imposed, with
-- the reason given for each; Art. 8's question whether certificates were issued; Art. 15 para. 2's penalty basis.
ALTER TABLE discipline_case ADD COLUMN proposed_discretionary VARCHAR(500);
ALTER TABLE discipline_case ADD COLUMN discretionary_sanctions VARCHAR(20000);
ALTER TABLE discipline_case ADD COLUMN certificates_issued BOOLEAN;
ALTER TABLE discipline_case ADD COLUMN penalty_basis VARCHAR(2000);
