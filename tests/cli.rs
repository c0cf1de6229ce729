//! The native command: batch over JSON Lines and CSV with bad rows reported by line, validate,
//! generate. (Built with `--features cli`, as `make test` does.)
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], input: &str) -> (String, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_credit-check"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.success(),
    )
}

#[test]
fn batch_jsonl_keeps_going_past_bad_rows() {
    let input = "{\"employees\": 80, \"techStaff\": 20}\nnot json\n\n{\"employees\": -1}\n{}\n";
    let (out, err, ok) = run(&["batch", "-", "--threads", "2"], input);
    assert!(ok, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["error"]["code"], "invalidJson");
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[2]["error"]["code"], "negativeAmount");
    assert_eq!(lines[2]["error"]["path"], "employees");
    assert!(lines[3]["assessments"].is_object());
    assert!(
        lines[0]["products"][0].get("checks").is_none(),
        "batch reports are summaries by default"
    );
    assert!(err.contains("4 profiles (2 bad rows)"), "{err}");
}

#[test]
fn batch_csv_in_and_out() {
    let input = "name,employees,techStaff,financials[0].revenue,financials[0].rdExpense,ip.classOne,statuses.highTechEnterprise\n\
                 甲,80,20,3000万,180万,2,是\n\
                 \"乙, 有限公司\",-5,1,,,,\n";
    let (out, _, ok) = run(&["batch", "-", "--in", "csv", "--out", "csv"], input);
    assert!(ok);
    let rows: Vec<&str> = out.lines().collect();
    assert!(rows[0].starts_with("line,name,techSme.status,techSme.score"));
    assert!(rows[1].starts_with("2,甲,"), "{}", rows[1]);
    assert!(rows[1].contains(",96,"), "{}", rows[1]);
    assert!(rows[2].starts_with("3,"));
    assert!(rows[2].contains("negativeAmount,employees"), "{}", rows[2]);
}

#[test]
fn generate_is_deterministic_and_valid() {
    let (a, _, _) = run(&["generate", "--count", "50", "--seed", "9"], "");
    let (b, _, _) = run(&["generate", "--count", "50", "--seed", "9"], "");
    assert_eq!(a, b);
    let (out, _, ok) = run(&["batch", "-"], &a);
    assert!(ok);
    assert_eq!(out.lines().filter(|l| l.contains("\"error\"")).count(), 0);
    assert_eq!(out.lines().count(), 50);
}

#[test]
fn validate_reports_problems_with_a_failing_exit() {
    let mut policy: serde_json::Value =
        serde_json::from_str(credit_check::policy::BUILTIN_JSON).unwrap();
    policy["effective"] = "someday".into();
    let (out, err, ok) = run(&["validate", "-"], &policy.to_string());
    assert!(!ok);
    assert!(out.contains("invalidDate"), "{out}");
    assert!(err.contains("1 problem"), "{err}");
    let (_, _, ok) = run(&["validate", "-"], credit_check::policy::BUILTIN_JSON);
    assert!(ok);
}

/// `credit-check batch … | head` stops when its output is closed, quietly, instead of waiting
/// forever with rows still coming in.
#[test]
fn batch_stops_when_its_output_is_closed() {
    use std::io::Read;
    let (profiles, _, ok) = run(&["generate", "--count", "3000", "--seed", "1"], "");
    assert!(ok);
    let mut child = Command::new(env!("CARGO_BIN_EXE_credit-check"))
        .args(["batch", "-", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(profiles.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    // A liveness guard, not a timing: it ends within seconds, or it hangs.
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("batch kept running after its output was closed");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!(status.success());
    let _ = feeder.join();
}

#[test]
fn batch_jsonl_skips_a_bom_at_the_start_of_a_line() {
    let input = "\u{feff}{\"employees\": 80}\n\u{feff}{\"employees\": 81}\n";
    let (out, err, ok) = run(&["batch", "-"], input);
    assert!(ok, "{err}");
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v.get("error").is_none(), "{line}");
    }
}

#[test]
fn batch_csv_output_neutralises_a_formula_in_the_name() {
    let input = "{\"name\": \"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")\", \"employees\": 80}\n";
    let (out, err, ok) = run(&["batch", "-", "--out", "csv"], input);
    assert!(ok, "{err}");
    let row = out.lines().nth(1).unwrap();
    assert!(row.contains("\"'=HYPERLINK("), "{row}");
    assert!(!row.contains(",=HYPERLINK"), "{row}");
}
