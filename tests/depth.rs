//! Depth by construction (issue #14): every shape of expression — a flat chain of any operator,
//! nested calls, `not`s, minus signs, parentheses — is either evaluated at the depth limit or
//! refused with `expressionTooDeep` at its path, and never overflows the stack. Compiling and the
//! whole report (checks, steps, hints with their margins) at the limit run in a thread with half
//! the stack a native thread gets by default, in a debug build.

use credit_check::engine::{self, Detail, Options};
use credit_check::json::Json;
use credit_check::policy::expr::{parse, Scope, MAX_DEPTH};
use credit_check::policy::table::Table;
use credit_check::{Code, Locale, Policy};
use serde_json::{json, Value};
use std::cell::Cell;

/// The stack a policy at the depth limit must compile and evaluate a full report in, natively in
/// a debug build (the largest frames): half of what a spawned thread gets by default, an eighth
/// of a main thread's. Release and wasm builds need a fraction of it (`stack_reached_…` below,
/// and tests/node/limits.test.cjs for wasm).
const SMALL_STACK: usize = 1024 * 1024;

fn builtin() -> Value {
    serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap()
}

fn worked() -> Value {
    builtin()["tests"][0]["profile"].clone()
}

/// A shape: an expression whose tree is `n` levels deep, and whether it is a condition.
type Shape = (&'static str, fn(usize) -> String, bool);

fn rep(s: &str, n: usize) -> String {
    s.repeat(n.saturating_sub(1))
}

const FAILING: &str = "revenue >= 5000万";

const SHAPES: &[Shape] = &[
    ("a + chain", |n| format!("revenue{}", rep(" + 1", n)), false),
    ("a - chain", |n| format!("revenue{}", rep(" - 1", n)), false),
    ("a * chain", |n| format!("revenue{}", rep(" * 1", n)), false),
    ("a / chain", |n| format!("revenue{}", rep(" / 1", n)), false),
    (
        "a right-nested + chain",
        |n| format!("{}revenue{}", rep("1 + (", n), rep(")", n)),
        false,
    ),
    ("minus signs", |n| format!("{}revenue", rep("-", n)), false),
    (
        "nested min()",
        |n| format!("{}revenue{}", rep("min(", n), rep(", 1)", n)),
        false,
    ),
    (
        "nested if()",
        |n| format!("{}revenue{}", rep("if(true, ", n), rep(", 0)", n)),
        false,
    ),
    (
        "an and chain of failing comparisons",
        |n| format!("{FAILING}{}", rep(&format!(" and {FAILING}"), n - 1)),
        true,
    ),
    (
        "an or chain of failing comparisons",
        |n| format!("{FAILING}{}", rep(&format!(" or {FAILING}"), n - 1)),
        true,
    ),
    (
        "nested not",
        |n| format!("{}({FAILING})", rep("not ", n - 1)),
        true,
    ),
];

/// The built-in policy with `expr` as a knock-out (a condition) or the first step of the first
/// product (a number), and the path it is reported at.
fn with_expr(expr: &str, condition: bool) -> (Value, String) {
    let mut doc = builtin();
    doc["tests"] = json!([]);
    let label = json!({ "zh-CN": "深", "en": "deep" });
    if condition {
        let list = doc["knockouts"].as_array_mut().unwrap();
        list.push(json!({ "id": "deep", "label": label, "pass": expr }));
        let path = format!("knockouts[{}].pass", list.len() - 1);
        (doc, path)
    } else {
        let steps = doc["products"][0]["limit"]["steps"].as_array_mut().unwrap();
        steps.insert(0, json!({ "id": "deep", "label": label, "expr": expr }));
        (doc, "products[0].limit.steps[0].expr".into())
    }
}

fn full_report(policy: &Policy) -> String {
    let opts = Options {
        locale: Locale::En,
        products: None,
        detail: Detail::Full,
    };
    let report = engine::evaluate(&Json::from_value(&worked()), policy, &opts).unwrap();
    credit_check::to_json(&report)
}

/// Runs `f` on a thread with `stack` bytes of stack: an overflow aborts the test binary.
fn on_small_stack<T: Send + 'static>(stack: usize, f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn every_shape_at_the_depth_limit_compiles_and_evaluates_on_a_small_stack() {
    for (name, shape, condition) in SHAPES {
        let expr = shape(MAX_DEPTH);
        let (doc, _) = with_expr(&expr, *condition);
        let report = on_small_stack(SMALL_STACK, move || {
            let policy = Policy::from_value(&doc).unwrap();
            full_report(&policy)
        });
        assert!(report.contains("\"products\""), "{name}");
    }
}

#[test]
fn every_shape_one_level_beyond_the_limit_is_refused_at_its_path() {
    for (name, shape, condition) in SHAPES {
        for n in [MAX_DEPTH + 1, 2000] {
            let expr = shape(n);
            if expr.len() > credit_check::policy::expr::MAX_LEN {
                continue;
            }
            let (doc, path) = with_expr(&expr, *condition);
            let first = on_small_stack(SMALL_STACK, move || {
                Policy::from_value(&doc).err().map(|e| e.first())
            });
            let first = first.unwrap_or_else(|| panic!("{name} at {n} compiled"));
            assert_eq!(
                first.code,
                Code::ExpressionTooDeep,
                "{name} at {n}: {first:?}"
            );
            assert_eq!(first.path, path, "{name}");
        }
    }
}

#[test]
fn the_issue_reproducer_is_refused_by_the_compiler() {
    // "1" + "+1" × 1949: a 3,899-character fact that passed validation and overflowed the stack.
    let mut doc = builtin();
    doc["tests"] = json!([]);
    doc["facts"].as_array_mut().unwrap().push(json!({
        "id": "deep", "label": { "zh-CN": "d", "en": "d" }, "expr": format!("1{}", "+1".repeat(1949)),
    }));
    let v = credit_check::validate::validate(&doc, Locale::En);
    assert!(!v.ok);
    assert_eq!(v.errors[0].code, Code::ExpressionTooDeep);
    assert!(
        v.errors[0].path.starts_with("facts["),
        "{}",
        v.errors[0].path
    );
}

#[test]
fn parentheses_count_towards_the_parser_limit_even_around_a_single_name() {
    // The expression itself is the first level, so MAX_DEPTH - 1 parentheses fit.
    let ok = format!(
        "{}revenue{}",
        "(".repeat(MAX_DEPTH - 1),
        ")".repeat(MAX_DEPTH - 1)
    );
    assert!(parse(&ok, "x").is_ok());
    let deep = format!("{}revenue{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
    assert_eq!(parse(&deep, "x").unwrap_err().code, Code::ExpressionTooDeep);
}

/// A scope that records how deep the stack is each time a leaf reads a fact.
struct Probe {
    fact: credit_check::facts::Fact,
    lowest: Cell<usize>,
}

impl Scope for Probe {
    fn fact(&self, _name: &str) -> Option<&credit_check::facts::Fact> {
        let here = 0u8;
        let addr = std::ptr::addr_of!(here) as usize;
        self.lowest.set(self.lowest.get().min(addr));
        Some(&self.fact)
    }
    fn table(&self, _name: &str) -> Option<&Table> {
        None
    }
    fn step(&self, _product: &str, _step: &str) -> Option<credit_check::facts::Known> {
        None
    }
    fn has_step(&self, _product: &str, _step: &str) -> bool {
        false
    }
}

/// Stack bytes from `top` to the deepest leaf reached by `run` on a probe scope.
fn stack_used(run: impl Fn(&Probe)) -> usize {
    let top = 0u8;
    let top = std::ptr::addr_of!(top) as usize;
    let probe = Probe {
        fact: credit_check::facts::Fact {
            ty: credit_check::facts::Ty::Num,
            value: credit_check::facts::Known::Yes(credit_check::facts::Val::Num(1.into())),
        },
        lowest: Cell::new(usize::MAX),
    };
    run(&probe);
    top.saturating_sub(probe.lowest.get())
}

/// Prints the stack an evaluation and a margin use at the limit (a figure, not an assertion: the
/// small-stack test above is the guard). `cargo test --test depth -- --nocapture` shows it.
#[test]
fn stack_reached_at_the_depth_limit() {
    for (name, shape, condition) in SHAPES {
        let text = shape(MAX_DEPTH).replace("5000万", "5");
        let expr = parse(&text, "x").unwrap();
        let eval = stack_used(|p| {
            let _ = expr.eval(p, "x");
        });
        let margin = if *condition {
            stack_used(|p| {
                let _ = expr.margin(p, "x");
            })
        } else {
            0
        };
        println!(
            "stack at depth {MAX_DEPTH}, {name}: eval {eval} bytes ({} per level), margin {margin} bytes",
            eval / MAX_DEPTH
        );
    }
}
