//! The native command: `credit-check evaluate profile.json`, `credit-check validate policy.json`.

use credit_check::{Detail, Locale, Options, Policy};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = r#"usage:
  credit-check evaluate <profile.json|-> [--policy policy.json] [--locale zh-CN|en] [--summary]
                        [--options '{"locale":"en","products":["kunkedai"],"detail":"summary"}']
  credit-check validate <policy.json|->"#;

fn read(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("stdin: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    }
}

fn load_policy(path: &str) -> Result<Policy, String> {
    let value: serde_json::Value =
        serde_json::from_str(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
    Policy::from_value(&value).map_err(|e| e.to_string())
}

fn run(args: &[String]) -> Result<(), String> {
    let mut positional = Vec::new();
    let mut opts = Options::default();
    let mut policy_path = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--locale" => {
                let tag = it.next().ok_or("--locale needs a value")?;
                opts.locale = Locale::parse(tag, "--locale").map_err(|i| i.message(Locale::En))?;
            }
            "--summary" => opts.detail = Detail::Summary,
            "--options" => {
                let text = it.next().ok_or("--options needs a JSON object")?;
                let value =
                    credit_check::json::Json::parse(text).map_err(|e| format!("--options: {e}"))?;
                opts = Options::read(&value).map_err(|e| e.to_string())?;
            }
            "--policy" => policy_path = Some(it.next().ok_or("--policy needs a path")?.clone()),
            "-h" | "--help" => return Err(USAGE.into()),
            _ => positional.push(a.clone()),
        }
    }
    match positional.as_slice() {
        [cmd, file] if cmd == "evaluate" => {
            let policy = policy_path.as_deref().map(load_policy).transpose()?;
            let out = credit_check::evaluate_str(&read(file)?, &opts, policy.as_ref())
                .map_err(|e| e.to_string())?;
            println!("{out}");
            Ok(())
        }
        [cmd, file] if cmd == "validate" => {
            let value: serde_json::Value =
                serde_json::from_str(&read(file)?).map_err(|e| format!("{file}: {e}"))?;
            let v = credit_check::validate::validate(&value, opts.locale);
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            if v.ok {
                Ok(())
            } else {
                Err(format!("{} problem(s)", v.errors.len()))
            }
        }
        _ => Err(USAGE.into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
