# Performance-target tables (绩效目标表): how their cells are read
# (src/parse-performance.c; the contract's `performance` section).
#
# Which tables these are is in tables.pat, section [performance]:
# title.department and title.project, matched against a piece's title;
# the part after "title." is the table's scope.
#
# Conventions
# - Cells are matched after normalization (NFKC: full-width （）：，％ are
#   ASCII ( ) : , %) and, for labels, headers and targets, with every
#   space removed ("项目负责人", never "项目 负责人").  Write ASCII
#   punctuation; ≥ ≤ are kept by NFKC and must be written as such.
# - Labels, headers and row kinds match a whole cell: anchor them.
# - First match wins, so put the specific before the general.
# - The keys are fixed by the code; the regexes are yours.
#
# [performance.fields]: the label/value rows above the indicators.
#   label.KEY   a label cell; the next cell holds its value.  KEY is
#               department (预算单位), project (项目名称), manager
#               (负责人), contact (联系人: the manager when no 负责人 is
#               printed), goal (总体/年度目标), funds (the head of the funds
#               block), funds.total / funds.fiscal / funds.other (the next
#               amount in the row, summed over rows), or ignore (a label
#               whose value is not wanted).  A `unit` group gives the
#               funds' unit ("项目资金(万元)").
#   amount      an amount cell: groups `amount` and, optionally, `unit`.
# [performance.columns]: column.FIELD names an indicator column by its
#   header cell.  FIELD is level1, level2, name, target, basis, previous,
#   weight, scoring or evidence.  A row where three or more of these
#   match, name or target among them, is the indicator header.
# [performance.target]: `target` splits a target (spaces removed) into
#   groups `op` (before the number), `value`, `unit` and `op2` (after the
#   unit: 以上, 以下); a target no entry matches is qualitative (op, value
#   and unit null).  op.eq / op.ge / op.le / op.gt / op.lt name what `op`
#   (or `op2`) means: = >= <= > <.  `weight` reads the weight as group `n`.
# [performance.rows]: `total` marks a row that is not an indicator (its
#   name or 一级指标 is a total); `level_complete` tells a complete level
#   name, used to join a merged level cell cut by a page break
#   ("满意度指" + "标").

[performance.fields]
label.department ~ ^(预算单位|部门名称|单位名称|部门\(单位\)名称|主管部门(及代码)?)(\(盖章\))?$
label.project ~ ^项目名称$
label.manager ~ ^(项目)?负责人$
label.contact ~ ^(部门|单位|项目)?联系人$
label.goal ~ ^(项目)?(总体|年度)(绩效)?目标$
label.goal ~ ^(年度)?绩效目标$
label.funds ~ ^(项目资金|年度预算|年度资金|项目资金情况|资金情况|年度预算资金)(\((?<unit>万元|千元|亿元|元)\))?$
label.funds.total ~ ^(年度)?(预算|资金)?总额(\((?<unit>万元|千元|亿元|元)\))?$
label.funds.total ~ ^(年度资金总额|资金总额|合计)(\((?<unit>万元|千元|亿元|元)\))?$
label.funds.fiscal ~ ^(其中:)?(财政拨款|财政资金|财政性资金)(\((?<unit>万元|千元|亿元|元)\))?$
label.funds.other ~ ^(其中:)?其他资金(\((?<unit>万元|千元|亿元|元)\))?$
label.ignore ~ ^(联系电话|电话|实施单位|项目属性|项目期|项目类型)$
amount ~ ^(?<amount>[-+]?\d[\d,]*(?:\.\d+)?)(?<unit>万元|千元|亿元|元)?$

[performance.columns]
column.level1 ~ ^一级指标$
column.level2 ~ ^二级指标$
column.name ~ ^三级指标$
column.name ~ ^(三级)?指标(名称|内容)$
column.basis ~ ^(指标值?)?(设置|设定)?依据$
column.target ~ ^(年度)?(指标值|目标值|指标目标值|预期目标值?)$
column.previous ~ ^上年(度)?(实际)?完成值$
column.previous ~ ^(历史|上年)值$
column.weight ~ ^(指标)?(分值)?权重(\(%\))?$
column.weight ~ ^(指标)?分值(\(%\))?$
column.scoring ~ ^(指标)?(赋分|评分)(规则|标准)$
column.evidence ~ ^(佐证|证明)(资料|材料)$

[performance.target]
target ~ ^(?<op>>=|<=|=>|=<|≥|≤|≧|≦|==|=|>|<|大于等于|小于等于|不低于|不高于|不少于|不多于|不超过|不小于|不大于|大于|小于|高于|低于|等于)?(?<value>[-+]?\d[\d,]*(?:\.\d+)?)(?<unit>[^\d]*?)(?<op2>及以上|以上|及以下|以下|以内)?$
op.ge ~ ^(>=|=>|≥|≧|大于等于|不低于|不少于|不小于|及以上|以上)$
op.le ~ ^(<=|=<|≤|≦|小于等于|不高于|不多于|不超过|不大于|及以下|以下|以内)$
op.eq ~ ^(==|=|等于)$
op.gt ~ ^(>|大于|高于)$
op.lt ~ ^(<|小于|低于)$
weight ~ ^(?<n>\d{1,4})(\.0+)?分?$

[performance.rows]
total ~ ^(合计|总计|小计|总分)$
level_complete ~ (指标|效能|效率|效益|效应|成本|满意度|管理|影响|产出)$
