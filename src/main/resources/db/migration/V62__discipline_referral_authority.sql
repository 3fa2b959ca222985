-- Issue 18: which body a case is referred to (000 §三 separates 纪检监察机关 from 公安机关; 002 Annex 2 Art. 7, 15 say
-- only 有关部门): DISCIPLINE_COMMISSION, POLICE or OTHER, recorded at the decision when REFERRAL is among the sanctions.
ALTER TABLE discipline_case ADD COLUMN referral_authority VARCHAR(32);
