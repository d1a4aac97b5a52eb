# The narrative: 部门概况 (overview), 项目支出情况说明 (projects) and the
# numbers the 情况说明 states (facts).  Read by src/parse-narrative.c; the
# keys are documented in docs/patterns.md ("Narrative") and the fact keys
# in docs/facts.md.
#
# Every regex is searched in one paragraph of the text (lines joined,
# normalized: NFKC turns （）：，；％ into ( ) : , ; %, and there is no
# space next to a Chinese character; a space may remain between digits
# and %, so write \s* there).  First match wins, in file order.
#
# Named groups the code reads:
#   amount  a printed amount ("417.37", "2,064.25"), parsed in `unit`
#   unit    the unit printed after it (万元, 元, ...)
#   share   the percentage printed right after the amount, without %
#   count   a whole number (人, 个, 辆, 台); "0.00" counts as 0
#   name    a name: a project's, an allocation item's, a classification's
#
# Sections: [overview] (duties, divisions, subordinate units, staffing),
# [project] (the project descriptions), [facts] (what all facts share) and
# one [fact.KEY] per fact key.  The keys of each are described where they
# are used, below.
#
# Conventions for [fact.KEY] sections (one section per fact key):
#   text ~ R          the fact's wording; searched only in paragraphs
#                     that pass the heading filters below
#   anywhere ~ R      the same, but in any paragraph (for wordings so
#                     specific that no heading is needed)
#   in_section ~ R    the paragraph's level-2 heading (一、…) matches R
#   in_subsection ~ R the paragraph's level-3 heading ((一)…) matches R
#   in_heading ~ R    either of the two matches R
#   not ~ R           the paragraph must not match R
#   each = yes        every match gives a fact (one per code); otherwise
#                     the first match in document order is the only one
#   level = 1 | 3     keys ending in .CODE: the name in group `name` is a
#                     类 (1) or a 项 (3) of the tables, optional groups
#                     `class` (类) and `section` (款) narrow it down
#   unit = 万元        the unit when a regex has no `unit` group (default:
#                     the unit most tables print)
# Several entries of one filter kind: any of them; different kinds: all.
# The fact's text is the whole match (group 0).

[overview]
# The heading over the duties, and the duties: each regex is one style of
# numbering; all items of a list use the style of the first.
functions_heading ~ ^(?:[一二三四五六七八九十]{1,3}[、.]\s*)?.{0,40}?(?:主要职能|主要职责|职能职责|部门职责|职责职能)$
function_item ~ ^\((?<n>[一二三四五六七八九十]{1,3})\)\s*
function_item ~ ^(?<n>[一二三四五六七八九十]{1,3})、\s*
function_item ~ ^(?<n>\d{1,2})[、.](?!\d)\s*
# Where one paragraph holds several items: an item may start right after
# one of these.
function_break ~ [。;]\s*
# A paragraph that ends like this ends its item (else the next paragraph
# continues it).
sentence_end ~ [。;!?]\s*$

# 下设 N 个科室，分别是：A、B、C。
divisions ~ 下设\s*(?<count>\d+)\s*个(?:内设|职能)?(?:科室|处室|机构|部门|内设机构)\s*,?\s*(?:分别是|分别为|具体是|具体为|包括|为)\s*:?\s*(?<list>[^。]+)
division_separator ~ [、,;]
division_strip ~ 等$

# 下属预算单位: none, or how many.
subordinate_none ~ (?:无|没有|不含)下属(?:二级)?(?:预算)?单位
subordinate ~ 下属(?:二级)?(?:预算)?单位(?:共|有|共有|包括)?\s*(?<count>\d+)\s*[个家]
subordinate ~ 下属\s*(?<count>\d+)\s*[个家](?:二级)?预算单位

# Staffing: searched in the first paragraph that matches staffing_paragraph.
staffing_paragraph ~ 实有人数|实有\s*\d+\s*人|在职\s*\d+\s*人
staffing.authorized ~ 编制(?:数|人数)\s*(?:为)?\s*(?<count>\d+)
staffing.actual ~ 实有(?:人数)?\s*(?:为)?\s*(?<count>\d+)
staffing.in_service ~ 在职(?:人员)?\s*(?<count>\d+)\s*人
staffing.in_service_increase ~ 在职(?:人员)?\s*\d+\s*人\s*,?\s*(?:增加\s*(?<count>\d+)|减少\s*(?<decrease>\d+))\s*人
staffing.retired ~ (?<!离)退休(?:人员)?\s*(?<count>\d+)\s*人
staffing.retired_increase ~ (?<!离)退休(?:人员)?\s*\d+\s*人\s*,?\s*(?:增加\s*(?<count>\d+)|减少\s*(?<decrease>\d+))\s*人
staffing.retired_cadre ~ 离休(?:人员)?\s*(?<count>\d+)\s*人
staffing.retired_cadre_increase ~ 离休(?:人员)?\s*\d+\s*人\s*,?\s*(?:增加\s*(?<count>\d+)|减少\s*(?<decrease>\d+))\s*人

[project]
# The section that describes the projects (its level-2 heading).
in_section ~ 项目支出(?:预算)?(?:情况)?说明
# A project starts with its name.
name ~ ^(?:\(?[一二三四五六七八九十\d]{1,3}\)?[、.]?)?\s*项目名称\s*:\s*(?<name>\S.*?)\s*$
# Its fields: the text after the match, and the paragraphs that follow
# until the next field or project.
field.basis ~ ^(?:设立的)?(?:政策|立项)依据\s*:\s*
field.amount ~ ^(?:预算安排规模|预算安排|项目预算|预算金额)\s*:\s*
field.owner ~ ^(?:项目承担单位|项目实施单位|承担单位)\s*:\s*
field.allocation ~ ^资金分配(?:情况)?\s*:\s*
field.period ~ ^(?:资金执行时间|项目执行时间|执行时间|实施周期)\s*:\s*
# How the fields are read.
amount ~ ^(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)
allocation_item ~ (?<name>[^,;。:]+?)\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)
period ~ (?<y1>\d{4})\s*年\s*(?<m1>\d{1,2})\s*月\s*(?<d1>\d{1,2})\s*日?\s*(?:到|至|-|—|–|~)\s*(?<y2>\d{4})\s*年\s*(?<m2>\d{1,2})\s*月\s*(?<d2>\d{1,2})\s*日?
# Text dropped from the end of the owner ("。").
owner_strip ~ [。;,]+$

[facts]
# Names of classifications are compared with the tables' names after
# removing these (the seed prints 一般公共预算服务支出 for 一般公共服务支出).
name_ignore ~ 预算
name_ignore ~ \((?:类|款|项)\)
# A name no table row matches: the fact is left out, with a notice.  Add
# "unknown_code = name" (here or in a later file) to key it by the name
# ("general_budget_class.某某支出"), which the contract's schema refuses.

# ---- 收支总体 --------------------------------------------------------------

[fact.total_budget]
in_section ~ ^(?!.*财政拨款).*收支.{0,6}总(?:体|表).{0,6}说明
text ~ (?<!财政拨款)收支总预算\s*(?:为|是)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)
text ~ 收入、?支出预算总计\s*(?:为|是)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

# ---- 收入 ------------------------------------------------------------------

[fact.income_total]
in_section ~ 收入预算(?:总表)?(?:情况)?说明
text ~ (?<!拨款)(?<!基金)(?<!资金)(?<!专户)(?:部门|本年)?收入预算(?:合计|总计)?\s*(?:为|是)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)
# Shanghai: "2026年,某局收入预算9628.22万元,其中:…" opens the 编制说明.
anywhere ~ ^\d{4}年,?[^,。;]{2,40}?收入预算\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)\s*,\s*其中

[fact.income_general_budget]
in_section ~ 收入预算(?:总表)?(?:情况)?说明
text ~ (?<!上级)一般公共预算(?:拨款)?(?:收入)?(?:预算)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

[fact.income_government_fund]
in_section ~ 收入预算(?:总表)?(?:情况)?说明
text ~ (?<!上级)政府性基金(?:预算)?(?:拨款)?(?:收入)?(?:预算)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

[fact.income_state_capital]
in_section ~ 收入预算(?:总表)?(?:情况)?说明
text ~ (?<!上级)国有资本经营(?:预算)?(?:拨款)?(?:收入)?(?:预算)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

[fact.income_special_account]
in_section ~ 收入预算(?:总表)?(?:情况)?说明
text ~ 财政专户(?:管理资金|核拨)?(?:收入)?(?:预算)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

[fact.income_unit_funds]
in_section ~ 收入预算(?:总表)?(?:情况)?说明
text ~ (?:单位资金|其他资金)(?:收入)?(?:预算)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

[fact.income_carryover]
in_section ~ 收入预算(?:总表)?(?:情况)?说明
text ~ 上年结转(?:结余)?(?:资金)?(?:收入)?(?:预算)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

# ---- 支出 ------------------------------------------------------------------

# Only the section on the department's whole expenditure: "三、支出预算
# 情况说明", "…局2026年支出预算情况说明", not "…基本支出预算情况说明".
[fact.expenditure_total]
in_section ~ (?:^|[、年局院会委办厅室])支出预算(?:总表)?(?:情况)?说明
text ~ (?:部门|本年|(?<=年)|^)支出预算(?:合计|总计)?\s*(?:为|是)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)
anywhere ~ ^支出预算\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)\s*,\s*其中

[fact.basic_expenditure]
in_section ~ (?:^|[、年局院会委办厅室])支出预算(?:总表)?(?:情况)?说明
text ~ 基本支出(?:预算)?(?:数)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

[fact.project_expenditure]
in_section ~ (?:^|[、年局院会委办厅室])支出预算(?:总表)?(?:情况)?说明
text ~ 项目支出(?:预算)?(?:数)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

# ---- 财政拨款 --------------------------------------------------------------

[fact.fiscal_total]
in_section ~ 财政拨款收支
text ~ 财政拨款收、?支总?预算(?:总计)?\s*(?:为|是)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

[fact.fiscal_general_budget]
in_section ~ 财政拨款收支
text ~ 收入(?:预算)?包括\s*:\s*一般公共预算(?:拨款)?(?:收入)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

# ---- 一般公共预算 ------------------------------------------------------------

[fact.general_budget_total]
in_section ~ 一般公共预算当年拨款
in_section ~ 一般公共预算(?:财政拨款)?支出预算(?:表)?(?:情况)?说明
text ~ 一般公共预算(?:当年)?拨款(?:合计|总计)\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)
text ~ 一般公共预算财政拨款支出预算\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

[fact.general_budget_basic]
in_section ~ 一般公共预算当年拨款
in_section ~ 一般公共预算(?:财政拨款)?基本支出
text ~ (?<!人员)(?<!公用)(?:一般公共预算)?(?:财政拨款)?基本支出(?:预算)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

[fact.general_budget_project]
in_section ~ 一般公共预算当年拨款
text ~ 项目支出(?:预算)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

# "1、社会保障和就业支出(类)18.38万元,占4.40%。"
[fact.general_budget_class.CODE]
in_section ~ 一般公共预算.{0,6}拨款
in_subsection ~ 结构
each = yes
level = 1
text ~ (?:(?<=[:;,。])|^)\s*(?:\d{1,2}[、.]\s*)?(?<name>[^:;,。()]+?)\s*\(类\)\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

# "1、一般公共服务支出(类)数据事务(款)行政运行(项):2026年预算数为54.81万元"
[fact.general_budget_item.CODE]
in_section ~ 一般公共预算.{0,6}拨款
in_subsection ~ 具体使用|使用情况|具体情况
each = yes
level = 3
text ~ (?:(?<=[:;。])|^)\s*(?:\d{1,2}[、.]\s*)?(?<class>[^:;,。()]+?)\s*\(类\)\s*(?<section>[^:;,。()]+?)\s*\(款\)\s*(?<name>[^:;,。()]+?)\s*\(项\)\s*:?\s*(?:\d{4}年)?(?:预算数|预算|预算安排)(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

# ---- 基本支出 --------------------------------------------------------------

[fact.basic_personnel]
in_section ~ 基本支出
text ~ 人员经费(?:预算)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

[fact.basic_public]
in_section ~ 基本支出
text ~ 公用经费(?:预算)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

# ---- “三公”经费 --------------------------------------------------------------

[fact.three_public_total]
in_section ~ 三公
text ~ .?三公.?经费(?:预算)?(?:数|总额|合计)?\s*(?:为|是)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

[fact.three_public_abroad]
in_section ~ 三公
text ~ 因公出国\(境\)费(?:用)?(?:预算)?(?:支出)?(?:预算)?(?:数)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

[fact.three_public_vehicle_purchase]
in_section ~ 三公
text ~ 公务用车购置(?:费)?(?:预算)?(?:支出)?(?:预算)?(?:数)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

[fact.three_public_vehicle_operation]
in_section ~ 三公
text ~ 公务用车运行(?:维护)?费(?:预算)?(?:支出)?(?:预算)?(?:数)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

[fact.three_public_reception]
in_section ~ 三公
text ~ 公务接待费(?:预算)?(?:支出)?(?:预算)?(?:数)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

# ---- 机关运行经费 ------------------------------------------------------------

[fact.operating_expenses]
text ~ 机关运行经费(?:财政拨款)?(?:预算)?(?:支出)?(?:预算)?(?:数)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

# ---- 政府采购 --------------------------------------------------------------

[fact.procurement_total]
text ~ (?<!类)政府采购(?:支出)?预算(?:总额|总金额|合计)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

[fact.procurement_goods]
text ~ (?:政府采购货物预算|拟(?:采购|购买)货物(?:支出)?)\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)
text ~ 货物类政府采购(?:支出)?预算\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

[fact.procurement_works]
text ~ (?:政府采购工程预算|拟(?:采购|购买)工程(?:支出)?)\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)
text ~ 工程类政府采购(?:支出)?预算\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

[fact.procurement_services]
text ~ (?:政府采购服务预算|拟(?:采购|购买)服务(?:支出)?)\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)
text ~ 服务类政府采购(?:支出)?预算\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)(?:\s*,\s*占[^\d,;。]{0,12}?(?<share>\d+(?:\.\d+)?)\s*%)?

[fact.procurement_sme_reserved]
text ~ 面向中小企业预留政府采购项目预算(?:金额)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

[fact.procurement_small_micro_reserved]
text ~ (?:面向)?小微企业预留政府采购项目预算(?:金额)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)
text ~ 预留给小型和微型企业的政府采购项目预算(?:金额)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

# ---- 国有资产 --------------------------------------------------------------
# The holdings, not what the budget plans to buy ("预算安排购置车辆…").

[fact.asset_building_area]
in_heading ~ 国有资产
not ~ 安排购置
text ~ 房屋\s*(?<count>\d[\d,]*(?:\.\d+)?)\s*平方米\s*,?\s*价值\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

[fact.asset_vehicle]
in_heading ~ 国有资产
not ~ 安排购置
text ~ (?:^|\d[.、]\s*|共有)车辆\s*(?<count>\d+)\s*辆(?:\s*,?\s*价值\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元))?

[fact.asset_vehicle_general]
in_heading ~ 国有资产
not ~ 安排购置
text ~ 一般公务用车\s*(?<count>\d+)\s*辆(?:\s*,?\s*价值\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元))?

[fact.asset_vehicle_enforcement]
in_heading ~ 国有资产
not ~ 安排购置
text ~ 执法执勤用车\s*(?<count>\d+)\s*辆(?:\s*,?\s*价值\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元))?

[fact.asset_vehicle_other]
in_heading ~ 国有资产
not ~ 安排购置
text ~ 其他(?:车辆|用车)\s*(?<count>\d+)\s*辆(?:\s*,?\s*价值\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元))?

[fact.asset_furniture]
in_heading ~ 国有资产
not ~ 安排购置
text ~ 办公家具(?:价值)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

[fact.asset_other]
in_heading ~ 国有资产
not ~ 安排购置
text ~ 其他资产(?:价值)?\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

[fact.asset_equipment_over_500k]
in_heading ~ 国有资产
not ~ 安排购置
text ~ (?:部门|单位)?(?:价值|单价)\s*50\s*万元(?:\(含\))?以上(?:的)?(?:大型)?设备(?:\(不含车辆\))?\s*(?<count>\d+)\s*(?:台|套)

[fact.asset_equipment_over_1m]
in_heading ~ 国有资产
not ~ 安排购置
text ~ (?:部门|单位)?(?:价值|单价)\s*100\s*万元(?:\(含\))?以上(?:的)?(?:大型)?设备(?:\(不含车辆\))?\s*(?<count>\d+)\s*(?:台|套)

[fact.planned_vehicle_purchase]
text ~ 预算安排购置车辆经费\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

# ---- 预算绩效 --------------------------------------------------------------

[fact.performance_department_targets]
text ~ 整体(?:预算)?绩效目标\s*(?<count>\d+)\s*个\s*,?\s*涉及(?:预算)?(?:金额|资金)\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

[fact.performance_project_count]
text ~ 当年预算安排项目共\s*(?<count>\d+)\s*个
text ~ 编报绩效目标的项目\s*(?<count>\d+)\s*个(?:\s*,\s*涉及项目预算资金\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元))?
text ~ 共\s*(?<count>\d+)\s*个项目实行绩效目标管理(?:\s*,\s*涉及财政性资金合计\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元))?

[fact.performance_fiscal_project_amount]
text ~ (?<!非)财政拨款项目涉及预算金额\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)

[fact.performance_nonfiscal_project_amount]
text ~ 非财政拨款项目涉及预算金额\s*(?:为)?\s*(?<amount>\d[\d,]*(?:\.\d+)?)\s*(?<unit>亿元|万元|千元|元)
