# Tables: how a printed table is recognized and how its columns map to the
# contract's ids (docs/output-format.md).
#
# [tables] holds what all tables share: which header cells name label
# columns (codes, names, projects), which name the two sides of a
# two-sided table, which rows are totals.  Each [table.ID] section names
# one kind of table: `title` regexes (first match wins, sections in file
# order; `title.VARIANT` names the template variant written in the
# output's fingerprint, e.g. `title.js` for Jiangsu), `two_sided = yes`
# for income/expenditure tables, and
# `column.COLID` regexes matched against each amount column's header path
# ("parent/child", after dropping a parent that spans every amount
# column); for two-sided tables `income.column.COLID` and
# `expenditure.column.COLID`.  Columns take the first unused pattern that
# matches, in column order; a column nothing matches keeps its header and
# gets id null.

[tables]
# Label columns, matched against the last part of the header path (a
# column-number mark ※ wrapped into the header cell is allowed).
label.code_class ~ ^类[※*]?$
label.code_section ~ ^款[※*]?$
label.code_item ~ ^项[※*]?$
label.code ~ (科目)?(编码|代码)[※*]?$
label.project ~ ^(项目|专项)名称[※*]?$
# Columns that are neither labels nor amounts: a row's serial number.
label.skip ~ ^(序号|行次|备注)$
label.name ~ 名称[※*]?$|^项目[※*]?$|^科目$|内容$|^(支出)?功能分类$|^(支出)?经济分类$|^收入项目$|^支出项目$|^项目\(按.*\)$|^单位名称$
# A column of code and name together ("2010101 行政运行").
label.name ~ ^(支出)?(功能|经济)分类科目$
# The two sides of a two-sided table, matched against a top header cell.
side.income ~ 收入
side.expenditure ~ 支出
# A row whose name is a total.
total_row ~ ^(总计|合计|收入总计|支出总计|收入合计|支出合计|本年收入合计|本年支出合计|人员经费合计|公用经费合计)$
# The column-number row (※ ※ 1 2 3): every cell is one of these.
colnum_cell ~ ^(※|\*|栏次|行次|\d{1,2})$
colnum_label ~ ^(※|\*|栏次|行次)$
# A name that carries its code ("201 一般公共服务支出").
code_name ~ ^(?<code>\d{3}(?:\d{2}){0,2})\s*(?<name>[^\d\s].*)$
code_digits ~ ^\d{2,9}$
# The first cell of a data row in a table that prints no number (an empty
# table, a blank template): an enumeration, a code, a placeholder.
row_label ~ ^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[、.]\D|\d{3}(?:\d{2}){0,3}$|[.。…]{2,}$)
# A numbering printed before a title is taken off it: a table number
# ("公开01表：", "表一"; "表十一般…" is 表十 + 一般…), or the enumeration
# of a heading used as the title ("一、", "1."), which numbers the table
# only when its title is known.  Groups: n (digits), cn (Chinese).
title_number ~ (?J)^(?:公开\s*(?<n>\d{1,2})\s*表\s*:?|表\s*(?<cn>[一二三四五六七八九十]{1,3})(?=\p{Han}|\d)(?!般))\s*
# A bare "、": OCR lost the numeral before it (一, one thin stroke, in a
# bold title); one to three Latin letters before an ideograph: OCR read
# the numbering as them ("AR部门收入总表" for 二、部门收入总表).  The
# numbering is unknown.  One ideograph other than a numeral before a
# numbering "六、" is a speck OCR read as a character ("和六、一般公共预算
# 基本支出表"): no title prints a word before its numbering.
title_enum ~ (?J)^(?:(?<cn>[一二三四五六七八九十]{1,3})\s*[、.]|(?<n>\d{1,2})\s*[、.](?!\d)|、|[A-Za-z]{1,3}(?=\p{Han})|(?![一二三四五六七八九十])\p{Han}(?<cn>[一二三四五六七八九十]{1,3})\s*、)\s*

[performance]
title.department ~ 部门整体(支出)?绩效目标(申报)?表
title.project ~ 项目(支出)?绩效目标(申报)?表

[table.revenue_expenditure_summary]
# Template variants (title.VARIANT, the variant in the output's
# template fingerprint): Jiangsu's 公开01表, Shanghai's 财务收支预算总表.
title.js ~ ^收支预算总表$
title.sh ~ ^(\d{4}\s*年度?)?(部门|预算单位|单位)财务收支预算总表$
title ~ ^(\d{4}年)?(部门)?收支(预算)?总(体情况)?表$
# The same after a department's name and year ("某局2026年…表") or a
# heading's number ("一、…表").
title ~ ^(?:[一二三四五六七八九十]{1,3}[、.．]\s*)?(?:\S{2,40}?\d{4}\s*年(?:度)?)?(部门)?收支(预算)?总(体情况)?表$
two_sided = yes
income.column.budget ~ (预算数|金额|预算)$
# Jiangsu prints expenditure twice side by side: by function (功能分类)
# and by use (支出用途, 基本/项目/预留): two panels, whose columns get
# their own ids (the totals are printed in the use panel only).
expenditure.column.function_budget ~ ^功能分类/(金额|预算数)$
expenditure.column.use_budget ~ ^支出用途/(金额|预算数)$
expenditure.column.budget ~ (预算数|金额|预算)$
# Shanghai's unit budget splits the expenditure: 合计 = 人员 + 公用 + 项目.
expenditure.column.budget ~ ^合计$
expenditure.column.basic_personnel ~ ^基本支出/人员经费$
expenditure.column.basic_public ~ ^基本支出/公用经费$
expenditure.column.project ~ ^项目支出$

[table.revenue_summary]
title.js ~ ^收入预算总表$
title.sh ~ ^(\d{4}\s*年度?)?(部门|预算单位|单位)收入预算总表$
title ~ ^(\d{4}年)?(部门)?收入(预算)?总(体情况)?表$
title ~ ^(?:[一二三四五六七八九十]{1,3}[、.．]\s*)?(?:\S{2,40}?\d{4}\s*年(?:度)?)?(部门)?收入(预算)?总(体情况)?表$
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
# Jiangsu lists the sources as rows, with one column 金额.
column.total ~ ^金额$
column.business_income ~ ^事业收入$
column.operating_income ~ ^事业单位经营收入$
column.other_income ~ ^其他收入$

[table.expenditure_summary]
title.js ~ ^支出预算总表$
title.sh ~ ^(\d{4}\s*年度?)?(部门|预算单位|单位)支出预算总表$
title ~ ^(\d{4}年)?(部门)?支出(预算)?总(体情况)?表$
title ~ ^(?:[一二三四五六七八九十]{1,3}[、.．]\s*)?(?:\S{2,40}?\d{4}\s*年(?:度)?)?(部门)?支出(预算)?总(体情况)?表$
column.total ~ ^(合计|总计)$
column.basic ~ 基本支出$
column.project ~ 项目支出$
column.reserve ~ 预留机动经费$
column.carryover_next ~ ^结转下年(资金)?$

[table.fiscal_summary]
title.js ~ ^财政拨款收支预算总表$
title.sh ~ ^(\d{4}\s*年度?)?(部门|预算单位|单位)财政拨款收支预算总表$
title ~ 财政拨款收支(预算)?总(体情况)?表$
two_sided = yes
income.column.total ~ ^(合计|预算数|金额|小计)$
expenditure.column.total ~ ^(合计|小计|预算数)$
expenditure.column.general_budget ~ 一般公共预算
expenditure.column.government_fund ~ 政府性基金
expenditure.column.state_capital ~ 国有资本经营
# Jiangsu: the expenditure by use (支出用途), one column 金额.
expenditure.column.total ~ ^金额$

[table.general_budget_basic_expenditure]
title.js ~ ^一般公共预算基本支出预算表(\(经济科目\))?$
title.sh ~ ^(\d{4}\s*年度?)?(部门|预算单位|单位)一般公共预算基本支出(部门预算)?经济分类预算表$
title ~ 一般公共预算(财政拨款)?基本支出(预算)?(情况)?(明细)?表$
column.total ~ ^(合计|总计)$
column.personnel ~ 人员经费$
column.public ~ 公用经费$
column.total ~ ^金额$

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
title.js ~ ^一般公共预算支出预算表(\(功能科目\))?$
title.sh ~ ^(\d{4}\s*年度?)?(部门|预算单位|单位)一般公共预算支出功能分类预算表$
title ~ ^(\d{4}年)?(部门)?一般公共预算(财政拨款)?支出(预算)?(情况)?表$
title ~ ^(?:[一二三四五六七八九十]{1,3}[、.．]\s*)?(?:\S{2,40}?\d{4}\s*年(?:度)?)?(部门)?一般公共预算(财政拨款)?支出(预算)?(情况)?表$
column.total ~ ^(合计|总计)$
column.basic ~ 基本支出$
column.project ~ 项目支出$
column.total ~ ^金额$

[table.government_fund_expenditure]
title.js ~ ^(财政拨款)?政府性基金(预算)?(财政拨款)?支出预算表$
title.sh ~ ^(\d{4}\s*年度?)?(部门|预算单位|单位)政府性基金预算支出功能分类预算表$
title ~ 政府性基金(预算)?(财政拨款)?支出(预算)?(情况)?表$
column.total ~ ^(合计|总计)$
column.personnel ~ 人员经费$
column.public ~ 公用经费$
column.project ~ 项目支出$
column.total ~ ^金额$
column.basic ~ 基本支出$

[table.state_capital_expenditure]
title.sh ~ ^(\d{4}\s*年度?)?(部门|预算单位|单位)国有资本经营预算支出功能分类预算表$
title ~ 国有资本经营(预算)?(财政拨款)?支出(预算)?(情况)?表$
column.total ~ ^(合计|总计)$
column.personnel ~ 人员经费$
column.public ~ 公用经费$
column.project ~ 项目支出$
column.total ~ ^金额$
column.basic ~ 基本支出$

[table.three_public_expenses]
# Jiangsu and Shanghai print one row, the items as columns.
title.js ~ ^(一般公共预算)?.?三公.?经费、会议费、培训费支出预算表(\(一般公共预算\))?$
title.sh ~ ^(\d{4}\s*年度?)?(部门|预算单位|单位).?三公.?经费和机关运行经费预算表$
title ~ 三公.{0,2}经费(?!.*决算).*表$
column.three_public_total ~ 三公.{0,2}经费.*/(合计|小计)$
column.total ~ ^(合计|总计)$
column.general_budget ~ 一般公共预算
column.government_fund ~ 政府性基金
column.state_capital ~ 国有资本经营
column.outbound ~ (^|/)因公出国\(境\)费(用)?$
column.vehicle_total ~ 公务用车购置及运行(维护)?费(/小计)?$
column.vehicle_purchase ~ (^|/)(公务用车)?购置费$
column.vehicle_operation ~ (^|/)(公务用车)?运行(维护)?费$
column.reception ~ (^|/)公务接待费$
column.meeting ~ ^会议费$
column.training ~ ^培训费$
column.office_operation ~ 机关运行经费

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

# ---- Tables of other templates -------------------------------------------

# Jiangsu 公开05表: 财政拨款 (一般公共预算 + 政府性基金) by function.
[table.fiscal_expenditure]
title.js ~ ^财政拨款支出预算表(\(功能科目\))?$
column.total ~ ^(金额|合计)$

# Jiangsu 公开06表: 财政拨款基本支出 by economic classification.
[table.fiscal_basic_expenditure]
title.js ~ ^财政拨款基本支出预算表(\(经济科目\))?$
column.total ~ ^(金额|合计)$

# 机关运行经费 by economic classification (Jiangsu 公开11表).
[table.office_operation_expenditure]
title.js ~ ^(一般公共预算)?机关运行经费(支出)?预算表$
column.total ~ (机关运行经费(支出)?|金额|合计)$

# 政府采购预算 (Jiangsu 公开12表): rows by 品目 (一、货物 A, 二、工程 B,
# 三、服务 C), 专项 (the rows' project) and 采购物品.
[table.procurement]
title.js ~ ^(\d{4}\s*年度?)?(部门)?政府采购(支出)?预算(明细)?表$
column.total ~ ^(总计|合计|金额)$
column.goods ~ 货物
column.works ~ 工程
column.services ~ 服务

# ---- Final accounts (决算) --------------------------------------------------
# Shanghai's template (the national one's nine tables).  Columns:
# 决算数 `actual`; where printed, 年初预算数 `budget_initial`, 调整预算数
# `budget_adjusted`, 预算数 `budget`.

[table.final_revenue_expenditure_summary]
title.sh ~ ^(\d{4}\s*年度?)?(部门)?收入支出决算总表$
two_sided = yes
income.column.actual ~ (^|/)决算数$
income.column.budget_initial ~ (^|/)年初预算数?$
income.column.budget_adjusted ~ (^|/)调整(后)?预算数?$
income.column.budget ~ (^|/)(全年)?预算数$
expenditure.column.actual ~ (^|/)决算数$
expenditure.column.budget_initial ~ (^|/)年初预算数?$
expenditure.column.budget_adjusted ~ (^|/)调整(后)?预算数?$
expenditure.column.budget ~ (^|/)(全年)?预算数$

[table.final_revenue]
title.sh ~ ^(\d{4}\s*年度?)?(部门)?收入决算表$
column.total ~ ^(本年收入)?合计$
column.fiscal ~ ^财政拨款收入$
column.superior_subsidy ~ ^上级补助收入$
column.business_income ~ ^事业收入$
column.operating_income ~ ^经营收入$
column.affiliated_income ~ ^附属单位上缴收入$
column.other_income ~ ^其他收入$

[table.final_expenditure]
title.sh ~ ^(\d{4}\s*年度?)?(部门)?支出决算表$
column.total ~ ^(本年支出)?合计$
column.basic ~ 基本支出$
column.project ~ 项目支出$
column.superior_payment ~ ^上缴上级支出$
column.operating_expenditure ~ ^经营支出$
column.affiliated_subsidy ~ ^对附属单位补助支出$

[table.final_fiscal_summary]
title.sh ~ ^(\d{4}\s*年度?)?(部门)?财政拨款收入支出决算总表$
two_sided = yes
income.column.actual ~ (^|/)决算数$
income.column.budget_initial ~ (^|/)年初预算数?$
income.column.budget_adjusted ~ (^|/)调整(后)?预算数?$
expenditure.column.total ~ ^(合计|小计|决算数)$
expenditure.column.general_budget ~ 一般公共预算
expenditure.column.government_fund ~ 政府性基金
expenditure.column.state_capital ~ 国有资本经营

[table.final_general_budget_basic_expenditure]
title.sh ~ ^(\d{4}\s*年度?)?(部门)?一般公共预算财政拨款基本支出决算(明细)?表$
# Two panels side by side, 人员经费 and 公用经费, each a 决算数 column
# (columns take the first unused pattern: the first 决算数 is personnel).
column.personnel ~ (^|/)人员经费
column.public ~ (^|/)公用经费
column.personnel ~ ^决算数$
column.public ~ ^决算数$
column.total ~ ^合计$

[table.final_general_budget_expenditure]
title.sh ~ ^(\d{4}\s*年度?)?(部门)?一般公共预算财政拨款支出决算(明细)?表$
column.total ~ ^(本年支出/)?合计$
column.basic ~ 基本支出$
column.project ~ 项目支出$
column.budget_initial ~ (^|/)年初预算数?$
column.budget_adjusted ~ (^|/)调整(后)?预算数?$
column.actual ~ (^|/)决算数$

[table.final_three_public_expenses]
title.sh ~ ^(\d{4}\s*年度?)?(部门)?(一般公共预算)?(财政拨款)?.?三公.?经费支出决算表$
column.total_budget ~ ^(合计|总计)/(全年|年初)?预算数$
column.total_actual ~ ^(合计|总计)/决算数$
column.outbound_budget ~ ^因公出国\(境\)费(用)?/(全年|年初)?预算数$
column.outbound_actual ~ ^因公出国\(境\)费(用)?/决算数$
column.vehicle_total_budget ~ ^公务用车购置及运行(维护)?费/(小计|合计)/(全年|年初)?预算数$
column.vehicle_total_actual ~ ^公务用车购置及运行(维护)?费/(小计|合计)/决算数$
column.vehicle_purchase_budget ~ 公务用车购置费/(全年|年初)?预算数$
column.vehicle_purchase_actual ~ 公务用车购置费/决算数$
column.vehicle_operation_budget ~ 公务用车运行(维护)?费/(全年|年初)?预算数$
column.vehicle_operation_actual ~ 公务用车运行(维护)?费/决算数$
column.reception_budget ~ ^公务接待费/(全年|年初)?预算数$
column.reception_actual ~ ^公务接待费/决算数$

# 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.
[table.final_government_fund]
title.sh ~ ^(\d{4}\s*年度?)?(部门)?政府性基金预算财政拨款(收入)?支出决算表$
column.carryover_begin ~ ^年初结转和结余$
column.income ~ ^本年收入$
column.expenditure_total ~ ^本年支出/合计$
column.expenditure_basic ~ ^本年支出/基本支出$
column.expenditure_project ~ ^本年支出/项目支出$
column.carryover_end ~ ^年末结转和结余$

[table.final_state_capital]
title.sh ~ ^(\d{4}\s*年度?)?(部门)?国有资本经营预算财政拨款(收入)?支出决算表$
column.carryover_begin ~ ^年初结转和结余$
column.income ~ ^本年收入$
column.expenditure_total ~ ^本年支出/合计$
column.expenditure_basic ~ ^本年支出/基本支出$
column.expenditure_project ~ ^本年支出/项目支出$
column.carryover_end ~ ^年末结转和结余$
