//! The form's fields as data: each with its profile path, kind, default, and its label and the
//! help text that says what the official term means, in zh-CN and English.

use super::Kind;

pub(super) struct F {
    pub(super) path: &'static str,
    pub(super) kind: Kind,
    pub(super) zh: (&'static str, &'static str),
    pub(super) en: (&'static str, &'static str),
    pub(super) default: &'static str,
}

const fn f(
    path: &'static str,
    kind: Kind,
    zh: (&'static str, &'static str),
    en: (&'static str, &'static str),
    default: &'static str,
) -> F {
    F {
        path,
        kind,
        zh,
        en,
        default,
    }
}

use Kind::{Choice as C, Count, Decimal as Dec, Flag, Text, Wan};

pub(super) const BASICS: &[F] = &[
    f("name", Text, ("企业名称", "仅用于报告抬头，不参与计算。"), ("Company name", "Shown on the report only; not used in any rule."), "云创大数据"),
    f("province", C, ("注册地（省）", "苏科贷要求在江苏注册。"), ("Registered in (province)", "苏科贷 requires registration in Jiangsu."), "jiangsu"),
    f("city", C, ("注册地（市/县）", "昆科贷要求在昆山注册。"), ("City / county", "昆科贷 requires registration in Kunshan."), "nanjing"),
    f("sector", C, ("行业（划型标准）", "按工信部中小企业划型标准：工业、软件和信息技术服务业或其他。"), ("Sector (size standard)", "The MIIT SME size standard: industry, software & IT services, or other."), "software"),
    f("resident", Flag, ("在中国境内（不含港澳台）注册的居民企业", "科技型中小企业评价的基本条件之一。"), ("Resident enterprise registered in mainland China", "A basic condition of the tech-SME evaluation."), "true"),
    f("yearsOperating", Dec, ("成立年限", "自注册登记起的年数，可带小数。"), ("Years since registration", "Years since registration; decimals allowed."), "5"),
    f("employees", Count, ("职工总数", "在职、兼职和临时聘用人员合计；兼职、临时人员全年累计工作 6 个月以上。"), ("Total employees (职工总数)", "On-payroll, part-time and temporary staff; part-time and temporary staff count if they worked 6 months or more in the year."), "80"),
    f("techStaff", Count, ("科技人员", "直接从事研发和相关技术创新活动，以及专门从事上述活动管理和服务的人员（同样适用 6 个月规则）。"), ("Tech staff (科技人员)", "Staff who do R&D or related innovation work, or manage or directly serve it (same 6-month rule)."), "20"),
    f("techField", C, ("核心技术所属领域", "《国家重点支持的高新技术领域》8 个领域之一；不属于则选“无”。"), ("Field of the core technology", "One of the 8 key supported high-tech fields; choose none otherwise."), "electronic-information"),
];

pub(super) const LATEST: &[F] = &[
    f(
        "financials[0].revenue",
        Wan,
        ("销售收入", "最近一个会计年度的销售收入（营业收入）。"),
        ("Revenue", "Sales revenue of the latest fiscal year."),
        "3000",
    ),
    f(
        "financials[0].mainBusinessRevenue",
        Wan,
        ("主营业务收入", "可选。"),
        ("Main-business revenue", "Optional."),
        "2900",
    ),
    f(
        "financials[0].rdExpense",
        Wan,
        (
            "研发费用",
            "按研发费用加计扣除口径归集（财税〔2015〕119号）。",
        ),
        (
            "R&D expense",
            "As collected for the R&D super-deduction (财税〔2015〕119号).",
        ),
        "180",
    ),
    f(
        "financials[0].domesticRdExpense",
        Wan,
        (
            "其中：境内研发费用",
            "在中国境内发生的研发费用；高企要求不低于全部研发费用的 60%。",
        ),
        (
            "of which in China",
            "R&D spent in China; high-tech status needs at least 60% of all R&D.",
        ),
        "180",
    ),
    f(
        "financials[0].costsAndExpenses",
        Wan,
        (
            "成本费用支出总额",
            "研发投入指标的第二种算法：研发费用 ÷ 成本费用支出总额。",
        ),
        (
            "Total costs and expenses",
            "The second R&D measure: R&D ÷ total costs and expenses.",
        ),
        "2500",
    ),
    f(
        "financials[0].totalAssets",
        Wan,
        ("资产总额", "年末资产总额。"),
        ("Total assets", "At year end."),
        "4000",
    ),
    f(
        "financials[0].totalLiabilities",
        Wan,
        ("负债总额", "年末负债总额；资产负债率 = 负债 ÷ 资产。"),
        (
            "Total liabilities",
            "At year end; debt-to-asset ratio = liabilities ÷ assets.",
        ),
        "2500",
    ),
    f(
        "financials[0].taxPaid",
        Wan,
        ("实缴税额", "当年实际缴纳的增值税和企业所得税。"),
        (
            "Tax paid",
            "VAT and corporate income tax actually paid in the year.",
        ),
        "120",
    ),
    f(
        "highTechRevenue",
        Wan,
        (
            "高新技术产品（服务）收入",
            "最近一年；高企要求不低于总收入的 60%。",
        ),
        (
            "High-tech products and services revenue",
            "Latest year; high-tech status needs at least 60% of revenue.",
        ),
        "2700",
    ),
];

pub(super) const EARLIER: &[F] = &[
    f(
        "financials[1].mainBusinessRevenue",
        Wan,
        ("上一年：主营业务收入", "用于主营业务收入增长率。"),
        (
            "Year before: main-business revenue",
            "For main-business revenue growth.",
        ),
        "",
    ),
    f(
        "financials[1].revenue",
        Wan,
        ("上一年：销售收入", "用于三年研发强度和成长性。"),
        (
            "Year before: revenue",
            "For the 3-year R&D intensity and growth.",
        ),
        "",
    ),
    f(
        "financials[1].rdExpense",
        Wan,
        ("上一年：研发费用", ""),
        ("Year before: R&D expense", ""),
        "",
    ),
    f(
        "financials[1].totalAssets",
        Wan,
        ("上一年：资产总额", ""),
        ("Year before: total assets", ""),
        "",
    ),
    f(
        "financials[1].totalLiabilities",
        Wan,
        ("上一年：负债总额", ""),
        ("Year before: total liabilities", ""),
        "",
    ),
    f(
        "financials[2].revenue",
        Wan,
        ("前年：销售收入", ""),
        ("Two years before: revenue", ""),
        "",
    ),
    f(
        "financials[2].rdExpense",
        Wan,
        ("前年：研发费用", ""),
        ("Two years before: R&D expense", ""),
        "",
    ),
    f(
        "financials[2].totalAssets",
        Wan,
        ("前年：资产总额", ""),
        ("Two years before: total assets", ""),
        "",
    ),
    f(
        "financials[2].totalLiabilities",
        Wan,
        ("前年：负债总额", ""),
        ("Two years before: total liabilities", ""),
        "",
    ),
];

pub(super) const QUALIFICATIONS: &[F] = &[
    f("ip.classOne", Count, ("Ⅰ类知识产权（件）", "发明专利、植物新品种、国家级农作物品种、国家新药、国家一级中药保护品种、集成电路布图设计专有权；须有效且与主营产品相关。"), ("Class I IP (count)", "Invention patents, plant varieties, national crop varieties, national new drugs, first-grade protected TCM varieties, IC layout designs; valid and tied to the main products."), "2"),
    f("ip.classTwo", Count, ("Ⅱ类知识产权（件）", "实用新型专利、外观设计专利、软件著作权（不含商标）。"), ("Class II IP (count)", "Utility models, designs, software copyrights (not trademarks)."), "5"),
    f("statuses.highTechEnterprise", Flag, ("持有有效期内的高新技术企业证书", "证书有效期 3 年。"), ("Valid high-tech enterprise certificate", "Valid for 3 years."), "true"),
    f("statuses.techSmeRegistered", Flag, ("本年度已取得科技型中小企业入库登记编号", "登记编号有效期 1 年，每年 3 月底前更新。"), ("Registered as a tech-based SME this year", "The registration number is valid for one year."), ""),
    f("statuses.innovativeSme", Flag, ("创新型中小企业", ""), ("Innovative SME (创新型)", ""), ""),
    f("statuses.specializedSme", Flag, ("专精特新中小企业", ""), ("Specialised SME (专精特新)", ""), ""),
    f("statuses.littleGiant", Flag, ("专精特新“小巨人”企业", ""), ("Little giant (小巨人)", ""), ""),
    f("statuses.provincialRdInstitution", Flag, ("拥有省部级以上研发机构", "科技型中小企业直接确认条件之一。"), ("R&D institution at provincial level or above", "A direct route of the tech-SME evaluation."), ""),
    f("statuses.ledStandard", Flag, ("近五年主导制定国际、国家或行业标准", "科技型中小企业直接确认条件之一。"), ("Led an international, national or industry standard (5 years)", "A direct route of the tech-SME evaluation."), ""),
    f("statuses.nationalAward", Flag, ("近五年获国家级科技奖励（前三名）", "科技型中小企业直接确认条件之一。"), ("National S&T award in 5 years (top 3)", "A direct route of the tech-SME evaluation."), ""),
    f("talent", C, ("人才层次", "企业创始人或核心团队入选的最高人才计划层次。"), ("Talent tier", "The highest talent programme of the founder or core team."), "provincial"),
];

/// The qualification ladder's inputs (domain.md §6.10.6): 创新型 → 专精特新 → 小巨人.
pub(super) const LADDER: &[F] = &[
    f("ip.classOneHighValue", Count, ("其中：高价值Ⅰ类知识产权（件）", "在 G20、新加坡或欧洲获授权的同族专利、维持 10 年以上，或质押融资价值高的Ⅰ类知识产权；不能多于Ⅰ类总数。"), ("Of which high-value Class I IP (count)", "Family patents granted in G20 countries, Singapore or by the EPO, maintained over 10 years, or of high pledge value; at most the Class I count."), ""),
    f("ip.classOneOwnDeveloped", Count, ("其中：自主研发的Ⅰ类知识产权（件）", "不含受让未满 1 年的；不能多于Ⅰ类总数。"), ("Of which own-developed Class I IP (count)", "Excluding IP transferred in less than a year; at most the Class I count."), ""),
    f("niche.years", Dec, ("从事特定细分市场年限", "截至上年末在主导产品所属细分市场的年数。"), ("Years in the niche market", "Years in the lead product's niche market at last year-end."), ""),
    f("niche.share", Dec, ("细分市场占有率（小数，如 0.12）", "主导产品在细分市场的占有率，国内或国际。"), ("Niche market share (a ratio, e.g. 0.12)", "The lead product's share of its niche market, domestic or international."), ""),
    f("niche.nationalRank", Count, ("细分市场国内排名", "主导产品在国内细分市场的名次。"), ("Domestic rank in the niche", "The lead product's domestic rank in its niche."), ""),
    f("niche.recognised", Flag, ("细分市场占有率较为靠前并获认可", "自行判断。"), ("Share near the top of the niche, with recognition", "Your own judgement."), ""),
    f("equityFinancing.last2Years", Wan, ("近 2 年新增股权融资（万元）", "合格机构投资者实缴。"), ("New equity in the last 2 years", "From qualified institutional investors, paid in."), ""),
    f("equityFinancing.last3Years", Wan, ("近 3 年新增股权融资（万元）", "合格机构投资者实缴。"), ("New equity in the last 3 years", "From qualified institutional investors, paid in."), ""),
    f("strategicEmerging", Flag, ("主导产品属于《战略性新兴产业分类》", ""), ("Lead product in the strategic emerging industries catalogue", ""), ""),
    f("chainRole", C, ("主导产品所处位置", "“六基”领域或重点产业链关键环节。"), ("Lead product's place in the chain", "A 六基 field or a key link of a key industrial chain."), ""),
    f("platformScore", Dec, ("专精特新发展评价得分（0–100）", "由工信部优质中小企业梯度培育平台（zjtx.miit.gov.cn）按行业均值计算，本工具无法自行计算，请从平台查询后填写。"), ("专精特新 development score (0–100)", "Computed by the MIIT platform (zjtx.miit.gov.cn) against industry averages; this tool cannot compute it, so copy it from the platform."), ""),
    f("statuses.scienceAwardLast3Years", Flag, ("近 3 年获国家级或省级科技奖励", ""), ("National or provincial S&T award in the last 3 years", ""), ""),
    f("statuses.provincialAwardTop3", Flag, ("近 3 年获省级以上科技奖励（前三名）", ""), ("Provincial-or-higher S&T award in 3 years (top 3)", ""), ""),
    f("statuses.nationalAwardTop3Last3Years", Flag, ("近 3 年获国家级科技奖励（前三名）", ""), ("National S&T award in 3 years (top 3)", ""), ""),
    f("statuses.techInnovationDemo", Flag, ("国家级技术创新示范企业", ""), ("National technology-innovation demonstration enterprise", ""), ""),
    f("statuses.ipAdvantage", Flag, ("知识产权优势（示范）企业", ""), ("IP advantage (demonstration) enterprise", ""), ""),
];

pub(super) const SELF_RATING: &[F] = &[
    f(
        "innovationSelfRating.advancement",
        Count,
        (
            "自评：技术先进程度（0–8）",
            "高企创新能力评价的专家打分项；不填则按全部可能区间计算。",
        ),
        (
            "Self-rating: technical advancement (0–8)",
            "An expert item of the high-tech evaluation; left empty, its full range counts.",
        ),
        "",
    ),
    f(
        "innovationSelfRating.coreSupport",
        Count,
        ("自评：核心支持作用（0–8）", ""),
        ("Self-rating: core support (0–8)", ""),
        "",
    ),
    f(
        "innovationSelfRating.acquisition",
        Count,
        (
            "自评：知识产权获得方式（0–6）",
            "有自主研发 1–6；仅受让、受赠、并购 1–3。",
        ),
        (
            "Self-rating: how the IP was obtained (0–6)",
            "Own R&D 1–6; only transfer, gift or M&A 1–3.",
        ),
        "",
    ),
    f(
        "innovationSelfRating.transfer",
        Count,
        (
            "自评：科技成果转化能力（0–30）",
            "近三年年均转化 5 项以上 25–30 分。",
        ),
        (
            "Self-rating: technology transfer (0–30)",
            "5 or more a year on average over 3 years: 25–30.",
        ),
        "",
    ),
    f(
        "innovationSelfRating.management",
        Count,
        ("自评：研发组织管理水平（0–20）", ""),
        ("Self-rating: R&D management (0–20)", ""),
        "",
    ),
];

pub(super) const CREDIT: &[F] = &[
    f(
        "tax.grade",
        C,
        ("纳税信用级别", "A、B、M、C、D；D 级不能申请信用贷款。"),
        (
            "Taxpayer credit grade",
            "A, B, M, C, D; grade D rules out credit loans.",
        ),
        "A",
    ),
    f(
        "tax.arrears",
        Flag,
        ("有欠税", ""),
        ("Tax arrears outstanding", ""),
        "",
    ),
    f(
        "credit.dishonestDebtor",
        Flag,
        ("列入失信被执行人名单", ""),
        ("On the dishonest judgment debtor list", ""),
        "",
    ),
    f(
        "credit.abnormalOperations",
        Flag,
        ("列入经营异常名录", ""),
        ("On the abnormal operations list", ""),
        "",
    ),
    f(
        "credit.seriousIllegal",
        Flag,
        ("列入严重违法失信企业名单", ""),
        ("On the seriously illegal and dishonest list", ""),
        "",
    ),
    f(
        "credit.overdueNow",
        Flag,
        ("目前有贷款逾期", ""),
        ("A loan overdue now", ""),
        "",
    ),
    f(
        "credit.overdue90In24m",
        Flag,
        ("近 24 个月有逾期超过 90 天", ""),
        ("Overdue more than 90 days in the last 24 months", ""),
        "",
    ),
    f(
        "credit.overdueEventsIn24m",
        Count,
        ("近 24 个月逾期次数", ""),
        ("Overdue events in the last 24 months", ""),
        "0",
    ),
    f(
        "credit.majorIncident",
        Flag,
        ("近一年发生重大安全、质量事故或严重环境违法", ""),
        (
            "Major safety/quality incident or environmental violation in the last year",
            "",
        ),
        "",
    ),
    f(
        "credit.restrictedIndustry",
        Flag,
        ("主要产品属于禁止、限制或淘汰类", ""),
        ("Main products prohibited, restricted or eliminated", ""),
        "",
    ),
    f(
        "debt.unsecured",
        Wan,
        ("现有信用贷款余额", "纯信用贷款额度会扣除现有信用贷款。"),
        (
            "Existing unsecured loans",
            "Deducted from a pure-credit line.",
        ),
        "200",
    ),
    f(
        "debt.guaranteed",
        Wan,
        ("现有保证贷款余额", "按 50% 扣除。"),
        ("Existing guaranteed loans", "Deducted at 50%."),
        "0",
    ),
    f(
        "debt.secured",
        Wan,
        ("现有抵质押贷款余额", "已体现在资产负债率中，不另扣除。"),
        (
            "Existing secured loans",
            "Already in the debt ratio; not deducted again.",
        ),
        "0",
    ),
];
