"""Seeds the fuzzers' corpora from the golden vectors and the policy catalogue (fuzz/corpus/, not
committed): every vector profile for `profile`; the built-in policy, the example bank's policy and
every invalid-policy patch (as {"at": pointer, "value": v}) for `policy`."""
import json, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus"
for name in ("profile", "policy", "evaluate", "expressions"):
    (corpus / name).mkdir(parents=True, exist_ok=True)

n = 0
for f in sorted((root / "tests" / "vectors").glob("*.json")):
    for case in json.loads(f.read_text(encoding="utf-8"))["cases"]:
        n += 1
        (corpus / "profile" / f"v{n:04}.json").write_text(json.dumps(case["profile"], ensure_ascii=False), encoding="utf-8")

(corpus / "policy" / "builtin.json").write_text((root / "src" / "policy" / "builtin.json").read_text(encoding="utf-8"), encoding="utf-8")
(corpus / "policy" / "example-bank.json").write_text((root / "www" / "policies" / "example-bank.json").read_text(encoding="utf-8"), encoding="utf-8")
m = 0
for case in json.loads((root / "tests" / "vectors" / "policies" / "invalid.json").read_text(encoding="utf-8"))["cases"]:
    for op in case["patch"]:
        if op["op"] == "set":
            m += 1
            (corpus / "policy" / f"p{m:03}.json").write_text(json.dumps({"at": op["path"], "value": op["value"]}, ensure_ascii=False), encoding="utf-8")
# Expressions: a flat chain, a deep nest and a wide min(), each past the depth limit.
for name, data in (("flat", bytes([1]) + bytes([0x10]) * 60), ("deep", bytes([2]) + bytes([0x04, 0x05]) * 30), ("wide", bytes([3]) + bytes([0x1a]) * 20)):
    (corpus / "expressions" / name).write_bytes(data)
print(f"fuzz corpus: {n} profiles, {m + 2} policies")
