//! The native command.
//!
//! - `credit-check evaluate <profile.json|->`: one report.
//! - `credit-check batch [FILE|-]`: JSON Lines or CSV in, JSON Lines or CSV out, streaming with flat
//!   memory on every core; a bad row is reported with its line number and the batch goes on.
//! - `credit-check validate <policy.json|->`: every problem of a policy, and its embedded tests.
//! - `credit-check generate --count N [--seed S]`: seeded sample profiles as JSON Lines.

mod csv;

use credit_check::json::Json;
use credit_check::report::Report;
use credit_check::{engine, Detail, Locale, Options, Policy};
use std::io::{BufRead, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

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

fn load_policy(path: &str) -> Result<Policy, String> {
    let value: serde_json::Value =
        serde_json::from_str(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
    Policy::from_value(&value).map_err(|e| e.to_string())
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
    let policy = a.policy.as_deref().map(load_policy).transpose()?;
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
            batch(&a, policy)
        }
        _ => Err(USAGE.into()),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Jsonl,
    Csv,
}

fn format_of(name: Option<&str>, file: &str) -> Result<Format, String> {
    match name {
        Some("jsonl" | "json") => Ok(Format::Jsonl),
        Some("csv") => Ok(Format::Csv),
        Some(other) => Err(format!("unknown format {other} (jsonl or csv)")),
        None if file.ends_with(".csv") => Ok(Format::Csv),
        None => Ok(Format::Jsonl),
    }
}

/// Rows are read, evaluated and written in chunks of this many: memory stays flat whatever the
/// input size, and chunks are small enough to keep every core busy to the end.
const CHUNK: usize = 512;
/// A worker's stack: a main thread's 8 MiB rather than a spawned thread's default 2 MiB, so that
/// a policy at the expression depth limit has the same wide margin on every thread, even in a
/// debug build (tests/depth.rs fits it in 1 MiB).
const WORKER_STACK: usize = 8 << 20;

fn batch(a: &Args, policy: &Policy) -> Result<(), String> {
    let file = a.positional.get(1).map_or("-", String::as_str);
    let input_format = format_of(a.input_format.as_deref(), file)?;
    let output_format = format_of(a.output_format.as_deref(), "")?;
    let reader: Box<dyn BufRead + Send> = if file == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(file).map_err(|e| format!("{file}: {e}"))?,
        ))
    };
    let threads = a
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .max(1);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let progress = std::io::stderr().is_terminal();
    let started = Instant::now();
    let mut lines = Lines {
        inner: reader.lines(),
        line_no: 0,
    };
    // A CSV file's first row names its columns: read it before the rows are shared out.
    let header = match input_format {
        Format::Csv => match lines.next_row() {
            Some(row) => {
                let (_, line) = row?;
                Some(csv::split(line.trim_start_matches('\u{feff}'))?)
            }
            None => None,
        },
        Format::Jsonl => None,
    };
    if output_format == Format::Csv {
        writeln!(out, "{}", csv_header(policy)).map_err(|e| e.to_string())?;
    }
    let (mut done, mut bad) = (0usize, 0usize);
    // A pipeline: one thread reads chunks of rows, `threads` workers evaluate them, and this
    // thread writes the results in input order, so reading and writing overlap the evaluation.
    // The reader takes a token per chunk and the writer gives one back per chunk written: at most
    // WINDOW chunks are between them, so memory stays flat however long the input, and when the
    // writer stops (an error, a closed pipe) the reader stops with it.
    let window = threads * 4;
    let (chunks_tx, chunks_rx) = std::sync::mpsc::sync_channel::<Chunk>(window);
    let (results_tx, results_rx) = std::sync::mpsc::sync_channel::<Evaluated>(window);
    let (tokens_tx, tokens_rx) = std::sync::mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        tokens_tx.send(()).map_err(|e| e.to_string())?;
    }
    let chunks_rx = std::sync::Mutex::new(chunks_rx);
    let header_ref = header.as_deref();
    // Ok(true) when the output was closed before the end.
    let outcome = std::thread::scope(|s| -> Result<bool, String> {
        let reader = s.spawn(move || -> Result<(), String> {
            for index in 0.. {
                if tokens_rx.recv().is_err() {
                    break;
                }
                let mut rows = Vec::with_capacity(CHUNK);
                let mut failed = None;
                while rows.len() < CHUNK {
                    match lines.next_row() {
                        Some(Ok(row)) => rows.push(row),
                        Some(Err(e)) => {
                            failed = Some(e);
                            break;
                        }
                        None => break,
                    }
                }
                // The rows read before an error are still evaluated and written.
                if rows.is_empty() || chunks_tx.send((index, rows)).is_err() {
                    return failed.map_or(Ok(()), Err);
                }
                if let Some(e) = failed {
                    return Err(e);
                }
            }
            Ok(())
        });
        for _ in 0..threads {
            let (rx, tx) = (&chunks_rx, results_tx.clone());
            let worker = std::thread::Builder::new().stack_size(WORKER_STACK);
            let spawned = worker.spawn_scoped(s, move || loop {
                let next = rx
                    .lock()
                    .map_err(|_| ())
                    .and_then(|r| r.recv().map_err(|_| ()));
                let Ok((index, rows)) = next else { break };
                let evaluated = rows
                    .iter()
                    .map(|(n, line)| {
                        one_row(
                            *n,
                            line,
                            input_format,
                            output_format,
                            header_ref,
                            policy,
                            &a.opts,
                        )
                    })
                    .collect();
                if tx.send((index, evaluated)).is_err() {
                    break;
                }
            });
            // As `Scope::spawn` does: a thread the OS refuses is not a profile's error.
            if let Err(e) = spawned {
                panic!("cannot start a worker thread: {e}");
            }
        }
        drop(results_tx);
        // Owned here, so that leaving early (a write error, a closed pipe) lets the reader go.
        let tokens_tx = tokens_tx;
        let mut closed = false;
        // Chunks finish out of order: hold the early ones until their turn.
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0usize;
        'chunks: for (index, rows) in results_rx {
            waiting.insert(index, rows);
            while let Some(rows) = waiting.remove(&next) {
                for (text, ok) in rows {
                    if let Err(e) = writeln!(out, "{text}") {
                        // The reader of the output has had enough (`| head`): stop, quietly.
                        if e.kind() == std::io::ErrorKind::BrokenPipe {
                            closed = true;
                            break 'chunks;
                        }
                        return Err(e.to_string());
                    }
                    done += 1;
                    bad += usize::from(!ok);
                }
                next += 1;
                // The reader may read one more chunk (it is gone if it stopped early).
                let _ = tokens_tx.send(());
                if progress {
                    let rate = done as f64 / started.elapsed().as_secs_f64().max(1e-9);
                    eprint!("\r{done} profiles, {bad} bad rows, {rate:.0}/s   ");
                }
            }
        }
        // No more tokens: a reader still waiting for one stops.
        drop(tokens_tx);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err("the reader stopped".to_string()));
        if !waiting.is_empty() && !closed {
            return Err(format!(
                "rows after line {} were not evaluated (a worker stopped)",
                done
            ));
        }
        if closed {
            return Ok(true);
        }
        read.map(|()| false)
    });
    let closed = outcome?;
    if !closed {
        out.flush().map_err(|e| e.to_string())?;
    }
    let secs = started.elapsed().as_secs_f64();
    if progress {
        eprintln!();
    }
    eprintln!(
        "{done} profiles ({bad} bad rows) in {secs:.2} s: {:.0} profiles/s on {threads} thread(s)",
        done as f64 / secs.max(1e-9)
    );
    Ok(())
}

/// Rows (line number, text) in input order, numbered by chunk.
type Chunk = (usize, Vec<(usize, String)>);
/// A chunk's output lines and whether each row was good.
type Evaluated = (usize, Vec<(String, bool)>);

/// The input's non-empty lines with their line numbers.
struct Lines<L> {
    inner: L,
    line_no: usize,
}

impl<L: Iterator<Item = std::io::Result<String>>> Lines<L> {
    fn next_row(&mut self) -> Option<Result<(usize, String), String>> {
        for line in self.inner.by_ref() {
            self.line_no += 1;
            match line {
                Err(e) => return Some(Err(format!("line {}: {e}", self.line_no))),
                Ok(l) if l.trim().is_empty() => continue,
                Ok(l) => return Some(Ok((self.line_no, l))),
            }
        }
        None
    }
}

/// Evaluates one input row; the output line and whether it was good.
fn one_row(
    line_no: usize,
    line: &str,
    input: Format,
    output: Format,
    header: Option<&[String]>,
    policy: &Policy,
    opts: &Options,
) -> (String, bool) {
    let failed = |e: credit_check::Error| {
        let first = e.first();
        (
            first.code.as_str().to_string(),
            first.path.clone(),
            first.message(opts.locale),
        )
    };
    let result = match input {
        // A BOM (an editor's or Excel's UTF-8 export) at the start of a line is not the profile's.
        // The text goes straight into the profile when plainly valid (the lean reader).
        Format::Jsonl => {
            engine::evaluate_text(line.trim_start_matches('\u{feff}'), policy, opts).map_err(failed)
        }
        Format::Csv => csv::split(line)
            .and_then(|cells| csv::row_to_profile(header.unwrap_or_default(), &cells))
            .map_err(|e| ("invalidCsv".to_string(), String::new(), e))
            .and_then(|p| engine::evaluate(&p, policy, opts).map_err(failed)),
    };
    match (result, output) {
        (Ok(report), Format::Jsonl) => (credit_check::to_json(&report), true),
        (Ok(report), Format::Csv) => (csv_row(line_no, &report, policy), true),
        (Err((code, path, message)), Format::Jsonl) => (
            serde_json::json!({ "line": line_no, "error": { "code": code, "path": path, "message": message } })
                .to_string(),
            false,
        ),
        (Err(e), Format::Csv) => (csv_error_row(line_no, policy, &e), false),
    }
}

fn csv_header(policy: &Policy) -> String {
    let mut cols = vec!["line".to_string(), "name".into()];
    cols.extend(scheme_columns(policy));
    for p in &policy.products {
        cols.push(format!("{}.status", p.id));
        cols.push(format!("{}.amount", p.id));
    }
    cols.extend([
        "error.code".into(),
        "error.path".into(),
        "error.message".into(),
    ]);
    cols.iter()
        .map(|c| csv::quote(c))
        .collect::<Vec<_>>()
        .join(",")
}

fn csv_row(line_no: usize, r: &Report, policy: &Policy) -> String {
    let mut cells = vec![line_no.to_string(), r.company.clone().unwrap_or_default()];
    for s in &policy.schemes {
        let Some(out) = r.assessments.get(&s.id) else {
            cells.extend(std::iter::repeat_n(String::new(), scheme_width(s)));
            continue;
        };
        cells.push(out.status_str().to_string());
        if s.layout.range {
            cells.push(out.score.min.0.to_string());
            cells.push(out.score.max.0.to_string());
        } else if !s.indicators.is_empty() {
            cells.push(
                out.exact_score()
                    .map(|p| p.0.to_string())
                    .unwrap_or_default(),
            );
        }
    }
    for p in &policy.products {
        match r.products.iter().find(|x| x.id == p.id) {
            Some(x) => {
                cells.push(x.status.as_str().to_string());
                cells.push(
                    x.limit
                        .as_ref()
                        .map(|l| l.amount.clone())
                        .unwrap_or_default(),
                );
            }
            None => cells.extend([String::new(), String::new()]),
        }
    }
    cells.extend([String::new(), String::new(), String::new()]);
    cells
        .iter()
        .map(|c| csv::quote(c))
        .collect::<Vec<_>>()
        .join(",")
}

/// Each scheme's columns, by its layout: the status, then the score (or its range's two ends).
fn scheme_columns(policy: &Policy) -> Vec<String> {
    let mut cols = Vec::new();
    for s in &policy.schemes {
        cols.push(format!("{}.status", s.id));
        let key = &s.layout.score;
        if s.layout.range {
            cols.push(format!("{}.{key}Min", s.id));
            cols.push(format!("{}.{key}Max", s.id));
        } else if !s.indicators.is_empty() {
            cols.push(format!("{}.{key}", s.id));
        }
    }
    cols
}

fn scheme_width(s: &credit_check::policy::scheme::Scheme) -> usize {
    if s.layout.range {
        3
    } else if s.indicators.is_empty() {
        1
    } else {
        2
    }
}

fn csv_error_row(line_no: usize, policy: &Policy, e: &(String, String, String)) -> String {
    let blanks = 1 + scheme_columns(policy).len() + 2 * policy.products.len();
    let mut cells = vec![line_no.to_string()];
    cells.extend(std::iter::repeat_n(String::new(), blanks));
    cells.extend([e.0.clone(), e.1.clone(), e.2.clone()]);
    cells
        .iter()
        .map(|c| csv::quote(c))
        .collect::<Vec<_>>()
        .join(",")
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
