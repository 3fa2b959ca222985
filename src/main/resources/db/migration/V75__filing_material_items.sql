-- Issue 19 item 3: each uploaded material names the items of the guidance's list it answers (002 Annex 1 §一(八),
-- §二(八); 人社鉴发〔2019〕3号 §二1), comma-separated item numbers ("1" or "1,15" for a file answering two).
-- NULL for supplements, renewals, scope changes and files stored before.
ALTER TABLE filing_material ADD COLUMN items VARCHAR(200);
