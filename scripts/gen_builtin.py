"""Writes src/policy/builtin.json, the built-in reference policy (domain.md §6), and from the same
pieces www/policies/example-bank.json (the embedding demo's bank) and www/policies/ladder-2022.json
(the built-in policy with the 2022 专精特新 and 小巨人 standards, domain.md §6.10.5).

The policies are data: this script is only a convenient way to author them with less repetition
(every text needs zh-CN and en). The JSON it writes is committed and is what the engine reads;
a bank writes its own document directly. Run: python3 scripts/gen_builtin.py
"""
import json, pathlib, re

def t(zh, en):
    return {"zh-CN": zh, "en": en}

def band(rows, desc=None):
    d = {"kind": "band", "rows": rows}
    if desc: d["description"] = desc
    return d

def check(id, zh, en, expr, **kw):
    c = {"id": id, "label": t(zh, en), "pass": expr}
    if "req" in kw: c["required"] = t(*kw["req"])
    if "actual" in kw: c["actual"] = kw["actual"]
    if kw.get("optional"): c["whenMissing"] = "pass"
    if "fmt" in kw: c["format"] = kw["fmt"]
    return c

def step(id, zh, en, expr):
    return {"id": id, "label": t(zh, en), "expr": expr}

def assume(fact, value, zh, en):
    return {"fact": fact, "value": value, "message": t(zh, en)}

def apply(steps, documents, deadline=None):
    """What to do next: steps and documents as (zh, en) pairs; a deadline only where domain.md gives one."""
    d = {"steps": [t(*x) for x in steps], "documents": [t(*x) for x in documents]}
    if deadline: d["deadline"] = t(*deadline)
    return d

# Documents that several products and schemes ask for, worded once.
LICENCE = ("营业执照", "business licence")
FINANCIALS = ("近三年财务报表或审计报告", "financial statements or audited reports for the last three years")
TAX_PROOF = ("完税证明及纳税信用等级证明", "tax payment certificates and the taxpayer credit grade")
IP_CERTS = ("知识产权证书（专利、软件著作权等）", "IP certificates (patents, software copyrights and the like)")
TITLES = ("高新技术企业证书或科技型中小企业入库登记编号", "high-tech enterprise certificate or tech-based SME registration number")
RD_LEDGER = ("研发费用辅助账", "R&D expense auxiliary ledger")
CREDIT_AUTH = ("企业及法定代表人征信授权书", "credit-report authorisation from the firm and its legal representative")
STAFF = ("科技人员名单及劳动合同或社保缴纳证明", "list of tech staff with labour contracts or social-insurance records")

tables = {
    "smeTechStaff": band([
        {"atLeast": "30%", "value": 20, "label": "A"},
        {"atLeast": "25%", "value": 16, "label": "B"},
        {"atLeast": "20%", "value": 12, "label": "C"},
        {"atLeast": "15%", "value": 8, "label": "D"},
        {"atLeast": "10%", "value": 4, "label": "E"},
        {"value": 0, "label": "F"}], "115号 第七条: 科技人员数 ÷ 职工总数"),
    "smeRdRevenue": band([
        {"atLeast": "6%", "value": 50, "label": "A"},
        {"atLeast": "5%", "value": 40, "label": "B"},
        {"atLeast": "4%", "value": 30, "label": "C"},
        {"atLeast": "3%", "value": 20, "label": "D"},
        {"atLeast": "2%", "value": 10, "label": "E"},
        {"value": 0, "label": "F"}], "115号 第七条: 研发费用 ÷ 销售收入"),
    "smeRdCosts": band([
        {"atLeast": "30%", "value": 50, "label": "A"},
        {"atLeast": "25%", "value": 40, "label": "B"},
        {"atLeast": "20%", "value": 30, "label": "C"},
        {"atLeast": "15%", "value": 20, "label": "D"},
        {"atLeast": "10%", "value": 10, "label": "E"},
        {"value": 0, "label": "F"}], "115号 第七条: 研发费用 ÷ 成本费用支出总额"),
    "smeIpClassOne": band([
        {"atLeast": 1, "value": 30, "label": "A"},
        {"value": 0, "label": "F"}], "115号 第七条: ≥ 1 Ⅰ类知识产权"),
    "smeIpClassTwo": band([
        {"atLeast": 4, "value": 24, "label": "B"},
        {"atLeast": 3, "value": 18, "label": "C"},
        {"atLeast": 2, "value": 12, "label": "D"},
        {"atLeast": 1, "value": 6, "label": "E"},
        {"value": 0, "label": "F"}], "115号 第七条: Ⅱ类知识产权数量"),
    "hnteRdIntensity": band([
        {"atMost": "5000万", "value": "5%"},
        {"atMost": "2亿", "value": "4%"},
        {"value": "3%"}], "32号 第十一条(五): minimum 3-year R&D ÷ revenue by last year's revenue"),
    "hnteIpClassOne": band([
        {"atLeast": 1, "value": 7, "top": 8, "label": "A"},
        {"value": 0, "label": "-"}], "195号 指引: IP quantity, ≥ 1 Class I"),
    "hnteIpClassTwo": band([
        {"atLeast": 5, "value": 5, "top": 6, "label": "B"},
        {"atLeast": 3, "value": 3, "top": 4, "label": "C"},
        {"atLeast": 1, "value": 1, "top": 2, "label": "D"},
        {"value": 0, "label": "E"}], "195号 指引: IP quantity, Class II"),
    "hnteGrowth": band([
        {"atLeast": "35%", "value": 9, "top": 10, "label": "A"},
        {"atLeast": "25%", "value": 7, "top": 8, "label": "B"},
        {"atLeast": "15%", "value": 5, "top": 6, "label": "C"},
        {"atLeast": "5%", "value": 3, "top": 4, "label": "D"},
        {"above": 0, "value": 1, "top": 2, "label": "E"},
        {"value": 0, "label": "F"}], "195号 指引: growth bands"),
    "taxMultiplier": {"kind": "map", "entries": {"A": 8, "B": 6, "M": 4, "C": 0, "D": 0},
                      "description": "tax base multiple by taxpayer grade (§6.4 step 2)"},
    "talentAddOn": {"kind": "map", "entries": {"national": "500万", "provincial": "300万", "municipal": "100万", "none": 0},
                    "description": "talent add-on, highest tier only (§6.4 step 5)"},
    "darHaircut": band([
        {"atMost": "60%", "value": "1.00"},
        {"atMost": "70%", "value": "0.85"},
        {"atMost": "85%", "value": "0.70"},
        {"value": 0}], "haircut by debt-to-asset ratio (§6.4 step 7; above 85% is K7)"),
    "tierCap": band([
        {"below": "1000万", "value": "300万"},
        {"below": "5000万", "value": "1000万"},
        {"below": "2亿", "value": "2000万"},
        {"value": "3000万"}], "tier cap by latest revenue (§6.4 step 8)"),
    "sukedaiCap": band([
        {"below": "5000万", "value": "300万"},
        {"below": "4亿", "value": "2000万"},
        {"value": 0}], "苏科贷 cap by latest revenue (§6.5)"),
    "kunkedaiCap": band([
        {"atMost": "2000万", "value": "500万"},
        {"value": "1000万"}], "昆科贷 cap by latest revenue (§6.6)"),
    "taxLoanMultiplier": {"kind": "map", "entries": {"A": 8, "B": 6, "M": 0, "C": 0, "D": 0},
                          "description": "银税互动 multiple (§6.7)"},
}

assumptions = []
for key, zh, en in [
    ("highTechEnterprise", "高新技术企业证书", "high-tech enterprise certificate"),
    ("techSmeRegistered", "科技型中小企业入库登记", "tech-based SME registration"),
    ("innovativeSme", "创新型中小企业", "innovative SME"),
    ("specializedSme", "专精特新中小企业", "specialised SME (专精特新)"),
    ("littleGiant", "专精特新“小巨人”", "little giant (小巨人)"),
    ("provincialRdInstitution", "省级以上研发机构", "provincial R&D institution"),
    ("ledStandard", "主导制定标准", "led a standard"),
    ("nationalAward", "国家级科技奖励", "national S&T award"),
]:
    assumptions.append(assume(f"statuses.{key}", False, f"未填写{zh}，按“无”计算", f"{en} not given: taken as no"))
for key, zh, en in [
    ("dishonestDebtor", "失信被执行人", "dishonest judgment debtor"),
    ("abnormalOperations", "经营异常名录", "abnormal operations list"),
    ("seriousIllegal", "严重违法失信名单", "seriously illegal and dishonest list"),
    ("overdueNow", "当前逾期", "loan overdue now"),
    ("overdue90In24m", "近24个月逾期超过90天", "overdue over 90 days in 24 months"),
    ("majorIncident", "重大安全、质量事故或严重环境违法", "major safety/quality incident or environmental violation"),
    ("restrictedIndustry", "禁止、限制和淘汰类产业", "prohibited, restricted or eliminated industry"),
]:
    assumptions.append(assume(f"credit.{key}", False, f"未填写{zh}，按“无”计算（请据实核对）", f"{en} not given: taken as no (please confirm)"))
assumptions += [
    assume("credit.overdueEventsIn24m", "0", "未填写近24个月逾期次数，按 0 计算", "overdue events in 24 months not given: taken as 0"),
    assume("tax.arrears", False, "未填写欠税情况，按“无欠税”计算", "tax arrears not given: taken as none"),
    assume("ip.classOne", "0", "未填写Ⅰ类知识产权，按 0 件计算", "Class I IP not given: taken as 0"),
    assume("ip.classTwo", "0", "未填写Ⅱ类知识产权，按 0 件计算", "Class II IP not given: taken as 0"),
    assume("talent", "none", "未填写人才层次，按“无”计算", "talent tier not given: taken as none"),
    assume("debt.unsecured", "0", "未填写现有信用贷款，按 0 计算", "existing unsecured loans not given: taken as 0"),
    assume("debt.guaranteed", "0", "未填写现有保证贷款，按 0 计算", "existing guaranteed loans not given: taken as 0"),
    assume("debt.secured", "0", "未填写现有抵质押贷款，按 0 计算", "existing secured loans not given: taken as 0"),
]

sme = {
    "basis": t("《科技型中小企业评价办法》（国科发政〔2017〕115号）", "Tech-based SME evaluation rules (国科发政〔2017〕115号)"),
    "conditions": [
        check("resident", "在中国境内（不含港澳台）注册的居民企业", "resident enterprise registered in mainland China", "resident"),
        check("employees", "职工总数不超过 500 人", "at most 500 employees", "employees <= 500"),
        check("revenue", "年销售收入不超过 2 亿元", "annual revenue at most 200 million yuan", "revenue <= 2亿"),
        check("totalAssets", "资产总额不超过 2 亿元", "total assets at most 200 million yuan", "totalAssets <= 2亿"),
        check("restrictedIndustry", "产品和服务不属于禁止、限制和淘汰类", "products not in the prohibited, restricted or eliminated catalogue", "not credit.restrictedIndustry"),
        check("majorIncident", "上年及当年无重大安全、质量事故和严重环境违法", "no major safety or quality incident or serious environmental violation this year or last", "not credit.majorIncident"),
        check("listed", "未列入经营异常名录和严重违法失信企业名单", "not on the abnormal-operations or seriously-illegal list", "not (credit.abnormalOperations or credit.seriousIllegal)"),
    ],
    "indicators": [
        {"id": "techStaff", "label": t("科技人员指标", "tech staff"), "max": 20,
         "measures": [{"fact": "techStaffRatio", "table": "smeTechStaff"}]},
        {"id": "rdInvestment", "label": t("研发投入指标", "R&D investment"), "max": 50,
         "measures": [{"fact": "rdToRevenue", "table": "smeRdRevenue"}, {"fact": "rdToCosts", "table": "smeRdCosts"}]},
        {"id": "ipAchievement", "label": t("科技成果指标", "IP achievements"), "max": 30,
         "measures": [{"fact": "ip.classOne", "table": "smeIpClassOne"}, {"fact": "ip.classTwo", "table": "smeIpClassTwo"}]},
    ],
    "pass": "score >= 60 and points.techStaff > 0",
    "passText": t("综合得分 ≥ 60 分，且科技人员指标得分不为 0", "total ≥ 60 and a tech-staff score above 0"),
    "directRoutes": [
        check("highTechCertificate", "直接确认：有效期内的高新技术企业", "direct: valid high-tech enterprise certificate", "statuses.highTechEnterprise"),
        check("nationalAward", "直接确认：近五年获国家级科技奖励（前三名）", "direct: national S&T award in the last 5 years (top 3)", "statuses.nationalAward"),
        check("rdInstitution", "直接确认：拥有省部级以上研发机构", "direct: R&D institution at provincial level or above", "statuses.provincialRdInstitution"),
        check("ledStandard", "直接确认：近五年主导制定国际、国家或行业标准", "direct: led an international, national or industry standard in the last 5 years", "statuses.ledStandard"),
    ],
    "apply": apply([
        ("对照基本条件自查：职工总数不超过 500 人，年销售收入和资产总额均不超过 2 亿元，无重大事故、未列入经营异常名录或严重违法失信名单",
         "Check the basic conditions: at most 500 employees, revenue and total assets each at most 200 million yuan, no major incident, not on the abnormal-operations or seriously-illegal list."),
        ("在工业和信息化部中小企业局组织的评价系统（zjtx.miit.gov.cn）注册，在线填报企业信息和科技人员、研发投入、科技成果三项指标 [S4]",
         "Register on the evaluation system run by MIIT's SME Bureau (zjtx.miit.gov.cn) and file the firm's data and the three indicators online: tech staff, R&D investment, IP achievements [S4]."),
        ("研发费用按研发费用加计扣除口径归集；知识产权只计有效、与主营产品相关且无争议的 [S4]",
         "Collect R&D expense as for the R&D super-deduction, and count only IP that is valid, tied to the main products and free of disputes [S4]."),
        ("评价通过后取得入库登记编号，有效期一年；之后每年按期更新信息并重新评价 [S4]",
         "Once the evaluation passes, the firm gets a registration number, valid for one year; after that, update the data and re-evaluate every year [S4]."),
    ], [
        LICENCE,
        ("上一年度财务会计报表", "financial statements for the last fiscal year"),
        RD_LEDGER,
        ("职工和科技人员名单，以劳动合同或社保缴纳证明在职（兼职、临时人员全年累计工作 6 个月以上）[S1]",
         "lists of employees and tech staff, on-payroll shown by labour contracts or social-insurance records (part-time and temporary staff at least 6 months in the year) [S1]"),
        IP_CERTS,
        ("直接确认时：高新技术企业证书、奖励证书、研发机构认定文件或标准文本",
         "for direct confirmation: the high-tech certificate, award certificate, R&D institution recognition or the standard"),
    ], deadline=("每年 3 月底前更新企业信息并重新评价（入库登记编号有效期一年）[S4]",
                 "Before the end of March each year: update the firm's data and re-evaluate (the registration number is valid for one year) [S4].")),
}

def item(id, zh, en, mx, rating=None, measures=None, group=None):
    d = {"id": id, "label": t(zh, en), "max": mx}
    if rating: d["selfRating"] = f"innovationSelfRating.{rating}"
    if measures: d["measures"] = measures
    if group: d["group"] = group
    return d

hnte = {
    "basis": t("《高新技术企业认定管理办法》（国科发火〔2016〕32号）及工作指引（国科发火〔2016〕195号）",
               "High-tech enterprise recognition rules (国科发火〔2016〕32号) and guidelines (〔2016〕195号)"),
    "certified": "statuses.highTechEnterprise",
    "checks": [
        check("yearsOperating", "注册成立一年以上", "registered for at least one year", "yearsOperating >= 1"),
        check("coreIp", "拥有对主要产品（服务）起核心支持作用的知识产权", "owns IP that supports its main products", "ip.classOne + ip.classTwo >= 1"),
        check("techField", "核心技术属于《国家重点支持的高新技术领域》", "core technology in one of the 8 supported fields", "techField != 'none'",
              req=("属于 8 个领域之一", "one of the 8 fields")),
        check("techStaffRatio", "科技人员占职工总数比例不低于 10%", "tech staff at least 10% of employees", "techStaffRatio >= 10%"),
        check("rdIntensity", "近三年研发费用占销售收入比例达标（按最近一年收入分档 5%/4%/3%）", "3-year R&D ÷ revenue meets the band of the latest revenue (5%/4%/3%)", "rdIntensity >= band('hnteRdIntensity', revenue)"),
        check("domesticRd", "境内研发费用占全部研发费用不低于 60%", "R&D in China at least 60% of all R&D", "domesticRdRatio >= 60%", optional=True),
        check("highTechRevenue", "高新技术产品（服务）收入占总收入不低于 60%", "high-tech revenue at least 60% of revenue", "highTechRevenueRatio >= 60%"),
        check("noMajorIncident", "申请前一年内无重大安全、质量事故或严重环境违法", "no major incident or environmental violation in the last year", "not credit.majorIncident"),
    ],
    "innovation": {
        "label": t("企业创新能力评价（>70 分，即 ≥ 71 分）", "innovation capability (above 70, i.e. at least 71)"),
        "pass": 71,
        "items": [
            item("advancement", "知识产权：技术先进程度", "IP: technical advancement", 8, rating="advancement", group="ip"),
            item("coreSupport", "知识产权：对主要产品的核心支持作用", "IP: core support to main products", 8, rating="coreSupport", group="ip"),
            item("ipQuantity", "知识产权：数量", "IP: quantity", 8, measures=[
                {"fact": "ip.classOne", "table": "hnteIpClassOne"}, {"fact": "ip.classTwo", "table": "hnteIpClassTwo"}], group="ip"),
            item("acquisition", "知识产权：获得方式", "IP: how obtained", 6, rating="acquisition", group="ip"),
            # Not in the profile: an expert judgement, so it always counts with its full range.
            item("standardsBonus", "知识产权：参与制定标准加分（知识产权合计不超过 30 分）", "IP: bonus for taking part in standards (IP block still at most 30)", 2, group="ip"),
            item("transfer", "科技成果转化能力", "technology transfer", 30, rating="transfer"),
            item("management", "研究开发组织管理水平", "R&D management", 20, rating="management"),
            item("netAssetGrowth", "企业成长性：净资产增长率", "growth: net assets", 10, measures=[{"fact": "netAssetGrowth", "table": "hnteGrowth"}]),
            item("revenueGrowth", "企业成长性：销售收入增长率", "growth: revenue", 10, measures=[{"fact": "revenueGrowth", "table": "hnteGrowth"}]),
        ],
        "groups": [{"id": "ip", "cap": 30}],
    },
    "apply": apply([
        ("对照认定条件自查：注册满一年，拥有核心知识产权，技术属于 8 个重点领域，科技人员不低于 10%，近三年研发费用比例达标，境内研发不低于 60%，高新技术产品（服务）收入不低于 60% [S6]",
         "Check the recognition conditions: registered at least one year, core IP owned, technology in one of the 8 fields, tech staff at least 10%, 3-year R&D ratio in its band, R&D in China at least 60%, high-tech revenue at least 60% [S6]."),
        ("建立研发费用辅助账，归集近三个会计年度的研发费用和高新技术产品（服务）收入（成立不足三年的按实际经营年限）[S6]",
         "Keep an R&D auxiliary ledger and collect R&D expense and high-tech product (service) revenue for the last three fiscal years (the actual period if under three years) [S6]."),
        ("按所在地科技主管部门的通知提交认定申请，接受创新能力评价（须高于 70 分）",
         "Apply when the local science and technology authority calls for applications; the innovation capability evaluation must score above 70."),
        ("证书有效期三年，期满须重新申请；每年报送发展情况，累计两年未报送将被取消资格 [S10][S11]",
         "The certificate is valid for three years, then the firm must re-apply; file the annual development report every year, as two missed years in total withdraw the status [S10][S11]."),
    ], [
        LICENCE,
        ("近三个会计年度财务报表或审计报告", "financial statements or audited reports for the last three fiscal years"),
        RD_LEDGER,
        ("知识产权证书（对主要产品起核心支持作用）", "IP certificates (IP that gives core support to the main products)"),
        STAFF,
        ("高新技术产品（服务）收入明细", "breakdown of high-tech product (service) revenue"),
    ]),
}

# The two official schemes in the scheme kind of format 2 (one evaluator for every scheme).
sme_scheme = {
    "id": "techSme",
    "title": t("科技型中小企业评价", "Tech-based SME evaluation"),
    "basis": sme["basis"],
    # Held: registered this year. Its status still reports the figures (no `statuses.held`); the
    # ladder shows the registration, and isTechSme already counts a qualified firm (§6.4).
    "held": "statuses.techSmeRegistered",
    "checks": sme["conditions"],
    "indicators": sme["indicators"],
    "pass": {"id": "score", "label": sme["basis"], "pass": sme["pass"], "actual": "score", "required": sme["passText"]},
    "routes": sme["directRoutes"],
    "apply": sme["apply"],
}
hnte_scheme = {
    "id": "highTech",
    "title": t("高新技术企业条件（参考）", "High-tech enterprise conditions (indicative)"),
    "basis": hnte["basis"],
    "held": hnte["certified"],
    "checks": hnte["checks"],
    "indicators": hnte["innovation"]["items"],
    "groups": hnte["innovation"]["groups"],
    "pass": {"id": "innovationScore", "label": hnte["innovation"]["label"], "pass": f"score >= {hnte['innovation']['pass']}"},
    "statuses": {"held": "certified", "qualified": "meets", "notQualified": "fails", "borderline": "borderline"},
    "layout": {"range": True, "score": "innovationScore", "indicators": "innovationItems"},
    "apply": hnte["apply"],
}

# The qualification ladder (domain.md §6.10): 300号 size, 创新型 (the 2022 table, still applying to the
# 科技和创新型 tier), and the 2026 专精特新 and 小巨人 standards (§3.4). Every bound is data here.
tables.update({
    "innoIpHighValue": band([{"atLeast": 1, "value": 20, "label": "A"}, {"value": 0, "label": "-"}], "创新型: ≥ 1 高价值Ⅰ类知识产权 → 20"),
    "innoIpOwnDeveloped": band([{"atLeast": 1, "value": 15, "label": "B"}, {"value": 0, "label": "-"}], "创新型: ≥ 1 自主研发Ⅰ类知识产权 → 15"),
    "innoIpClassOne": band([{"atLeast": 1, "value": 10, "label": "C"}, {"value": 0, "label": "-"}], "创新型: ≥ 1 Ⅰ类知识产权 → 10"),
    "innoIpClassTwo": band([{"atLeast": 1, "value": 5, "label": "D"}, {"value": 0, "label": "E"}], "创新型: ≥ 1 Ⅱ类知识产权 → 5"),
    "innoRd": band([
        {"atLeast": "5%", "value": 20, "label": "A"}, {"atLeast": "3%", "value": 15, "label": "B"},
        {"atLeast": "2%", "value": 10, "label": "C"}, {"atLeast": "1%", "value": 5, "label": "D"},
        {"value": 0, "label": "E"}], "创新型: 研发费用 ÷ 营业收入 (a bound scores the better band, §6.10)"),
    "innoGrowth": band([
        {"atLeast": "15%", "value": 20, "label": "A"}, {"atLeast": "10%", "value": 15, "label": "B"},
        {"atLeast": "5%", "value": 10, "label": "C"}, {"atLeast": 0, "value": 5, "label": "D"},
        {"value": 0, "label": "E"}], "创新型: 主营业务收入增长率"),
    "innoDar": band([
        {"atMost": "55%", "value": 10, "label": "A"}, {"atMost": "75%", "value": 5, "label": "B"},
        {"value": 0, "label": "C"}], "创新型: 资产负债率 (exactly 55% → 10, §6.10)"),
    "innoMainShare": band([
        {"atLeast": "70%", "value": 20, "label": "A"}, {"atLeast": "60%", "value": 15, "label": "B"},
        {"atLeast": "55%", "value": 10, "label": "C"}, {"atLeast": "50%", "value": 5, "label": "D"},
        {"value": 0, "label": "E"}], "创新型: 主营业务收入 ÷ 营业收入"),
})

SME_CEILING = ("if(sector == 'industry', employees < 1000 or revenue < 4亿, "
               "if(sector == 'software', employees < 300 or revenue < 1亿, employees < 100))")
# The band needs both measures (sector other: staff only); with one missing it is unknown (§6.10.7),
# while the ceiling, an OR test, may already hold.
SME_BAND = ("if(employees >= 0 and (sector == 'other' or revenue >= 0), "
            "if(not (" + SME_CEILING + "), 'large', "
            "if(sector == 'industry', if(employees >= 300 and revenue >= 2000万, 'medium', if(employees >= 20 and revenue >= 300万, 'small', 'micro')), "
            "if(sector == 'software', if(employees >= 100 and revenue >= 1000万, 'medium', if(employees >= 10 and revenue >= 50万, 'small', 'micro')), "
            "if(employees >= 10, 'small', 'micro')))), 'large')")

def general(prefix_zh):
    """The general conditions of every ladder tier (§6.10.7); they bind the direct routes too."""
    return [
        check("resident", "在中国境内（不含港澳台）注册的居民企业", "resident enterprise registered in mainland China", "resident"),
        check("sme", "符合中小企业划型标准（工信部联企业〔2011〕300号）", "an SME under the size standard (300号)", "smeSize.qualified",
              actual="smeSize.qualified", req=("中型、小型或微型企业", "medium, small or micro")),
        check("dishonestDebtor", "未列入失信被执行人名单", "not a dishonest judgment debtor", "not credit.dishonestDebtor"),
        check("listed", "未列入经营异常名录和严重违法失信名单", "not on the abnormal-operations or seriously-illegal list", "not (credit.abnormalOperations or credit.seriousIllegal)",
              req=("两项均为否", "neither listed")),
        check("majorIncident", "近 3 年无重大安全、质量事故和严重环境违法", "no major safety, quality or environmental incident in 3 years", "not credit.majorIncident"),
        check("restrictedIndustry", "不属于禁止、限制和淘汰类产业", "not in a prohibited, restricted or eliminated industry", "not credit.restrictedIndustry"),
    ]

PLATFORM = ("由工信部优质中小企业梯度培育平台（zjtx.miit.gov.cn）按行业均值计算，请从平台查询后填写",
            "computed by the MIIT platform (zjtx.miit.gov.cn) against industry averages: copy it from there")

sme_size_scheme = {
    "id": "smeSize",
    "title": t("中小企业划型", "SME size"),
    "basis": t("《中小企业划型标准规定》（工信部联企业〔2011〕300号）", "SME size standard (工信部联企业〔2011〕300号)"),
    "checks": [
        {"id": "size", "label": t("企业规模：微型、小型、中型或大型（按行业、职工总数和营业收入）", "size: micro, small, medium or large (by sector, employees and revenue)"),
         "pass": SME_CEILING, "actual": SME_BAND, "format": "choice",
         "required": t("中型、小型或微型（工业：职工 < 1000 人或收入 < 4 亿；软件和信息技术服务业：< 300 人或 < 1 亿；其他：< 100 人）",
                       "medium, small or micro (industry: < 1000 staff or < 400m revenue; software & IT: < 300 or < 100m; other: < 100 staff)")},
    ],
    "statuses": {"qualified": "sme", "notQualified": "large", "incomplete": "unknown"},
    "statusOf": SME_BAND,
    "layout": {"qualified": "isSme"},
}

innovative_scheme = {
    "id": "innovativeSme",
    "title": t("创新型中小企业（科技和创新型中小企业）", "Innovative SME (科技和创新型)"),
    "basis": t("《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）创新型中小企业评价标准，2026 年合并标准发布前仍适用",
               "Innovative SME standard of 工信部企业〔2022〕63号, still applied until the merged 2026 standard is published"),
    "held": "statuses.innovativeSme",
    "checks": general(""),
    "indicators": [
        {"id": "ip", "label": t("与主导产品相关的有效知识产权", "valid IP tied to the lead product"), "max": 20, "group": "innovation",
         "measures": [
             {"expr": "if(ip.classOne >= 1, ip.classOneHighValue, 0)", "table": "innoIpHighValue"},
             {"expr": "if(ip.classOne >= 1, ip.classOneOwnDeveloped, 0)", "table": "innoIpOwnDeveloped"},
             {"fact": "ip.classOne", "table": "innoIpClassOne"},
             {"fact": "ip.classTwo", "table": "innoIpClassTwo"}]},
        {"id": "rd", "label": t("上年研发费用占营业收入比重", "last year's R&D ÷ operating revenue"), "max": 20, "group": "innovation",
         "measures": [{"fact": "rdToRevenue", "table": "innoRd"}]},
        {"id": "growth", "label": t("上年主营业务收入增长率", "last year's main-business revenue growth"), "max": 20, "group": "growth",
         "measures": [{"expr": "if(mainBusinessGrowthExists, band('innoGrowth', mainBusinessGrowth), 0)"}]},
        {"id": "dar", "label": t("上年末资产负债率", "debt-to-asset ratio at last year-end"), "max": 10, "group": "growth",
         "measures": [{"fact": "dar", "table": "innoDar"}]},
        {"id": "field", "label": t("主导产品所属领域（战略性新兴产业 10 分，其他 5 分）", "lead product's field (strategic emerging 10, other 5)"), "max": 10, "group": "specialisation",
         "measures": [{"expr": "5"}, {"expr": "if(strategicEmerging, 10, 5)"}]},
        {"id": "mainShare", "label": t("主营业务收入占营业收入比重", "main-business revenue ÷ operating revenue"), "max": 20, "group": "specialisation",
         "measures": [{"fact": "mainBusinessShare", "table": "innoMainShare"}]},
    ],
    "groups": [
        {"id": "innovation", "label": t("创新能力 ≥ 20 分", "innovation at least 20"), "min": 20},
        {"id": "growth", "label": t("成长性 ≥ 15 分", "growth at least 15"), "min": 15},
        {"id": "specialisation", "label": t("专业化 ≥ 15 分", "specialisation at least 15"), "min": 15},
    ],
    "pass": {"id": "score", "label": t("综合得分 ≥ 60 分", "total at least 60"), "pass": "score >= 60"},
    "routes": [
        check("award", "直接认定：近 3 年获国家级或省级科技奖励", "direct: national or provincial S&T award in the last 3 years",
              "statuses.scienceAwardLast3Years or statuses.provincialAwardTop3 or statuses.nationalAwardTop3Last3Years",
              req=("任一奖励", "any of the awards")),
        check("demonstration", "直接认定：高新技术企业、国家级技术创新示范企业或知识产权优势（示范）企业",
              "direct: high-tech enterprise, technology-innovation demonstration or IP advantage enterprise",
              "statuses.highTechEnterprise or statuses.techInnovationDemo or statuses.ipAdvantage",
              req=("任一称号", "any of these titles")),
        check("rdInstitution", "直接认定：拥有省部级以上研发机构", "direct: R&D institution at provincial level or above", "statuses.provincialRdInstitution"),
        check("equity", "直接认定：近 3 年新增股权融资（合格机构投资者实缴）≥ 500 万元", "direct: new equity of at least 5 million yuan in 3 years (qualified investors, paid in)",
              "equityFinancing.last3Years >= 500万", actual="equityFinancing.last3Years",
              req=("≥ 500万", "≥ 5m")),
    ],
    "statuses": {"held": "held"},
}

TECH_OR_INNOVATIVE = "statuses.techSmeRegistered or statuses.innovativeSme"

specialized_scheme = {
    "id": "specializedSme",
    "title": t("专精特新中小企业（2026 标准）", "Specialised SME 专精特新 (2026 standard)"),
    "basis": t("《优质中小企业梯度培育管理办法》（工信部企业〔2026〕2号），2026-04-01 起新申请适用",
               "工信部企业〔2026〕2号, for new applications from 2026-04-01"),
    "held": "statuses.specializedSme",
    "requires": [{"id": "techOrInnovative", "label": t("持有有效的科技和创新型中小企业称号（科技型中小企业入库或创新型中小企业）",
                                                        "holds a valid 科技和创新型 title (a tech-based SME registration or an innovative SME title)"),
                  "schemes": ["techSme", "innovativeSme"], "held": TECH_OR_INNOVATIVE}],
    "checks": general("") + [
        check("nicheYears", "截至上年末从事特定细分市场不少于 3 年", "in the niche market for at least 3 years at last year-end", "niche.years >= 3"),
        check("revenueOrEquity", "上年营业收入 ≥ 1500 万元，或近 2 年新增股权融资（合格机构投资者实缴）≥ 2000 万元",
              "last year's revenue at least 15 million yuan, or new equity of at least 20 million in 2 years",
              "revenue >= 1500万 or equityFinancing.last2Years >= 2000万", actual="revenue",
              req=("收入 ≥ 1500万，或股权融资 ≥ 2000万", "revenue ≥ 15m, or equity ≥ 20m")),
        check("mainShare", "上年主营业务收入占营业收入比重 ≥ 80%", "main-business revenue at least 80% of revenue", "mainBusinessShare >= 80%"),
        check("dar", "上年末资产负债率 ≤ 80%", "debt-to-asset ratio at most 80%", "dar <= 80%"),
        check("rd", "近 2 年研发费用每年 ≥ 100 万元，且每年占营业收入比重 ≥ 3%", "R&D at least 1 million yuan and at least 3% of revenue in each of the last 2 years",
              "rdExpense >= 100万 and priorRdExpense >= 100万 and rdToRevenue >= 3% and priorRdToRevenue >= 3%", actual="rdToRevenue",
              req=("两年均 ≥ 100万 且 ≥ 3%", "both years ≥ 1m and ≥ 3%")),
        check("ip", "拥有与主导产品相关的Ⅰ类知识产权 ≥ 1 件（近 3 年获省级以上科技奖励前三名或拥有省级以上研发机构的免于此项）",
              "at least 1 Class I IP tied to the lead product (exempt with a provincial-or-higher award, top 3, in 3 years, or a provincial R&D institution)",
              "ip.classOne >= 1 or statuses.provincialAwardTop3 or statuses.nationalAwardTop3Last3Years or statuses.provincialRdInstitution",
              actual="ip.classOne", req=("≥ 1 件，或奖励、研发机构免于此项", "≥ 1, or exempt by an award or R&D institution")),
        check("recognised", "主导产品细分市场占有率较为靠前，并获一定认可（自行判断）", "lead product's niche share near the top, with some recognition (your own judgement)", "niche.recognised"),
        check("platformScore", "本年度专精特新发展评价得分 ≥ 50 分（" + PLATFORM[0] + "）", "this year's 专精特新 development score at least 50 (" + PLATFORM[1] + ")", "platformScore >= 50"),
    ],
    "statuses": {"held": "held"},
}

little_giant_scheme = {
    "id": "littleGiant",
    "title": t("专精特新“小巨人”企业（2026 标准）", "Little giant 小巨人 (2026 standard)"),
    "basis": t("《优质中小企业梯度培育管理办法》（工信部企业〔2026〕2号），2026-04-01 起新申请适用",
               "工信部企业〔2026〕2号, for new applications from 2026-04-01"),
    "held": "statuses.littleGiant",
    "requires": [{"id": "specialized", "label": t("持有有效的专精特新中小企业称号", "holds a valid 专精特新 title"),
                  "schemes": ["specializedSme"]}],
    "checks": general("") + [
        check("nicheYears", "从事特定细分市场不少于 3 年", "in the niche market for at least 3 years", "niche.years >= 3"),
        check("revenue", "上年营业收入 ≥ 5000 万元", "last year's revenue at least 50 million yuan", "revenue >= 5000万"),
        check("mainShare", "主营业务收入占营业收入比重 ≥ 90%", "main-business revenue at least 90% of revenue", "mainBusinessShare >= 90%"),
        check("growth", "近 2 年营业收入复合增长率 ≥ 5%（复核的免于此项）", "revenue CAGR over the last 2 years at least 5% (renewals exempt)",
              "revenueTwoYearsBefore > 0 and revenue >= 1.1025 * revenueTwoYearsBefore", actual="revenue",
              req=("≥ 1.1025 × 前年收入（新申请；复核免于此项）", "≥ 1.1025 × revenue two years before (new applications; renewals exempt)")),
        check("dar", "资产负债率 ≤ 75%", "debt-to-asset ratio at most 75%", "dar <= 75%"),
        check("rd", "近 2 年研发费用合计 ≥ 1200 万元，且每年占营业收入比重 ≥ 3%", "R&D over the last 2 years at least 12 million yuan in total and at least 3% of revenue each year",
              "rdExpense + priorRdExpense >= 1200万 and rdToRevenue >= 3% and priorRdToRevenue >= 3%", actual="rdExpense + priorRdExpense",
              req=("合计 ≥ 1200万，且两年均 ≥ 3%", "total ≥ 12m, and ≥ 3% in both years")),
        check("ip", "与主导产品相关的Ⅰ类知识产权 ≥ 4 件（近 3 年获国家级科技奖励前三名的免于此项）", "at least 4 Class I IP tied to the lead product (exempt with a national award, top 3, in 3 years)",
              "ip.classOne >= 4 or statuses.nationalAwardTop3Last3Years", actual="ip.classOne",
              req=("≥ 4 件，或国家级奖励免于此项", "≥ 4, or exempt by a national award")),
        check("share", "细分市场占有率 ≥ 10%，或国内前三", "niche share at least 10%, or domestic top 3",
              "niche.share >= 10% or niche.nationalRank <= 3", actual="niche.share", req=("≥ 10%，或国内排名 ≤ 3", "≥ 10%, or domestic rank ≤ 3")),
        check("chainRole", "主导产品属于“六基”领域或处于重点产业链关键环节（自行判断）", "lead product in a 六基 field or at a key chain link (your own judgement)",
              "chainRole == 'keyLink'", actual="chainRole", req=("是", "yes"), fmt="choice"),
        check("platformScore", "专精特新发展评价得分 ≥ 60 分（" + PLATFORM[0] + "）", "专精特新 development score at least 60 (" + PLATFORM[1] + ")", "platformScore >= 60"),
    ],
    "statuses": {"held": "held"},
}

PLATFORM_STEP = ("在工信部优质中小企业梯度培育平台（zjtx.miit.gov.cn）注册，在线填报并查询专精特新发展评价得分",
                 "Register on the MIIT ladder platform (zjtx.miit.gov.cn), file the data online and look up the development score.")
sme_size_scheme["apply"] = apply([
    ("按行业核对职工总数和上年营业收入，对照划型标准确定企业规模", "Check employees and last year's revenue against the size standard for the sector."),
    ("申报时按要求出具《中小企业声明函》，规模以申报数据为准", "When applying, sign the SME declaration (中小企业声明函); the size follows the data filed."),
], [LICENCE, ("上一年度财务报表", "financial statements for the last fiscal year"),
    ("职工社保缴纳证明", "social-insurance records of the staff")])
innovative_scheme["apply"] = apply([
    PLATFORM_STEP,
    ("对照评价指标自评：创新能力、成长性、专业化三类六项，总分 ≥ 60 分且各类达到最低分；或具备一项直接认定条件",
     "Self-assess the six indicators (innovation, growth, specialisation): total at least 60 with each group's minimum, or one direct route."),
    ("经省级中小企业主管部门审核、公示后取得称号，有效期 3 年", "The provincial SME authority reviews and publishes the list; the title is valid for 3 years."),
], [LICENCE, FINANCIALS, IP_CERTS, ("直接认定时：奖励证书、称号证书、研发机构认定文件或融资证明", "for a direct route: the award, title, R&D institution or financing documents")])
specialized_scheme["apply"] = apply([
    ("先取得科技和创新型中小企业称号（科技型中小企业入库或创新型中小企业）", "First hold a 科技和创新型 title (tech-based SME registration or innovative SME)."),
    PLATFORM_STEP,
    ("按省级主管部门通知申报，经审核、公示后取得称号，有效期 3 年", "Apply when the provincial authority calls; after review and publication the title is valid for 3 years."),
], [LICENCE, FINANCIALS, RD_LEDGER, IP_CERTS, ("细分市场占有率及认可情况的说明", "a note on the niche market share and its recognition")])
little_giant_scheme["apply"] = apply([
    ("先取得专精特新中小企业称号", "First hold the 专精特新 title."),
    PLATFORM_STEP,
    ("经省级主管部门推荐、工信部审核公示后取得称号，有效期 3 年；复核不要求营业收入增长率", "Recommended by the province and reviewed by MIIT; valid for 3 years. Renewals are exempt from the growth rate."),
], [LICENCE, FINANCIALS, RD_LEDGER, IP_CERTS, ("细分市场占有率证明及产业链位置说明", "proof of the niche share and a note on the chain position")])

# The ladder's own assumptions (§6.10.7): missing equity is 0, a missing award or title is "no"; each
# use is listed in the tier's result (the report's list stays the products' own).
LADDER_ASSUMPTIONS = [
    assume("equityFinancing.last2Years", "0", "未填写近 2 年股权融资，按 0 计算", "equity in the last 2 years not given: taken as 0"),
    assume("equityFinancing.last3Years", "0", "未填写近 3 年股权融资，按 0 计算", "equity in the last 3 years not given: taken as 0"),
] + [assume(f"statuses.{k}", False, f"未填写{zh}，按“无”计算", f"{en} not given: taken as no") for k, zh, en in [
    ("scienceAwardLast3Years", "近 3 年国家级或省级科技奖励", "S&T award in 3 years"),
    ("provincialAwardTop3", "近 3 年省级以上科技奖励（前三名）", "provincial-or-higher award (top 3)"),
    ("nationalAwardTop3Last3Years", "近 3 年国家级科技奖励（前三名）", "national award (top 3, 3 years)"),
    ("techInnovationDemo", "技术创新示范企业", "technology-innovation demonstration"),
    ("ipAdvantage", "知识产权优势企业", "IP advantage enterprise"),
]]

def reads_of(scheme):
    text = json.dumps(scheme, ensure_ascii=False)
    return [a for a in LADDER_ASSUMPTIONS if a["fact"] in text]
for _tier in (innovative_scheme, specialized_scheme, little_giant_scheme):
    _tier["assumptions"] = reads_of({k: _tier[k] for k in ("checks", "routes") if k in _tier})
for _tier in (sme_scheme, innovative_scheme, specialized_scheme, little_giant_scheme):
    _tier["layout"] = {"ladder": True}
LADDER_SCHEMES = [sme_size_scheme, innovative_scheme, specialized_scheme, little_giant_scheme]

facts = [
    {"id": "isTechSme", "label": t("科技型中小企业（已入库或测评达标）", "tech-based SME (registered or qualified)"),
     "expr": "statuses.techSmeRegistered or techSme.qualified"},
    {"id": "hasQualification", "label": t("至少具备一项科技资质", "at least one tech qualification"),
     "expr": "isTechSme or statuses.highTechEnterprise or statuses.innovativeSme or statuses.specializedSme or statuses.littleGiant or talent != 'none'"},
]

knockouts = [
    check("K1", "未列入失信被执行人名单", "not a dishonest judgment debtor", "not credit.dishonestDebtor"),
    check("K2", "未列入经营异常名录或严重违法失信名单", "not on the abnormal-operations or seriously-illegal list", "not (credit.abnormalOperations or credit.seriousIllegal)",
          req=("两项均为否", "neither listed")),
    check("K3", "无当前逾期；近24个月无超过90天逾期，且逾期少于3次", "no loan overdue now, none over 90 days and fewer than 3 overdue events in 24 months",
          "not credit.overdueNow and not credit.overdue90In24m and credit.overdueEventsIn24m < 3",
          actual="credit.overdueEventsIn24m", req=("无当前逾期、无90天以上逾期，逾期次数 < 3", "none overdue now, none over 90 days, fewer than 3 events")),
    check("K4", "纳税信用级别不是 D 级，且无欠税", "taxpayer grade not D and no tax arrears", "tax.grade != 'D' and not tax.arrears",
          actual="tax.grade", req=("非 D 级且无欠税", "not D, no arrears")),
    check("K5", "近12个月无重大安全、质量事故或严重环境违法", "no major safety or quality incident or serious environmental violation in 12 months", "not credit.majorIncident"),
    check("K6", "经营满 1 年", "operating for at least one year", "yearsOperating >= 1"),
    check("K7", "资产负债率不高于 85%", "debt-to-asset ratio at most 85%", "dar <= 85%"),
    check("K8", "主要产品不属于禁止、限制和淘汰类", "main products not prohibited, restricted or eliminated", "not credit.restrictedIndustry"),
]

minimum = check("minimumLine", "测算额度不低于 10 万元（最低额度）", "line at least 100,000 yuan (the minimum line)", "line >= 10万")

ref_steps = [
    step("revenueBase", "收入基数：最近一年销售收入 × 15%", "revenue base: latest revenue × 15%", "revenue * 15%"),
    step("taxBase", "纳税基数：实缴税额 × 纳税信用倍数（A 8、B 6、M 4、C 0）", "tax base: tax paid × grade multiple (A 8, B 6, M 4, C 0)", "taxPaid * lookup('taxMultiplier', tax.grade)"),
    step("base", "基数：取两者较高者", "base: the higher of the two", "max(revenueBase, taxBase)"),
    step("multiplier", "资质系数 Q：最高单项资质（小巨人 1.50；高企或专精特新 1.30；创新型 1.15；科技型中小企业 1.10），两项及以上 +0.10，上限 1.60",
         "qualification factor Q: highest status (little giant 1.50; high-tech or specialised 1.30; innovative 1.15; tech SME 1.10), +0.10 for two or more, at most 1.60",
         "min(max(if(statuses.littleGiant, 1.5, 1), if(statuses.highTechEnterprise or statuses.specializedSme, 1.3, 1), if(statuses.innovativeSme, 1.15, 1), if(isTechSme, 1.1, 1)) + if(count(statuses.littleGiant, statuses.highTechEnterprise, statuses.specializedSme, statuses.innovativeSme, isTechSme) >= 2, 0.1, 0), 1.6)"),
    step("baseTimesQ", "基数 × Q", "base × Q", "base * multiplier"),
    step("ipAddOn", "知识产权加成：30万 × Ⅰ类 + 5万 × Ⅱ类，上限 300万", "IP add-on: 300k × Class I + 50k × Class II, at most 3 million", "min(30万 * ip.classOne + 5万 * ip.classTwo, 300万)"),
    step("talentAddOn", "人才加成：国家级 500万、省级 300万、市级 100万", "talent add-on: national 5m, provincial 3m, municipal 1m", "lookup('talentAddOn', talent)"),
    step("gross", "毛额度：基数 × Q + 知识产权加成 + 人才加成", "gross: base × Q + IP + talent", "baseTimesQ + ipAddOn + talentAddOn"),
    step("haircut", "资产负债率折扣：≤60% ×1.00；≤70% ×0.85；≤85% ×0.70", "debt-ratio haircut: ≤60% ×1.00, ≤70% ×0.85, ≤85% ×0.70", "band('darHaircut', dar)"),
    step("afterHaircut", "折扣后额度", "after haircut", "gross * haircut"),
    step("tierCap", "分档上限（按销售收入；不低于人才加成）", "tier cap by revenue (at least the talent add-on)", "max(band('tierCap', revenue), talentAddOn)"),
    step("relativeCap", "相对上限：max(50% × 收入, 2 × 净资产)，不低于人才加成", "relative cap: max(50% × revenue, 2 × net assets), at least the talent add-on", "max(50% * revenue, 2 * netAssets, talentAddOn)"),
    step("absoluteCap", "绝对上限", "absolute cap", "3000万"),
    step("capped", "取折扣后额度与各上限的最小值", "the least of the line and the caps", "min(afterHaircut, tierCap, relativeCap, absoluteCap)"),
    step("net", "扣除现有信用贷款及 50% 保证贷款", "less existing unsecured and 50% of guaranteed loans", "capped - debt.unsecured - 50% * debt.guaranteed"),
    step("line", "向下取整到万元", "floored to a whole 10,000 yuan", "floor(max(net, 0), 1万)"),
]

def net_steps(cap_expr, zh, en):
    return [
        step("referenceLine", "参考模型折扣后额度（第 7 步）", "reference model after haircut (step 7)", "step('reference-pure-credit', 'afterHaircut')"),
        step("cap", zh, en, cap_expr),
        step("capped", "取较小者", "the lesser", "min(cap, referenceLine)"),
        step("net", "扣除现有信用贷款及 50% 保证贷款", "less existing unsecured and 50% of guaranteed loans", "capped - debt.unsecured - 50% * debt.guaranteed"),
        step("line", "向下取整到万元", "floored to a whole 10,000 yuan", "floor(max(net, 0), 1万)"),
    ]

products = [
    {"id": "reference-pure-credit",
     "name": t("科技企业纯信用贷 · 参考模型", "Tech-enterprise pure-credit line · reference model"),
     "provenance": t("credit-check 参考模型（开源项目的产品决策，非银行报价）；收入基数参照苏科贷首贷上限 [S17]，纳税倍数参照 5–9 倍惯例 [S33]",
                     "credit-check reference model (an open-source product decision, not a bank's offer); revenue base after the 苏科贷 first-loan ceiling [S17], tax multiple after the 5–9× convention [S33]"),
     "sources": ["S17", "S26", "S33", "S45"],
     "eligibility": [
         check("qualification", "至少具备一项资质：科技型中小企业、高企、创新型、专精特新、小巨人或人才", "at least one qualification: tech SME, high-tech, innovative, specialised, little giant or talent", "hasQualification"),
         minimum],
     "limit": {"steps": ref_steps, "amount": "line"},
     "apply": apply([
         ("本模型是参考测算，不是某家银行的产品：带上下列资料，向开办科技信用贷款的银行咨询其产品和利率",
          "This model is a reference estimate, not any bank's product: take the documents below to a bank that lends to tech firms and ask for its product and rate."),
         ("先取得至少一项科技资质：尚未取得的，可先办理科技型中小企业入库或申请高新技术企业认定",
          "Hold at least one tech qualification first: if the firm has none, register as a tech-based SME or apply for high-tech recognition."),
         ("签署征信授权书，由银行查询企业及实际控制人的征信；逾期、失信和频繁查询是常见的拒贷原因 [S47]",
          "Sign the credit-report authorisation so the bank can check the firm and its controller; overdue loans, dishonesty listings and frequent credit enquiries are common reasons for refusal [S47]."),
         ("实际额度、利率和期限以银行审批为准",
          "The actual line, rate and term are what the bank approves."),
     ], [LICENCE, FINANCIALS, TAX_PROOF, TITLES, IP_CERTS, CREDIT_AUTH,
         ("人才称号证明（如申请人才加成）", "talent title certificate (for the talent add-on)")])},
    {"id": "sukedai-2018",
     "name": t("苏科贷（2017–2018 年公布参数）", "苏科贷 Su Ke Dai (parameters published 2017–18)"),
     "provenance": t("江苏省科技成果转化风险补偿专项资金贷款，2017–2018 年公布参数 [S17][S18]；可能已被 2021 年方案取代，仅供参考，非当前报价",
                     "Jiangsu S&T risk-compensation loan, parameters published 2017–18 [S17][S18]; may be superseded by the 2021 scheme; indicative, not a current offer"),
     "sources": ["S17", "S18"],
     "note": t("收入 < 5000万：首贷 ≤ 300万（续贷可至 500万），利率为同期基准利率；5000万–4亿：≤ 2000万，基准上浮不超过 20%",
               "revenue < 50m: first loan ≤ 3m (later loans up to 5m), at the PBoC benchmark rate; 50m–400m: ≤ 20m, benchmark + up to 20%"),
     "eligibility": [
         check("registeredInJiangsu", "在江苏注册", "registered in Jiangsu", "province == 'jiangsu'"),
         check("revenueBelow4e8", "最近一年销售收入低于 4 亿元", "latest revenue below 400 million yuan", "revenue < 4亿"),
         check("qualification", "高企、科技型中小企业，或拥有 Ⅰ/Ⅱ 类知识产权", "high-tech, tech SME, or at least one Class I or II IP", "statuses.highTechEnterprise or isTechSme or ip.classOne + ip.classTwo >= 1"),
         minimum],
     "limit": {"steps": net_steps("band('sukedaiCap', revenue)", "苏科贷上限：收入 < 5000万 300万；< 4亿 2000万", "苏科贷 cap: revenue < 50m 3m; < 400m 20m"), "amount": "line"},
     "apply": apply([
         ("申请进入苏科贷备选企业库：在江苏注册的法人企业，且为高新技术企业、省高新技术（后备）企业，或拥有专利、软件著作权等知识产权的科技型中小企业 [S17]",
          "Apply to enter the 苏科贷 candidate pool (备选企业库): a legal person registered in Jiangsu that is a high-tech enterprise or provincial high-tech (candidate) enterprise, or a tech SME holding patents, software copyrights or similar IP [S17]."),
         ("确认符合国家中小企业划型标准：2021 年起苏科贷面向入库且符合划型标准的科技型中小微企业 [S22]",
          "Confirm the firm meets the national SME size standard: since 2021 苏科贷 serves pooled tech SMEs that meet it [S22]."),
         ("入库后向苏科贷合作银行申请贷款；收入低于 5000 万元的，首贷一般不超过 300 万元，续贷可至 500 万元 [S17][S18]",
          "Once pooled, apply to a 苏科贷 partner bank; with revenue below 50 million yuan the first loan is generally at most 3 million yuan, later loans up to 5 million [S17][S18]."),
     ], [LICENCE, FINANCIALS, TITLES,
         ("知识产权证书（以自有知识产权即可，无需其他担保）[S17]", "IP certificates (the firm's own IP is enough, no other guarantee needed) [S17]"),
         TAX_PROOF, CREDIT_AUTH])},
    {"id": "kunkedai",
     "name": t("昆科贷（昆山）", "昆科贷 Kun Ke Dai (Kunshan)"),
     "provenance": t("昆山市科技金融产品 [S26]，仅供参考", "Kunshan tech-finance product [S26]; indicative"),
     "sources": ["S26"],
     "note": t("利率不高于一年期 LPR + 40BP；期限不超过 2 年", "rate at most 1-year LPR + 40bp; term at most 2 years"),
     "eligibility": [
         check("registeredInKunshan", "在昆山注册", "registered in Kunshan", "city == 'kunshan'"),
         check("qualification", "科技型中小企业、高企、专精特新、小巨人或人才企业", "tech SME, high-tech, specialised, little giant or talent", "isTechSme or statuses.highTechEnterprise or statuses.specializedSme or statuses.littleGiant or talent != 'none'"),
         minimum],
     "limit": {"steps": net_steps("band('kunkedaiCap', revenue)", "昆科贷上限：收入 ≤ 2000万 500万；以上 1000万", "昆科贷 cap: revenue ≤ 20m 5m; above 10m"), "amount": "line"},
     "apply": apply([
         ("确认在昆山注册，并具备一项资质：科技型中小企业、高新技术企业（或培育库）、专精特新、小巨人、瞪羚或人才企业 [S26]",
          "Confirm the firm is registered in Kunshan and holds one qualification: tech-based SME, high-tech enterprise (or its pipeline), specialised SME, little giant, gazelle or talent firm [S26]."),
         ("按纳税申报的销售收入确定档次：2000 万元及以下最高 500 万元，以上最高 1000 万元；期限不超过 2 年 [S26]",
          "The tier follows revenue as declared for tax: up to 20 million yuan, at most 5 million; above, at most 10 million; term at most 2 years [S26]."),
         ("向开办昆科贷的合作银行提出申请，银行审批后放款",
          "Apply to a partner bank that offers 昆科贷; the bank decides and lends."),
     ], [LICENCE, ("近一年纳税申报表（收入以纳税申报为准）[S26]", "the latest year's tax returns (revenue as declared for tax) [S26]"),
         FINANCIALS,
         ("资质证书（科小登记编号、高企、专精特新、小巨人或瞪羚证明）", "qualification certificates (tech-SME number, high-tech, specialised, little giant or gazelle)"),
         ("人才称号证明（人才企业）", "talent title certificate (talent firms)"),
         CREDIT_AUTH])},
    {"id": "tax-credit",
     "name": t("银税互动信用贷（参考）", "Tax-based credit loan (银税互动, indicative)"),
     "provenance": t("第三方整理的银税互动惯例 [S33]，仅供参考", "tax-loan conventions from third-party sources [S33]; indicative only"),
     "sources": ["S33"],
     "eligibility": [
         check("taxGrade", "纳税信用级别为 A 或 B", "taxpayer grade A or B", "tax.grade == 'A' or tax.grade == 'B'",
               actual="tax.grade", req=("A 或 B", "A or B")),
         check("taxPaid", "最近一年实缴税额不低于 3 万元", "tax paid in the latest year at least 30,000 yuan", "taxPaid >= 3万"),
         check("yearsOperating", "经营满 2 年", "operating for at least two years", "yearsOperating >= 2"),
         minimum],
     "limit": {"steps": [
         step("taxLine", "实缴税额 × 倍数（A 8、B 6）", "tax paid × multiple (A 8, B 6)", "taxPaid * lookup('taxLoanMultiplier', tax.grade)"),
         step("cap", "产品上限", "product cap", "500万"),
         step("capped", "取较小者（上限 500 万元）", "the lesser (at most 5 million yuan)", "min(taxLine, cap)"),
         step("net", "扣除现有信用贷款", "less existing unsecured loans", "capped - debt.unsecured"),
         step("line", "向下取整到万元", "floored to a whole 10,000 yuan", "floor(max(net, 0), 1万)"),
     ], "amount": "line"},
     "apply": apply([
         ("在电子税务局查询纳税信用级别（须为 A 或 B 级），并确认无欠税 [S33]",
          "Look up the taxpayer credit grade in the e-tax bureau (it must be A or B) and make sure there are no tax arrears [S33]."),
         ("确认最近一年实缴税款不低于 3 万元，企业及实际控制人的经营性贷款合计不超过 500 万元（第三方整理的准入条件）[S33]",
          "Make sure the latest year's tax paid is at least 30,000 yuan and that the business loans of the firm and its controller total at most 5 million yuan (entry rules as reported by third parties) [S33]."),
         ("通过银行的银税互动产品在线申请，授权银行读取纳税数据和征信",
          "Apply online through a bank's tax-based (银税互动) product and authorise it to read the tax data and the credit report."),
     ], [LICENCE, ("纳税信用等级证明", "taxpayer credit grade certificate"),
         ("近两年纳税申报表和完税证明", "tax returns and tax payment certificates for the last two years"),
         ("最近一年财务报表", "financial statements for the latest year"),
         CREDIT_AUTH])},
]

worked = {
    "name": "云创大数据", "province": "jiangsu", "city": "nanjing", "sector": "software", "resident": True,
    "yearsOperating": 5, "employees": 80, "techStaff": 20,
    "financials": [{"revenue": "30000000", "mainBusinessRevenue": "29000000", "rdExpense": "1800000",
                    "domesticRdExpense": "1800000", "costsAndExpenses": "25000000", "totalAssets": "40000000",
                    "totalLiabilities": "25000000", "taxPaid": "1200000"}],
    "highTechRevenue": "27000000", "ip": {"classOne": 2, "classTwo": 5}, "techField": "electronic-information",
    "statuses": {"highTechEnterprise": True, "techSmeRegistered": False, "innovativeSme": False, "specializedSme": False,
                 "littleGiant": False, "provincialRdInstitution": False, "ledStandard": False, "nationalAward": False},
    "talent": "provincial", "tax": {"grade": "A", "arrears": False},
    "credit": {"dishonestDebtor": False, "abnormalOperations": False, "seriousIllegal": False, "overdueNow": False,
               "overdue90In24m": False, "overdueEventsIn24m": 0, "majorIncident": False, "restrictedIndustry": False},
    "debt": {"unsecured": "2000000", "guaranteed": "0", "secured": "0"},
}

def variant(**changes):
    import copy
    p = copy.deepcopy(worked)
    for path, v in changes.items():
        keys = path.split("__")
        o = p
        for k in keys[:-1]:
            o = o[int(k)] if k.isdigit() else o[k]
        o[keys[-1]] = v
    return p

tests = [
    {"name": "worked example §6.8: 800万 with every step", "profile": worked, "expect": {
        "assessments": {"techSme": {"status": "qualified", "route": "score", "score": 96},
                        "highTech": {"status": "certified"}},
        "products": [
            {"id": "reference-pure-credit", "status": "eligible", "limit": {"amount": "8000000", "binding": "tierCap", "steps": [
                {"id": "revenueBase", "value": "4500000"}, {"id": "taxBase", "value": "9600000"},
                {"id": "base", "value": "9600000"}, {"id": "multiplier", "value": "1.4"},
                {"id": "baseTimesQ", "value": "13440000"}, {"id": "ipAddOn", "value": "850000"},
                {"id": "talentAddOn", "value": "3000000"}, {"id": "gross", "value": "17290000"},
                {"id": "haircut", "value": "0.85"}, {"id": "afterHaircut", "value": "14696500"},
                {"id": "tierCap", "value": "10000000"}, {"id": "relativeCap", "value": "30000000"},
                {"id": "absoluteCap", "value": "30000000"}, {"id": "capped", "value": "10000000"},
                {"id": "net", "value": "8000000"}, {"id": "line", "value": "8000000"}]}},
            {"id": "sukedai-2018", "status": "eligible", "limit": {"amount": "1000000"}},
            {"id": "kunkedai", "status": "ineligible", "reasons": [{"id": "registeredInKunshan"}]},
            {"id": "tax-credit", "status": "eligible", "limit": {"amount": "3000000"}}]}},
    {"name": "DAR exactly 60% keeps the full line", "profile": variant(financials__0__totalLiabilities="24000000"),
     "expect": {"products": [{"id": "reference-pure-credit", "limit": {"steps": [{"id": "haircut", "value": "1"}]}}]}},
    {"name": "DAR exactly 70% → × 0.85", "profile": variant(financials__0__totalLiabilities="28000000"),
     "expect": {"products": [{"id": "reference-pure-credit", "limit": {"steps": [{"id": "haircut", "value": "0.85"}]}}]}},
    {"name": "DAR exactly 85% → × 0.70", "profile": variant(financials__0__totalLiabilities="34000000"),
     "expect": {"products": [{"id": "reference-pure-credit", "status": "eligible", "limit": {"steps": [{"id": "haircut", "value": "0.7"}]}}]}},
    {"name": "DAR above 85% is K7", "profile": variant(financials__0__totalLiabilities="34000001"),
     "expect": {"products": [{"id": "reference-pure-credit", "status": "ineligible", "reasons": [{"id": "K7", "status": "fail"}]}]}},
    {"name": "a dishonest debtor is knocked out of every product", "profile": variant(credit__dishonestDebtor=True),
     "expect": {"products": [{"id": "reference-pure-credit", "status": "ineligible", "reasons": [{"id": "K1"}]},
                              {"id": "sukedai-2018", "status": "ineligible"}, {"id": "tax-credit", "status": "ineligible"}]}},
    {"name": "existing debt above the cap leaves nothing: below the minimum line",
     "profile": variant(debt__unsecured="9900100"),
     "expect": {"products": [{"id": "reference-pure-credit", "status": "ineligible", "limit": None,
                              "reasons": [{"id": "minimumLine", "actual": "90000"}]}]}},
]

# §6.10's worked example: the firm of §6.8 with its ladder figures.
ladder_worked = variant(financials__0__mainBusinessRevenue="29000000")
ladder_worked["financials"].append({"mainBusinessRevenue": "25000000"})
ladder_worked.update({"strategicEmerging": True, "equityFinancing": {"last2Years": "0", "last3Years": "0"}})
ladder_worked["ip"].update({"classOneHighValue": 0, "classOneOwnDeveloped": 0})
tests.append({"name": "worked example §6.10: 创新型 85 by score, small, 专精特新 incomplete on rows 3, 7, 9 and 10",
              "profile": ladder_worked, "expect": {"assessments": {
                  "smeSize": {"status": "small", "isSme": True},
                  "innovativeSme": {"status": "qualified", "route": "score", "score": 85},
                  "specializedSme": {"status": "incomplete", "checks": [
                      {"id": "nicheYears", "status": "incomplete"}, {"id": "rd", "status": "incomplete"},
                      {"id": "recognised", "status": "incomplete"}, {"id": "platformScore", "status": "incomplete"},
                      {"id": "revenueOrEquity", "status": "pass"}, {"id": "techOrInnovative", "status": "pass"}]},
                  "littleGiant": {"status": "notQualified"}}}})

# What this policy's own rules say about an input, shown on the form under the field's meaning
# (which is declared with the field in src/inputs/catalog.rs and holds for every policy).
input_notes = {
    "province": t("苏科贷要求在江苏注册。", "苏科贷 requires registration in Jiangsu."),
    "city": t("昆科贷要求在昆山注册。", "昆科贷 requires registration in Kunshan."),
    "resident": t("科技型中小企业评价的基本条件之一。", "A basic condition of the tech-SME evaluation."),
    "financials[0].domesticRdExpense": t("高企要求不低于全部研发费用的 60%。", "High-tech status needs at least 60% of all R&D."),
    "financials[0].costsAndExpenses": t("研发投入指标的第二种算法：研发费用 ÷ 成本费用支出总额。", "The second R&D measure: R&D ÷ total costs and expenses."),
    "highTechRevenue": t("高企要求不低于总收入的 60%。", "High-tech status needs at least 60% of revenue."),
    "financials[1].mainBusinessRevenue": t("用于主营业务收入增长率。", "For main-business revenue growth."),
    "financials[1].revenue": t("用于三年研发强度和成长性。", "For the 3-year R&D intensity and growth."),
    "statuses.provincialRdInstitution": t("科技型中小企业直接确认条件之一。", "A direct route of the tech-SME evaluation."),
    "statuses.ledStandard": t("科技型中小企业直接确认条件之一。", "A direct route of the tech-SME evaluation."),
    "statuses.nationalAward": t("科技型中小企业直接确认条件之一。", "A direct route of the tech-SME evaluation."),
    "tax.grade": t("D 级不能申请信用贷款。", "Grade D rules out credit loans."),
    "debt.unsecured": t("纯信用贷款额度会扣除现有信用贷款。", "Deducted from a pure-credit line."),
    "debt.guaranteed": t("按 50% 扣除。", "Deducted at 50%."),
    "debt.secured": t("已体现在资产负债率中，不另扣除。", "Already in the debt ratio; not deducted again."),
}

policy = {
    "id": "credit-check-reference",
    "version": "2026.11.1",
    "effective": "2026-11-01",
    "issuer": t("credit-check 参考政策（开源项目，非金融机构）", "credit-check reference policy (an open-source project, not a lender)"),
    "sources": [
        {"id": "S1", "title": "Tech-based SME scoring standard, staff and headcount definitions (mirror of Chengdu High-tech Zone 2024)", "url": "http://www.matteomarkusbok.com/api/PolicyDetail/PolicyInfo/27751"},
        {"id": "S4", "title": "A public GitHub dataset of Chinese SME policy rules: 115号 conditions, IP classes, yearly update, MIIT organiser"},
        {"id": "S6", "title": "高企 第十一条 (一)–(八), 5/4/3% bands", "url": "http://www.feimabiji.com/?p=11123"},
        {"id": "S10", "title": "高企 办法 第十七–二十三条: loss of status, 8 fields", "url": "https://wanglu.net/thread/t4-394022-2.html"},
        {"id": "S11", "title": "高企 3-year validity and disqualifying events", "url": "http://www.gztea.com.cn/News/newsDetail/id/1646"},
        {"id": "S17", "title": "苏科贷 tiers, rates, pool entry, 2018 totals (hzjpw.com)", "url": "https://hzjpw.com/drawn/856980.html"},
        {"id": "S18", "title": "苏科贷 I/II split (Taicang S&T Bureau, 2018)", "url": "http://tcscypt.com/Notice/XwDetail/9ee4d88ff6f14154ba22f134d0650605"},
        {"id": "S22", "title": "苏财金〔2021〕46号: 苏科贷 under the Jiangsu inclusive-finance risk-compensation fund", "url": "https://sstf.jshisc.cn/kjzy/kjzc/71e87680-c959-4623-85a3-6d7a735b6db7"},
        {"id": "S26", "title": "昆科贷 numbers (ksitri.com)", "url": "http://www.ksitri.com/jinrong_touzi3.php"},
        {"id": "S33", "title": "Tax-loan multiples and entry rules (third-party)", "url": "http://dai.kanong01.com/wenda-43053.html"},
        {"id": "S45", "title": "Suzhou subsidy eligibility", "url": "https://qytt.sipac.gov.cn/"},
        {"id": "S47", "title": "Bank refusal reasons (third-party)", "url": "https://daikuan-static.kanongyun.com/wenda-36615.html"},
        {"id": "115号", "title": "《科技型中小企业评价办法》国科发政〔2017〕115号"},
        {"id": "32号", "title": "《高新技术企业认定管理办法》国科发火〔2016〕32号"},
    ],
    "disclaimer": t("本结果为依据公开政策和参考模型的估算，不构成任何银行的授信承诺或审批决定；实际额度以金融机构审批为准。您填写的信息只在本机浏览器中计算，不会发送到任何地方。",
                    "An indicative estimate from public rules and a reference model, not a lender's offer or decision; actual lines are decided by the bank. What you type is computed in your own browser and sent nowhere."),
    "assumptions": assumptions,
    "tables": tables,
    "format": 2,
    "inputs": input_notes,
    "schemes": [sme_scheme, hnte_scheme] + LADDER_SCHEMES,
    "facts": facts,
    "knockouts": knockouts,
    "products": products,
    "tests": tests,
}

out = pathlib.Path(__file__).resolve().parent.parent / "src" / "policy" / "builtin.json"
out.write_text(json.dumps(policy, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {out} ({out.stat().st_size} bytes)")

# A fictional bank's policy for www/embed.html: the same schemes and knock-outs, one product of its
# own with other numbers and names, and its own test. It shows that a bank changes numbers and texts
# without touching code.
import copy
bank = copy.deepcopy(policy)
# The bank's document predates the scheme texts and the newer sources: it keeps the original seven
# sources and no scheme `apply` (a policy without them must work), and adds texts of its own below.
bank["sources"] = [s for s in bank["sources"] if s["id"] in ("S17", "S18", "S26", "S33", "S45", "115号", "32号")]
for scheme in bank["schemes"]:
    scheme.pop("apply", None)
bank["id"] = "example-bank-tech-loan"
bank["version"] = "2026.11"
bank["issuer"] = t("示例银行（虚构，仅作嵌入演示）", "Example Bank (fictional, for the embedding demo)")
bank["disclaimer"] = t("示例银行为虚构机构，本页仅演示如何嵌入计算器；结果不构成任何授信承诺。您填写的信息只在本机浏览器中计算。",
                       "Example Bank is fictional; this page only shows how the calculator is embedded. Results are not an offer. What you type stays in your browser.")
bank["tables"]["tierCap"]["rows"] = [
    {"below": "1000万", "value": "400万"},
    {"below": "5000万", "value": "1200万"},
    {"value": "2000万"}]
bank_product = copy.deepcopy(products[0])
bank_product["id"] = "example-tech-loan"
bank_product["name"] = t("示例银行 · 科技信用贷", "Example Bank tech credit loan")
bank_product["provenance"] = t("示例银行 2026 年科技信用贷测算规则（虚构）", "Example Bank 2026 tech-loan sizing rules (fictional)")
bank_product["note"] = t("年利率 3.2% 起，期限 1 年，随借随还（示例）", "From 3.2% a year, 1-year term, repay any time (example)")
for s in bank_product["limit"]["steps"]:
    if s["id"] == "revenueBase":
        s["expr"] = "revenue * 20%"
        s["label"] = t("收入基数：最近一年销售收入 × 20%", "revenue base: latest revenue × 20%")
    if s["id"] == "absoluteCap":
        s["expr"] = "2000万"
bank_product["apply"] = apply([
    ("在示例银行手机银行“科技信用贷”页面在线申请，或到任一网点提交（示例）",
     "Apply online on the Example Bank app's tech credit loan page, or at any branch (example)."),
    ("客户经理三个工作日内联系核实资料（示例）", "A relationship manager calls within three working days to check the documents (example)."),
    ("审批通过后在线签约，额度一年内随借随还（示例）", "Once approved, sign online; draw and repay the line any time within a year (example)."),
], [LICENCE, FINANCIALS, TAX_PROOF, TITLES, CREDIT_AUTH])
bank["products"] = [bank_product, copy.deepcopy(products[3])]
# The bank has neither 苏科贷 nor 昆科贷: no note about where a firm is registered.
bank["inputs"] = {k: v for k, v in input_notes.items() if k not in ("province", "city")}
bank["tests"] = [{"name": "worked example under Example Bank's numbers: 1200万 tier cap − 200万",
                  "profile": worked,
                  "expect": {"products": [{"id": "example-tech-loan", "status": "eligible", "limit": {"amount": "10000000", "binding": "tierCap"}}]}}]
bank_out = pathlib.Path(__file__).resolve().parent.parent / "www" / "policies" / "example-bank.json"
bank_out.parent.mkdir(exist_ok=True)
bank_out.write_text(json.dumps(bank, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {bank_out} ({bank_out.stat().st_size} bytes)")

# The 2022 standards as a second document (domain.md §6.10.5, ladder-sources.md §2, §3, §6): the
# built-in policy with the 2022 专精特新 (Jiangsu's 特色化) and 2022 小巨人 in place of the 2026 tiers,
# so that the products, the title hints and the page work with it as with the built-in one. It is
# for renewals and for assessments under the old rules, and it proves a version of a standard is
# data: the same engine reads it. Every bound is data here, as above.
#
# A scheme reads the profile's facts and earlier schemes' results, not the policy's `facts` (those
# are computed after every scheme), so the derived figures below are expressions written once here
# and placed where they are read.
MB_BASES = "priorMainBusinessRevenue > 0 and mainBusinessRevenueTwoYearsBefore > 0"
# "近2年主营业务收入平均增长率": the formula was not found (UNVERIFIED); the plain reading, the
# arithmetic mean of the two annual rates. A zero base gives no rate: it scores 0 and fails 小巨人's 专.
MB_AVG_GROWTH = ("((mainBusinessRevenue - priorMainBusinessRevenue) / priorMainBusinessRevenue"
                 " + (priorMainBusinessRevenue - mainBusinessRevenueTwoYearsBefore) / mainBusinessRevenueTwoYearsBefore) / 2")
RD_STAFF_RATIO = "if(employees > 0, rdStaff / employees, 0)"
NET_MARGIN = "if(revenue > 0, netProfit / revenue, 0)"

def graded(rows, desc, key="atLeast"):
    """A band table from (bound, points) pairs, best first, and the points below the last bound;
    the rows are labelled A, B, C … in order."""
    *bounded, rest = rows
    out = [{key: b, "value": v, "label": chr(65 + i)} for i, (b, v) in enumerate(bounded)]
    return band(out + [{"value": rest, "label": chr(65 + len(bounded))}], desc)

tables_2022 = {
    "zjtx22MainShare": graded([("80%", 5), ("70%", 3), ("60%", 1), 0], "专精特新 2022 ①: 主营业务收入 ÷ 营业收入"),
    "zjtx22Growth": graded([("10%", 10), ("8%", 8), ("6%", 6), ("4%", 4), (0, 2), 0], "专精特新 2022 ②: 近 2 年主营业务收入平均增长率"),
    "zjtx22NicheYears": graded([(10, 5), (8, 4), (6, 3), (4, 2), (2, 1), 0], "专精特新 2022 ③: 每满 2 年 1 分，最高 5 分"),
    # chainRole "keyLink" answers both of the field's scoring rows (补短板/锻长板/填空白 5, 六基 … 3):
    # it counts 3–5, and "none" 0.
    "zjtx22Field": band([
        {"atLeast": 1, "value": 3, "top": 5, "label": "A/B"}, {"value": 0, "label": "C"}], "专精特新 2022 ④: 主导产品所属领域 (关键环节 3–5)"),
    "zjtx22Digital": graded([(3, 5), (2, 3), 0], "专精特新 2022 ⑤: 数字化水平 (三级及以上 5, 二级 3, 一级 0)"),
    "zjtx22Quality": graded([(2, 5), (1, 3), 0], "专精特新 2022 ⑥: 质量管理 (每项 3 分，最高 5 分)"),
    "zjtx22NetMargin": graded([("10%", 10), ("8%", 8), ("6%", 6), ("4%", 4), ("2%", 2), 0], "专精特新 2022 ⑦: 净利润率"),
    "zjtx22Dar": graded([("50%", 5), ("60%", 3), ("70%", 1), 0], "专精特新 2022 ⑧: 资产负债率 (exactly 50% → 5, §6.10)", key="atMost"),
    "zjtx22JsShare": graded([("10%", 6), ("5%", 4), 0], "江苏特色化 2022 ①: 全国细分市场占有率"),
    "zjtx22JsRank": band([
        {"atMost": 10, "value": 4, "label": "B"}, {"value": 0, "label": "-"}], "江苏特色化 2022 ①: 全国细分市场排名前 10"),
    "zjtx22IpHighValue": band([{"atLeast": 1, "value": 10, "label": "A"}, {"value": 0, "label": "-"}], "专精特新 2022 ⑩: ≥ 1 高价值Ⅰ类知识产权 → 10"),
    "zjtx22IpOwnDeveloped": band([{"atLeast": 1, "value": 8, "label": "B"}, {"value": 0, "label": "-"}], "专精特新 2022 ⑩: ≥ 1 自主研发Ⅰ类知识产权 → 8"),
    "zjtx22IpClassOne": band([{"atLeast": 1, "value": 6, "label": "C"}, {"value": 0, "label": "-"}], "专精特新 2022 ⑩: ≥ 1 Ⅰ类知识产权 → 6"),
    "zjtx22IpClassTwo": band([{"atLeast": 1, "value": 2, "label": "D"}, {"value": 0, "label": "E"}], "专精特新 2022 ⑩: ≥ 1 Ⅱ类知识产权 → 2"),
    "zjtx22RdAmount": graded([("500万", 10), ("400万", 8), ("300万", 6), ("200万", 4), ("100万", 2), 0], "专精特新 2022 ⑪: 上年研发费用总额"),
    "zjtx22RdRatio": graded([("10%", 10), ("8%", 8), ("6%", 6), ("4%", 4), ("3%", 2), 0], "专精特新 2022 ⑪: 上年研发费用 ÷ 营业收入"),
    "zjtx22RdStaff": graded([("20%", 5), ("10%", 3), ("5%", 1), 0], "专精特新 2022 ⑫: 研发人员 ÷ 全部职工"),
    "zjtx22RdInstitution": {"kind": "map", "entries": {"national": 10, "provincial": 8, "municipal": 4, "below": 2, "none": 0},
                            "description": "专精特新 2022 ⑬: 自建或与高校、科研机构联合建立的研发机构级别"},
}

specialized_2022 = {
    "id": "specializedSme",
    "title": t("专精特新中小企业（2022 标准，江苏）", "Specialised SME 专精特新 (2022 standard, Jiangsu)"),
    "basis": t("《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）专精特新中小企业认定标准 [63号]：4 项条件、4 项直接认定条件和 13 项指标（满分 100 分）[Z1][Z4]；"
               "特色化 15 分按江苏 2022 年通知（苏工信中小〔2022〕496号）：第 1 项 6 分按细分市场占有率和排名 [496号]，其余 9 分的细则未见原文，按自评 0–9 分计（未填按 0–9 分的范围）。"
               "2026-04-01 起新申请适用 2026 标准；本标准用于此前取得称号的复核和按旧标准的评估。"
               "未核实之处按字面理解：近 2 年主营业务收入平均增长率取两年增长率的算术平均；研发人员和研发机构两项只见于两份第三方整理；前提条件为创新型中小企业（江苏通知如此）",
               "The 专精特新 standard of 工信部企业〔2022〕63号 [63号]: 4 conditions, 4 direct routes and a 13-indicator table out of 100 [Z1][Z4]; "
               "the 15 特色化 points as Jiangsu's 2022 notice (苏工信中小〔2022〕496号) sets them: item 1 (6 points) by niche share and rank [496号]; the rules of the other 9 points were not found, "
               "so they are a self-rating of 0–9 (not given: the whole 0–9 range). New applications since 2026-04-01 use the 2026 standard; this one is for renewals of titles granted before and for assessments under the old rules. "
               "Unverified, read plainly: the 2-year average growth of main-business revenue is the mean of the two yearly rates; the R&D staff and R&D institution indicators come from two third-party copies only; "
               "the prerequisite is the innovative-SME title (as Jiangsu's notice says)"),
    "held": "statuses.specializedSme",
    "requires": [{"id": "innovative", "label": t("持有有效的创新型中小企业称号（江苏：经设区市公告并报省备案）", "holds a valid innovative-SME title (Jiangsu: announced by the city and filed with the province)"),
                  "schemes": ["innovativeSme"]}],
    "checks": general("") + [
        check("nicheYears", "从事特定细分市场时间达到 2 年以上", "in the niche market for at least 2 years", "niche.years >= 2"),
        check("rd", "上年研发费用总额 ≥ 100 万元，且占营业收入比重 ≥ 3%", "last year's R&D at least 1 million yuan and at least 3% of operating revenue",
              "rdExpense >= 100万 and rdToRevenue >= 3%", actual="rdToRevenue", req=("≥ 100万 且 ≥ 3%", "≥ 1m and ≥ 3%")),
        check("revenueOrEquity", "上年营业收入 ≥ 1000 万元，或低于 1000 万元但近 2 年新增股权融资（合格机构投资者实缴）≥ 2000 万元",
              "last year's operating revenue at least 10 million yuan, or below it with new equity of at least 20 million in 2 years (qualified investors, paid in)",
              "revenue >= 1000万 or equityFinancing.last2Years >= 2000万", actual="revenue",
              req=("收入 ≥ 1000万，或股权融资 ≥ 2000万", "revenue ≥ 10m, or equity ≥ 20m")),
    ],
    "indicators": [
        {"id": "mainShare", "label": t("专业化①：上年主营业务收入占营业收入比重（80% 以上 5 分）", "specialisation ①: main-business revenue ÷ operating revenue (80% or more: 5)"), "max": 5, "group": "specialisation",
         "measures": [{"fact": "mainBusinessShare", "table": "zjtx22MainShare"}]},
        {"id": "growth", "label": t("专业化②：近 2 年主营业务收入平均增长率（10% 以上 10 分）", "specialisation ②: 2-year average main-business revenue growth (10% or more: 10)"), "max": 10, "group": "specialisation",
         "measures": [{"expr": f"if({MB_BASES}, band('zjtx22Growth', {MB_AVG_GROWTH}), 0)"}]},
        {"id": "nicheYears", "label": t("专业化③：从事特定细分市场年限（每满 2 年 1 分，最高 5 分）", "specialisation ③: years in the niche market (1 point per full 2 years, at most 5)"), "max": 5, "group": "specialisation",
         "measures": [{"fact": "niche.years", "table": "zjtx22NicheYears"}]},
        {"id": "field", "label": t("专业化④：主导产品所属领域（补短板、锻长板、填空白 5 分，“六基”等 3 分；处于关键环节按 3–5 分计）",
                                   "specialisation ④: lead product's field (filling a gap at a key chain link 5, the 六基 fields and the like 3; a key link counts 3–5)"), "max": 5, "group": "specialisation",
         "measures": [{"expr": "if(chainRole == 'keyLink', 1, 0)", "table": "zjtx22Field"}]},
        {"id": "digital", "label": t("精细化⑤：数字化水平（三级及以上 5 分，二级 3 分，一级 0 分）", "refinement ⑤: digital level (level 3 or above 5, level 2 3, level 1 0)"), "max": 5, "group": "refinement",
         "measures": [{"fact": "digitalLevel", "table": "zjtx22Digital"}]},
        {"id": "quality", "label": t("精细化⑥：质量管理（省级以上质量奖、管理体系认证、自主品牌、参与制定标准，每项 3 分，最高 5 分）",
                                     "refinement ⑥: quality management (a provincial quality award, a management-system certificate, an own brand, drafting standards: 3 points each, at most 5)"), "max": 5, "group": "refinement",
         "measures": [{"fact": "qualityItems", "table": "zjtx22Quality"}]},
        {"id": "netMargin", "label": t("精细化⑦：上年净利润率（10% 以上 10 分）", "refinement ⑦: last year's net profit margin (10% or more: 10)"), "max": 10, "group": "refinement",
         "measures": [{"expr": NET_MARGIN, "table": "zjtx22NetMargin"}]},
        {"id": "dar", "label": t("精细化⑧：上年末资产负债率（50% 以下 5 分）", "refinement ⑧: debt-to-asset ratio at last year-end (50% or less: 5)"), "max": 5, "group": "refinement",
         "measures": [{"fact": "dar", "table": "zjtx22Dar"}]},
        {"id": "nicheShare", "label": t("特色化（江苏）①：主导产品细分市场占有率和排名（全国 10% 以上 6 分；5%–10% 或全国前 10 名 4 分）",
                                        "feature (Jiangsu) ①: lead product's niche share and rank (national 10% or more 6; 5–10% or national top 10 4)"), "max": 6, "group": "feature",
         "measures": [{"fact": "niche.share", "table": "zjtx22JsShare"}, {"fact": "niche.nationalRank", "table": "zjtx22JsRank"}]},
        {"id": "featureSelfRating", "label": t("特色化（江苏）其余各项：自评 0–9 分（细则未见原文）", "feature (Jiangsu), the other items: self-rated 0–9 (their rules were not found)"), "max": 9, "group": "feature",
         "selfRating": "featureSelfRating"},
        {"id": "ip", "label": t("创新能力⑩：与主导产品相关的有效知识产权（高价值Ⅰ类 10 分，自主研发Ⅰ类 8 分，Ⅰ类 6 分，Ⅱ类 2 分）",
                                "innovation ⑩: valid IP tied to the lead product (high-value Class I 10, own-developed Class I 8, Class I 6, Class II 2)"), "max": 10, "group": "innovation",
         "measures": [
             {"expr": "if(ip.classOne >= 1, ip.classOneHighValue, 0)", "table": "zjtx22IpHighValue"},
             {"expr": "if(ip.classOne >= 1, ip.classOneOwnDeveloped, 0)", "table": "zjtx22IpOwnDeveloped"},
             {"fact": "ip.classOne", "table": "zjtx22IpClassOne"},
             {"fact": "ip.classTwo", "table": "zjtx22IpClassTwo"}]},
        {"id": "rd", "label": t("创新能力⑪：上年研发投入（金额或占营业收入比重，取高者：500 万元或 10% 以上 10 分）", "innovation ⑪: last year's R&D (amount or share of revenue, the better: 5m or 10% and above 10)"), "max": 10, "group": "innovation",
         "measures": [{"fact": "rdExpense", "table": "zjtx22RdAmount"}, {"fact": "rdToRevenue", "table": "zjtx22RdRatio"}]},
        {"id": "rdStaff", "label": t("创新能力⑫：上年研发人员占全部职工比重（20% 以上 5 分）", "innovation ⑫: R&D staff ÷ all staff (20% or more: 5)"), "max": 5, "group": "innovation",
         "measures": [{"expr": RD_STAFF_RATIO, "table": "zjtx22RdStaff"}]},
        {"id": "rdInstitution", "label": t("创新能力⑬：研发机构级别（国家级 10 分，省级 8 分，市级 4 分，市级以下 2 分）", "innovation ⑬: level of the R&D institution (national 10, provincial 8, municipal 4, below 2)"), "max": 10, "group": "innovation",
         "measures": [{"expr": "lookup('zjtx22RdInstitution', rdInstitutionLevel)"}]},
    ],
    "groups": [
        {"id": "specialisation", "label": t("专业化（25 分）", "specialisation (25)"), "cap": 25},
        {"id": "refinement", "label": t("精细化（25 分）", "refinement (25)"), "cap": 25},
        {"id": "feature", "label": t("特色化（15 分，江苏）", "feature (15, Jiangsu)"), "cap": 15},
        {"id": "innovation", "label": t("创新能力（35 分）", "innovation (35)"), "cap": 35},
    ],
    "pass": {"id": "score", "label": t("评价得分 ≥ 60 分（各类无最低分）", "score at least 60 (no group minimum)"), "pass": "score >= 60"},
    "routes": [
        check("award", "直接认定：近 3 年获省级科技奖励并在获奖单位中排名前三，或获国家级科技奖励（前五名；本工具只读前三名）",
              "direct: a provincial S&T award in the last 3 years, ranked in the top 3 of the awarded units, or a national award (top 5; this tool reads the top 3 only)",
              "statuses.provincialAwardTop3 or statuses.nationalAwardTop3Last3Years", req=("任一奖励", "either award")),
        check("rdAverage", "直接认定：近 2 年研发费用年均 ≥ 1000 万元", "direct: R&D averaging at least 10 million yuan a year over the last 2 years",
              "(rdExpense + priorRdExpense) / 2 >= 1000万"),
        check("equity", "直接认定：近 2 年新增股权融资（合格机构投资者实缴）≥ 6000 万元", "direct: new equity of at least 60 million yuan in 2 years (qualified investors, paid in)",
              "equityFinancing.last2Years >= 6000万"),
        check("makerChina", "直接认定：近 3 年进入“创客中国”中小企业创新创业大赛全国 500 强企业组名单", "direct: in the national top 500 (enterprise group) of the 创客中国 contest in the last 3 years",
              "statuses.makerChinaTop500"),
    ],
    "statuses": {"held": "held"},
    "layout": {"range": True, "ladder": True},
}

# 新's direct route replaces its three general items (ladder-sources §3: one copy).
NEW_DIRECT = "statuses.provincialAwardTop3 or statuses.nationalAwardTop3Last3Years or statuses.makerChinaTop50"
# 新 item 1, by last year's operating revenue: exactly 1亿 is the first tier and exactly 5000万 the
# middle one (plain reading, UNVERIFIED); "研发费用总额 ≥ 3000万" is read as the 2 years' total.
RD_TIERS = ("if(revenue >= 1亿, rdToRevenue >= 3% and priorRdToRevenue >= 3%, "
            "if(revenue >= 5000万, rdToRevenue >= 6% and priorRdToRevenue >= 6%, "
            f"equityFinancing.last2Years >= 8000万 and rdExpense + priorRdExpense >= 3000万 and {RD_STAFF_RATIO} >= 50%))")
NEW_EXEMPT = ("或近 3 年获科技奖励（前三名）、“创客中国”全国 50 强", "or an S&T award (top 3) or the 创客中国 top 50 in the last 3 years")

little_giant_2022 = {
    "id": "littleGiant",
    "title": t("专精特新“小巨人”企业（2022 标准）", "Little giant 小巨人 (2022 standard)"),
    "basis": t("《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）专精特新“小巨人”企业认定标准 [63号][Z3]：专、精、特、新、链、品六项均须满足。"
               "2026-04-01 起新申请适用 2026 标准；2026 年的复核仍按本标准。未核实之处按字面理解：营业收入恰为 1 亿元按第一档、恰为 5000 万元按第二档；“研发费用总额 ≥ 3000 万元”按近 2 年合计；"
               "近 2 年主营业务收入平均增长率取两年增长率的算术平均；链和品两项由同一项自行判断（2026 标准已将两者合并）；“精”中的发展战略和公司治理为定性要求，本工具不检查",
               "The little-giant standard of 工信部企业〔2022〕63号 [63号][Z3]: all six groups 专, 精, 特, 新, 链 and 品 must hold. "
               "New applications since 2026-04-01 use the 2026 standard; the 2026 renewals were still judged by this one. Unverified, read plainly: revenue of exactly 100 million is the first tier and exactly 50 million the second; "
               "the \"R&D of at least 30 million\" is the 2 years' total; the 2-year average growth of main-business revenue is the mean of the two yearly rates; 链 and 品 are one judgement of your own (the 2026 standard merged them); "
               "精's long-term strategy and sound governance are qualitative and not checked here"),
    "held": "statuses.littleGiant",
    "requires": copy.deepcopy(little_giant_scheme["requires"]),
    "checks": general("") + [
        check("nicheYears", "专：截至上年末从事特定细分市场 3 年以上", "专: in the niche market for at least 3 years at last year-end", "niche.years >= 3"),
        check("mainShare", "专：主营业务收入占营业收入比重 ≥ 70%", "专: main-business revenue at least 70% of operating revenue", "mainBusinessShare >= 70%", fmt="ratio"),
        check("growth", "专：近 2 年主营业务收入平均增长率 ≥ 5%", "专: 2-year average main-business revenue growth at least 5%",
              f"if({MB_BASES}, {MB_AVG_GROWTH} >= 5%, false)", actual=f"if({MB_BASES}, {MB_AVG_GROWTH}, 0)", req=("≥ 5%（前两年主营业务收入须大于 0）", "≥ 5% (the two earlier years' main-business revenue above 0)"), fmt="ratio"),
        check("dar", "精：上年末资产负债率 ≤ 70%", "精: debt-to-asset ratio at most 70% at last year-end", "dar <= 70%"),
        check("informationSystem", "精：至少 1 项核心业务采用信息系统支撑（自行判断）", "精: at least one core business runs on an information system (your own judgement)", "informationSystem"),
        check("certification", "精：取得相关管理体系认证，或产品通过发达国家和地区产品认证（自行判断）", "精: a management-system certification, or product certification in developed countries or regions (your own judgement)", "managementCertification"),
        check("share", "特：主导产品在全国细分市场占有率 ≥ 10%", "特: lead product's national niche share at least 10%", "niche.share >= 10%", fmt="ratio"),
        check("recognised", "特：享有较高知名度和影响力（自行判断）", "特: well known and influential in the niche (your own judgement)", "niche.recognised"),
        check("ownBrand", "特：拥有直接面向市场并具有竞争优势的自主品牌（自行判断）", "特: an own brand that competes directly in the market (your own judgement)", "ownBrand"),
        check("rdIntensity", "新：研发投入按上年营业收入分档（1 亿元以上：近 2 年研发费用占比均 ≥ 3%；5000 万–1 亿元：均 ≥ 6%；5000 万元以下：近 2 年股权融资 ≥ 8000 万元、研发费用合计 ≥ 3000 万元且研发人员占比 ≥ 50%）" + NEW_EXEMPT[0],
              "新: R&D by last year's revenue (100m or more: at least 3% in each of the last 2 years; 50–100m: at least 6% in each; under 50m: equity of at least 80m in 2 years, R&D of at least 30m in total and R&D staff at least 50%), " + NEW_EXEMPT[1],
              f"{RD_TIERS} or {NEW_DIRECT}", actual="rdToRevenue", req=("按收入所在档达标，或直接满足", "the tier of the revenue met, or the direct route"), fmt="ratio"),
        check("rdInstitution", "新：自建或与高校、科研机构联合建立研发机构（技术研究院、企业技术中心、工程中心、院士或博士后工作站等）" + NEW_EXEMPT[0],
              "新: an R&D institution of its own or with a university or research body (research institute, technology centre, engineering centre, academician or postdoctoral workstation …), " + NEW_EXEMPT[1],
              f"rdInstitutionLevel != 'none' or {NEW_DIRECT}", actual="rdInstitutionLevel", req=("有研发机构，或直接满足", "an R&D institution, or the direct route"), fmt="choice"),
        check("ip", "新：拥有 2 项以上与主导产品相关的Ⅰ类知识产权并实际应用" + NEW_EXEMPT[0], "新: at least 2 Class I IP tied to the lead product and in use, " + NEW_EXEMPT[1],
              f"ip.classOne >= 2 or {NEW_DIRECT}", actual="ip.classOne", req=("≥ 2 件，或直接满足", "≥ 2, or the direct route")),
        check("chainAndField", "链、品：主导产品处于产业链关键环节，属于“六基”、制造强国或网络强国重点领域（自行判断）",
              "链 and 品: the lead product is at a key link of an industrial chain, in the 六基 or the key fields of the manufacturing- and cyber-power strategies (your own judgement)",
              "chainRole == 'keyLink'", actual="chainRole", req=("是", "yes"), fmt="choice"),
    ],
    "statuses": {"held": "held"},
    "layout": {"ladder": True},
}

LADDER_ASSUMPTIONS_2022 = LADDER_ASSUMPTIONS + [assume(f"statuses.{k}", False, f"未填写{zh}，按“无”计算", f"{en} not given: taken as no") for k, zh, en in [
    ("makerChinaTop500", "近 3 年“创客中国”全国 500 强", "创客中国 national top 500 in 3 years"),
    ("makerChinaTop50", "近 3 年“创客中国”全国 50 强", "创客中国 national top 50 in 3 years"),
]]
for _tier in (specialized_2022, little_giant_2022):
    # A whole name only: statuses.makerChinaTop50 is not read by a rule on statuses.makerChinaTop500.
    _text = json.dumps({k: _tier[k] for k in ("checks", "routes") if k in _tier}, ensure_ascii=False)
    _tier["assumptions"] = [a for a in LADDER_ASSUMPTIONS_2022 if re.search(re.escape(a["fact"]) + r"(?![\w.])", _text)]

specialized_2022["apply"] = apply([
    ("先取得创新型中小企业称号（江苏：经设区市公告并报省备案），并在江苏省优质中小企业梯度培育平台入库 [496号]",
     "First hold the innovative-SME title (Jiangsu: announced by the city and filed with the province) and enter the Jiangsu pool on the provincial platform [496号]."),
    ("对照 4 项条件自查，并按 13 项指标自评（≥ 60 分），或具备一项直接认定条件 [Z1][Z4]",
     "Check the 4 conditions and self-assess the 13 indicators (at least 60), or hold one direct route [Z1][Z4]."),
    ("按省级主管部门通知申报，经审核、公示后取得称号，有效期 3 年", "Apply when the provincial authority calls; after review and publication the title is valid for 3 years."),
], [LICENCE, FINANCIALS, RD_LEDGER, IP_CERTS,
    ("数字化水平评测结果、质量管理和研发机构的证明", "the digital-level assessment and proof of the quality items and the R&D institution"),
    ("直接认定时：奖励证书、融资证明或“创客中国”大赛证明", "for a direct route: the award, financing or 创客中国 contest documents")])
little_giant_2022["apply"] = apply([
    ("先取得专精特新中小企业称号", "First hold the 专精特新 title."),
    ("对照专、精、特、新、链、品六项自查 [Z3]", "Check the six groups 专, 精, 特, 新, 链 and 品 [Z3]."),
    ("经省级主管部门推荐、工信部审核公示后取得称号，有效期 3 年", "Recommended by the province and reviewed by MIIT; the title is valid for 3 years."),
], [LICENCE, FINANCIALS, RD_LEDGER, IP_CERTS,
    ("细分市场占有率证明、管理体系或产品认证证书、研发机构认定文件", "proof of the niche share, the management-system or product certificates and the R&D institution's recognition")])

ladder = copy.deepcopy(policy)
ladder["id"] = "credit-check-reference-ladder-2022"
ladder["version"] = policy["version"] + "-ladder-2022"
ladder["issuer"] = t("credit-check 参考政策：2022 年梯度培育标准版（开源项目，非金融机构）",
                     "credit-check reference policy with the 2022 ladder standards (an open-source project, not a lender)")
ladder["sources"] = policy["sources"] + [
    {"id": "63号", "title": "《优质中小企业梯度培育管理暂行办法》工信部企业〔2022〕63号 (official text, not opened here)",
     "url": "https://www.gov.cn/zhengce/zhengceku/202206/content_5696342.htm"},
    {"id": "496号", "title": "苏工信中小〔2022〕496号, Jiangsu's 2022 专精特新 notice: eligibility, 特色化 item 1 (Suzhou Industrial Park copy)",
     "url": "http://sme.sipac.gov.cn/epservice/techsub/Apps/sme/index.php?s=/Home/Notice/noticeDetail/id/303499/query_value1//orderway//i/3"},
    {"id": "Z1", "title": "2022 专精特新 scoring table: 专业化 and 精细化 bands (third-party copy)", "url": "http://m.delacour.com.cn/ask/78162.html"},
    {"id": "Z3", "title": "2022 小巨人 standard: 专, 精, 特, 新 (third-party copy)", "url": "http://bjwsht.cn/zlsqbk/743.html"},
    {"id": "Z4", "title": "江苏省专精特新中小企业认定标准 (2022): conditions, direct routes, 专业化 (third-party copy)", "url": "https://nanjing038148.11467.com/news/5343243.asp"},
]
ladder["tables"] = {**copy.deepcopy(tables), **tables_2022}
ladder["schemes"] = [s if s["id"] not in ("specializedSme", "littleGiant") else {"specializedSme": specialized_2022, "littleGiant": little_giant_2022}[s["id"]]
                     for s in copy.deepcopy(policy["schemes"])]

# The 2022 document's own tests: every route, each condition and group both ways, the band bounds
# (a value exactly on a bound scores the better band), the self-rating's range, and each
# prerequisite held, qualified and missing. The expected values are worked out by hand from
# ladder-sources.md §2, §3 and §6 in the comments.
def firm(base, **changes):
    p = copy.deepcopy(base)
    for path, v in changes.items():
        keys = path.split("__")
        o = p
        for k in keys[:-1]:
            if k.isdigit():
                while len(o) <= int(k):
                    o.append({})
                o = o[int(k)]
            else:
                o = o.setdefault(k, {})
        if v is None:
            o.pop(keys[-1], None)
        else:
            o[keys[-1]] = v
    return p

# §6.10's firm with the 2022 inputs: three years of main-business revenue (2900万, 2500万, 2000万:
# growth 16% and 25%, average 20.5%), net profit 300万 (10%), 16 R&D staff of 80 (20%).
zjtx = firm(ladder_worked, financials__0__netProfit="3000000", financials__1__revenue="26000000",
            financials__1__rdExpense="1500000", financials__2__revenue="22000000", financials__2__mainBusinessRevenue="20000000",
            niche={"years": 4, "share": "0.12", "nationalRank": 2, "recognised": True}, chainRole="keyLink",
            rdStaff=16, rdInstitutionLevel="provincial", digitalLevel=3, qualityItems=2)
# The same firm where the self-rating decides: no key chain link (field 0), no R&D institution,
# digital level 1 and no quality item: 51 points and the 0–9 of the self-rating.
zjtx_low = firm(zjtx, chainRole="none", rdInstitutionLevel="none", digitalLevel=1, qualityItems=0)

def zt(name, profile, **expect):
    return {"name": name, "profile": profile, "expect": {"assessments": {"specializedSme": expect}}}

def pts(**points):
    """Indicators of a range layout by id: {id: n} exact, {id: (lo, hi)} a range."""
    return [{"id": k, "min": v[0] if isinstance(v, tuple) else v, "max": v[1] if isinstance(v, tuple) else v} for k, v in points.items()]

def st(**statuses):
    return [{"id": k, "status": v} for k, v in statuses.items()]

tests_2022 = [
    zt("专精特新 2022, §6.10's firm: 72–83 (self-rating and field unknown), qualified by score; 创新型 only qualified counts",
       zjtx, status="qualified", held=False, route="score", score={"min": 72, "max": 83},
       indicators=pts(mainShare=5, growth=10, nicheYears=2, field=(3, 5), digital=5, quality=5, netMargin=10, dar=1,
                      nicheShare=6, featureSelfRating=(0, 9), ip=6, rd=6, rdStaff=5, rdInstitution=8),
       groups=[{"id": "specialisation", "min": 20, "max": 22}, {"id": "refinement", "min": 21, "max": 21},
               {"id": "feature", "min": 6, "max": 15}, {"id": "innovation", "min": 25, "max": 25}],
       checks=st(innovative="pass", nicheYears="pass", rd="pass", revenueOrEquity="pass", score="pass",
                 award="fail", rdAverage="fail", equity="fail", makerChina="fail")),
    zt("专精特新 2022: the self-rating not given counts 0–9: 51–60 with no route is incomplete",
       zjtx_low, status="incomplete", route=None, score={"min": 51, "max": 60},
       indicators=pts(field=0, digital=0, quality=0, rdInstitution=0, featureSelfRating=(0, 9)), checks=st(score="incomplete")),
    zt("专精特新 2022: a self-rating of 9 makes exactly 60: qualified", firm(zjtx_low, featureSelfRating=9),
       status="qualified", route="score", score={"min": 60, "max": 60}, indicators=pts(featureSelfRating=9),
       groups=[{"id": "feature", "min": 15, "max": 15}]),
    zt("专精特新 2022: a self-rating of 8 makes 59: not qualified", firm(zjtx_low, featureSelfRating=8),
       status="notQualified", route=None, score={"min": 59, "max": 59}, checks=st(score="fail")),
    zt("专精特新 2022: a self-rating of 0 makes 51: not qualified", firm(zjtx_low, featureSelfRating=0),
       status="notQualified", score={"min": 51, "max": 51}, indicators=pts(featureSelfRating=0)),
    # The four direct routes, each on the 51-point firm.
    zt("专精特新 2022 route 1: a provincial award (top 3) qualifies directly", firm(zjtx_low, featureSelfRating=0, statuses__provincialAwardTop3=True),
       status="qualified", route="direct", checks=st(score="fail", award="pass")),
    zt("专精特新 2022 route 1: a national award (top 3) qualifies directly", firm(zjtx_low, featureSelfRating=0, statuses__nationalAwardTop3Last3Years=True),
       status="qualified", route="direct", checks=st(award="pass")),
    # R&D 1100万 and 900万: 10 points for R&D (55 in all) and an average of exactly 1000万.
    zt("专精特新 2022 route 2: R&D averaging exactly 1000万 over 2 years qualifies directly",
       firm(zjtx_low, featureSelfRating=0, financials__0__rdExpense="11000000", financials__0__domesticRdExpense="11000000", financials__1__rdExpense="9000000"),
       status="qualified", route="direct", score={"min": 55, "max": 55}, indicators=pts(rd=10), checks=st(score="fail", rdAverage="pass")),
    zt("专精特新 2022 route 2: an average 1 yuan short of 1000万 does not",
       firm(zjtx_low, featureSelfRating=0, financials__0__rdExpense="11000000", financials__0__domesticRdExpense="11000000", financials__1__rdExpense="8999998"),
       status="notQualified", checks=st(rdAverage="fail")),
    zt("专精特新 2022 route 3: new equity of exactly 6000万 in 2 years qualifies directly",
       firm(zjtx_low, featureSelfRating=0, equityFinancing__last2Years="60000000"), status="qualified", route="direct", checks=st(equity="pass")),
    zt("专精特新 2022 route 3: 5999.9999万 does not", firm(zjtx_low, featureSelfRating=0, equityFinancing__last2Years="59999999"),
       status="notQualified", checks=st(equity="fail")),
    zt("专精特新 2022 route 4: the 创客中国 top 500 qualifies directly", firm(zjtx_low, featureSelfRating=0, statuses__makerChinaTop500=True),
       status="qualified", route="direct", checks=st(makerChina="pass")),
    zt("专精特新 2022: a route replaces the score, not the general conditions (a dishonest debtor)",
       firm(zjtx_low, featureSelfRating=0, statuses__provincialAwardTop3=True, credit__dishonestDebtor=True),
       status="notQualified", checks=st(award="pass", dishonestDebtor="fail")),
    zt("专精特新 2022: nor the conditions (1.9 years in the niche)", firm(zjtx_low, featureSelfRating=0, statuses__makerChinaTop500=True, niche__years="1.9"),
       status="notQualified", checks=st(makerChina="pass", nicheYears="fail")),
    # The conditions, each both ways.
    zt("专精特新 2022 condition 1: exactly 2 years in the niche holds (1 point)", firm(zjtx, niche__years=2),
       status="qualified", checks=st(nicheYears="pass"), indicators=pts(nicheYears=1)),
    zt("专精特新 2022 condition 1: 1.9 years fails (0 points)", firm(zjtx, niche__years="1.9"),
       status="notQualified", checks=st(nicheYears="fail"), indicators=pts(nicheYears=0)),
    zt("专精特新 2022 condition 2: R&D of exactly 100万 (3.33%) holds",
       firm(zjtx, financials__0__rdExpense="1000000", financials__0__domesticRdExpense="1000000"), status="qualified", checks=st(rd="pass")),
    zt("专精特新 2022 condition 2: R&D of exactly 3% (120万 of 4000万) holds",
       firm(zjtx, financials__0__rdExpense="1200000", financials__0__domesticRdExpense="1200000", financials__0__revenue="40000000"),
       checks=st(rd="pass")),
    zt("专精特新 2022 condition 2: 99万 fails, even at 3.3%", firm(zjtx, financials__0__rdExpense="990000", financials__0__domesticRdExpense="990000"),
       status="notQualified", checks=st(rd="fail")),
    zt("专精特新 2022 condition 2: 2.99% fails, even at 104.65万", firm(zjtx, financials__0__rdExpense="1046500", financials__0__domesticRdExpense="1046500", financials__0__revenue="35000000"),
       status="notQualified", checks=st(rd="fail")),
    zt("专精特新 2022 condition 3: revenue of exactly 1000万 holds",
       firm(zjtx, financials__0__revenue="10000000", financials__0__mainBusinessRevenue="9000000", financials__0__netProfit="1000000"), checks=st(revenueOrEquity="pass")),
    zt("专精特新 2022 condition 3: 999.99万 with no equity fails",
       firm(zjtx, financials__0__revenue="9999900", financials__0__mainBusinessRevenue="9000000", financials__0__netProfit="1000000"),
       status="notQualified", checks=st(revenueOrEquity="fail")),
    zt("专精特新 2022 condition 3: 999.99万 with exactly 2000万 of equity in 2 years holds",
       firm(zjtx, financials__0__revenue="9999900", financials__0__mainBusinessRevenue="9000000", financials__0__netProfit="1000000", equityFinancing__last2Years="20000000"),
       checks=st(revenueOrEquity="pass")),
    # The prerequisite: held, qualified (the first test: it counts, the title must be obtained first), missing.
    zt("专精特新 2022: the innovative-SME title held counts", firm(zjtx, statuses__innovativeSme=True), status="qualified", checks=st(innovative="pass")),
    # Main-business revenue 1400万 of 3000万 (46.7%): 创新型's specialisation is 10 < 15, and no route.
    zt("专精特新 2022: neither held nor qualified as an innovative SME, it fails",
       firm(zjtx, financials__0__mainBusinessRevenue="14000000", statuses__highTechEnterprise=False), status="notQualified", checks=st(innovative="fail")),
]

# The band bounds of the 13 indicators. Each firm is §6.10's with other figures; the comments give
# the values.
def bounds(name, profile, **points):
    return zt(name, profile, indicators=pts(**points))

top = firm(zjtx_low, featureSelfRating=0, employees=80, rdStaff=16, rdInstitutionLevel="national", digitalLevel=3, qualityItems=2,
           financials=[{"revenue": "10000000", "mainBusinessRevenue": "8000000", "rdExpense": "5000000", "domesticRdExpense": "5000000",
                        "costsAndExpenses": "9000000", "totalAssets": "40000000", "totalLiabilities": "20000000", "taxPaid": "500000", "netProfit": "1000000"},
                       {"revenue": "5000000", "mainBusinessRevenue": "4000000", "rdExpense": "2000000"},
                       {"revenue": "21000000", "mainBusinessRevenue": "20000000"}],
           niche={"years": 10, "share": "0.1", "nationalRank": 11, "recognised": True},
           ip={"classOne": 1, "classTwo": 0, "classOneHighValue": 1, "classOneOwnDeveloped": 1})
tests_2022 += [
    # main share 80%, growth (100% − 80%) ÷ 2 = 10%, 10 years, digital 3, quality 2, margin 10%, DAR 50%,
    # share 10%, high-value IP, R&D 500万, R&D staff 20%, a national institution: every top band.
    bounds("专精特新 2022 bounds: every value exactly on its top band's bound scores it", top,
           mainShare=5, growth=10, nicheYears=5, digital=5, quality=5, netMargin=10, dar=5, nicheShare=6, ip=10, rd=10, rdStaff=5, rdInstitution=10),
    # 79.99999%, growth just under 10%, 9.99 years, digital 2, quality 1, margin 9.99999%, DAR
    # 50.0000025%, share 9.99% (rank 11), own-developed IP, 15 of 80 staff (18.75%), provincial.
    bounds("专精特新 2022 bounds: just past each top bound scores the next band",
           firm(top, financials__0__mainBusinessRevenue="7999999", financials__2__mainBusinessRevenue="20000001", niche__years="9.99",
                digitalLevel=2, qualityItems=1, financials__0__netProfit="999999", financials__0__totalLiabilities="20000001",
                niche__share="0.0999", ip__classOneHighValue=0, rdStaff=15, rdInstitutionLevel="provincial"),
           mainShare=3, growth=8, nicheYears=4, digital=3, quality=3, netMargin=8, dar=3, nicheShare=4, ip=8, rdStaff=3, rdInstitution=8),
    # R&D, the better of amount and ratio: 499.9999万 of 1亿 (8 by amount, 4 by ratio); 300万 of 3000万
    # (6 by amount, 10 by ratio); 100万 of 1亿 (2, 0); 99万 of 3300万 (0, exactly 3%: 2); 99万 of 3301万 (0, 0).
    bounds("专精特新 2022 bounds: R&D 499.9999万 at 5% scores 8 by the amount", firm(top, financials__0__revenue="100000000",
           financials__0__rdExpense="4999999", financials__0__domesticRdExpense="4999999"), rd=8),
    bounds("专精特新 2022 bounds: R&D 300万 at exactly 10% scores 10 by the ratio", firm(top, financials__0__revenue="30000000",
           financials__0__rdExpense="3000000", financials__0__domesticRdExpense="3000000"), rd=10),
    bounds("专精特新 2022 bounds: R&D of exactly 100万 at 1% scores 2", firm(top, financials__0__revenue="100000000",
           financials__0__rdExpense="1000000", financials__0__domesticRdExpense="1000000"), rd=2),
    bounds("专精特新 2022 bounds: R&D 99万 at exactly 3% scores 2", firm(top, financials__0__revenue="33000000",
           financials__0__rdExpense="990000", financials__0__domesticRdExpense="990000"), rd=2),
    bounds("专精特新 2022 bounds: R&D 99万 under 3% scores 0", firm(top, financials__0__revenue="33010000",
           financials__0__rdExpense="990000", financials__0__domesticRdExpense="990000"), rd=0),
    # 70% main share (2800万 of 4000万) and the same in the two years before (growth exactly 0: 2);
    # 2 years; DAR 60%; margin 2%; R&D staff 10%; share 5%; Class I IP; a municipal institution.
    bounds("专精特新 2022 bounds: the middle bounds (70% share, zero growth, 2 years, DAR 60%, margin 2%, 10% staff, 5% share)",
           firm(top, financials__0__revenue="40000000", financials__0__mainBusinessRevenue="28000000", financials__1__mainBusinessRevenue="28000000",
                financials__2__mainBusinessRevenue="28000000", niche__years=2, financials__0__totalLiabilities="24000000", financials__0__netProfit="800000",
                rdStaff=8, niche__share="0.05", rdInstitutionLevel="municipal", ip={"classOne": 1, "classTwo": 3, "classOneHighValue": 0, "classOneOwnDeveloped": 0}),
           mainShare=3, growth=2, nicheYears=1, dar=3, netMargin=2, rdStaff=3, nicheShare=4, ip=6, rdInstitution=4),
    bounds("专精特新 2022 bounds: the lowest bounds (60% share, DAR 70%, R&D staff 5%, exactly 3% of revenue, rank 10)",
           firm(top, financials__0__revenue="40000000", financials__0__mainBusinessRevenue="24000000", financials__0__totalLiabilities="28000000",
                financials__0__netProfit="799999", rdStaff=4, niche__share="0.01", niche__nationalRank=10,
                financials__0__rdExpense="1200000", financials__0__domesticRdExpense="1200000", rdInstitutionLevel="below", digitalLevel=1, qualityItems=0,
                ip={"classOne": 0, "classTwo": 1}),
           mainShare=1, dar=1, netMargin=0, rdStaff=1, nicheShare=4, rd=2, rdInstitution=2, digital=0, quality=0, ip=2),
    bounds("专精特新 2022 bounds: past the lowest (59.99%, DAR above 70%, 4 of 81 staff, 99万 under 3%, rank 11, negative growth, 1.99 years, no IP)",
           firm(top, financials__0__revenue="33400000", financials__0__mainBusinessRevenue="20039999", financials__0__totalLiabilities="28000001",
                financials__1__mainBusinessRevenue="20040000", financials__2__mainBusinessRevenue="20040000", employees=81, rdStaff=4, niche__share="0.01",
                niche__years="1.99", financials__0__rdExpense="990000", financials__0__domesticRdExpense="990000", rdInstitutionLevel="none", ip={"classOne": 0, "classTwo": 0}),
           mainShare=0, growth=0, nicheYears=0, dar=0, rdStaff=0, nicheShare=0, rd=0, rdInstitution=0, ip=0),
    # The field: a key chain link counts 3–5, none 0; a missing share with rank 10 counts 4–6.
    bounds("专精特新 2022: a key chain link counts the field 3–5, and a missing share with rank 10 counts 4–6",
           firm(top, chainRole="keyLink", niche__share=None, niche__nationalRank=10), field=(3, 5), nicheShare=(4, 6)),
    # A zero base year gives no growth rate: 0 points.
    bounds("专精特新 2022: a zero main-business revenue two years before scores the growth 0", firm(top, financials__2__mainBusinessRevenue="0"), growth=0),
]

# A firm that meets the 2022 小巨人 in every group: revenue 1.2亿 (first tier, 5% and 4% R&D), main
# share exactly 70% (8400万), average growth (−50% + 60%) ÷ 2 = exactly 5%, DAR 60%, share 15%,
# 5 Class I IP, a national R&D institution; it holds 专精特新.
giant = firm(zjtx, employees=250, techStaff=60, rdStaff=50, sector="software",
             financials=[{"revenue": "120000000", "mainBusinessRevenue": "84000000", "rdExpense": "6000000", "domesticRdExpense": "6000000",
                          "costsAndExpenses": "100000000", "totalAssets": "100000000", "totalLiabilities": "60000000", "taxPaid": "5000000", "netProfit": "12000000"},
                         {"revenue": "170000000", "mainBusinessRevenue": "168000000", "rdExpense": "6800000"},
                         {"revenue": "110000000", "mainBusinessRevenue": "105000000"}],
             niche={"years": 6, "share": "0.15", "nationalRank": 2, "recognised": True}, rdInstitutionLevel="national",
             ip={"classOne": 5, "classTwo": 10, "classOneHighValue": 1, "classOneOwnDeveloped": 3},
             informationSystem=True, managementCertification=True, ownBrand=True,
             statuses__specializedSme=True, statuses__innovativeSme=True)

def gt(name, profile, **expect):
    return {"name": name, "profile": profile, "expect": {"assessments": {"littleGiant": expect}}}

tests_2022 += [
    gt("小巨人 2022: a firm that meets all six groups (each value on its bound where it has one) qualifies", giant,
       status="qualified", held=False, checks=st(specialized="pass", nicheYears="pass", mainShare="pass", growth="pass", dar="pass",
                                                 informationSystem="pass", certification="pass", share="pass", recognised="pass", ownBrand="pass",
                                                 rdIntensity="pass", rdInstitution="pass", ip="pass", chainAndField="pass")),
    gt("小巨人 2022: held", firm(giant, statuses__littleGiant=True), status="held", held=True),
    gt("小巨人 2022 专: 2.9 years in the niche fails", firm(giant, niche__years="2.9"), status="notQualified", checks=st(nicheYears="fail")),
    gt("小巨人 2022 专: exactly 3 years holds", firm(giant, niche__years=3), status="qualified", checks=st(nicheYears="pass")),
    gt("小巨人 2022 专: a main share just under 70% fails", firm(giant, financials__0__revenue="120000001"), status="notQualified", checks=st(mainShare="fail")),
    gt("小巨人 2022 专: average growth just under 5% fails", firm(giant, financials__2__mainBusinessRevenue="105000001"), status="notQualified", checks=st(growth="fail")),
    gt("小巨人 2022 专: a zero main-business revenue two years before fails the growth", firm(giant, financials__2__mainBusinessRevenue="0"),
       status="notQualified", checks=st(growth="fail")),
    gt("小巨人 2022 专: the growth wants three years", firm(giant, financials__2__mainBusinessRevenue=None), status="incomplete", checks=st(growth="incomplete")),
    gt("小巨人 2022 精: DAR exactly 70% holds", firm(giant, financials__0__totalLiabilities="70000000"), status="qualified", checks=st(dar="pass")),
    gt("小巨人 2022 精: DAR just above 70% fails", firm(giant, financials__0__totalLiabilities="70000001"), status="notQualified", checks=st(dar="fail")),
    gt("小巨人 2022 精: no information system fails", firm(giant, informationSystem=False), status="notQualified", checks=st(informationSystem="fail")),
    gt("小巨人 2022 精: the information system not answered leaves it incomplete", firm(giant, informationSystem=None), status="incomplete", checks=st(informationSystem="incomplete")),
    gt("小巨人 2022 精: no certification fails", firm(giant, managementCertification=False), status="notQualified", checks=st(certification="fail")),
    gt("小巨人 2022 特: a national share of exactly 10% holds", firm(giant, niche__share="0.1"), status="qualified", checks=st(share="pass")),
    gt("小巨人 2022 特: 9.99% fails, even ranked first", firm(giant, niche__share="0.0999", niche__nationalRank=1), status="notQualified", checks=st(share="fail")),
    gt("小巨人 2022 特: no recognition fails", firm(giant, niche__recognised=False), status="notQualified", checks=st(recognised="fail")),
    gt("小巨人 2022 特: no own brand fails", firm(giant, ownBrand=False), status="notQualified", checks=st(ownBrand="fail")),
    gt("小巨人 2022 新: revenue ≥ 1亿 with 2.99% the year before fails", firm(giant, financials__1__rdExpense="5083000"), status="notQualified", checks=st(rdIntensity="fail")),
    # Exactly 1亿 is the first tier: 3% in both years (300万 of 1亿, 510万 of 1.7亿).
    gt("小巨人 2022 新: revenue of exactly 1亿 is the first tier: 3% in both years holds",
       firm(giant, financials__0__revenue="100000000", financials__0__rdExpense="3000000", financials__0__domesticRdExpense="3000000", financials__1__rdExpense="5100000"),
       checks=st(rdIntensity="pass")),
    # 9999.99万: the second tier wants 6%; 5% and 4% are not enough.
    gt("小巨人 2022 新: just under 1亿 is the second tier: 5% fails",
       firm(giant, financials__0__revenue="99999900", financials__0__rdExpense="5000000", financials__0__domesticRdExpense="5000000"),
       status="notQualified", checks=st(rdIntensity="fail")),
    gt("小巨人 2022 新: revenue of exactly 5000万 is the second tier: 6% in both years holds",
       firm(giant, financials__0__revenue="50000000", financials__0__rdExpense="3000000", financials__0__domesticRdExpense="3000000",
            financials__1__rdExpense="10200000"), checks=st(rdIntensity="pass")),
    # Under 5000万: equity 8000万, R&D 2000万 + 1000万 = 3000万 over 2 years, 125 of 250 staff (50%).
    gt("小巨人 2022 新: under 5000万, equity 8000万, R&D 3000万 in 2 years and half the staff in R&D holds",
       firm(giant, financials__0__revenue="49999900", financials__0__rdExpense="20000000", financials__0__domesticRdExpense="20000000",
            financials__1__rdExpense="10000000", equityFinancing__last2Years="80000000", rdStaff=125), checks=st(rdIntensity="pass")),
    gt("小巨人 2022 新: under 5000万, 124 of 250 staff in R&D fails",
       firm(giant, financials__0__revenue="49999900", financials__0__rdExpense="20000000", financials__0__domesticRdExpense="20000000",
            financials__1__rdExpense="10000000", equityFinancing__last2Years="80000000", rdStaff=124), status="notQualified", checks=st(rdIntensity="fail")),
    gt("小巨人 2022 新: no R&D institution fails", firm(giant, rdInstitutionLevel="none"), status="notQualified", checks=st(rdInstitution="fail")),
    gt("小巨人 2022 新: one Class I IP fails", firm(giant, ip__classOne=1, ip__classOneHighValue=1, ip__classOneOwnDeveloped=1), status="notQualified", checks=st(ip="fail")),
    gt("小巨人 2022 新: exactly two Class I IP hold", firm(giant, ip__classOne=2, ip__classOneHighValue=1, ip__classOneOwnDeveloped=2), status="qualified", checks=st(ip="pass")),
    gt("小巨人 2022 新: the direct route (an award, top 3) replaces R&D, institution and IP",
       firm(giant, financials__1__rdExpense="0", rdInstitutionLevel="none", ip__classOne=0, ip__classOneHighValue=0, ip__classOneOwnDeveloped=0, statuses__provincialAwardTop3=True),
       status="qualified", checks=st(rdIntensity="pass", rdInstitution="pass", ip="pass")),
    gt("小巨人 2022 新: so does the 创客中国 top 50", firm(giant, rdInstitutionLevel="none", statuses__makerChinaTop50=True), status="qualified", checks=st(rdInstitution="pass")),
    gt("小巨人 2022 链、品: no key chain link fails", firm(giant, chainRole="none"), status="notQualified", checks=st(chainAndField="fail")),
    gt("小巨人 2022: an SME no more (300 staff and 1.2亿 in software) fails the general conditions", firm(giant, employees=300), status="notQualified", checks=st(sme="fail")),
    # The prerequisite: held (above), qualified on the figures, missing.
    gt("小巨人 2022: 专精特新 qualified but not held still counts", firm(giant, statuses__specializedSme=False), status="qualified", checks=st(specialized="pass")),
    gt("小巨人 2022: 专精特新 neither held nor qualified fails", firm(zjtx, niche__years="1.9"), status="notQualified", checks=st(specialized="fail")),
    {"name": "§6.10's firm under the 2022 rules: 专精特新 qualified (not held), 小巨人 not (R&D under 5000万 of revenue); the lines as in §6.8",
     "profile": zjtx, "expect": {"assessments": {
         "innovativeSme": {"status": "qualified", "score": 85},
         "specializedSme": {"status": "qualified"},
         "littleGiant": {"status": "notQualified", "checks": st(specialized="pass", rdIntensity="fail", informationSystem="incomplete")}},
         "products": [{"id": "reference-pure-credit", "status": "eligible", "limit": {"amount": "8000000"}}]}},
]
ladder["tests"] = tests_2022

ladder_out = pathlib.Path(__file__).resolve().parent.parent / "www" / "policies" / "ladder-2022.json"
ladder_out.write_text(json.dumps(ladder, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {ladder_out} ({ladder_out.stat().st_size} bytes)")
