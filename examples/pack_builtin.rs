//! Writes the precompiled built-in policy that the lean wasm module embeds (`credit_check::pack`)
//! and the English texts it loads when a page switches to English:
//! `cargo run --example pack_builtin -- <pack file> [<English texts file>]`; scripts/build.sh runs
//! it before the lean build.

fn main() {
    let mut args = std::env::args_os().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: pack_builtin <pack file> [<English texts file>]");
        std::process::exit(2);
    };
    let packed = match credit_check::builtin_pack() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("the built-in policy does not compile: {e:?}");
            std::process::exit(1);
        }
    };
    write(&out, &packed.main);
    if let Some(english) = args.next() {
        write(&english, &packed.english);
    }
}

/// Written only when it changes, so that the lean build is not redone for nothing.
fn write(out: &std::ffi::OsStr, bytes: &[u8]) {
    if std::fs::read(out).ok().as_deref() != Some(bytes) {
        if let Err(e) = std::fs::write(out, bytes) {
            eprintln!("{}: {e}", out.to_string_lossy());
            std::process::exit(1);
        }
    }
}
