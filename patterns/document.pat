# The document as a whole: its kind, year, department and date.
# Matched against the cover (the first page's lines) and the headings.

[document]
kind.final_accounts ~ 决算
kind.budget ~ 预算
year ~ (?<year>(?:19|20)\d{2})\s*年(?:度)?.{0,12}(?:预算|决算)
department ~ ^(?<name>\S.{1,40}?)\s*(?:(?:19|20)\d{2}\s*年(?:度)?)?\s*(?:部门|单位)?(?:预算|决算)(?:公开)?$
department_suffix ~ (?:局|委员会|委|办公室|办公厅|厅|院|中心|政府|办事处|部|处|所|站|馆|会|队|校|学|园)$
# The date under the final signature.
published ~ ^(?<y>(?:19|20)\d{2})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日$

# The pattern set's name, written in the output's template fingerprint
# ("patterns": "bdx@<hash of the set's entries>").  A copy adapted to a
# region should get a name of its own.
[set]
name = bdx
