//! Writes the precompiled built-in policy that the lean wasm module embeds (`credit_check::pack`):
//! `cargo run --example pack_builtin -- <file>`; scripts/build.sh runs it before the lean build.

fn main() {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: pack_builtin <file>");
        std::process::exit(2);
    };
    let bytes = match credit_check::builtin_pack() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("the built-in policy does not compile: {e:?}");
            std::process::exit(1);
        }
    };
    // Written only when it changes, so that the lean build is not redone for nothing.
    if std::fs::read(&out).ok().as_deref() != Some(bytes.as_slice()) {
        if let Err(e) = std::fs::write(&out, &bytes) {
            eprintln!("{}: {e}", out.to_string_lossy());
            std::process::exit(1);
        }
    }
}
