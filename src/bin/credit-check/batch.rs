//! `credit-check batch`: rows in (JSON Lines or CSV), reports out in input order, through a
//! reader thread, one worker per core taking chunks of rows and a writer, over bounded channels,
//! so that memory stays flat whatever the input's size.

use crate::{compile_policy, csv, Args};
use credit_check::report::Report;
use credit_check::{engine, Options, Policy};
use std::io::{BufRead, BufWriter, IsTerminal, Write};
use std::time::Instant;

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
const CHUNK: usize = 256;
/// A worker's stack: a main thread's 8 MiB rather than a spawned thread's default 2 MiB, so that
/// a policy at the expression depth limit has the same wide margin on every thread, even in a
/// debug build (tests/depth.rs fits it in 1 MiB).
const WORKER_STACK: usize = 8 << 20;

/// A chunk on its way round the pipeline, with the buffers it keeps from one lap to the next:
/// the reader fills `text` and `rows`, a worker writes `out`, the writer writes it out and hands
/// the chunk back to the reader. The buffers are allocated once (their capacity stays at the
/// largest chunk seen), so no row's text is allocated in one thread and freed in another.
#[derive(Default)]
struct Chunk {
    /// Its place in the input: the writer writes chunks in this order.
    index: usize,
    /// The rows' text, one after the other.
    text: String,
    /// Each row's line number and where its text is in `text`.
    rows: Vec<(usize, std::ops::Range<usize>)>,
    /// The output lines, each ending in a newline.
    out: Vec<u8>,
    /// How many rows gave an error line.
    bad: usize,
}

impl Chunk {
    fn row_texts(&self) -> impl Iterator<Item = (usize, &str)> {
        self.rows
            .iter()
            .map(|(n, range)| (*n, self.text.get(range.clone()).unwrap_or_default()))
    }
}

/// What the workers share: how rows are read and written, and where the policy comes from.
struct Work<'a> {
    input: Format,
    output: Format,
    header: Option<&'a [String]>,
    opts: &'a Options,
    /// The policy as compiled once at the start (also the writer's, for the CSV header).
    policy: &'a Policy,
    /// Its document (None: the built-in policy), which each worker compiles again for itself.
    doc: Option<&'a serde_json::Value>,
}

impl Work<'_> {
    /// The worker's own copy of the policy. A policy shares its texts with the reports made from
    /// it (reference-counted), so workers evaluating with one copy each count those references
    /// on one shared cache line; with a copy each, they never touch each other's memory
    /// (with the one empty text per thread, 46.6k → 60.5k summaries/s on 2 threads). The same document compiles to the same policy.
    fn own_policy(&self) -> Option<Policy> {
        compile_policy(self.doc).ok()
    }

    fn evaluate(&self, chunk: &mut Chunk, policy: &Policy) {
        let mut out = std::mem::take(&mut chunk.out);
        out.clear();
        let mut bad = 0;
        for (line_no, line) in chunk.row_texts() {
            let ok = one_row(line_no, line, self, policy, &mut out);
            bad += usize::from(!ok);
        }
        chunk.out = out;
        chunk.bad = bad;
    }
}

pub fn batch(a: &Args, policy: &Policy, doc: Option<&serde_json::Value>) -> Result<(), String> {
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
        inner: reader,
        line_no: 0,
    };
    // A CSV file's first row names its columns: read it before the rows are shared out.
    let header = match input_format {
        Format::Csv => {
            let mut first = Chunk::default();
            lines.fill(&mut first, 1)?;
            let line = first.row_texts().next().map(|(_, line)| line);
            line.map(|l| csv::split(l.trim_start_matches('\u{feff}')))
                .transpose()?
        }
        Format::Jsonl => None,
    };
    if output_format == Format::Csv {
        writeln!(out, "{}", csv_header(policy)).map_err(|e| e.to_string())?;
    }
    let work = Work {
        input: input_format,
        output: output_format,
        header: header.as_deref(),
        opts: &a.opts,
        policy,
        doc,
    };
    let (mut done, mut bad) = (0usize, 0usize);
    // A pipeline: one thread reads chunks of rows, `threads` workers evaluate them, and this
    // thread writes the results in input order, so reading and writing overlap the evaluation.
    // WINDOW chunks go round (reader → a worker → writer → reader): the reader waits for one the
    // writer has written, so memory stays flat however long the input, and when the writer stops
    // (an error, a closed pipe) the reader stops with it.
    let window = threads * 4;
    let (chunks_tx, chunks_rx) = std::sync::mpsc::sync_channel::<Chunk>(window);
    let (results_tx, results_rx) = std::sync::mpsc::sync_channel::<Chunk>(window);
    let (free_tx, free_rx) = std::sync::mpsc::sync_channel::<Chunk>(window);
    for _ in 0..window {
        free_tx.send(Chunk::default()).map_err(|e| e.to_string())?;
    }
    let chunks_rx = std::sync::Mutex::new(chunks_rx);
    // Ok(true) when the output was closed before the end.
    let outcome = std::thread::scope(|s| -> Result<bool, String> {
        let reader = s.spawn(move || -> Result<(), String> {
            for index in 0.. {
                let Ok(mut chunk) = free_rx.recv() else { break };
                chunk.index = index;
                let read = lines.fill(&mut chunk, CHUNK);
                // The rows read before an error are still evaluated and written.
                if chunk.rows.is_empty() || chunks_tx.send(chunk).is_err() {
                    return read;
                }
                read?;
            }
            Ok(())
        });
        for _ in 0..threads {
            let (rx, tx, work) = (&chunks_rx, results_tx.clone(), &work);
            let worker = std::thread::Builder::new().stack_size(WORKER_STACK);
            let spawned = worker.spawn_scoped(s, move || {
                let own = work.own_policy();
                let policy = own.as_ref().unwrap_or(work.policy);
                loop {
                    let next = rx
                        .lock()
                        .map_err(|_| ())
                        .and_then(|r| r.recv().map_err(|_| ()));
                    let Ok(mut chunk) = next else { break };
                    work.evaluate(&mut chunk, policy);
                    if tx.send(chunk).is_err() {
                        break;
                    }
                }
            });
            // As `Scope::spawn` does: a thread the OS refuses is not a profile's error.
            if let Err(e) = spawned {
                panic!("cannot start a worker thread: {e}");
            }
        }
        drop(results_tx);
        // Owned here, so that leaving early (a write error, a closed pipe) lets the reader go.
        let free_tx = free_tx;
        let mut closed = false;
        // Chunks finish out of order: hold the early ones until their turn.
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0usize;
        'chunks: for chunk in results_rx {
            waiting.insert(chunk.index, chunk);
            while let Some(chunk) = waiting.remove(&next) {
                if let Err(e) = out.write_all(&chunk.out) {
                    // The reader of the output has had enough (`| head`): stop, quietly.
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        closed = true;
                        break 'chunks;
                    }
                    return Err(e.to_string());
                }
                done += chunk.rows.len();
                bad += chunk.bad;
                next += 1;
                // The reader may read one more chunk (it is gone if it stopped early).
                let _ = free_tx.send(chunk);
                if progress {
                    let rate = done as f64 / started.elapsed().as_secs_f64().max(1e-9);
                    eprint!("\r{done} profiles, {bad} bad rows, {rate:.0}/s   ");
                }
            }
        }
        // No more chunks come back: a reader still waiting for one stops.
        drop(free_tx);
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

/// The input's non-empty lines with their line numbers.
struct Lines<R> {
    inner: R,
    line_no: usize,
}

impl<R: BufRead> Lines<R> {
    /// Reads up to `max` non-empty lines into `chunk` (emptied first), as `BufRead::lines` gives
    /// them (without their "\n" or "\r\n"). An error (a line that is not UTF-8) ends the chunk
    /// with the rows read before it.
    fn fill(&mut self, chunk: &mut Chunk, max: usize) -> Result<(), String> {
        chunk.text.clear();
        chunk.rows.clear();
        while chunk.rows.len() < max {
            let start = chunk.text.len();
            match self.inner.read_line(&mut chunk.text) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    self.line_no += 1;
                    chunk.text.truncate(start);
                    return Err(format!("line {}: {e}", self.line_no));
                }
            }
            self.line_no += 1;
            let line = chunk.text.get(start..).unwrap_or_default();
            let line = line.strip_suffix('\n').unwrap_or(line);
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                chunk.text.truncate(start);
                continue;
            }
            let end = start + line.len();
            chunk.rows.push((self.line_no, start..end));
        }
        Ok(())
    }
}

/// Evaluates one input row and writes its output line (with its newline) to `out`; whether the
/// row was good.
fn one_row(line_no: usize, line: &str, work: &Work, policy: &Policy, out: &mut Vec<u8>) -> bool {
    let opts = work.opts;
    let failed = |e: credit_check::Error| {
        let first = e.first();
        (
            first.code.as_str().to_string(),
            first.path.clone(),
            first.message(opts.locale),
        )
    };
    let result = match work.input {
        // A BOM (an editor's or Excel's UTF-8 export) at the start of a line is not the profile's.
        // The text goes straight into the profile when plainly valid (the lean reader).
        Format::Jsonl => {
            engine::evaluate_text(line.trim_start_matches('\u{feff}'), policy, opts).map_err(failed)
        }
        Format::Csv => csv::split(line)
            .and_then(|cells| csv::row_to_profile(work.header.unwrap_or_default(), &cells))
            .map_err(|e| ("invalidCsv".to_string(), String::new(), e))
            .and_then(|p| engine::evaluate(&p, policy, opts).map_err(failed)),
    };
    let ok = result.is_ok();
    match (result, work.output) {
        (Ok(report), Format::Jsonl) => write_json(out, &report),
        (Ok(report), Format::Csv) => out.extend_from_slice(csv_row(line_no, &report, policy).as_bytes()),
        (Err((code, path, message)), Format::Jsonl) => out.extend_from_slice(
            serde_json::json!({ "line": line_no, "error": { "code": code, "path": path, "message": message } })
                .to_string()
                .as_bytes(),
        ),
        (Err(e), Format::Csv) => out.extend_from_slice(csv_error_row(line_no, policy, &e).as_bytes()),
    }
    out.push(b'\n');
    ok
}

/// The report's JSON text (`credit_check::to_json`'s bytes), written straight into `out`.
fn write_json(out: &mut Vec<u8>, report: &Report) {
    let start = out.len();
    if serde_json::to_writer(&mut *out, report).is_err() {
        // As `to_json` has it: an empty line, not half a report.
        out.truncate(start);
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
