"""Writes tests/vectors/ladder.json: golden vectors for the qualification ladder (domain.md §6.10).

Every expected value below is derived by hand from domain.md (§3.1, §3.4, §4.5, §6.10), not read back
from the engine: this script only saves repeating the base profile. Run: python3 scripts/gen_ladder_vectors.py
"""
import copy, json, pathlib

# A firm that meets every tier on its figures, holding no title (statuses all false).
BASE = {
    "name": "ladder firm", "province": "jiangsu", "city": "suzhou", "sector": "industry", "resident": True,
    "yearsOperating": 8, "employees": 500, "techStaff": 100,
    "financials": [
        {"revenue": "100000000", "mainBusinessRevenue": "95000000", "rdExpense": "8000000",
         "costsAndExpenses": "90000000", "totalAssets": "100000000", "totalLiabilities": "50000000", "taxPaid": "3000000"},
        {"revenue": "90000000", "mainBusinessRevenue": "85000000", "rdExpense": "6000000",
         "totalAssets": "90000000", "totalLiabilities": "45000000"},
        {"revenue": "80000000", "rdExpense": "5000000", "totalAssets": "80000000", "totalLiabilities": "40000000"},
    ],
    "highTechRevenue": "70000000",
    "ip": {"classOne": 5, "classTwo": 3, "classOneHighValue": 1, "classOneOwnDeveloped": 2},
    "techField": "advanced-manufacturing",
    "statuses": {"highTechEnterprise": False, "techSmeRegistered": False, "innovativeSme": False, "specializedSme": False,
                 "littleGiant": False, "provincialRdInstitution": False, "ledStandard": False, "nationalAward": False,
                 "scienceAwardLast3Years": False, "provincialAwardTop3": False, "nationalAwardTop3Last3Years": False,
                 "techInnovationDemo": False, "ipAdvantage": False},
    "talent": "none", "tax": {"grade": "A", "arrears": False},
    "credit": {"dishonestDebtor": False, "abnormalOperations": False, "seriousIllegal": False, "overdueNow": False,
               "overdue90In24m": False, "overdueEventsIn24m": 0, "majorIncident": False, "restrictedIndustry": False},
    "debt": {"unsecured": "0", "guaranteed": "0", "secured": "0"},
    "niche": {"years": 5, "share": "0.15", "nationalRank": 2, "recognised": True},
    "equityFinancing": {"last2Years": "0", "last3Years": "0"},
    "strategicEmerging": True, "chainRole": "keyLink", "platformScore": 70,
}

def v(**changes):
    """The base profile with changes: `a__b__0__c=value` sets a.b[0].c; value None removes the key."""
    p = copy.deepcopy(BASE)
    for path, val in changes.items():
        keys = path.split("__")
        o = p
        for k in keys[:-1]:
            o = o[int(k)] if k.isdigit() else o[k]
        last = int(keys[-1]) if keys[-1].isdigit() else keys[-1]
        if val is None:
            del o[last]
        else:
            o[last] = val
    return p

cases = []
def case(name, profile, expect):
    cases.append({"name": name, "profile": profile, "expect": {"assessments": expect}})

def check(scheme, id, status, **more):
    return {scheme: {"checks": [dict({"id": id, "status": status}, **more)]}}

def points(scheme, id, pts, status=None):
    d = {"indicators": [{"id": id, "points": pts}]}
    if status: d["status"] = status
    return {scheme: d}

# --- The base firm: every tier qualified, none held (§6.10: held vs qualified). -------------------
case("base firm: every ladder tier qualified on its figures, none held; 创新型 95 by score",
     BASE, {"smeSize": {"status": "medium", "isSme": True, "checks": [{"id": "size", "status": "pass", "actual": "medium"}]},
            "innovativeSme": {"status": "qualified", "held": False, "route": "score", "score": 95,
                              "indicators": [{"id": "ip", "points": 20}, {"id": "rd", "points": 20}, {"id": "growth", "points": 15},
                                             {"id": "dar", "points": 10}, {"id": "field", "points": 10}, {"id": "mainShare", "points": 20}]},
            "specializedSme": {"status": "qualified", "held": False},
            "littleGiant": {"status": "qualified", "held": False}})

# --- smeSize (300号, §4.5, §6.10.1, §6.10.7) -------------------------------------------------------
def size(name, is_sme, actual, **ch):
    """The status is the band (unknown while it is); isSme is the ceiling's OR test, its check."""
    c = {"id": "size", "status": {True: "pass", False: "fail", None: "incomplete"}[is_sme]}
    if actual is not None: c["actual"] = actual
    case("smeSize: " + name, v(**ch), {"smeSize": {"status": actual or "unknown", "isSme": is_sme, "checks": [c]}})
size("industry 999 staff, 4亿 revenue → medium (the ceiling is an OR test)", True, "medium", employees=999, financials__0__revenue="400000000")
size("industry 1000 staff, 4亿 revenue → large", False, "large", employees=1000, financials__0__revenue="400000000")
size("industry 1000 staff, 4亿 − 1 yuan → medium", True, "medium", employees=1000, financials__0__revenue="399999999")
size("industry 300 staff and 2000万 → medium", True, "medium", employees=300, financials__0__revenue="20000000")
size("industry 299 staff, 2000万 → small", True, "small", employees=299, financials__0__revenue="20000000")
size("industry 20 staff and 300万 → small", True, "small", employees=20, financials__0__revenue="3000000")
size("industry 19 staff → micro", True, "micro", employees=19, financials__0__revenue="3000000")
size("industry 20 staff, 300万 − 1 yuan → micro", True, "micro", employees=20, financials__0__revenue="2999999")
size("software 299 staff, 1亿 → medium", True, "medium", sector="software", employees=299)
size("software 300 staff and 1亿 → large", False, "large", sector="software", employees=300)
size("software 100 staff and 1000万 → medium", True, "medium", sector="software", employees=100, financials__0__revenue="10000000")
size("software 10 staff and 50万 → small", True, "small", sector="software", employees=10, financials__0__revenue="500000")
size("software 9 staff → micro", True, "micro", sector="software", employees=9, financials__0__revenue="500000")
size("other 99 staff → small", True, "small", sector="other", employees=99)
size("other 100 staff → large", False, "large", sector="other", employees=100)
size("other 9 staff → micro", True, "micro", sector="other", employees=9)
size("no sector → unknown (and isSme unknown)", None, None, sector=None)
# One measure known and under its ceiling: isSme holds (the ceiling is an OR test), the band waits.
size("software, 50 staff, revenue missing → isSme already true, the band unknown", True, None, sector="software", employees=50, financials__0__revenue=None)

size("industry 5 staff, revenue missing → isSme true, the band still unknown (it needs both)", True, None, employees=5, financials__0__revenue=None)

# --- innovativeSme bands at every bound (§3.1; a bound scores the better band, §6.10) -------------
def rd(ratio_yuan, pts, label):
    case(f"创新型 R&D ÷ revenue {label} → {pts}", v(financials__0__rdExpense=ratio_yuan), points("innovativeSme", "rd", pts))
rd("5000000", 20, "exactly 5%"); rd("4999999", 15, "just below 5%")
rd("3000000", 15, "exactly 3%"); rd("2999999", 10, "just below 3%")
rd("2000000", 10, "exactly 2%"); rd("1999999", 5, "just below 2%")
rd("1000000", 5, "exactly 1%"); rd("999999", 0, "just below 1%")

def growth(now, pts, label):
    case(f"创新型 main-business growth {label} → {pts}",
         v(financials__0__mainBusinessRevenue=now, financials__1__mainBusinessRevenue="80000000"), points("innovativeSme", "growth", pts))
growth("92000000", 20, "exactly 15%"); growth("91999999", 15, "just below 15%")
growth("88000000", 15, "exactly 10%"); growth("87999999", 10, "just below 10%")
growth("84000000", 10, "exactly 5%"); growth("83999999", 5, "just below 5%")
growth("80000000", 5, "exactly 0%"); growth("79999999", 0, "negative")
case("创新型 growth: a zero year before scores 0 (no rate exists)",
     v(financials__1__mainBusinessRevenue="0"), points("innovativeSme", "growth", 0))
case("创新型 growth: no year before and under 2 years old scores 0",
     v(yearsOperating="1.5", financials=[BASE["financials"][0]]), points("innovativeSme", "growth", 0))
case("创新型 growth: no year before at 8 years old is unknown, its full 0–20 range",
     v(financials__1__mainBusinessRevenue=None),
     {"innovativeSme": {"indicators": [{"id": "growth", "points": None, "missing": ["financials[1].mainBusinessRevenue"]}]}})
case("创新型 growth: no year before and no age given is unknown",
     v(yearsOperating=None, financials__1__mainBusinessRevenue=None),
     {"innovativeSme": {"indicators": [{"id": "growth", "points": None, "missing": ["financials[1].mainBusinessRevenue", "yearsOperating"]}]}})

def dar(liab, pts, label):
    case(f"创新型 debt-to-asset {label} → {pts}", v(financials__0__totalLiabilities=liab), points("innovativeSme", "dar", pts))
dar("55000000", 10, "exactly 55%"); dar("55000001", 5, "just above 55%")
dar("75000000", 5, "exactly 75%"); dar("75000001", 0, "just above 75%")

def share(mbr, pts, label):
    case(f"创新型 main-business share {label} → {pts}", v(financials__0__mainBusinessRevenue=mbr), points("innovativeSme", "mainShare", pts))
share("70000000", 20, "exactly 70%"); share("69999999", 15, "just below 70%")
share("60000000", 15, "exactly 60%"); share("59999999", 10, "just below 60%")
share("55000000", 10, "exactly 55%"); share("54999999", 5, "just below 55%")
share("50000000", 5, "exactly 50%"); share("49999999", 0, "just below 50%")

case("创新型 IP: a high-value Class I → 20", BASE, points("innovativeSme", "ip", 20))
case("创新型 IP: own-developed Class I, none high-value → 15", v(ip__classOneHighValue=0), points("innovativeSme", "ip", 15))
case("创新型 IP: Class I only → 10", v(ip__classOneHighValue=0, ip__classOneOwnDeveloped=0), points("innovativeSme", "ip", 10))
case("创新型 IP: Class II only → 5", v(ip={"classOne": 0, "classTwo": 1}), points("innovativeSme", "ip", 5))
case("创新型 IP: none → 0", v(ip={"classOne": 0, "classTwo": 0}), points("innovativeSme", "ip", 0))
case("创新型 IP: high-value 0, own-developed missing → 10–15 (a range, §6.10.7)",
     v(ip={"classOne": 2, "classTwo": 0, "classOneHighValue": 0}),
     {"innovativeSme": {"indicators": [{"id": "ip", "points": None, "missing": ["ip.classOneOwnDeveloped"]}]}})
cases.append({"name": "创新型 IP: a part above the whole is inconsistent, at the part's path",
              "profile": v(ip={"classOne": 1, "classTwo": 0, "classOneHighValue": 2}),
              "error": {"code": "inconsistent", "path": "ip.classOneHighValue"}})
case("创新型 field: strategic emerging → 10", BASE, points("innovativeSme", "field", 10))
case("创新型 field: not strategic emerging → 5", v(strategicEmerging=False), points("innovativeSme", "field", 5))
case("创新型 field: not given → 5–10", v(strategicEmerging=None),
     {"innovativeSme": {"indicators": [{"id": "field", "points": None, "missing": ["strategicEmerging"]}]}})

# Pass rule and group minimums: total ≥ 60 AND 创新能力 ≥ 20 AND 成长性 ≥ 15 AND 专业化 ≥ 15.
# 创新能力 19 is impossible with 5-point bands; 15 (IP 10 + R&D 5) fails, 20 passes.
weak_innovation = dict(ip__classOneHighValue=0, ip__classOneOwnDeveloped=0, financials__0__rdExpense="1000000")
case("创新型: 创新能力 15 < 20 fails the pass rule although the total is 70",
     v(**weak_innovation),
     {"innovativeSme": {"status": "notQualified", "score": 70, "checks": [{"id": "innovation", "status": "fail", "actual": "15"}, {"id": "score", "status": "pass"}]},
      # R&D at 1% also fails 科技型 (42 points): row 2 of 专精特新 is missing.
      "techSme": {"status": "notQualified", "score": 42},
      "specializedSme": {"status": "notQualified", "checks": [{"id": "techOrInnovative", "status": "fail"}]}})
case("创新型: 创新能力 exactly 20 passes",
     v(ip__classOneHighValue=0, ip__classOneOwnDeveloped=0, financials__0__rdExpense="2000000"),
     {"innovativeSme": {"status": "qualified", "checks": [{"id": "innovation", "status": "pass", "actual": "20"}]}})
case("创新型: 成长性 exactly 15 passes (growth 10 + DAR 5)",
     v(financials__0__mainBusinessRevenue="89250000", financials__0__totalLiabilities="60000000"),
     {"innovativeSme": {"status": "qualified", "checks": [{"id": "growth", "status": "pass", "actual": "15"}]}})
case("创新型: 成长性 10 < 15 fails (growth 5 + DAR 5)",
     v(financials__0__mainBusinessRevenue="85000000", financials__0__totalLiabilities="60000000", financials__0__revenue="100000000"),
     {"innovativeSme": {"checks": [{"id": "growth", "status": "fail", "actual": "10"}]}})
case("创新型: 专业化 exactly 15 passes (field 5 + share 10)",
     v(strategicEmerging=False, financials__0__mainBusinessRevenue="55000000", financials__1__mainBusinessRevenue="48000000"),
     {"innovativeSme": {"checks": [{"id": "specialisation", "status": "pass", "actual": "15"}]}})
case("创新型: 专业化 10 < 15 fails (field 5 + share 5)",
     v(strategicEmerging=False, financials__0__mainBusinessRevenue="50000000", financials__1__mainBusinessRevenue="43000000"),
     {"innovativeSme": {"checks": [{"id": "specialisation", "status": "fail", "actual": "10"}]}})
# Total exactly 60 and just below: IP 10, R&D 10, growth 10, DAR 5, field 10, share 15 = 60.
sixty = dict(ip__classOneHighValue=0, ip__classOneOwnDeveloped=0, financials__0__rdExpense="2000000",
             financials__0__mainBusinessRevenue="65000000", financials__1__mainBusinessRevenue="60000000",
             financials__0__totalLiabilities="60000000")
case("创新型: total exactly 60 with every group at its minimum or above → qualified by score",
     v(**sixty), {"innovativeSme": {"status": "qualified", "route": "score", "score": 60}})
case("创新型: total 55 → not qualified",
     v(**dict(sixty, strategicEmerging=False)), {"innovativeSme": {"status": "notQualified", "score": 55, "route": None}})

# Direct routes (§3.1) replace the score, not the general conditions (§6.10.7).
low = dict(ip={"classOne": 0, "classTwo": 0}, financials__0__rdExpense="0")
case("创新型: a weak score without a route → not qualified", v(**low), {"innovativeSme": {"status": "notQualified"}})
for flag in ["scienceAwardLast3Years", "provincialAwardTop3", "nationalAwardTop3Last3Years"]:
    case(f"创新型 route 1: statuses.{flag} → qualified directly",
         v(**low, **{f"statuses__{flag}": True}), {"innovativeSme": {"status": "qualified", "route": "direct", "checks": [{"id": "award", "status": "pass"}]}})
for flag in ["highTechEnterprise", "techInnovationDemo", "ipAdvantage"]:
    case(f"创新型 route 2: statuses.{flag} → qualified directly",
         v(**low, **{f"statuses__{flag}": True}), {"innovativeSme": {"status": "qualified", "route": "direct", "checks": [{"id": "demonstration", "status": "pass"}]}})
case("创新型 route 3: a provincial R&D institution → qualified directly",
     v(**low, statuses__provincialRdInstitution=True), {"innovativeSme": {"status": "qualified", "route": "direct"}})
case("创新型 route 4: equity exactly 500万 in 3 years → qualified directly",
     v(**low, equityFinancing__last3Years="5000000"), {"innovativeSme": {"status": "qualified", "route": "direct", "checks": [{"id": "equity", "status": "pass"}]}})
case("创新型 route 4: equity 500万 − 1 yuan → no route",
     v(**low, equityFinancing__last3Years="4999999"), {"innovativeSme": {"status": "notQualified", "checks": [{"id": "equity", "status": "fail"}]}})
case("创新型 route 4: equity not given is taken as 0, and the tier lists that assumption",
     v(**low, equityFinancing=None), {"innovativeSme": {"status": "notQualified", "checks": [{"id": "equity", "status": "fail", "actual": "0"}],
                                                        "assumptions": [{"field": "equityFinancing.last3Years", "assumed": "0"}]}})
case("a missing award is taken as no and listed by each tier that reads it",
     v(statuses__nationalAwardTop3Last3Years=None),
     {"innovativeSme": {"status": "qualified", "assumptions": [{"field": "statuses.nationalAwardTop3Last3Years", "assumed": "false"}]},
      "littleGiant": {"status": "qualified", "assumptions": [{"field": "statuses.nationalAwardTop3Last3Years", "assumed": "false"}]}})
for flag, check_id in [("dishonestDebtor", "dishonestDebtor"), ("abnormalOperations", "listed"), ("seriousIllegal", "listed"),
                       ("majorIncident", "majorIncident"), ("restrictedIndustry", "restrictedIndustry")]:
    case(f"general condition: credit.{flag} fails every ladder tier, a direct route included",
         v(**{f"credit__{flag}": True}, statuses__highTechEnterprise=True),
         {"innovativeSme": {"status": "notQualified", "checks": [{"id": check_id, "status": "fail"}, {"id": "demonstration", "status": "pass"}]},
          "specializedSme": {"status": "notQualified"}, "littleGiant": {"status": "notQualified"}})
case("general condition: not resident fails every tier", v(resident=False),
     {"innovativeSme": {"status": "notQualified"}, "specializedSme": {"status": "notQualified"}, "littleGiant": {"status": "notQualified"}})
case("general condition: a large firm is no SME: every tier fails",
     v(employees=1000, financials__0__revenue="400000000", financials__0__mainBusinessRevenue="380000000"),
     {"smeSize": {"status": "large", "isSme": False}, "innovativeSme": {"status": "notQualified", "checks": [{"id": "sme", "status": "fail"}]},
      "specializedSme": {"status": "notQualified"}, "littleGiant": {"status": "notQualified"}})
case("held: statuses.innovativeSme → held, whatever the figures", v(**low, statuses__innovativeSme=True),
     {"innovativeSme": {"status": "held", "held": True}})

# --- specializedSme 2026 (§3.4, §6.10.3) ------------------------------------------------------------
def spec(name, expect_status, check_id, check_status, **ch):
    case("专精特新 2026: " + name, v(**ch), {"specializedSme": {"status": expect_status, "checks": [{"id": check_id, "status": check_status}]}})
# Row 2, the prerequisite: held / qualified / missing.
spec("row 2 held by a tech-SME registration", "qualified", "techOrInnovative", "pass", statuses__techSmeRegistered=True)
spec("row 2 held as 创新型", "qualified", "techOrInnovative", "pass", statuses__innovativeSme=True)
case("专精特新 2026: row 2 met because 创新型 and 科技型 are only qualified: the report says to obtain the title first",
     BASE, {"specializedSme": {"status": "qualified", "checks": [{"id": "techOrInnovative", "status": "pass",
            "actual": "qualified on your figures but not held: the title must be obtained first"}]}})
no_lower = dict(techStaff=5, ip={"classOne": 1, "classTwo": 0, "classOneHighValue": 0, "classOneOwnDeveloped": 0},
                financials__0__rdExpense="3000000", financials__1__rdExpense="3000000",
                financials__0__mainBusinessRevenue="85000000", strategicEmerging=False, financials__0__totalLiabilities="76000000")
case("专精特新 2026: row 2 missing: neither 科技型 nor 创新型 held or qualified → not qualified",
     v(**no_lower), {"techSme": {"status": "notQualified"}, "innovativeSme": {"status": "notQualified"},
                     "specializedSme": {"status": "notQualified", "checks": [{"id": "techOrInnovative", "status": "fail"}]}})
spec("row 3 niche exactly 3 years passes", "qualified", "nicheYears", "pass", niche__years=3)
spec("row 3 niche 2.9 years fails", "notQualified", "nicheYears", "fail", niche__years="2.9")
spec("row 4 revenue exactly 1500万 passes", "qualified", "revenueOrEquity", "pass",
     financials__0__revenue="15000000", financials__0__mainBusinessRevenue="14250000", financials__0__rdExpense="1200000",
     financials__0__totalAssets="15000000", financials__0__totalLiabilities="7500000",
     financials__1__revenue="14000000", financials__1__rdExpense="1000000", financials__1__mainBusinessRevenue="13000000",
     sector="industry", employees=100, techStaff=20)
spec("row 4 revenue below 1500万 without equity fails", "notQualified", "revenueOrEquity", "fail", financials__0__revenue="14999999", financials__0__mainBusinessRevenue="14000000")
spec("row 4 revenue below 1500万 with 2000万 of equity passes", "qualified", "revenueOrEquity", "pass",
     financials__0__revenue="14999999", financials__0__mainBusinessRevenue="14000000", financials__0__rdExpense="1000000",
     financials__1__rdExpense="1000000", financials__1__revenue="14000000", equityFinancing__last2Years="20000000")
spec("row 5 main-business share exactly 80% passes", "qualified", "mainShare", "pass", financials__0__mainBusinessRevenue="80000000", financials__1__mainBusinessRevenue="70000000")
spec("row 5 main-business share below 80% fails", "notQualified", "mainShare", "fail", financials__0__mainBusinessRevenue="79999999")
spec("row 6 debt-to-asset exactly 80% passes", "qualified", "dar", "pass", financials__0__totalLiabilities="80000000")
spec("row 6 debt-to-asset above 80% fails", "notQualified", "dar", "fail", financials__0__totalLiabilities="80000001")
spec("row 7 R&D exactly 100万 and 3% in both years passes", "qualified", "rd", "pass",
     financials__0__revenue="30000000", financials__0__mainBusinessRevenue="28500000", financials__0__rdExpense="1000000",
     financials__1__revenue="33333333", financials__1__rdExpense="1000000", financials__0__totalAssets="30000000", financials__0__totalLiabilities="15000000",
     employees=200, techStaff=40)
spec("row 7 the year before below 3% fails", "notQualified", "rd", "fail", financials__1__rdExpense="2699999")
spec("row 7 without the year before's figures is incomplete", "incomplete", "rd", "incomplete", financials=[BASE["financials"][0]])
spec("row 8 no Class I IP fails", "notQualified", "ip", "fail", ip={"classOne": 0, "classTwo": 3})
for flag in ["provincialAwardTop3", "nationalAwardTop3Last3Years", "provincialRdInstitution"]:
    spec(f"row 8 no Class I IP, exempt by statuses.{flag}", "qualified", "ip", "pass",
         ip={"classOne": 0, "classTwo": 3}, **{f"statuses__{flag}": True})
spec("row 9 not recognised fails", "notQualified", "recognised", "fail", niche__recognised=False)
spec("row 9 recognition not given is incomplete", "incomplete", "recognised", "incomplete", niche__recognised=None)
for score, status, cs in [(None, "incomplete", "incomplete"), (49, "notQualified", "fail"), (50, "qualified", "pass"),
                          (59, "qualified", "pass"), (60, "qualified", "pass")]:
    spec(f"row 10 platform score {'missing' if score is None else score}", status, "platformScore", cs, platformScore=score)
case("专精特新 2026: a failing row decides although another is missing (Kleene)",
     v(platformScore=None, niche__years=2), {"specializedSme": {"status": "notQualified",
     "checks": [{"id": "nicheYears", "status": "fail"}, {"id": "platformScore", "status": "incomplete", "missing": ["platformScore"]}]}})
case("专精特新 2026: held → held", v(statuses__specializedSme=True, platformScore=None), {"specializedSme": {"status": "held", "held": True}})

# --- littleGiant 2026 (§3.4, §6.10.4) ---------------------------------------------------------------
def giant(name, expect_status, check_id, check_status, **ch):
    case("小巨人 2026: " + name, v(**ch), {"littleGiant": {"status": expect_status, "checks": [{"id": check_id, "status": check_status}]}})
giant("row 1 专精特新 held", "qualified", "specialized", "pass", statuses__specializedSme=True)
case("小巨人 2026: row 1 专精特新 only qualified: the title must be obtained first",
     BASE, {"littleGiant": {"status": "qualified", "checks": [{"id": "specialized", "status": "pass",
            "actual": "qualified on your figures but not held: the title must be obtained first"}]}})
giant("row 1 专精特新 neither held nor qualified (platform score 49)", "notQualified", "specialized", "fail", platformScore=49)
giant("row 1 专精特新 unknown (platform score missing) → incomplete", "incomplete", "specialized", "incomplete", platformScore=None)
giant("row 2 revenue exactly 5000万 passes", "qualified", "revenue", "pass",
      financials__0__revenue="50000000", financials__0__mainBusinessRevenue="47500000", financials__0__rdExpense="7000000",
      financials__1__revenue="45000000", financials__1__mainBusinessRevenue="42500000", financials__1__rdExpense="5000000",
      financials__2__revenue="45351473")
giant("row 2 revenue below 5000万 fails", "notQualified", "revenue", "fail", financials__0__revenue="49999999", financials__0__mainBusinessRevenue="47000000")
giant("row 3 main-business share exactly 90% passes", "qualified", "mainShare", "pass", financials__0__mainBusinessRevenue="90000000")
giant("row 3 main-business share below 90% fails", "notQualified", "mainShare", "fail", financials__0__mainBusinessRevenue="89999999")
giant("row 4 CAGR exactly 5% (revenue 11025万 = 1.1025 × 1亿 two years before) passes", "qualified", "growth", "pass",
      financials__0__revenue="110250000", financials__0__mainBusinessRevenue="104737500", financials__2__revenue="100000000")
giant("row 4 CAGR just below 5% (1亿 < 1.1025 × 90702948) fails", "notQualified", "growth", "fail", financials__2__revenue="90702948")
giant("row 4 a zero revenue two years before fails (no rate exists)", "notQualified", "growth", "fail", financials__2__revenue="0")
giant("row 4 without the third year is incomplete", "incomplete", "growth", "incomplete", financials=BASE["financials"][:2])
giant("row 5 debt-to-asset exactly 75% passes", "qualified", "dar", "pass", financials__0__totalLiabilities="75000000")
giant("row 5 debt-to-asset above 75% fails", "notQualified", "dar", "fail", financials__0__totalLiabilities="75000001")
giant("row 6 R&D exactly 1200万 over two years passes", "qualified", "rd", "pass", financials__0__rdExpense="6000000", financials__1__rdExpense="6000000")
giant("row 6 R&D 1200万 − 1 yuan fails", "notQualified", "rd", "fail", financials__0__rdExpense="6000000", financials__1__rdExpense="5999999")
giant("row 7 exactly 4 Class I IP passes", "qualified", "ip", "pass", ip={"classOne": 4, "classTwo": 0, "classOneHighValue": 1, "classOneOwnDeveloped": 1})
giant("row 7 three Class I IP fails", "notQualified", "ip", "fail", ip={"classOne": 3, "classTwo": 0, "classOneHighValue": 1, "classOneOwnDeveloped": 1})
giant("row 7 three Class I IP, exempt by a national award (top 3, 3 years)", "qualified", "ip", "pass",
      ip={"classOne": 3, "classTwo": 0, "classOneHighValue": 1, "classOneOwnDeveloped": 1}, statuses__nationalAwardTop3Last3Years=True)
giant("row 8 share exactly 10% passes", "qualified", "share", "pass", niche__share="0.1", niche__nationalRank=9)
giant("row 8 share below 10% but domestic rank 3 passes", "qualified", "share", "pass", niche__share="0.05", niche__nationalRank=3)
giant("row 8 share below 10% and rank 4 fails", "notQualified", "share", "fail", niche__share="0.05", niche__nationalRank=4)
giant("row 8 share below 10% and rank missing is unknown (Kleene OR)", "incomplete", "share", "incomplete", niche__share="0.05", niche__nationalRank=None)
giant("row 9 chain role none fails", "notQualified", "chainRole", "fail", chainRole="none")
giant("row 9 chain role not given is incomplete", "incomplete", "chainRole", "incomplete", chainRole=None)
for score, status, cs in [(None, "incomplete", "incomplete"), (50, "notQualified", "fail"), (59, "notQualified", "fail"), (60, "qualified", "pass")]:
    giant(f"row 10 platform score {'missing' if score is None else score}", status, "platformScore", cs,
          platformScore=score, statuses__specializedSme=True)
case("小巨人 2026: held → held", v(statuses__littleGiant=True, chainRole=None), {"littleGiant": {"status": "held", "held": True}})

# --- Credit reads titles held; a title qualified but not held is a hint (§6.10) -----------------
# Tax paid 50万 keeps the base firm under its 2000万 tier cap: base max(1500万, 400万) × Q 1.10 + IP 165万
# = 1815万. Holding 小巨人 makes Q 1.60 (1.50 + 0.10 for two statuses, capped): 2565万, capped at 2000万.
uncapped = dict(financials__0__taxPaid="500000")
case("credit reads titles held: 小巨人 qualified, not held: Q stays 1.10, and the hint gives each line with the title",
     v(**uncapped), {})
cases[-1]["expect"] = {"products": [{"id": "reference-pure-credit", "limit": {"amount": "18150000", "steps": [{"id": "multiplier", "value": "1.1"}]}}],
                       "assessments": {"littleGiant": {"status": "qualified", "hints": [
                           {"kind": "title", "target": "reference-pure-credit", "field": "statuses.littleGiant", "from": "18150000", "to": "20000000", "newAmount": "20000000"},
                           {"kind": "title", "target": "sukedai-2018", "from": "18150000", "to": "20000000", "newAmount": "20000000"},
                           {"kind": "title", "target": "kunkedai", "from": "0", "to": "0"},
                           {"kind": "title", "target": "tax-credit", "from": "4000000", "to": "4000000", "newAmount": "4000000"}]}}}
case("holding 小巨人 raises Q to 1.60 and the line to its 2000万 cap; a held title gives no title hint",
     v(**uncapped, statuses__littleGiant=True), {})
cases[-1]["expect"] = {"products": [{"id": "reference-pure-credit", "limit": {"amount": "20000000", "steps": [{"id": "multiplier", "value": "1.6"}]}}],
                       "assessments": {"littleGiant": {"status": "held"}}}

# --- The worked example of §6.10 (the firm of §6.8, plus its ladder figures) -----------------------
worked = json.loads((pathlib.Path(__file__).resolve().parent.parent / "src/policy/builtin.json").read_text(encoding="utf-8"))["tests"][0]["profile"]
worked = copy.deepcopy(worked)
worked["financials"][0]["mainBusinessRevenue"] = "29000000"
worked["financials"].append({"mainBusinessRevenue": "25000000"})
worked["strategicEmerging"] = True
worked["ip"].update({"classOneHighValue": 0, "classOneOwnDeveloped": 0})
worked["equityFinancing"] = {"last2Years": "0", "last3Years": "0"}
cases.append({"name": "worked example §6.10: 创新型 85 by score (IP 10 + R&D 20, growth 20 + DAR 5, field 10 + share 20); small; 专精特新 incomplete on exactly rows 3, 7, 9, 10",
              "profile": worked,
              "expect": {"assessments": {
                  "smeSize": {"status": "small", "isSme": True, "checks": [{"id": "size", "status": "pass", "actual": "small"}]},
                  "innovativeSme": {"status": "qualified", "route": "score", "score": 85, "held": False,
                                    "indicators": [{"id": "ip", "points": 10}, {"id": "rd", "points": 20}, {"id": "growth", "points": 20},
                                                   {"id": "dar", "points": 5}, {"id": "field", "points": 10}, {"id": "mainShare", "points": 20}],
                                    "checks": [{"id": "innovation", "status": "pass", "actual": "30"}, {"id": "growth", "status": "pass", "actual": "25"},
                                               {"id": "specialisation", "status": "pass", "actual": "30"}, {"id": "score", "status": "pass"},
                                               {"id": "demonstration", "status": "pass"}]},
                  "specializedSme": {"status": "incomplete", "checks": [
                      {"id": "resident", "status": "pass"}, {"id": "sme", "status": "pass"}, {"id": "dishonestDebtor", "status": "pass"},
                      {"id": "listed", "status": "pass"}, {"id": "majorIncident", "status": "pass"}, {"id": "restrictedIndustry", "status": "pass"},
                      {"id": "techOrInnovative", "status": "pass", "actual": "qualified on your figures but not held: the title must be obtained first"},
                      {"id": "nicheYears", "status": "incomplete", "missing": ["niche.years"]},
                      {"id": "revenueOrEquity", "status": "pass"}, {"id": "mainShare", "status": "pass"}, {"id": "dar", "status": "pass"},
                      {"id": "rd", "status": "incomplete", "missing": ["financials[1].rdExpense", "financials[1].revenue"]},
                      {"id": "ip", "status": "pass"},
                      {"id": "recognised", "status": "incomplete", "missing": ["niche.recognised"]},
                      {"id": "platformScore", "status": "incomplete", "missing": ["platformScore"]}]}}}})

doc = {"description": "The qualification ladder (domain.md §3.1, §3.4, §4.5, §6.10): smeSize at every 300号 bound, each 创新型 band at its bound and just past it (a value on a bound scores the better band), the group minimums and the pass rule, every direct route and the general conditions that bind them, each 2026 专精特新 and 小巨人 row passing and failing, each prerequisite held / qualified / missing, the platform score missing / 49 / 50 / 59 / 60, held vs qualified and the title hint, and §6.10's worked example. Expected values derived by hand from domain.md; written by scripts/gen_ladder_vectors.py.",
       "cases": cases}
out = pathlib.Path(__file__).resolve().parent.parent / "tests" / "vectors" / "ladder.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {out} ({len(cases)} cases)")
