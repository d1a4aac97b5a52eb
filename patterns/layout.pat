# Page structure: headings, captions of tables, page furniture.
#
# Text is matched after normalization (NFKC: full-width （）：， become
# ASCII ():, ; no spaces next to Chinese characters), so write ASCII
# punctuation and allow both forms only where NFKC keeps them apart.

[layout]
# Heading levels: a paragraph that matches heading.N (first match wins)
# and does not end a sentence is a heading of level N.
heading.1 ~ ^第[一二三四五六七八九十]{1,3}部分\s*\S.{0,48}$
heading.1 ~ ^(目录|名词解释|附件|附表)$
heading.2 ~ ^[一二三四五六七八九十]{1,3}[、.．]\s*\S[^。;!]{0,90}$
heading.3 ~ ^\([一二三四五六七八九十]{1,3}\)\s*\S[^。;!]{0,60}$
heading.4 ~ ^\d{1,2}[、.]\s*\S[^。;!:]{0,40}$
# A heading never ends with these (a sentence does).
not_heading ~ [。;:]$
# A line that ends a sentence or a clause: a long line that stops short of
# the margin without one of these goes on in the next line.
line_end ~ [。;:!?)”]$

toc ~ ^目\s*录$
page_number ~ ^[-—–]?\s*\d{1,4}\s*[-—–]?$
page_number ~ ^第\s*\d+\s*页(\s*[,/]?\s*共\s*\d+\s*页)?$

# Captions around a table grid.
# "表1-2": the second table of part 1, number 2.
table_number ~ ^(?:附)?表\s*(?:\d{1,2}[-—])?(?<n>\d{1,2})$
table_number ~ ^(?:附)?表\s*(?:\d{1,2}[-—])?(?<n>\d{1,2})\s+\S.*表$
table_number ~ ^公开\s*(?<n>\d{1,2})\s*表$
# "表十一": numbered in Chinese numerals.
table_number ~ ^(?:附)?表\s*(?<cn>[一二三四五六七八九十]{1,3})$
# Jiangsu: "公开09表：一般公共预算……表", number and title on one line.
table_number ~ ^公开\s*(?<n>\d{1,2})\s*表\s*:?\s*\S.*表(?:\(.{1,12}\))?$
# "表1部门收支总表": number and title on one line, no space between.
table_number ~ ^(?:附)?表\s*(?:\d{1,2}[-—])?(?<n>\d{1,2})\s*(?=\p{Han}).*表$
# (the unit ends there: not the 元 of "编制单位:元阳县…")
unit ~ (?:金额)?单位\s*[:：;；]\s*(?<unit>万元|千元|亿元|元)(?!\p{Han})
# (not "单位：万元", a unit line alone)
department ~ ^(?:编制|预算|填报)?(?:部门|单位)(?:名称)?(?:\(盖章\))?\s*[:：]\s*(?!(?:万元|千元|亿元|元)$)(?<name>\S.*)$
# A title: a short line ending in 表 (the known ones are in tables.pat).
# Jiangsu: after "公开NN表：", and with the classification it lists
# ("财政拨款支出预算表（功能科目）"); a line "公开05表" alone is a number.
title ~ ^(?:公开\s*\d{1,2}\s*表\s*:?\s*)?(?<title>\S.{1,48}表\((?:按)?(?:功能|经济|支出功能|支出经济)(?:科目|分类)\)|\S.{1,48}表\(一般公共预算\))$
title ~ ^公开\s*\d{1,2}\s*表\s*:?\s*(?<title>\S.{1,48}表)$
title ~ ^(?!公开\s*\d{1,2}\s*表$)(?:(?:附)?表\s*\d{1,2}(?:[-—]\d{1,2})?\s*)?(?<title>\S.{1,48}表)(?:\s*\(\d{4}\s*年\))?$
# Other caption lines: the year under a title, 续表 above a continued
# table.  They belong to the caption, not to the text.
caption_other ~ ^\(?\s*\d{4}\s*年(度)?\s*\)?$
caption_other ~ ^\(?续表\s*\d*\)?$
# The sentence printed in place of an empty table's rows.
empty_note ~ 为空表|空表|此表为空|无.{0,24}(?:支出|收入|收支)安排|无(?:此项|相关)?(?:收支|支出|收入|数据)|没有.*(?:支出|收入|安排|数据)
