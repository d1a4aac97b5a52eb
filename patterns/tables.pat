# Tables: how a printed table is recognized and how its columns map to the
# contract's ids (docs/output-format.md).
#
# [tables] holds what all tables share: which header cells name label
# columns (codes, names, projects), which name the two sides of a
# two-sided table, which rows are totals.  Each [table.ID] section names
# one kind of table: `title` regexes (first match wins, sections in file
# order), `two_sided = yes` for income/expenditure tables, and
# `column.COLID` regexes matched against each amount column's header path
# ("parent/child", after dropping a parent that spans every amount
# column); for two-sided tables `income.column.COLID` and
# `expenditure.column.COLID`.  Columns take the first unused pattern that
# matches, in column order; a column nothing matches keeps its header and
# gets id null.

[tables]
# Label columns, matched against the last part of the header path.
label.code_class ~ ^类$
label.code_section ~ ^款$
label.code_item ~ ^项$
label.code ~ (科目)?(编码|代码)$
label.project ~ ^项目名称$
label.name ~ 名称$|^项目$|^科目$|内容$|^(支出)?功能分类$|^(支出)?经济分类$|^收入项目$|^支出项目$|^项目\(按.*\)$|^单位名称$
# The two sides of a two-sided table, matched against a top header cell.
side.income ~ 收入
side.expenditure ~ 支出
# A row whose name is a total.
total_row ~ ^(总计|合计|收入总计|支出总计|收入合计|支出合计|本年收入合计|本年支出合计)$
# The column-number row (※ ※ 1 2 3): every cell is one of these.
colnum_cell ~ ^(※|\*|栏次|行次|\d{1,2})$
colnum_label ~ ^(※|\*|栏次|行次)$
# A name that carries its code ("201 一般公共服务支出").
code_name ~ ^(?<code>\d{3}(?:\d{2}){0,2})\s*(?<name>[^\d\s].*)$
code_digits ~ ^\d{2,9}$

[performance]
title.department ~ 部门整体(支出)?绩效目标(申报)?表
title.project ~ 项目(支出)?绩效目标(申报)?表

[table.revenue_expenditure_summary]
title ~ ^(\d{4}年)?(部门)?收支(预算)?总(体情况)?表$
two_sided = yes
income.column.budget ~ (预算数|金额|预算)$
expenditure.column.budget ~ (预算数|金额|预算)$

[table.revenue_summary]
title ~ ^(\d{4}年)?(部门)?收入(预算)?总(体情况)?表$
column.total ~ ^(总计|合计)$
column.fiscal_subtotal ~ ^财政拨款\(补助\)/(财政拨款\(补助\))?小计$
column.fiscal_subtotal ~ ^财政拨款(收入|\(补助\))?(/小计)?$
column.general_budget ~ (^|/)一般公共预算(拨款)?(收入)?$
column.general_budget_transfer ~ 上级一般公共预算.*转移支付
column.government_fund ~ (^|/)政府性基金(预算)?(拨款)?(收入)?$
column.government_fund_transfer ~ 上级政府性基金.*转移支付
column.state_capital ~ (^|/)国有资本经营(预算)?(拨款)?(收入)?$
column.state_capital_transfer ~ 上级国有资本经营.*转移支付
column.special_account ~ 财政专户
column.unit_funds ~ 单位资金
column.fiscal_carryover ~ ^财政拨款结转
column.nonfiscal_carryover ~ ^非财政拨款结转

[table.expenditure_summary]
title ~ ^(\d{4}年)?(部门)?支出(预算)?总(体情况)?表$
column.total ~ ^(合计|总计)$
column.basic ~ 基本支出$
column.project ~ 项目支出$

[table.fiscal_summary]
title ~ 财政拨款收支(预算)?总(体情况)?表$
two_sided = yes
income.column.total ~ ^(合计|预算数|金额|小计)$
expenditure.column.total ~ ^(合计|小计|预算数)$
expenditure.column.general_budget ~ 一般公共预算
expenditure.column.government_fund ~ 政府性基金
expenditure.column.state_capital ~ 国有资本经营

[table.general_budget_basic_expenditure]
title ~ 一般公共预算(财政拨款)?基本支出(预算)?(情况)?(明细)?表$
column.total ~ ^(合计|总计)$
column.personnel ~ 人员经费$
column.public ~ 公用经费$

[table.general_budget_project_expenditure]
title ~ 一般公共预算(财政拨款)?项目支出(预算)?(情况)?(明细)?表$
column.total ~ 合计$
column.wages_welfare ~ ^工资福利支出$
column.goods_services ~ ^商品和服务支出$
column.household_subsidy ~ ^对个人和家庭的补助$
column.debt_interest ~ ^债务利息及费用支出$
column.capital_construction ~ ^资本性支出\(基本建设\)$
column.capital ~ ^资本性支出$
column.enterprise_subsidy_construction ~ ^对企业补助\(基本建设\)$
column.enterprise_subsidy ~ ^对企业补助$
column.social_security_subsidy ~ ^对社会保障基金补助$
column.other ~ ^其他支出$

[table.general_budget_expenditure]
title ~ ^(\d{4}年)?(部门)?一般公共预算(财政拨款)?支出(预算)?(情况)?表$
column.total ~ ^(合计|总计)$
column.basic ~ 基本支出$
column.project ~ 项目支出$

[table.government_fund_expenditure]
title ~ 政府性基金(预算)?(财政拨款)?支出(预算)?(情况)?表$
column.total ~ ^(合计|总计)$
column.personnel ~ 人员经费$
column.public ~ 公用经费$
column.project ~ 项目支出$

[table.state_capital_expenditure]
title ~ 国有资本经营(预算)?(财政拨款)?支出(预算)?(情况)?表$
column.total ~ ^(合计|总计)$
column.personnel ~ 人员经费$
column.public ~ 公用经费$
column.project ~ 项目支出$

[table.three_public_expenses]
title ~ 三公.{0,2}经费.*表$
column.total ~ ^(合计|总计)$
column.general_budget ~ 一般公共预算
column.government_fund ~ 政府性基金
column.state_capital ~ 国有资本经营

[table.carryover]
title ~ 上年结转结余.*表$
column.total ~ ^(合计|总计)$
column.fiscal_subtotal ~ ^财政拨款/小计$
column.fiscal_basic_personnel ~ ^财政拨款/基本支出/人员经费$
column.fiscal_basic_public ~ ^财政拨款/基本支出/公用经费$
column.fiscal_project ~ ^财政拨款/项目支出$
column.nonfiscal_subtotal ~ ^非财政拨款/小计$
column.nonfiscal_basic_personnel ~ ^非财政拨款/基本支出/人员经费$
column.nonfiscal_basic_public ~ ^非财政拨款/基本支出/公用经费$
column.nonfiscal_project ~ ^非财政拨款/项目支出$
