-- Issue 19 items 9-10: a branch in a province that codes its sites by city (Henan, 001 豫职鉴〔2020〕2号 Annex 1
-- §二(四)-(五)) names its city for positions 8-9 of its code; null elsewhere and for the branches filed before.
ALTER TABLE filing_branch ADD COLUMN city_code VARCHAR(2);
