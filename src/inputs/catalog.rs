//! Every input field of a profile (contract §2), once, in profile order. The fields of one
//! nested object (`statuses.*`, `financials[].*`) stay together: the reader reads each object once.

use super::{Hint, Input, Opt, PerYear, Section, Type};
use Section::{Basics, Credit, Ladder, Latest, Qualifications, SelfRating};
use Type::{Amount, Count, Flag, Ratio, SignedAmount, Text, Years};

/// The English words as the module carries them: the lean one (no feature `full`) has none, and
/// gets them from the English texts a page loads on a switch to English (`text::tr`), so that its
/// first load carries the words of one language.
const fn en(words: &'static str) -> &'static str {
    if cfg!(feature = "full") {
        words
    } else {
        ""
    }
}

const fn o(value: &'static str, zh: &'static str, english: &'static str) -> Opt {
    Opt {
        value,
        zh,
        en: en(english),
    }
}

const fn input(
    path: &'static str,
    ty: Type,
    section: Section,
    label: (&'static str, &'static str),
    help: (&'static str, &'static str),
    example: &'static str,
) -> Input {
    Input {
        path,
        ty,
        section,
        label: (label.0, en(label.1)),
        help: (help.0, en(help.1)),
        example,
        per_year: None,
        part_of: None,
        hint: None,
    }
}

impl Input {
    const fn years(mut self, facts: [&'static str; 3], form: &'static [usize]) -> Input {
        self.per_year = Some(PerYear { facts, form });
        self
    }

    const fn part_of(mut self, whole: &'static str) -> Input {
        self.part_of = Some(whole);
        self
    }

    const fn hint(
        mut self,
        name: (&'static str, &'static str),
        order: u8,
        up: bool,
        scores: bool,
        via: &'static [&'static str],
    ) -> Input {
        self.hint = Some(Hint {
            name: (name.0, en(name.1)),
            order,
            up,
            scores,
            via,
        });
        self
    }
}

const UP: bool = true;
const DOWN: bool = false;
const SCORES: bool = true;
const NO_SCORE: bool = false;
const NONE: (&str, &str) = ("", "");

const PROVINCES: &[Opt] = &[
    o("jiangsu", "江苏", "Jiangsu"),
    o("zhejiang", "浙江", "Zhejiang"),
    o("shanghai", "上海", "Shanghai"),
    o("anhui", "安徽", "Anhui"),
    o("other", "其他", "other"),
];
const CITIES: &[Opt] = &[
    o("nanjing", "南京", "Nanjing"),
    o("suzhou", "苏州", "Suzhou"),
    o("kunshan", "昆山", "Kunshan"),
    o("wuxi", "无锡", "Wuxi"),
    o("changzhou", "常州", "Changzhou"),
    o("nantong", "南通", "Nantong"),
    o("xuzhou", "徐州", "Xuzhou"),
    o("other", "其他", "other"),
];
pub const SECTORS: &[Opt] = &[
    o("industry", "工业", "industry"),
    o("software", "软件和信息技术服务业", "software & IT services"),
    o("other", "其他", "other"),
];
pub const TECH_FIELDS: &[Opt] = &[
    o(
        "electronic-information",
        "电子信息",
        "electronic information",
    ),
    o("biomedicine", "生物与新医药", "biology and new medicine"),
    o("aerospace", "航空航天", "aerospace"),
    o("new-materials", "新材料", "new materials"),
    o("high-tech-services", "高技术服务", "high-tech services"),
    o("new-energy", "新能源与节能", "new energy and energy saving"),
    o(
        "resources-environment",
        "资源与环境",
        "resources and environment",
    ),
    o(
        "advanced-manufacturing",
        "先进制造与自动化",
        "advanced manufacturing",
    ),
    o("none", "不属于以上领域", "none of these"),
];
const TALENT: &[Opt] = &[
    o("national", "国家级", "national"),
    o("provincial", "省级", "provincial"),
    o("municipal", "市级", "municipal"),
    o("none", "无", "none"),
];
const TAX_GRADES: &[Opt] = &[
    o("A", "A", "A"),
    o("B", "B", "B"),
    o("M", "M", "M"),
    o("C", "C", "C"),
    o("D", "D", "D"),
];
const CHAIN_ROLES: &[Opt] = &[
    o(
        "keyLink",
        "“六基”领域或产业链关键环节",
        "六基 field or a key chain link",
    ),
    o("none", "都不是", "neither"),
];
const RD_INSTITUTION_LEVELS: &[Opt] = &[
    o("national", "国家级", "national"),
    o("provincial", "省级", "provincial"),
    o("municipal", "市级", "municipal"),
    o("below", "市级以下", "below municipal"),
    o("none", "无", "none"),
];

const fn rating(max: i64) -> Type {
    Type::Bounded {
        whole: true,
        min: 0,
        max,
    }
}

#[rustfmt::skip]
pub const INPUTS: &[Input] = &[
    input("name", Text, Basics, ("企业名称", "Company name"), ("仅用于报告抬头，不参与计算。", "Shown on the report only; not used in any rule."), "云创大数据"),
    input("province", Type::Place(PROVINCES), Basics, ("注册地（省）", "Registered in (province)"), ("企业注册登记所在的省份。", "Where the company is registered."), "jiangsu"),
    input("city", Type::Place(CITIES), Basics, ("注册地（市/县）", "City / county"), ("企业注册登记所在的市或县。", "The city or county of registration."), "nanjing"),
    input("sector", Type::Choice(SECTORS), Basics, ("行业（划型标准）", "Sector (size standard)"), ("按工信部中小企业划型标准：工业、软件和信息技术服务业或其他。", "The MIIT SME size standard: industry, software & IT services, or other."), "software"),
    input("resident", Flag, Basics, ("在中国境内（不含港澳台）注册的居民企业", "Resident enterprise registered in mainland China"), NONE, "true"),
    input("yearsOperating", Years, Basics, ("成立年限", "Years since registration"), ("自注册登记起的年数，可带小数。", "Years since registration; decimals allowed."), "5"),
    input("employees", Count, Basics, ("职工总数", "Total employees (职工总数)"), ("在职、兼职和临时聘用人员合计；兼职、临时人员全年累计工作 6 个月以上。", "On-payroll, part-time and temporary staff; part-time and temporary staff count if they worked 6 months or more in the year."), "80"),
    input("techStaff", Count, Basics, ("科技人员", "Tech staff (科技人员)"), ("直接从事研发和相关技术创新活动，以及专门从事上述活动管理和服务的人员（同样适用 6 个月规则）。", "Staff who do R&D or related innovation work, or manage or directly serve it (same 6-month rule)."), "20")
        .hint(("科技人员", "tech staff"), 0, UP, SCORES, &["techStaff", "techStaffRatio"]),
    input("financials[].revenue", Amount, Latest, ("销售收入", "Revenue"), ("会计年度的销售收入（营业收入）。", "Sales revenue of the fiscal year."), "3000")
        .years(["revenue", "priorRevenue", "revenueTwoYearsBefore"], &[0, 1, 2])
        .hint(("销售收入", "revenue"), 4, UP, NO_SCORE, &["revenue", "rdToRevenue", "highTechRevenueRatio"]),
    input("financials[].mainBusinessRevenue", Amount, Latest, ("主营业务收入", "Main-business revenue"), ("主营业务的收入，不含其他业务收入。", "Revenue of the main business only."), "2900")
        .years(["mainBusinessRevenue", "priorMainBusinessRevenue", "mainBusinessRevenueTwoYearsBefore"], &[0, 1, 2])
        .hint(("主营业务收入", "main-business revenue"), 11, UP, SCORES, &["mainBusinessRevenue", "mainBusinessShare", "mainBusinessGrowth"]),
    input("financials[].rdExpense", Amount, Latest, ("研发费用", "R&D expense"), ("按研发费用加计扣除口径归集（财税〔2015〕119号）。", "As collected for the R&D super-deduction (财税〔2015〕119号)."), "180")
        .years(["rdExpense", "priorRdExpense", "rdExpenseTwoYearsBefore"], &[0, 1, 2])
        .hint(("研发费用", "R&D expense"), 1, UP, SCORES, &["rdExpense", "rdToRevenue", "rdToCosts", "rdIntensity"]),
    input("financials[].domesticRdExpense", Amount, Latest, ("其中：境内研发费用", "of which in China"), ("在中国境内发生的研发费用。", "R&D spent in China."), "180")
        .years(["domesticRdExpense", "", ""], &[0])
        .hint(("境内研发费用", "domestic R&D expense"), 8, UP, NO_SCORE, &["domesticRdExpense", "domesticRdRatio"]),
    input("financials[].costsAndExpenses", Amount, Latest, ("成本费用支出总额", "Total costs and expenses"), NONE, "2500")
        .years(["costsAndExpenses", "", ""], &[0]),
    input("financials[].totalAssets", Amount, Latest, ("资产总额", "Total assets"), ("年末资产总额。", "At year end."), "4000")
        .years(["totalAssets", "", ""], &[0, 1, 2]),
    input("financials[].totalLiabilities", Amount, Latest, ("负债总额", "Total liabilities"), ("年末负债总额；资产负债率 = 负债 ÷ 资产。", "At year end; debt-to-asset ratio = liabilities ÷ assets."), "2500")
        .years(["totalLiabilities", "", ""], &[0, 1, 2])
        .hint(("负债总额", "total liabilities"), 6, DOWN, NO_SCORE, &["totalLiabilities", "dar", "netAssets"]),
    input("financials[].taxPaid", Amount, Latest, ("实缴税额", "Tax paid"), ("当年实际缴纳的增值税和企业所得税。", "VAT and corporate income tax actually paid in the year."), "120")
        .years(["taxPaid", "", ""], &[0])
        .hint(("实缴税额", "tax paid"), 5, UP, NO_SCORE, &["taxPaid"]),
    input("financials[].netProfit", SignedAmount, Latest, ("净利润", "Net profit"), ("年度净利润；亏损填负数。", "The year's net profit; a loss is negative."), "")
        .years(["netProfit", "priorNetProfit", "netProfitTwoYearsBefore"], &[0, 1, 2]),
    input("highTechRevenue", Amount, Latest, ("高新技术产品（服务）收入", "High-tech products and services revenue"), ("最近一年。", "Latest year."), "2700")
        .hint(("高新技术产品（服务）收入", "high-tech revenue"), 7, UP, NO_SCORE, &["highTechRevenue", "highTechRevenueRatio"]),
    input("ip.classOne", Count, Qualifications, ("Ⅰ类知识产权（件）", "Class I IP (count)"), ("发明专利、植物新品种、国家级农作物品种、国家新药、国家一级中药保护品种、集成电路布图设计专有权；须有效且与主营产品相关。", "Invention patents, plant varieties, national crop varieties, national new drugs, first-grade protected TCM varieties, IC layout designs; valid and tied to the main products."), "2")
        .hint(("Ⅰ类知识产权", "Class I IP"), 2, UP, SCORES, &["ip.classOne"]),
    input("ip.classOneHighValue", Count, Ladder, ("其中：高价值Ⅰ类知识产权（件）", "Of which high-value Class I IP (count)"), ("在 G20、新加坡或欧洲获授权的同族专利、维持 10 年以上，或质押融资价值高的Ⅰ类知识产权；不能多于Ⅰ类总数。", "Family patents granted in G20 countries, Singapore or by the EPO, maintained over 10 years, or of high pledge value; at most the Class I count."), "")
        .part_of("ip.classOne"),
    input("ip.classOneOwnDeveloped", Count, Ladder, ("其中：自主研发的Ⅰ类知识产权（件）", "Of which own-developed Class I IP (count)"), ("不含受让未满 1 年的；不能多于Ⅰ类总数。", "Excluding IP transferred in less than a year; at most the Class I count."), "")
        .part_of("ip.classOne"),
    input("ip.classTwo", Count, Qualifications, ("Ⅱ类知识产权（件）", "Class II IP (count)"), ("实用新型专利、外观设计专利、软件著作权（不含商标）。", "Utility models, designs, software copyrights (not trademarks)."), "5")
        .hint(("Ⅱ类知识产权", "Class II IP"), 3, UP, SCORES, &["ip.classTwo"]),
    input("techField", Type::Choice(TECH_FIELDS), Basics, ("核心技术所属领域", "Field of the core technology"), ("《国家重点支持的高新技术领域》8 个领域之一；不属于则选“无”。", "One of the 8 key supported high-tech fields; choose none otherwise."), "electronic-information"),
    input("statuses.highTechEnterprise", Flag, Qualifications, ("持有有效期内的高新技术企业证书", "Valid high-tech enterprise certificate"), ("证书有效期 3 年。", "Valid for 3 years."), "true"),
    input("statuses.techSmeRegistered", Flag, Qualifications, ("本年度已取得科技型中小企业入库登记编号", "Registered as a tech-based SME this year"), ("登记编号有效期 1 年，每年 3 月底前更新。", "The registration number is valid for one year."), ""),
    input("statuses.innovativeSme", Flag, Qualifications, ("创新型中小企业", "Innovative SME (创新型)"), NONE, ""),
    input("statuses.specializedSme", Flag, Qualifications, ("专精特新中小企业", "Specialised SME (专精特新)"), NONE, ""),
    input("statuses.littleGiant", Flag, Qualifications, ("专精特新“小巨人”企业", "Little giant (小巨人)"), NONE, ""),
    input("statuses.provincialRdInstitution", Flag, Qualifications, ("拥有省部级以上研发机构", "R&D institution at provincial level or above"), NONE, ""),
    input("statuses.ledStandard", Flag, Qualifications, ("近五年主导制定国际、国家或行业标准", "Led an international, national or industry standard (5 years)"), NONE, ""),
    input("statuses.nationalAward", Flag, Qualifications, ("近五年获国家级科技奖励（前三名）", "National S&T award in 5 years (top 3)"), NONE, ""),
    input("statuses.scienceAwardLast3Years", Flag, Ladder, ("近 3 年获国家级或省级科技奖励", "National or provincial S&T award in the last 3 years"), NONE, ""),
    input("statuses.provincialAwardTop3", Flag, Ladder, ("近 3 年获省级以上科技奖励（前三名）", "Provincial-or-higher S&T award in 3 years (top 3)"), NONE, ""),
    input("statuses.nationalAwardTop3Last3Years", Flag, Ladder, ("近 3 年获国家级科技奖励（前三名）", "National S&T award in 3 years (top 3)"), NONE, ""),
    input("statuses.techInnovationDemo", Flag, Ladder, ("国家级技术创新示范企业", "National technology-innovation demonstration enterprise"), NONE, ""),
    input("statuses.ipAdvantage", Flag, Ladder, ("知识产权优势（示范）企业", "IP advantage (demonstration) enterprise"), NONE, ""),
    input("statuses.makerChinaTop500", Flag, Ladder, ("近 3 年进入“创客中国”大赛全国 500 强企业组", "Top 500 (enterprise group) of the 创客中国 contest in the last 3 years"), ("“创客中国”中小企业创新创业大赛。", "The 创客中国 SME innovation and entrepreneurship contest."), ""),
    input("statuses.makerChinaTop50", Flag, Ladder, ("近 3 年进入“创客中国”大赛全国 50 强", "Top 50 of the 创客中国 contest in the last 3 years"), ("“创客中国”中小企业创新创业大赛。", "The 创客中国 SME innovation and entrepreneurship contest."), ""),
    input("innovationSelfRating.advancement", rating(8), SelfRating, ("自评：技术先进程度（0–8）", "Self-rating: technical advancement (0–8)"), ("高企创新能力评价的专家打分项；不填则按全部可能区间计算。", "An expert item of the high-tech evaluation; left empty, its full range counts."), ""),
    input("innovationSelfRating.coreSupport", rating(8), SelfRating, ("自评：核心支持作用（0–8）", "Self-rating: core support (0–8)"), NONE, ""),
    input("innovationSelfRating.acquisition", rating(6), SelfRating, ("自评：知识产权获得方式（0–6）", "Self-rating: how the IP was obtained (0–6)"), ("有自主研发 1–6；仅受让、受赠、并购 1–3。", "Own R&D 1–6; only transfer, gift or M&A 1–3."), ""),
    input("innovationSelfRating.transfer", rating(30), SelfRating, ("自评：科技成果转化能力（0–30）", "Self-rating: technology transfer (0–30)"), ("近三年年均转化 5 项以上 25–30 分。", "5 or more a year on average over 3 years: 25–30."), ""),
    input("innovationSelfRating.management", rating(20), SelfRating, ("自评：研发组织管理水平（0–20）", "Self-rating: R&D management (0–20)"), NONE, ""),
    input("talent", Type::Choice(TALENT), Qualifications, ("人才层次", "Talent tier"), ("企业创始人或核心团队入选的最高人才计划层次。", "The highest talent programme of the founder or core team."), "provincial"),
    input("tax.grade", Type::Choice(TAX_GRADES), Credit, ("纳税信用级别", "Taxpayer credit grade"), ("A、B、M、C、D。", "A, B, M, C, D."), "A"),
    input("tax.arrears", Flag, Credit, ("有欠税", "Tax arrears outstanding"), NONE, ""),
    input("credit.dishonestDebtor", Flag, Credit, ("列入失信被执行人名单", "On the dishonest judgment debtor list"), NONE, ""),
    input("credit.abnormalOperations", Flag, Credit, ("列入经营异常名录", "On the abnormal operations list"), NONE, ""),
    input("credit.seriousIllegal", Flag, Credit, ("列入严重违法失信企业名单", "On the seriously illegal and dishonest list"), NONE, ""),
    input("credit.overdueNow", Flag, Credit, ("目前有贷款逾期", "A loan overdue now"), NONE, ""),
    input("credit.overdue90In24m", Flag, Credit, ("近 24 个月有逾期超过 90 天", "Overdue more than 90 days in the last 24 months"), NONE, ""),
    input("credit.overdueEventsIn24m", Count, Credit, ("近 24 个月逾期次数", "Overdue events in the last 24 months"), NONE, "0"),
    input("credit.majorIncident", Flag, Credit, ("近一年发生重大安全、质量事故或严重环境违法", "Major safety/quality incident or environmental violation in the last year"), NONE, ""),
    input("credit.restrictedIndustry", Flag, Credit, ("主要产品属于禁止、限制或淘汰类", "Main products prohibited, restricted or eliminated"), NONE, ""),
    input("debt.unsecured", Amount, Credit, ("现有信用贷款余额", "Existing unsecured loans"), ("无担保、无抵质押的贷款余额。", "Loans without guarantee or collateral."), "200")
        .hint(("现有信用贷款", "existing unsecured loans"), 9, DOWN, NO_SCORE, &["debt.unsecured"]),
    input("debt.guaranteed", Amount, Credit, ("现有保证贷款余额", "Existing guaranteed loans"), ("由第三方或担保公司保证的贷款余额。", "Loans guaranteed by a third party or a guarantee company."), "0")
        .hint(("现有保证贷款", "existing guaranteed loans"), 10, DOWN, NO_SCORE, &["debt.guaranteed"]),
    input("debt.secured", Amount, Credit, ("现有抵质押贷款余额", "Existing secured loans"), ("以资产抵押或质押的贷款余额。", "Loans secured on assets."), "0"),
    input("niche.years", Years, Ladder, ("从事特定细分市场年限", "Years in the niche market"), ("截至上年末在主导产品所属细分市场的年数。", "Years in the lead product's niche market at last year-end."), ""),
    input("niche.share", Ratio, Ladder, ("细分市场占有率（小数，如 0.12）", "Niche market share (a ratio, e.g. 0.12)"), ("主导产品在细分市场的占有率，国内或国际。", "The lead product's share of its niche market, domestic or international."), ""),
    input("niche.nationalRank", Count, Ladder, ("细分市场国内排名", "Domestic rank in the niche"), ("主导产品在国内细分市场的名次。", "The lead product's domestic rank in its niche."), ""),
    input("niche.recognised", Flag, Ladder, ("细分市场占有率较为靠前并获认可", "Share near the top of the niche, with recognition"), ("自行判断。", "Your own judgement."), ""),
    input("equityFinancing.last2Years", Amount, Ladder, ("近 2 年新增股权融资（万元）", "New equity in the last 2 years"), ("合格机构投资者实缴。", "From qualified institutional investors, paid in."), "")
        .hint(("近 2 年新增股权融资", "new equity in the last 2 years"), 12, UP, NO_SCORE, &["equityFinancing.last2Years"]),
    input("equityFinancing.last3Years", Amount, Ladder, ("近 3 年新增股权融资（万元）", "New equity in the last 3 years"), ("合格机构投资者实缴。", "From qualified institutional investors, paid in."), ""),
    input("strategicEmerging", Flag, Ladder, ("主导产品属于《战略性新兴产业分类》", "Lead product in the strategic emerging industries catalogue"), NONE, ""),
    input("chainRole", Type::Choice(CHAIN_ROLES), Ladder, ("主导产品所处位置", "Lead product's place in the chain"), ("“六基”领域或重点产业链关键环节。", "A 六基 field or a key link of a key industrial chain."), ""),
    input("platformScore", Type::Bounded { whole: false, min: 0, max: 100 }, Ladder, ("专精特新发展评价得分（0–100）", "专精特新 development score (0–100)"), ("由工信部优质中小企业梯度培育平台（zjtx.miit.gov.cn）按行业均值计算，本工具无法自行计算，请从平台查询后填写。", "Computed by the MIIT platform (zjtx.miit.gov.cn) against industry averages; this tool cannot compute it, so copy it from the platform."), ""),
    input("rdStaff", Count, Ladder, ("研发人员", "R&D staff"), ("直接从事研发活动的人员（同样适用 6 个月规则）。", "Staff who work on R&D directly (same 6-month rule)."), ""),
    input("rdInstitutionLevel", Type::Choice(RD_INSTITUTION_LEVELS), Ladder, ("自建或合作研发机构的最高级别", "Highest level of an own or joint R&D institution"), ("技术研究院、企业技术中心、工程（技术）研究中心等。", "A research institute, enterprise technology centre, engineering research centre and the like."), ""),
    input("digitalLevel", Type::Bounded { whole: true, min: 1, max: 4 }, Ladder, ("数字化水平（1–4 级）", "Digital level (1–4)"), ("按《中小企业数字化水平评测指标》自评的等级。", "The self-assessed level of the SME digital-level indicators."), ""),
    input("qualityItems", rating(4), Ladder, ("质量管理认证与荣誉（0–4 项）", "Quality certifications and honours (0–4)"), ("省级以上质量奖、管理体系认证、自主品牌、参与制定标准：符合几项填几。", "A provincial-or-higher quality award, a management-system certificate, an own brand, drafting standards: how many apply."), ""),
    input("featureSelfRating", rating(9), Ladder, ("自评：特色化其余指标（0–9）", "Self-rating: the other feature items (0–9)"), ("江苏 2022 年专精特新特色化指标中市场占有率以外的 9 分；细则未见原文，不填则按全部可能区间计算。", "The 9 points of Jiangsu's 2022 feature items beyond market share; their rules were not found, so left empty its full range counts."), ""),
    input("informationSystem", Flag, Ladder, ("至少 1 项核心业务采用信息系统支撑", "At least one core business runs on an information system"), ("如 ERP、MES、CRM 等；自行判断。", "ERP, MES, CRM and the like; your own judgement."), ""),
    input("managementCertification", Flag, Ladder, ("取得管理体系认证，或产品通过发达国家和地区认证", "A management-system certificate, or product certification in developed countries or regions"), ("自行判断。", "Your own judgement."), ""),
    input("ownBrand", Flag, Ladder, ("拥有直接面向市场并具有竞争优势的自主品牌", "An own brand that competes directly in the market"), ("自行判断。", "Your own judgement."), ""),
];
