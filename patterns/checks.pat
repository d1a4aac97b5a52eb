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
parts = fiscal_subtotal ?special_account ?unit_funds ?fiscal_carryover ?nonfiscal_carryover
message = 总计 ≠ 财政拨款小计 + 财政专户 + 单位资金 + 上年结转结余

[check.row_sum.expenditure_summary]
id = expenditure_summary.row_total
table = expenditure_summary
total = total
parts = basic project
message = 合计 ≠ 基本支出 + 项目支出

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
parts = ?personnel ?public ?project
message = 合计 ≠ 人员经费 + 公用经费 + 项目支出

[check.row_sum.state_capital_expenditure]
id = state_capital_expenditure.row_total
table = state_capital_expenditure
total = total
parts = ?personnel ?public ?project
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
row.t4 ~ ^一般公共预算(拨款)?$
message = 表1 一般公共预算拨款 ≠ 表4 一般公共预算

[check.equal.t4_t5_income]
id = cross.fiscal_summary=general_budget_expenditure.income
left = fiscal_summary.income:$t4:total
right = general_budget_expenditure:@total:total
row.t4 ~ ^一般公共预算(拨款)?$
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
row.row ~ ^一般公共预算(拨款)?$
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
right = three_public_expenses:@total:total
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
