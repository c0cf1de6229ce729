//! The native command.
//!
//! - `credit-check evaluate <profile.json|->`: one report.
//! - `credit-check batch [FILE|-]`: JSON Lines or CSV in, JSON Lines or CSV out, streaming with flat
//!   memory on every core; a bad row is reported with its line number and the batch goes on.
//! - `credit-check validate <policy.json|->`: every problem of a policy, and its embedded tests.
//! - `credit-check generate --count N [--seed S]`: seeded sample profiles as JSON Lines.

mod batch;
mod csv;

use credit_check::json::Json;
use credit_check::{Detail, Locale, Options, Policy};
use std::io::{BufWriter, Read, Write};
use std::process::ExitCode;

/// mimalloc (`native_alloc`): a report allocates a few hundred small blocks.
#[global_allocator]
static ALLOC: credit_check::native_alloc::Mimalloc = credit_check::native_alloc::Mimalloc;

const USAGE: &str = r#"usage:
  credit-check evaluate <profile.json|-> [--policy policy.json] [--locale zh-CN|en] [--summary]
                        [--options '{"locale":"en","products":["kunkedai"],"detail":"summary"}']
  credit-check batch [input|-] [--in jsonl|csv] [--out jsonl|csv] [--policy policy.json]
                     [--options JSON] [--threads N]
      input: one profile per line (JSON Lines), or CSV whose header names profile paths
      (name, employees, financials[0].revenue, statuses.highTechEnterprise, ...); the format
      follows the file's extension unless --in says otherwise. Reports are summaries unless
      --options '{"detail":"full"}'. A bad row gives {"line": N, "error": {...}} and the rest go on.
  credit-check validate <policy.json|->
  credit-check generate --count N [--seed S]"#;

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

fn load_policy_doc(path: &str) -> Result<serde_json::Value, String> {
    serde_json::from_str(&read(path)?).map_err(|e| format!("{path}: {e}"))
}

/// The policy a document gives, or the built-in one: compiled anew on each call.
fn compile_policy(doc: Option<&serde_json::Value>) -> Result<Policy, String> {
    match doc {
        Some(value) => Policy::from_value(value),
        None => Policy::builtin(),
    }
    .map_err(|e| e.to_string())
}

#[derive(Default)]
struct Args {
    positional: Vec<String>,
    opts: Options,
    policy: Option<String>,
    input_format: Option<String>,
    output_format: Option<String>,
    threads: Option<usize>,
    count: Option<u64>,
    seed: Option<u64>,
    options_given: bool,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut a = Args::default();
    let mut it = args.iter();
    let value = |it: &mut std::slice::Iter<String>, flag: &str| {
        it.next()
            .cloned()
            .ok_or_else(|| format!("{flag} needs a value"))
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--locale" => {
                let tag = value(&mut it, "--locale")?;
                a.opts.locale =
                    Locale::parse(&tag, "--locale").map_err(|i| i.message(Locale::En))?;
            }
            "--summary" => a.opts.detail = Detail::Summary,
            "--options" => {
                let text = value(&mut it, "--options")?;
                let v = Json::parse(&text).map_err(|e| format!("--options: {e}"))?;
                a.opts = Options::read(&v).map_err(|e| e.to_string())?;
                a.options_given = true;
            }
            "--policy" => a.policy = Some(value(&mut it, "--policy")?),
            "--in" => a.input_format = Some(value(&mut it, "--in")?),
            "--out" => a.output_format = Some(value(&mut it, "--out")?),
            "--threads" => {
                a.threads = Some(
                    value(&mut it, "--threads")?
                        .parse()
                        .map_err(|_| "--threads takes a number")?,
                )
            }
            "--count" => {
                a.count = Some(
                    value(&mut it, "--count")?
                        .parse()
                        .map_err(|_| "--count takes a number")?,
                )
            }
            "--seed" => {
                a.seed = Some(
                    value(&mut it, "--seed")?
                        .parse()
                        .map_err(|_| "--seed takes a number")?,
                )
            }
            "-h" | "--help" => return Err(USAGE.into()),
            _ => a.positional.push(arg.clone()),
        }
    }
    Ok(a)
}

fn run(args: &[String]) -> Result<(), String> {
    let mut a = parse_args(args)?;
    let doc = a.policy.as_deref().map(load_policy_doc).transpose()?;
    let policy = doc.as_ref().map(|d| compile_policy(Some(d))).transpose()?;
    match a.positional.first().map(String::as_str) {
        Some("evaluate") => {
            let file = a.positional.get(1).ok_or(USAGE)?;
            let out = credit_check::evaluate_str(&read(file)?, &a.opts, policy.as_ref())
                .map_err(|e| e.to_string())?;
            println!("{out}");
            Ok(())
        }
        Some("validate") => {
            let file = a.positional.get(1).ok_or(USAGE)?;
            let value: serde_json::Value =
                serde_json::from_str(&read(file)?).map_err(|e| format!("{file}: {e}"))?;
            let v = credit_check::validate::validate(&value, a.opts.locale);
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            if v.ok {
                Ok(())
            } else {
                Err(format!("{} problem(s)", v.errors.len()))
            }
        }
        Some("generate") => {
            let count = a.count.ok_or("generate needs --count N")?;
            let mut rng = credit_check::sample::Rng::new(a.seed.unwrap_or(42));
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            for _ in 0..count {
                let p = credit_check::sample::profile(&mut rng);
                writeln!(out, "{p}").map_err(|e| e.to_string())?;
            }
            out.flush().map_err(|e| e.to_string())
        }
        Some("batch") => {
            if !a.options_given {
                a.opts.detail = Detail::Summary;
            }
            let builtin;
            let policy = match &policy {
                Some(p) => p,
                None => {
                    builtin = credit_check::builtin().map_err(|e| e.to_string())?;
                    builtin
                }
            };
            batch::batch(&a, policy, doc.as_ref())
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
