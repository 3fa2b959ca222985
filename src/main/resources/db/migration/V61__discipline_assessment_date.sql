-- Issue 18: the date of the assessment in which the violation happened (002 Annex 2 Art. 6 "当年不得参加评价",
-- Art. 9 "取消其当年参加评价工作的资格": the year of that assessment, not the year of execution).
ALTER TABLE discipline_case ADD COLUMN assessment_date DATE;
