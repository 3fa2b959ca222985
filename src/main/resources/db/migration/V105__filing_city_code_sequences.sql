-- Site serials per city where a province codes its sites by city (issue 19 item 10): 001 豫职鉴〔2020〕2号 Annex 1
-- §二(四)-(五), Henan: positions 8-9 the city code of its 表 5 (00 省直 … 28 新蔡县), positions 10-13 the serial
-- assigned by the site's city. Serials 0001-8999: a 9 in position 10 stays for the technical-school centres
-- (DOMAIN.md §3.5). Used only where assessment.filing.city-code-provinces names the province; adds rows only.
INSERT INTO registry_code_sequence (name, next_value, max_value) VALUES
  ('SITE-41-00', 1, 8999), ('SITE-41-01', 1, 8999), ('SITE-41-02', 1, 8999), ('SITE-41-03', 1, 8999),
  ('SITE-41-04', 1, 8999), ('SITE-41-05', 1, 8999), ('SITE-41-06', 1, 8999), ('SITE-41-07', 1, 8999),
  ('SITE-41-08', 1, 8999), ('SITE-41-09', 1, 8999), ('SITE-41-10', 1, 8999), ('SITE-41-11', 1, 8999),
  ('SITE-41-12', 1, 8999), ('SITE-41-13', 1, 8999), ('SITE-41-14', 1, 8999), ('SITE-41-15', 1, 8999),
  ('SITE-41-16', 1, 8999), ('SITE-41-17', 1, 8999), ('SITE-41-18', 1, 8999), ('SITE-41-19', 1, 8999),
  ('SITE-41-20', 1, 8999), ('SITE-41-21', 1, 8999), ('SITE-41-22', 1, 8999), ('SITE-41-23', 1, 8999),
  ('SITE-41-24', 1, 8999), ('SITE-41-25', 1, 8999), ('SITE-41-26', 1, 8999), ('SITE-41-27', 1, 8999),
  ('SITE-41-28', 1, 8999);
