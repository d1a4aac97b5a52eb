# Checks: the identities the standard template implies, as data
# (docs/validation.md).  Each [check.KIND.NAME] section is one rule; the C
# code knows only the kinds.  Table and column ids are those declared by
# the [table.ID] sections of tables.pat; a rule naming any other is an
# error.  A rule whose table is not in a document produces no check, so a
# template that lacks a table simply skips its rules.
#
# Common keys: `id` (the checks' id; "*" stands for the iterated code),
# `message` (Chinese, shown to users).
#
# References (equal, fact_equal, fact_share, performance_funds):
#   fact:KEY                  a fact (docs/facts.md); fact:KEY.* with `each`
#   TABLE[.SIDE]:ROW:COLUMN   a cell; ROW is @total, @uncoded, #CODE, #*
#                             (the iterated code) or $NAME (the entry
#                             row.NAME of the section: `=` an exact name,
#                             `~` a regex on the name without blanks)
#   ?REF                      optional: absent counts as blank
#   REF + REF                 a sum

# ---- Within a row: 合计 = Σ its parts -----------------------------------
# parts: "?ID" may be missing from a template's table; a missing plain ID
# means the identity does not hold for that template, and it is skipped.

[check.row_sum.revenue_summary_fiscal]
id = revenue_summary.fiscal_subtotal
table = revenue_summary
total = fiscal_subtotal
parts = general_budget ?general_budget_transfer ?government_fund ?government_fund_transfer ?state_capital ?state_capital_transfer
message = 财政拨款(补助)小计 ≠ 一般公共预算 + 政府性基金 + 国有资本经营(含上级转移支付)

[check.row_sum.revenue_summary]
id = revenue_summary.row_total
table = revenue_summary
total = total
parts = fiscal_subtotal ?special_account ?unit_funds ?fiscal_carryover ?nonfiscal_carryover ?business_income ?operating_income ?other_income
message = 总计 ≠ 财政拨款小计 + 财政专户 + 单位资金 + 上年结转结余 (+ 事业收入 + 经营收入 + 其他收入)

[check.row_sum.expenditure_summary]
id = expenditure_summary.row_total
table = expenditure_summary
total = total
parts = basic project ?reserve ?carryover_next
message = 合计 ≠ 基本支出 + 项目支出(+ 单位预留机动经费 + 结转下年)

[check.row_sum.fiscal_summary]
id = fiscal_summary.row_total
table = fiscal_summary.expenditure
total = total
parts = general_budget ?government_fund ?state_capital
message = 合计 ≠ 一般公共预算 + 政府性基金预算 + 国有资本经营预算

[check.row_sum.general_budget_expenditure]
id = general_budget_expenditure.row_total
table = general_budget_expenditure
total = total
parts = basic project
message = 合计 ≠ 基本支出 + 项目支出

[check.row_sum.general_budget_basic_expenditure]
id = general_budget_basic_expenditure.row_total
table = general_budget_basic_expenditure
total = total
parts = personnel public
message = 合计 ≠ 人员经费 + 公用经费

[check.row_sum.general_budget_project_expenditure]
id = general_budget_project_expenditure.row_total
table = general_budget_project_expenditure
total = total
parts = ?wages_welfare ?goods_services ?household_subsidy ?debt_interest ?capital_construction ?capital ?enterprise_subsidy_construction ?enterprise_subsidy ?social_security_subsidy ?other
message = 项目支出合计 ≠ 各经济分类之和

[check.row_sum.government_fund_expenditure]
id = government_fund_expenditure.row_total
table = government_fund_expenditure
total = total
parts = ?personnel ?public ?basic ?project
message = 合计 ≠ 人员经费 + 公用经费 + 项目支出

[check.row_sum.state_capital_expenditure]
id = state_capital_expenditure.row_total
table = state_capital_expenditure
total = total
parts = ?personnel ?public ?basic ?project
message = 合计 ≠ 人员经费 + 公用经费 + 项目支出

[check.row_sum.three_public_expenses]
id = three_public_expenses.row_total
table = three_public_expenses
total = total
parts = general_budget ?government_fund ?state_capital
message = 合计 ≠ 一般公共预算 + 政府性基金 + 国有资本经营预算

[check.row_sum.carryover]
id = carryover.row_total
table = carryover
total = total
parts = fiscal_subtotal ?nonfiscal_subtotal
message = 合计 ≠ 财政拨款小计 + 非财政拨款小计

[check.row_sum.carryover_fiscal]
id = carryover.fiscal_subtotal
table = carryover
total = fiscal_subtotal
parts = ?fiscal_basic_personnel ?fiscal_basic_public ?fiscal_project
message = 财政拨款小计 ≠ 人员经费 + 公用经费 + 项目支出

[check.row_sum.carryover_nonfiscal]
id = carryover.nonfiscal_subtotal
table = carryover
total = nonfiscal_subtotal
parts = ?nonfiscal_basic_personnel ?nonfiscal_basic_public ?nonfiscal_project
message = 非财政拨款小计 ≠ 人员经费 + 公用经费 + 项目支出

# ---- Down a column: a named row = Σ named rows ---------------------------
# total/part: `= @total`, `= NAME`, or `~ REGEX` on the row name without
# blanks; the first row that matches.  A rule none of whose parts is
# printed is skipped.

[check.column_sum.revenue_expenditure_income]
id = revenue_expenditure_summary.income_total
table = revenue_expenditure_summary.income
total = @total
part ~ ^一、本年收入
part ~ ^二、上年结转
message = 收入总计 ≠ 本年收入 + 上年结转结余

[check.column_sum.revenue_expenditure_current]
id = revenue_expenditure_summary.current_income
table = revenue_expenditure_summary.income
total ~ ^一、本年收入
part ~ ^1\.一般公共预算
part ~ ^2\.政府性基金
part ~ ^3\.国有资本经营
part ~ ^4\.财政专户
part ~ ^5\.单位资金
message = 本年收入 ≠ 一般公共预算 + 政府性基金 + 国有资本经营 + 财政专户 + 单位资金

[check.column_sum.revenue_expenditure_general_budget]
id = revenue_expenditure_summary.general_budget
table = revenue_expenditure_summary.income
total ~ ^1\.一般公共预算
part ~ ^(其中:)?一般财力$
part ~ ^上级一般公共预算安排(的)?转移支付$
message = 一般公共预算拨款 ≠ 一般财力 + 上级转移支付

[check.column_sum.revenue_expenditure_carryover]
id = revenue_expenditure_summary.carryover
table = revenue_expenditure_summary.income
total ~ ^二、上年结转
part ~ ^1\.财政拨款结转
part ~ ^2\.非财政拨款结转
message = 上年结转结余 ≠ 财政拨款结转 + 非财政拨款结转结余

[check.column_sum.fiscal_income]
id = fiscal_summary.income_total
table = fiscal_summary.income
total = @total
part ~ ^一、财政拨款
part ~ ^二、上年结转
message = 收入总计 ≠ 本年财政拨款 + 上年结转

[check.column_sum.fiscal_current]
id = fiscal_summary.current_income
table = fiscal_summary.income
total ~ ^一、财政拨款
part ~ ^一般公共预算(拨款)?$
part ~ ^政府性基金(预算)?(拨款)?$
part ~ ^国有资本经营(预算)?(拨款)?$
message = 财政拨款(补助) ≠ 一般公共预算 + 政府性基金预算 + 国有资本经营预算

[check.column_sum.three_public_total]
id = three_public_expenses.total
table = three_public_expenses
total = @total
part ~ 因公出国
part ~ 公务接待
part ~ 公务用车购置及运行
message = 合计 ≠ 因公出国(境)费 + 公务接待费 + 公务用车购置及运行费

[check.column_sum.three_public_vehicle]
id = three_public_expenses.vehicle_subtotal
table = three_public_expenses
total ~ 公务用车购置及运行
part ~ 公务用车购置费$
part ~ 公务用车运行(维护)?费$
message = 公务用车购置及运行费 ≠ 公务用车购置费 + 公务用车运行费

# ---- Down the classification: 总计 = Σ类, 类 = Σ款, 款 = Σ项 --------------
# lengths: digits of a code at each level (功能分类 3 5 7, the default;
# 经济分类 3 5).  total = no leaves the total row out.

[check.hierarchy.revenue_expenditure_summary]
id = revenue_expenditure_summary.hierarchy
table = revenue_expenditure_summary.expenditure

[check.hierarchy.revenue_summary]
id = revenue_summary.hierarchy
table = revenue_summary

[check.hierarchy.expenditure_summary]
id = expenditure_summary.hierarchy
table = expenditure_summary

[check.hierarchy.fiscal_summary]
id = fiscal_summary.hierarchy
table = fiscal_summary.expenditure

[check.hierarchy.general_budget_expenditure]
id = general_budget_expenditure.hierarchy
table = general_budget_expenditure

[check.hierarchy.general_budget_basic_expenditure]
id = general_budget_basic_expenditure.hierarchy
table = general_budget_basic_expenditure
lengths = 3 5

[check.hierarchy.general_budget_project_expenditure]
id = general_budget_project_expenditure.hierarchy
table = general_budget_project_expenditure

[check.hierarchy.government_fund_expenditure]
id = government_fund_expenditure.hierarchy
table = government_fund_expenditure

[check.hierarchy.state_capital_expenditure]
id = state_capital_expenditure.hierarchy
table = state_capital_expenditure

# The project table prints the department once above its codes.
[check.column_sum.general_budget_project_units]
id = general_budget_project_expenditure.units
table = general_budget_project_expenditure
total = @total
part = @uncoded
message = 总计 ≠ Σ单位

# ---- Across tables: the same number restated ----------------------------

[check.equal.revenue_expenditure_balance]
id = cross.revenue_expenditure_summary.balance
left = revenue_expenditure_summary.income:@total:budget
right = revenue_expenditure_summary.expenditure:@total:budget
message = 收入总计 ≠ 支出总计

[check.equal.fiscal_balance]
id = cross.fiscal_summary.balance
left = fiscal_summary.income:@total:total
right = fiscal_summary.expenditure:@total:total
message = 表4 收入总计 ≠ 支出总计

[check.equal.t1_t3_total]
id = cross.revenue_expenditure_summary=expenditure_summary.total
left = revenue_expenditure_summary.expenditure:@total:budget
right = expenditure_summary:@total:total
message = 表1 支出总计 ≠ 表3 总计

[check.equal.t1_t3_code]
id = cross.revenue_expenditure_summary=expenditure_summary.code
each = code
left = revenue_expenditure_summary.expenditure:#*:budget
right = expenditure_summary:#*:total
message = 表1 科目支出 ≠ 表3 同一科目合计

[check.equal.t2_t1_total]
id = cross.revenue_summary=revenue_expenditure_summary.total
left = revenue_summary:@total:total
right = revenue_expenditure_summary.income:@total:budget
message = 表2 总计 ≠ 表1 收入总计

[check.equal.t2_t3_total]
id = cross.revenue_summary=expenditure_summary.total
left = revenue_summary:@total:total
right = expenditure_summary:@total:total
message = 表2 总计 ≠ 表3 总计

[check.equal.t2_t3_code]
id = cross.revenue_summary=expenditure_summary.code
each = code
left = revenue_summary:#*:total
right = expenditure_summary:#*:total
message = 表2 科目收入 ≠ 表3 同一科目支出

[check.equal.t1_t2_general_budget]
id = cross.revenue_expenditure_summary=revenue_summary.general_budget
left = revenue_expenditure_summary.income:$row:budget
right = revenue_summary:@total:general_budget + ?revenue_summary:@total:general_budget_transfer
row.row ~ ^1\.一般公共预算
message = 表1 一般公共预算拨款 ≠ 表2 一般公共预算(含上级转移支付)

[check.equal.t1_t2_government_fund]
id = cross.revenue_expenditure_summary=revenue_summary.government_fund
left = revenue_expenditure_summary.income:$row:budget
right = revenue_summary:@total:government_fund + ?revenue_summary:@total:government_fund_transfer
row.row ~ ^2\.政府性基金
message = 表1 政府性基金预算拨款 ≠ 表2 政府性基金(含上级转移支付)

[check.equal.t1_t2_state_capital]
id = cross.revenue_expenditure_summary=revenue_summary.state_capital
left = revenue_expenditure_summary.income:$row:budget
right = revenue_summary:@total:state_capital + ?revenue_summary:@total:state_capital_transfer
row.row ~ ^3\.国有资本经营
message = 表1 国有资本经营预算拨款 ≠ 表2 国有资本经营(含上级转移支付)

[check.equal.t1_t2_special_account]
id = cross.revenue_expenditure_summary=revenue_summary.special_account
left = revenue_expenditure_summary.income:$row:budget
right = revenue_summary:@total:special_account
row.row ~ ^4\.财政专户
message = 表1 财政专户核拨 ≠ 表2 财政专户

[check.equal.t1_t2_unit_funds]
id = cross.revenue_expenditure_summary=revenue_summary.unit_funds
left = revenue_expenditure_summary.income:$row:budget
right = revenue_summary:@total:unit_funds
row.row ~ ^5\.单位资金
message = 表1 单位资金 ≠ 表2 单位资金

[check.equal.t1_t2_fiscal_carryover]
id = cross.revenue_expenditure_summary=revenue_summary.fiscal_carryover
left = revenue_expenditure_summary.income:$row:budget
right = revenue_summary:@total:fiscal_carryover
row.row ~ ^1\.财政拨款结转
message = 表1 财政拨款结转 ≠ 表2 财政拨款结转

[check.equal.t1_t2_nonfiscal_carryover]
id = cross.revenue_expenditure_summary=revenue_summary.nonfiscal_carryover
left = revenue_expenditure_summary.income:$row:budget
right = revenue_summary:@total:nonfiscal_carryover
row.row ~ ^2\.非财政拨款结转
message = 表1 非财政拨款结转结余 ≠ 表2 非财政拨款结转结余

[check.equal.t1_t4_general_budget]
id = cross.revenue_expenditure_summary=fiscal_summary.general_budget
left = revenue_expenditure_summary.income:$t1:budget
right = fiscal_summary.income:$t4:total
row.t1 ~ ^1\.一般公共预算
row.t4 ~ ^(一、)?一般公共预算(拨款|资金)?$
message = 表1 一般公共预算拨款 ≠ 表4 一般公共预算

[check.equal.t4_t5_income]
id = cross.fiscal_summary=general_budget_expenditure.income
left = fiscal_summary.income:$t4:total
right = general_budget_expenditure:@total:total
row.t4 ~ ^(一、)?一般公共预算(拨款|资金)?$
message = 表4 一般公共预算收入 ≠ 表5 总计

[check.equal.t4_t5_total]
id = cross.fiscal_summary=general_budget_expenditure.total
left = fiscal_summary.expenditure:@total:general_budget
right = general_budget_expenditure:@total:total
message = 表4 一般公共预算支出总计 ≠ 表5 总计

[check.equal.t4_t5_code]
id = cross.fiscal_summary=general_budget_expenditure.code
each = code
left = fiscal_summary.expenditure:#*:general_budget
right = general_budget_expenditure:#*:total
message = 表4 一般公共预算科目支出 ≠ 表5 同一科目合计

[check.equal.t4_t8_total]
id = cross.fiscal_summary=government_fund_expenditure.total
left = fiscal_summary.expenditure:@total:government_fund
right = government_fund_expenditure:@total:total
message = 表4 政府性基金预算支出总计 ≠ 表8 总计

[check.equal.t4_t8_code]
id = cross.fiscal_summary=government_fund_expenditure.code
each = code
left = fiscal_summary.expenditure:#*:government_fund
right = government_fund_expenditure:#*:total
message = 表4 政府性基金科目支出 ≠ 表8 同一科目合计

[check.equal.t4_t9_total]
id = cross.fiscal_summary=state_capital_expenditure.total
left = fiscal_summary.expenditure:@total:state_capital
right = state_capital_expenditure:@total:total
message = 表4 国有资本经营预算支出总计 ≠ 表9 总计

[check.equal.t4_t9_code]
id = cross.fiscal_summary=state_capital_expenditure.code
each = code
left = fiscal_summary.expenditure:#*:state_capital
right = state_capital_expenditure:#*:total
message = 表4 国有资本经营科目支出 ≠ 表9 同一科目合计

[check.equal.t5_t6_total]
id = cross.general_budget_expenditure=general_budget_basic_expenditure.total
left = general_budget_expenditure:@total:basic
right = general_budget_basic_expenditure:@total:total
message = 表5 基本支出 ≠ 表6 总计

[check.equal.t5_t7_total]
id = cross.general_budget_expenditure=general_budget_project_expenditure.total
left = general_budget_expenditure:@total:project
right = general_budget_project_expenditure:@total:total
message = 表5 项目支出 ≠ 表7 总计

[check.equal.t5_t7_code]
id = cross.general_budget_expenditure=general_budget_project_expenditure.code
each = code
left = general_budget_expenditure:#*:project
right = general_budget_project_expenditure:#*:total
message = 表5 科目项目支出 ≠ 表7 同一科目合计

[check.equal.t11_t1_carryover]
id = cross.carryover=revenue_expenditure_summary.total
left = carryover:@total:total
right = revenue_expenditure_summary.income:$row:budget
row.row ~ ^二、上年结转
message = 表11 合计 ≠ 表1 上年结转结余

# 三公 in table 10 include the basic expenditure of table 6 on the same
# item (and project spending besides): at least as much.
[check.equal.t10_t6_abroad]
id = cross.three_public_expenses>=general_budget_basic_expenditure.abroad
relation = >=
left = three_public_expenses:$row:general_budget
right = general_budget_basic_expenditure:#30212:total
row.row ~ 因公出国
message = 表10 因公出国(境)费 < 表6 因公出国(境)费用

[check.equal.t10_t6_reception]
id = cross.three_public_expenses>=general_budget_basic_expenditure.reception
relation = >=
left = three_public_expenses:$row:general_budget
right = general_budget_basic_expenditure:#30217:total
row.row ~ 公务接待
message = 表10 公务接待费 < 表6 公务接待费

[check.equal.t10_t6_vehicle]
id = cross.three_public_expenses>=general_budget_basic_expenditure.vehicle_operation
relation = >=
left = three_public_expenses:$row:general_budget
right = general_budget_basic_expenditure:#30231:total
row.row ~ 公务用车运行(维护)?费$
message = 表10 公务用车运行费 < 表6 公务用车运行维护费

# ---- The text against the tables ----------------------------------------

[check.fact_equal.total_budget]
id = facts.total_budget
left = fact:total_budget
right = revenue_expenditure_summary.income:@total:budget
message = 文字所述收支总预算 ≠ 表1 收入总计

[check.fact_equal.income_total]
id = facts.income_total
left = fact:income_total
right = revenue_summary:@total:total
message = 文字所述收入预算 ≠ 表2 总计

[check.fact_equal.income_general_budget]
id = facts.income_general_budget
left = fact:income_general_budget
right = revenue_summary:@total:general_budget
message = 文字所述一般公共预算收入 ≠ 表2 一般公共预算

[check.fact_equal.income_government_fund]
id = facts.income_government_fund
left = fact:income_government_fund
right = revenue_summary:@total:government_fund
message = 文字所述政府性基金收入 ≠ 表2 政府性基金

[check.fact_equal.income_state_capital]
id = facts.income_state_capital
left = fact:income_state_capital
right = revenue_summary:@total:state_capital
message = 文字所述国有资本经营收入 ≠ 表2 国有资本经营

[check.fact_equal.income_special_account]
id = facts.income_special_account
left = fact:income_special_account
right = revenue_summary:@total:special_account
message = 文字所述财政专户收入 ≠ 表2 财政专户

[check.fact_equal.income_unit_funds]
id = facts.income_unit_funds
left = fact:income_unit_funds
right = revenue_summary:@total:unit_funds
message = 文字所述单位资金 ≠ 表2 单位资金

[check.fact_equal.income_carryover]
id = facts.income_carryover
left = fact:income_carryover
right = ?revenue_summary:@total:fiscal_carryover + ?revenue_summary:@total:nonfiscal_carryover
message = 文字所述上年结转结余 ≠ 表2 上年结转结余

[check.fact_equal.expenditure_total]
id = facts.expenditure_total
left = fact:expenditure_total
right = expenditure_summary:@total:total
message = 文字所述支出预算 ≠ 表3 总计

[check.fact_equal.basic_expenditure]
id = facts.basic_expenditure
left = fact:basic_expenditure
right = expenditure_summary:@total:basic
message = 文字所述基本支出 ≠ 表3 基本支出

[check.fact_equal.project_expenditure]
id = facts.project_expenditure
left = fact:project_expenditure
right = expenditure_summary:@total:project
message = 文字所述项目支出 ≠ 表3 项目支出

[check.fact_equal.fiscal_total]
id = facts.fiscal_total
left = fact:fiscal_total
right = fiscal_summary.income:@total:total
message = 文字所述财政拨款收支总预算 ≠ 表4 收入总计

[check.fact_equal.fiscal_general_budget]
id = facts.fiscal_general_budget
left = fact:fiscal_general_budget
right = fiscal_summary.income:$row:total
row.row ~ ^(一、)?一般公共预算(拨款|资金)?$
message = 文字所述一般公共预算拨款 ≠ 表4 一般公共预算

[check.fact_equal.general_budget_total]
id = facts.general_budget_total
left = fact:general_budget_total
right = general_budget_expenditure:@total:total
message = 文字所述一般公共预算拨款合计 ≠ 表5 总计

[check.fact_equal.general_budget_basic]
id = facts.general_budget_basic
left = fact:general_budget_basic
right = general_budget_expenditure:@total:basic
message = 文字所述一般公共预算基本支出 ≠ 表5 基本支出

[check.fact_equal.general_budget_project]
id = facts.general_budget_project
left = fact:general_budget_project
right = general_budget_expenditure:@total:project
message = 文字所述一般公共预算项目支出 ≠ 表5 项目支出

[check.fact_equal.general_budget_class]
id = facts.general_budget_class.*
each = fact:general_budget_class
left = fact:general_budget_class.*
right = general_budget_expenditure:#*:total
message = 文字所述一般公共预算类级支出 ≠ 表5 同一科目合计

[check.fact_equal.general_budget_item]
id = facts.general_budget_item.*
each = fact:general_budget_item
left = fact:general_budget_item.*
right = general_budget_expenditure:#*:total
message = 文字所述一般公共预算项级支出 ≠ 表5 同一科目合计

[check.fact_equal.basic_personnel]
id = facts.basic_personnel
left = fact:basic_personnel
right = general_budget_basic_expenditure:@total:personnel
message = 文字所述人员经费 ≠ 表6 人员经费

[check.fact_equal.basic_public]
id = facts.basic_public
left = fact:basic_public
right = general_budget_basic_expenditure:@total:public
message = 文字所述公用经费 ≠ 表6 公用经费

[check.fact_equal.three_public_total]
id = facts.three_public_total
left = fact:three_public_total
right = three_public_expenses:$row:total
row.row ~ ^(合计|总计)$
message = 文字所述“三公”经费 ≠ 表10 合计

[check.fact_equal.three_public_abroad]
id = facts.three_public_abroad
left = fact:three_public_abroad
right = three_public_expenses:$row:total
row.row ~ 因公出国
message = 文字所述因公出国(境)费 ≠ 表10 因公出国(境)费

[check.fact_equal.three_public_vehicle_purchase]
id = facts.three_public_vehicle_purchase
left = fact:three_public_vehicle_purchase
right = three_public_expenses:$row:total
row.row ~ 公务用车购置费$
message = 文字所述公务用车购置费 ≠ 表10 公务用车购置费

[check.fact_equal.three_public_vehicle_operation]
id = facts.three_public_vehicle_operation
left = fact:three_public_vehicle_operation
right = three_public_expenses:$row:total
row.row ~ 公务用车运行(维护)?费$
message = 文字所述公务用车运行费 ≠ 表10 公务用车运行费

[check.fact_equal.three_public_reception]
id = facts.three_public_reception
left = fact:three_public_reception
right = three_public_expenses:$row:total
row.row ~ 公务接待
message = 文字所述公务接待费 ≠ 表10 公务接待费

[check.fact_equal.performance_fiscal_project_amount]
id = facts.performance_fiscal_project_amount
left = fact:performance_fiscal_project_amount
right = general_budget_expenditure:@total:project + ?government_fund_expenditure:@total:project + ?state_capital_expenditure:@total:project
message = 文字所述财政拨款项目金额 ≠ 表5、表8、表9 项目支出之和

[check.fact_equal.performance_department_targets]
id = facts.performance_department_targets
left = fact:performance_department_targets
right = revenue_expenditure_summary.expenditure:@total:budget
message = 文字所述整体绩效目标涉及金额 ≠ 表1 支出总计

# 机关运行经费 is the 公用经费 of the administrative units among those
# funded: at most the 公用经费 of the fiscal basic expenditure tables.
[check.equal.operating_expenses]
id = facts.operating_expenses
relation = >=
left = general_budget_basic_expenditure:@total:public + ?government_fund_expenditure:@total:public + ?state_capital_expenditure:@total:public
right = fact:operating_expenses
message = 文字所述机关运行经费 > 表6 公用经费

# 财政拨款项目 + 非财政拨款项目 = all project expenditure.
[check.fact_equal.performance_project_amounts]
id = facts.performance_project_amounts
left = fact:performance_fiscal_project_amount + fact:performance_nonfiscal_project_amount
right = expenditure_summary:@total:project
message = 文字所述财政拨款项目 + 非财政拨款项目金额 ≠ 表3 项目支出

# ---- The text against itself: a stated total = its stated parts ---------

# Some templates have more kinds of spending than 基本 and 项目
# (事业单位经营支出, 对附属单位补助支出): at least their sum.
[check.equal.fact_expenditure_parts]
id = facts.expenditure_total.parts
relation = >=
left = fact:expenditure_total
right = fact:basic_expenditure + fact:project_expenditure
message = 文字所述支出预算 < 基本支出 + 项目支出

[check.equal.fact_income_parts]
id = facts.income_total.parts
left = fact:income_total
right = ?fact:income_general_budget + ?fact:income_government_fund + ?fact:income_state_capital + ?fact:income_special_account + ?fact:income_unit_funds + ?fact:income_carryover
message = 文字所述收入预算 ≠ 各项收入之和

[check.equal.fact_general_budget_parts]
id = facts.general_budget_total.parts
left = fact:general_budget_total
right = fact:general_budget_basic + fact:general_budget_project
message = 文字所述一般公共预算拨款 ≠ 基本支出 + 项目支出

[check.equal.fact_basic_parts]
id = facts.general_budget_basic.parts
left = fact:general_budget_basic
right = fact:basic_personnel + fact:basic_public
message = 文字所述基本支出 ≠ 人员经费 + 公用经费

[check.equal.fact_three_public_parts]
id = facts.three_public_total.parts
left = fact:three_public_total
right = ?fact:three_public_abroad + ?fact:three_public_vehicle_purchase + ?fact:three_public_vehicle_operation + ?fact:three_public_reception
message = 文字所述“三公”经费 ≠ 因公出国(境)费 + 公务用车购置费 + 公务用车运行费 + 公务接待费

[check.equal.fact_procurement_parts]
id = facts.procurement_total.parts
left = fact:procurement_total
right = ?fact:procurement_goods + ?fact:procurement_works + ?fact:procurement_services
message = 文字所述政府采购预算 ≠ 货物 + 工程 + 服务

[check.equal.fact_procurement_sme]
id = facts.procurement_sme_reserved
relation = >=
left = fact:procurement_total
right = fact:procurement_sme_reserved
message = 文字所述面向中小企业预留 > 政府采购预算

[check.equal.fact_procurement_small_micro]
id = facts.procurement_small_micro_reserved
relation = >=
left = fact:procurement_sme_reserved
right = fact:procurement_small_micro_reserved
message = 文字所述小微企业预留 > 面向中小企业预留

[check.equal.fact_asset_vehicle_parts]
id = facts.asset_vehicle.parts
left = fact:asset_vehicle
right = ?fact:asset_vehicle_general + ?fact:asset_vehicle_enforcement + ?fact:asset_vehicle_other
message = 文字所述车辆价值 ≠ 一般公务用车 + 执法执勤用车 + 其他车辆

# ---- Printed percentages, recomputed from the amounts --------------------
# base: alternatives, the first the document states is used.

[check.fact_share.income_general_budget]
id = facts.income_general_budget.share
fact = income_general_budget
base = fact:income_total
base = revenue_summary:@total:total
message = 一般公共预算占收入比例 ≠ 一般公共预算 / 收入预算

[check.fact_share.income_government_fund]
id = facts.income_government_fund.share
fact = income_government_fund
base = fact:income_total
base = revenue_summary:@total:total
message = 政府性基金占收入比例 ≠ 政府性基金 / 收入预算

[check.fact_share.income_state_capital]
id = facts.income_state_capital.share
fact = income_state_capital
base = fact:income_total
base = revenue_summary:@total:total
message = 国有资本经营占收入比例 ≠ 国有资本经营 / 收入预算

[check.fact_share.income_special_account]
id = facts.income_special_account.share
fact = income_special_account
base = fact:income_total
base = revenue_summary:@total:total
message = 财政专户占收入比例 ≠ 财政专户 / 收入预算

[check.fact_share.income_unit_funds]
id = facts.income_unit_funds.share
fact = income_unit_funds
base = fact:income_total
base = revenue_summary:@total:total
message = 单位资金占收入比例 ≠ 单位资金 / 收入预算

[check.fact_share.income_carryover]
id = facts.income_carryover.share
fact = income_carryover
base = fact:income_total
base = revenue_summary:@total:total
message = 上年结转占收入比例 ≠ 上年结转 / 收入预算

[check.fact_share.basic_expenditure]
id = facts.basic_expenditure.share
fact = basic_expenditure
base = fact:expenditure_total
base = expenditure_summary:@total:total
message = 基本支出占比 ≠ 基本支出 / 支出预算

[check.fact_share.project_expenditure]
id = facts.project_expenditure.share
fact = project_expenditure
base = fact:expenditure_total
base = expenditure_summary:@total:total
message = 项目支出占比 ≠ 项目支出 / 支出预算

[check.fact_share.general_budget_class]
id = facts.general_budget_class.*.share
fact = general_budget_class.*
base = fact:general_budget_total
base = general_budget_expenditure:@total:total
message = 类级支出占比 ≠ 该类支出 / 一般公共预算拨款合计

# ---- Projects --------------------------------------------------------------

[check.project_vs_table.general_budget]
id = projects.table
table = general_budget_project_expenditure
column = total
message = 项目预算安排规模 ≠ 表7 该项目合计

[check.allocation_sum.projects]
id = projects.allocation
message = 资金分配各项之和 ≠ 项目预算安排规模

[check.performance_funds.all]
id = performance
table = general_budget_project_expenditure
column = total
department = fact:performance_department_targets
department = revenue_expenditure_summary.expenditure:@total:budget

# ---- Classification codes ---------------------------------------------------

[check.codes.functional]
id = codes
tables = revenue_expenditure_summary.expenditure revenue_summary expenditure_summary fiscal_summary.expenditure general_budget_expenditure general_budget_project_expenditure government_fund_expenditure state_capital_expenditure
lengths = 3 5 7

[check.codes.economic]
id = codes
tables = general_budget_basic_expenditure
lengths = 3 5

# ==== Other templates: Jiangsu (公开01-12表), Shanghai (部门/单位预算), ====
# ==== final accounts (决算) ===============================================
# Rules of tables or columns a document lacks produce no check, so these
# rules leave the standard template alone, and the standard rules above
# (whose tables and columns these templates share) apply to them too.
#
# A table that lists its classes by name only ("一、一般公共服务支出", no
# code) is compared with the coded tables at 类 (`each = code`), its row
# found by the class's name without this enumeration:
[checks]
class_name_strip ~ ^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])
class_name_strip ~ \((?:类|款|项)\)$

# ---- Jiangsu: 收支预算总表, income and two expenditure panels ------------

[check.column_sum.js_income_total]
id = revenue_expenditure_summary.income_total
table = revenue_expenditure_summary.income
total = @total
part ~ ^当年收入小计$
part ~ ^上年结转(和结余)?(资金)?$
message = 收入合计 ≠ 当年收入小计 + 上年结转资金

[check.column_sum.js_income_current]
id = revenue_expenditure_summary.current_income
table = revenue_expenditure_summary.income
total ~ ^当年收入小计$
part ~ ^一、财政拨款
part ~ ^二、财政专户
part ~ ^三、其他资金
message = 当年收入小计 ≠ 财政拨款 + 财政专户管理资金 + 其他资金

[check.column_sum.js_income_fiscal]
id = revenue_expenditure_summary.fiscal_income
table = revenue_expenditure_summary.income
total ~ ^一、财政拨款$
part ~ ^1\.一般公共预算
part ~ ^2\.政府性基金
message = 财政拨款 ≠ 一般公共预算 + 政府性基金预算

[check.column_sum.js_expenditure_total]
id = revenue_expenditure_summary.expenditure_total
table = revenue_expenditure_summary.expenditure
columns = use_budget
total = @total
part ~ ^当年支出小计$
part ~ ^结转下年
message = 支出合计 ≠ 当年支出小计 + 结转下年资金

[check.column_sum.js_expenditure_by_use]
id = revenue_expenditure_summary.expenditure_by_use
table = revenue_expenditure_summary.expenditure
columns = use_budget
total ~ ^当年支出小计$
part ~ ^一、基本支出$
part ~ ^二、项目支出$
part ~ ^三、单位预留机动经费$
message = 当年支出小计 ≠ 基本支出 + 项目支出 + 单位预留机动经费

[check.equal.js_expenditure_by_function]
id = revenue_expenditure_summary.expenditure_by_function
left = revenue_expenditure_summary.expenditure:$sub:use_budget
right = revenue_expenditure_summary.expenditure:@uncoded:function_budget
row.sub ~ ^当年支出小计$
message = 当年支出小计 ≠ Σ功能分类支出

[check.equal.js_balance]
id = cross.revenue_expenditure_summary.balance
left = revenue_expenditure_summary.income:@total:budget
right = revenue_expenditure_summary.expenditure:@total:use_budget
message = 收入合计 ≠ 支出合计

[check.equal.js_t1_t3_total]
id = cross.revenue_expenditure_summary=expenditure_summary.total
left = revenue_expenditure_summary.expenditure:@total:use_budget
right = expenditure_summary:@total:total
message = 表1 支出合计 ≠ 表3 合计

[check.equal.js_t1_t3_basic]
id = cross.revenue_expenditure_summary=expenditure_summary.basic
left = revenue_expenditure_summary.expenditure:$row:use_budget
right = expenditure_summary:@total:basic
row.row ~ ^一、基本支出$
message = 表1 基本支出 ≠ 表3 基本支出

[check.equal.js_t1_t3_project]
id = cross.revenue_expenditure_summary=expenditure_summary.project
left = revenue_expenditure_summary.expenditure:$row:use_budget
right = expenditure_summary:@total:project
row.row ~ ^二、项目支出$
message = 表1 项目支出 ≠ 表3 项目支出

[check.equal.js_t1_t3_reserve]
id = cross.revenue_expenditure_summary=expenditure_summary.reserve
left = revenue_expenditure_summary.expenditure:$row:use_budget
right = expenditure_summary:@total:reserve
row.row ~ ^三、单位预留机动经费$
message = 表1 单位预留机动经费 ≠ 表3 单位预留机动经费

[check.equal.js_t1_t3_carryover]
id = cross.revenue_expenditure_summary=expenditure_summary.carryover_next
left = revenue_expenditure_summary.expenditure:$row:use_budget
right = expenditure_summary:@total:carryover_next
row.row ~ ^结转下年
message = 表1 结转下年资金 ≠ 表3 结转下年资金

# 表1 by function holds all funds, 表5 the 财政拨款 only: at least as much.
[check.equal.js_t1_t5_code]
id = cross.revenue_expenditure_summary>=fiscal_expenditure.code
relation = >=
each = code
left = revenue_expenditure_summary.expenditure:#*:function_budget
right = fiscal_expenditure:#*:total
message = 表1 功能分类支出 < 表5 同一类财政拨款支出

[check.equal.js_t1_t2_general_budget]
id = cross.revenue_expenditure_summary=revenue_summary.general_budget
left = revenue_expenditure_summary.income:$t1:budget
right = revenue_summary:$t2:total
row.t1 ~ ^1\.一般公共预算
row.t2 ~ ^一般公共预算资金$
message = 表1 一般公共预算 ≠ 表2 一般公共预算资金

[check.equal.js_t1_t2_government_fund]
id = cross.revenue_expenditure_summary=revenue_summary.government_fund
left = revenue_expenditure_summary.income:$t1:budget
right = revenue_summary:$t2:total
row.t1 ~ ^2\.政府性基金
row.t2 ~ ^政府性基金(预算)?(资金)?$
message = 表1 政府性基金预算 ≠ 表2 政府性基金

[check.equal.js_t1_t2_special_account]
id = cross.revenue_expenditure_summary=revenue_summary.special_account
left = revenue_expenditure_summary.income:$t1:budget
right = revenue_summary:$t2:total
row.t1 ~ ^二、财政专户
row.t2 ~ ^财政专户管理资金$
message = 表1 财政专户管理资金 ≠ 表2 财政专户管理资金

[check.equal.js_t1_t2_other]
id = cross.revenue_expenditure_summary=revenue_summary.other_funds
left = revenue_expenditure_summary.income:$t1:budget
right = revenue_summary:$t2:total
row.t1 ~ ^三、其他资金
row.t2 ~ ^其他资金$
message = 表1 其他资金 ≠ 表2 其他资金

[check.equal.js_t1_t2_carryover]
id = cross.revenue_expenditure_summary=revenue_summary.carryover
left = revenue_expenditure_summary.income:$t1:budget
right = revenue_summary:$t2:total
row.t1 ~ ^上年结转
row.t2 ~ ^上年结转和结余资金$
message = 表1 上年结转资金 ≠ 表2 上年结转和结余资金

[check.equal.js_t1_t4_fiscal]
id = cross.revenue_expenditure_summary=fiscal_summary.fiscal
left = revenue_expenditure_summary.income:$t1:budget
right = fiscal_summary.income:@total:total
row.t1 ~ ^一、财政拨款$
message = 表1 财政拨款 ≠ 表4 收入合计

# ---- Jiangsu: 收入预算总表, the sources as rows ---------------------------

[check.column_sum.js_revenue_summary_total]
id = revenue_summary.sources
table = revenue_summary
total = @total
part ~ ^一般公共预算资金$
part ~ ^政府性基金(预算)?(资金)?$
part ~ ^财政专户管理资金$
part ~ ^其他资金$
part ~ ^上年结转和结余资金$
message = 收入总计 ≠ 一般公共预算 + 政府性基金 + 财政专户 + 其他资金 + 上年结转和结余

[check.column_sum.js_revenue_general_budget]
id = revenue_summary.general_budget
table = revenue_summary
total ~ ^一般公共预算资金$
part ~ ^公共财政拨款
part ~ ^专项收入$
message = 一般公共预算资金 ≠ 公共财政拨款(补助)资金 + 专项收入

[check.column_sum.js_revenue_special_account]
id = revenue_summary.special_account
table = revenue_summary
total ~ ^财政专户管理资金$
part ~ ^专户管理教育收费$
part ~ ^其他非税收入$
message = 财政专户管理资金 ≠ 专户管理教育收费 + 其他非税收入

[check.column_sum.js_revenue_other]
id = revenue_summary.other_funds
table = revenue_summary
total ~ ^其他资金$
part ~ ^事业收入$
part ~ ^经营收入$
part ~ ^其他收入$
part ~ ^债务资金
message = 其他资金 ≠ 事业收入 + 经营收入 + 其他收入 + 债务资金

# ---- 财政拨款收支总表 listed by name (Jiangsu, Shanghai) --------------------

[check.column_sum.named_fiscal_income]
id = fiscal_summary.income_sources
table = fiscal_summary.income
total = @total
part ~ ^[一二三]、一般公共预算
part ~ ^[一二三]、政府性基金
part ~ ^[一二三]、国有资本经营
message = 收入合计 ≠ 一般公共预算 + 政府性基金 + 国有资本经营预算

[check.column_sum.named_fiscal_expenditure]
id = fiscal_summary.expenditure_total
table = fiscal_summary.expenditure
total = @total
part = @uncoded
message = 支出合计 ≠ Σ各项支出

[check.equal.js_t4_t5_total]
id = cross.fiscal_summary=fiscal_expenditure.total
left = fiscal_summary.expenditure:@total:total
right = fiscal_expenditure:@total:total
message = 表4 支出合计 ≠ 表5 合计

[check.equal.js_t4_t6_basic]
id = cross.fiscal_summary=fiscal_basic_expenditure.total
left = fiscal_summary.expenditure:$row:total
right = fiscal_basic_expenditure:@total:total
row.row ~ ^一、基本支出$
message = 表4 基本支出 ≠ 表6 合计

[check.equal.js_t3_t4_basic]
id = cross.expenditure_summary>=fiscal_summary.basic
relation = >=
left = expenditure_summary:@total:basic
right = fiscal_summary.expenditure:$row:total
row.row ~ ^一、基本支出$
message = 表3 基本支出 < 表4 财政拨款基本支出

[check.equal.js_t3_t4_project]
id = cross.expenditure_summary>=fiscal_summary.project
relation = >=
left = expenditure_summary:@total:project
right = fiscal_summary.expenditure:$row:total
row.row ~ ^二、项目支出$
message = 表3 项目支出 < 表4 财政拨款项目支出

# ---- Jiangsu: 财政拨款支出, 财政拨款基本支出, 机关运行经费 -------------------

[check.hierarchy.fiscal_expenditure]
id = fiscal_expenditure.hierarchy
table = fiscal_expenditure

[check.hierarchy.fiscal_basic_expenditure]
id = fiscal_basic_expenditure.hierarchy
table = fiscal_basic_expenditure
lengths = 3 5

[check.hierarchy.office_operation_expenditure]
id = office_operation_expenditure.hierarchy
table = office_operation_expenditure
lengths = 3 5

# 财政拨款 = 一般公共预算 + 政府性基金.
[check.equal.js_t5_t7_total]
id = cross.fiscal_expenditure=general_budget_expenditure.total
left = fiscal_expenditure:@total:total
right = general_budget_expenditure:@total:total + ?government_fund_expenditure:@total:total
message = 表5 财政拨款合计 ≠ 一般公共预算合计 + 政府性基金合计

[check.equal.js_t5_t7_code]
id = cross.fiscal_expenditure=general_budget_expenditure.code
each = code
left = fiscal_expenditure:#*:total
right = general_budget_expenditure:#*:total + ?government_fund_expenditure:#*:total
message = 表5 科目 ≠ 一般公共预算 + 政府性基金 同一科目

[check.equal.js_t6_t8_total]
id = cross.fiscal_basic_expenditure>=general_budget_basic_expenditure.total
relation = >=
left = fiscal_basic_expenditure:@total:total
right = general_budget_basic_expenditure:@total:total
message = 表6 财政拨款基本支出 < 表8 一般公共预算基本支出

[check.equal.js_t6_t8_code]
id = cross.fiscal_basic_expenditure>=general_budget_basic_expenditure.code
relation = >=
each = code
left = fiscal_basic_expenditure:#*:total
right = general_budget_basic_expenditure:#*:total
message = 表6 科目 < 表8 同一科目

[check.fact_equal.office_operation]
id = facts.operating_expenses.table
left = fact:operating_expenses
right = office_operation_expenditure:@total:total
message = 文字所述机关运行经费 ≠ 机关运行经费表合计

# ---- 三公 printed as one row, the items as columns (Jiangsu, Shanghai) ------

[check.row_sum.three_public_grand]
id = three_public_expenses.row_total
table = three_public_expenses
total = total
parts = three_public_total ?meeting ?training
message = 合计 ≠ “三公”经费 + 会议费 + 培训费

[check.row_sum.three_public_items]
id = three_public_expenses.total
table = three_public_expenses
total = three_public_total
parts = outbound vehicle_total reception
message = “三公”经费 ≠ 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费

[check.row_sum.three_public_vehicle_columns]
id = three_public_expenses.vehicle_subtotal
table = three_public_expenses
total = vehicle_total
parts = ?vehicle_purchase vehicle_operation
message = 公务用车购置及运行费 ≠ 购置费 + 运行费

[check.fact_equal.three_public_total_columns]
id = facts.three_public_total
left = fact:three_public_total
right = three_public_expenses:@total:three_public_total

[check.fact_equal.three_public_abroad_columns]
id = facts.three_public_abroad
left = fact:three_public_abroad
right = three_public_expenses:@total:outbound

[check.fact_equal.three_public_vehicle_purchase_columns]
id = facts.three_public_vehicle_purchase
left = fact:three_public_vehicle_purchase
right = three_public_expenses:@total:vehicle_purchase

[check.fact_equal.three_public_vehicle_operation_columns]
id = facts.three_public_vehicle_operation
left = fact:three_public_vehicle_operation
right = three_public_expenses:@total:vehicle_operation

[check.fact_equal.three_public_reception_columns]
id = facts.three_public_reception
left = fact:three_public_reception
right = three_public_expenses:@total:reception

[check.fact_equal.office_operation_columns]
id = facts.operating_expenses.table
left = fact:operating_expenses
right = three_public_expenses:@total:office_operation
message = 文字所述机关运行经费 ≠ 表中机关运行经费预算数

[check.equal.three_public_vs_basic_reception]
id = cross.three_public_expenses>=general_budget_basic_expenditure.reception
relation = >=
left = three_public_expenses:@total:reception
right = general_budget_basic_expenditure:#30217:total

[check.equal.three_public_vs_basic_vehicle]
id = cross.three_public_expenses>=general_budget_basic_expenditure.vehicle_operation
relation = >=
left = three_public_expenses:@total:vehicle_operation
right = general_budget_basic_expenditure:#30231:total

[check.equal.three_public_vs_basic_abroad]
id = cross.three_public_expenses>=general_budget_basic_expenditure.abroad
relation = >=
left = three_public_expenses:@total:outbound
right = general_budget_basic_expenditure:#30212:total

# ---- 政府采购 (Jiangsu 公开12表) --------------------------------------------

[check.column_sum.procurement_kinds]
id = procurement.total
table = procurement
total = @total
part ~ ^[一二三]、货物
part ~ ^[一二三]、工程
part ~ ^[一二三]、服务
message = 合计 ≠ 货物 + 工程 + 服务

[check.fact_equal.procurement_total]
id = facts.procurement_total
left = fact:procurement_total
right = procurement:@total:total
message = 文字所述政府采购预算 ≠ 政府采购预算表合计

[check.fact_equal.procurement_goods]
id = facts.procurement_goods
left = fact:procurement_goods
right = procurement:$row:total
row.row ~ ^[一二三]、货物

[check.fact_equal.procurement_works]
id = facts.procurement_works
left = fact:procurement_works
right = procurement:$row:total
row.row ~ ^[一二三]、工程

[check.fact_equal.procurement_services]
id = facts.procurement_services
left = fact:procurement_services
right = procurement:$row:total
row.row ~ ^[一二三]、服务

# ---- Shanghai: 财务收支预算总表 ----------------------------------------------

[check.column_sum.sh_income_total]
id = revenue_expenditure_summary.income_total
table = revenue_expenditure_summary.income
total = @total
part ~ ^一、财政拨款收入$
part ~ ^二、事业收入$
part ~ ^三、事业单位经营收入$
part ~ ^四、其他收入$
message = 收入总计 ≠ 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入

[check.column_sum.sh_income_fiscal]
id = revenue_expenditure_summary.fiscal_income
table = revenue_expenditure_summary.income
total ~ ^一、财政拨款收入$
part ~ ^1[.、]一般公共预算
part ~ ^2[.、]政府性基金
part ~ ^3[.、]国有资本经营
message = 财政拨款收入 ≠ 一般公共预算 + 政府性基金 + 国有资本经营预算

[check.column_sum.sh_expenditure_classes]
id = revenue_expenditure_summary.expenditure_total
table = revenue_expenditure_summary.expenditure
columns = budget
total = @total
part = @uncoded
message = 支出总计 ≠ Σ类

[check.row_sum.sh_unit_expenditure]
id = revenue_expenditure_summary.row_total
table = revenue_expenditure_summary.expenditure
total = budget
parts = basic_personnel basic_public project
message = 合计 ≠ 人员经费 + 公用经费 + 项目支出

[check.equal.sh_t1_t2_fiscal]
id = cross.revenue_expenditure_summary=revenue_summary.fiscal
left = revenue_expenditure_summary.income:$t1:budget
right = revenue_summary:@total:fiscal_subtotal
row.t1 ~ ^一、财政拨款收入$

[check.equal.sh_t1_t2_business]
id = cross.revenue_expenditure_summary=revenue_summary.business_income
left = revenue_expenditure_summary.income:$t1:budget
right = revenue_summary:@total:business_income
row.t1 ~ ^二、事业收入$

[check.equal.sh_t1_t2_operating]
id = cross.revenue_expenditure_summary=revenue_summary.operating_income
left = revenue_expenditure_summary.income:$t1:budget
right = revenue_summary:@total:operating_income
row.t1 ~ ^三、事业单位经营收入$

[check.equal.sh_t1_t2_other]
id = cross.revenue_expenditure_summary=revenue_summary.other_income
left = revenue_expenditure_summary.income:$t1:budget
right = revenue_summary:@total:other_income
row.t1 ~ ^四、其他收入$

[check.equal.sh_t1_t4_fiscal]
id = cross.revenue_expenditure_summary=fiscal_summary.fiscal
left = revenue_expenditure_summary.income:$t1:budget
right = fiscal_summary.income:@total:total
row.t1 ~ ^一、财政拨款收入$

[check.equal.sh_unit_t1_t3_basic]
id = cross.revenue_expenditure_summary=expenditure_summary.basic
left = revenue_expenditure_summary.expenditure:@total:basic_personnel + revenue_expenditure_summary.expenditure:@total:basic_public
right = expenditure_summary:@total:basic

[check.equal.sh_unit_t1_t3_project]
id = cross.revenue_expenditure_summary=expenditure_summary.project
left = revenue_expenditure_summary.expenditure:@total:project
right = expenditure_summary:@total:project

[check.equal.sh_unit_t1_t6_personnel]
id = cross.revenue_expenditure_summary>=general_budget_basic_expenditure.personnel
relation = >=
left = revenue_expenditure_summary.expenditure:@total:basic_personnel
right = general_budget_basic_expenditure:@total:personnel

[check.equal.revenue_summary_fiscal_code]
id = cross.revenue_summary=fiscal_summary.code
each = code
left = revenue_summary:#*:fiscal_subtotal
right = fiscal_summary.expenditure:#*:total

# ---- Final accounts (决算): 收入支出决算总表 ------------------------------

[check.column_sum.final_income_current]
id = final_revenue_expenditure_summary.current_income
table = final_revenue_expenditure_summary.income
total ~ ^本年收入合计$
part ~ ^一、
part ~ ^二、
part ~ ^三、
part ~ ^四、
part ~ ^五、
part ~ ^六、
part ~ ^七、
part ~ ^八、
part ~ ^九、
part ~ ^十、
message = 本年收入合计 ≠ Σ各项收入

[check.column_sum.final_expenditure_current]
id = final_revenue_expenditure_summary.current_expenditure
table = final_revenue_expenditure_summary.expenditure
total ~ ^本年支出合计$
part ~ ^一、
part ~ ^二、
part ~ ^三、
part ~ ^四、
part ~ ^五、
part ~ ^六、
part ~ ^七、
part ~ ^八、
part ~ ^九、
part ~ ^十、
part ~ ^十一、
part ~ ^十二、
part ~ ^十三、
part ~ ^十四、
part ~ ^十五、
part ~ ^十六、
part ~ ^十七、
part ~ ^十八、
part ~ ^十九、
part ~ ^二十、
part ~ ^二十一、
part ~ ^二十二、
part ~ ^二十三、
part ~ ^二十四、
part ~ ^二十五、
part ~ ^二十六、
message = 本年支出合计 ≠ Σ类

# 年初结转和结余 + 本年收入 (+ 使用非财政拨款结余) = 总计 = 本年支出 +
# 结余分配 + 年末结转和结余.
[check.column_sum.final_income_total]
id = final_revenue_expenditure_summary.income_total
table = final_revenue_expenditure_summary.income
total ~ ^总计$
part ~ ^本年收入合计$
part ~ ^使用非财政拨款结余
part ~ ^年初结转和结余$
message = 总计 ≠ 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余

[check.column_sum.final_expenditure_total]
id = final_revenue_expenditure_summary.expenditure_total
table = final_revenue_expenditure_summary.expenditure
total ~ ^总计$
part ~ ^本年支出合计$
part ~ ^结余分配$
part ~ ^年末结转和结余$
message = 总计 ≠ 本年支出合计 + 结余分配 + 年末结转和结余

[check.equal.final_balance]
id = cross.final_revenue_expenditure_summary.balance
left = final_revenue_expenditure_summary.income:$t:actual
right = final_revenue_expenditure_summary.expenditure:$t:actual
row.t ~ ^总计$
message = 收入总计 ≠ 支出总计

[check.equal.final_t1_t2_total]
id = cross.final_revenue_expenditure_summary=final_revenue.total
left = final_revenue_expenditure_summary.income:$t:actual
right = final_revenue:@total:total
row.t ~ ^本年收入合计$
message = 表1 本年收入合计 ≠ 表2 合计

[check.equal.final_t1_t2_fiscal]
id = cross.final_revenue_expenditure_summary=final_revenue.fiscal
left = final_revenue_expenditure_summary.income:$a:actual + ?final_revenue_expenditure_summary.income:$b:actual + ?final_revenue_expenditure_summary.income:$c:actual
right = final_revenue:@total:fiscal
row.a ~ ^一、一般公共预算财政拨款
row.b ~ ^二、政府性基金预算财政拨款
row.c ~ ^三、国有资本经营预算财政拨款
message = 表1 财政拨款收入 ≠ 表2 财政拨款收入

[check.equal.final_t1_t3_total]
id = cross.final_revenue_expenditure_summary=final_expenditure.total
left = final_revenue_expenditure_summary.expenditure:$t:actual
right = final_expenditure:@total:total
row.t ~ ^本年支出合计$
message = 表1 本年支出合计 ≠ 表3 合计

[check.equal.final_t1_t3_code]
id = cross.final_revenue_expenditure_summary=final_expenditure.code
each = code
left = final_revenue_expenditure_summary.expenditure:#*:actual
right = final_expenditure:#*:total
message = 表1 类支出 ≠ 表3 同一类合计

[check.equal.final_t1_t4_general_budget]
id = cross.final_revenue_expenditure_summary=final_fiscal_summary.general_budget
left = final_revenue_expenditure_summary.income:$a:actual
right = final_fiscal_summary.income:$b:actual
row.a ~ ^一、一般公共预算财政拨款
row.b ~ ^一、一般公共预算财政拨款
message = 表1 一般公共预算财政拨款收入 ≠ 表4 一般公共预算财政拨款

# ---- 收入决算表, 支出决算表 -------------------------------------------------

[check.row_sum.final_revenue]
id = final_revenue.row_total
table = final_revenue
total = total
parts = fiscal ?superior_subsidy ?business_income ?operating_income ?affiliated_income ?other_income
message = 本年收入合计 ≠ Σ各项收入

[check.hierarchy.final_revenue]
id = final_revenue.hierarchy
table = final_revenue

[check.row_sum.final_expenditure]
id = final_expenditure.row_total
table = final_expenditure
total = total
parts = basic project ?superior_payment ?operating_expenditure ?affiliated_subsidy
message = 本年支出合计 ≠ 基本支出 + 项目支出 + 上缴上级 + 经营支出 + 对附属单位补助

[check.hierarchy.final_expenditure]
id = final_expenditure.hierarchy
table = final_expenditure

# ---- 财政拨款收入支出决算总表 -----------------------------------------------

[check.column_sum.final_fiscal_income_current]
id = final_fiscal_summary.current_income
table = final_fiscal_summary.income
total ~ ^本年收入合计$
part ~ ^一、一般公共预算
part ~ ^二、政府性基金
part ~ ^三、国有资本经营
message = 本年收入合计 ≠ 一般公共预算 + 政府性基金 + 国有资本经营预算财政拨款

[check.column_sum.final_fiscal_expenditure_current]
id = final_fiscal_summary.current_expenditure
table = final_fiscal_summary.expenditure
total ~ ^本年支出合计$
part ~ ^一、
part ~ ^二、
part ~ ^三、
part ~ ^四、
part ~ ^五、
part ~ ^六、
part ~ ^七、
part ~ ^八、
part ~ ^九、
part ~ ^十、
part ~ ^十一、
part ~ ^十二、
part ~ ^十三、
part ~ ^十四、
part ~ ^十五、
part ~ ^十六、
part ~ ^十七、
part ~ ^十八、
part ~ ^十九、
part ~ ^二十、
part ~ ^二十一、
part ~ ^二十二、
part ~ ^二十三、
part ~ ^二十四、
part ~ ^二十五、
part ~ ^二十六、
message = 本年支出合计 ≠ Σ类

[check.row_sum.final_fiscal_summary]
id = final_fiscal_summary.row_total
table = final_fiscal_summary.expenditure
total = total
parts = general_budget ?government_fund ?state_capital
message = 合计 ≠ 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款

[check.equal.final_fiscal_balance]
id = cross.final_fiscal_summary.balance
left = final_fiscal_summary.income:$t:actual
right = final_fiscal_summary.expenditure:$t:total
row.t ~ ^总计$
message = 收入总计 ≠ 支出总计

[check.equal.final_t4_t5_total]
id = cross.final_fiscal_summary=final_general_budget_expenditure.total
left = final_fiscal_summary.expenditure:$t:general_budget
right = final_general_budget_expenditure:@total:total
row.t ~ ^本年支出合计$
message = 表4 一般公共预算财政拨款支出 ≠ 表5 合计

[check.equal.final_t4_t5_code]
id = cross.final_fiscal_summary=final_general_budget_expenditure.code
each = code
left = final_fiscal_summary.expenditure:#*:general_budget
right = final_general_budget_expenditure:#*:total
message = 表4 类支出 ≠ 表5 同一类合计

[check.equal.final_t4_t8_code]
id = cross.final_fiscal_summary=final_government_fund.code
each = code
left = final_fiscal_summary.expenditure:#*:government_fund
right = final_government_fund:#*:expenditure_total
message = 表4 政府性基金类支出 ≠ 表8 同一类本年支出

[check.equal.final_t4_t9_code]
id = cross.final_fiscal_summary=final_state_capital.code
each = code
left = final_fiscal_summary.expenditure:#*:state_capital
right = final_state_capital:#*:expenditure_total
message = 表4 国有资本经营类支出 ≠ 表9 同一类本年支出

# ---- 一般公共预算财政拨款支出决算表, 基本支出决算表 --------------------------

[check.row_sum.final_general_budget_expenditure]
id = final_general_budget_expenditure.row_total
table = final_general_budget_expenditure
total = total
parts = basic project
message = 合计 ≠ 基本支出 + 项目支出

[check.hierarchy.final_general_budget_expenditure]
id = final_general_budget_expenditure.hierarchy
table = final_general_budget_expenditure

# Two panels: 人员经费 (301, 303) and 公用经费 (302, 310, …), each with
# its own 合计 row.
[check.hierarchy.final_basic_personnel]
id = final_general_budget_basic_expenditure.hierarchy
table = final_general_budget_basic_expenditure
lengths = 3 5
columns = personnel
message.total = 人员经费合计 ≠ Σ类

[check.hierarchy.final_basic_public]
id = final_general_budget_basic_expenditure.hierarchy
table = final_general_budget_basic_expenditure
lengths = 3 5
columns = public
total = no

[check.column_sum.final_basic_public_total]
id = final_general_budget_basic_expenditure.public_total
table = final_general_budget_basic_expenditure
columns = public
total ~ ^公用经费合计$
part = #302
part = #307
part = #309
part = #310
part = #312
part = #399
message = 公用经费合计 ≠ Σ类

[check.equal.final_t5_t6_basic]
id = cross.final_general_budget_expenditure=final_general_budget_basic_expenditure.total
left = final_general_budget_expenditure:@total:basic
right = final_general_budget_basic_expenditure:$p:personnel + final_general_budget_basic_expenditure:$q:public
row.p ~ ^人员经费合计$
row.q ~ ^公用经费合计$
message = 表5 基本支出 ≠ 表6 人员经费合计 + 公用经费合计

# ---- 财政拨款“三公”经费支出决算表 ------------------------------------------

[check.row_sum.final_three_public_budget]
id = final_three_public_expenses.budget_total
table = final_three_public_expenses
total = total_budget
parts = outbound_budget vehicle_total_budget reception_budget
message = 合计预算数 ≠ 因公出国 + 公务用车 + 公务接待预算数

[check.row_sum.final_three_public_actual]
id = final_three_public_expenses.actual_total
table = final_three_public_expenses
total = total_actual
parts = outbound_actual vehicle_total_actual reception_actual
message = 合计决算数 ≠ 因公出国 + 公务用车 + 公务接待决算数

[check.row_sum.final_three_public_vehicle_budget]
id = final_three_public_expenses.vehicle_budget
table = final_three_public_expenses
total = vehicle_total_budget
parts = ?vehicle_purchase_budget vehicle_operation_budget
message = 公务用车购置及运行维护费预算数 ≠ 购置费 + 运行维护费

[check.row_sum.final_three_public_vehicle_actual]
id = final_three_public_expenses.vehicle_actual
table = final_three_public_expenses
total = vehicle_total_actual
parts = ?vehicle_purchase_actual vehicle_operation_actual
message = 公务用车购置及运行维护费决算数 ≠ 购置费 + 运行维护费

[check.equal.final_three_public_vs_basic_reception]
id = cross.final_three_public_expenses>=final_general_budget_basic_expenditure.reception
relation = >=
left = final_three_public_expenses:@total:reception_actual
right = final_general_budget_basic_expenditure:#30217:public

[check.equal.final_three_public_vs_basic_vehicle]
id = cross.final_three_public_expenses>=final_general_budget_basic_expenditure.vehicle_operation
relation = >=
left = final_three_public_expenses:@total:vehicle_operation_actual
right = final_general_budget_basic_expenditure:#30231:public

[check.equal.final_three_public_vs_basic_abroad]
id = cross.final_three_public_expenses>=final_general_budget_basic_expenditure.abroad
relation = >=
left = final_three_public_expenses:@total:outbound_actual
right = final_general_budget_basic_expenditure:#30212:public

# ---- 政府性基金 / 国有资本经营预算财政拨款收入支出决算表 -------------------
# 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余, in every row.

[check.row_sum.final_government_fund]
id = final_government_fund.row_total
table = final_government_fund
total = expenditure_total
parts = ?expenditure_basic ?expenditure_project
message = 本年支出合计 ≠ 基本支出 + 项目支出

[check.equal.final_government_fund_carryover]
id = final_government_fund.carryover
left = final_government_fund:@total:carryover_begin + final_government_fund:@total:income
right = final_government_fund:@total:expenditure_total + final_government_fund:@total:carryover_end
message = 年初结转和结余 + 本年收入 ≠ 本年支出 + 年末结转和结余

[check.equal.final_government_fund_carryover_code]
id = final_government_fund.carryover
each = code
left = final_government_fund:#*:carryover_begin + final_government_fund:#*:income
right = final_government_fund:#*:expenditure_total + final_government_fund:#*:carryover_end
message = 年初结转和结余 + 本年收入 ≠ 本年支出 + 年末结转和结余

[check.hierarchy.final_government_fund]
id = final_government_fund.hierarchy
table = final_government_fund

[check.row_sum.final_state_capital]
id = final_state_capital.row_total
table = final_state_capital
total = expenditure_total
parts = ?expenditure_basic ?expenditure_project
message = 本年支出合计 ≠ 基本支出 + 项目支出

[check.equal.final_state_capital_carryover]
id = final_state_capital.carryover
left = final_state_capital:@total:carryover_begin + final_state_capital:@total:income
right = final_state_capital:@total:expenditure_total + final_state_capital:@total:carryover_end
message = 年初结转和结余 + 本年收入 ≠ 本年支出 + 年末结转和结余

[check.equal.final_state_capital_carryover_code]
id = final_state_capital.carryover
each = code
left = final_state_capital:#*:carryover_begin + final_state_capital:#*:income
right = final_state_capital:#*:expenditure_total + final_state_capital:#*:carryover_end
message = 年初结转和结余 + 本年收入 ≠ 本年支出 + 年末结转和结余

[check.hierarchy.final_state_capital]
id = final_state_capital.hierarchy
table = final_state_capital

# ---- Final accounts: the text against the tables ---------------------------

[check.fact_equal.final_general_budget_total]
id = facts.general_budget_total
left = fact:general_budget_total
right = final_general_budget_expenditure:@total:total

[check.fact_equal.final_general_budget_basic]
id = facts.general_budget_basic
left = fact:general_budget_basic
right = final_general_budget_expenditure:@total:basic

[check.fact_equal.final_general_budget_project]
id = facts.general_budget_project
left = fact:general_budget_project
right = final_general_budget_expenditure:@total:project

[check.fact_equal.final_general_budget_class]
id = facts.general_budget_class.*
each = fact:general_budget_class
left = fact:general_budget_class.*
right = final_general_budget_expenditure:#*:total

[check.fact_share.final_general_budget_class]
id = facts.general_budget_class.*.share
fact = general_budget_class.*
base = final_general_budget_expenditure:@total:total

[check.fact_equal.final_basic_personnel]
id = facts.basic_personnel
left = fact:basic_personnel
right = final_general_budget_basic_expenditure:$row:personnel
row.row ~ ^人员经费合计$

[check.fact_equal.final_basic_public]
id = facts.basic_public
left = fact:basic_public
right = final_general_budget_basic_expenditure:$row:public
row.row ~ ^公用经费合计$

[check.fact_equal.final_three_public_total]
id = facts.three_public_total
left = fact:three_public_total
right = final_three_public_expenses:@total:total_actual

[check.fact_equal.final_three_public_abroad]
id = facts.three_public_abroad
left = fact:three_public_abroad
right = final_three_public_expenses:@total:outbound_actual

[check.fact_equal.final_three_public_vehicle_purchase]
id = facts.three_public_vehicle_purchase
left = fact:three_public_vehicle_purchase
right = final_three_public_expenses:@total:vehicle_purchase_actual

[check.fact_equal.final_three_public_vehicle_operation]
id = facts.three_public_vehicle_operation
left = fact:three_public_vehicle_operation
right = final_three_public_expenses:@total:vehicle_operation_actual

[check.fact_equal.final_three_public_reception]
id = facts.three_public_reception
left = fact:three_public_reception
right = final_three_public_expenses:@total:reception_actual

# ---- Classification codes of the new tables ---------------------------------

[check.codes.functional_other]
id = codes
tables = fiscal_expenditure final_revenue final_expenditure final_general_budget_expenditure final_government_fund final_state_capital
lengths = 3 5 7

[check.codes.economic_other]
id = codes
tables = fiscal_basic_expenditure office_operation_expenditure final_general_budget_basic_expenditure
lengths = 3 5
