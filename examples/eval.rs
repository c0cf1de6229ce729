fn main() {
    let path = std::env::args().nth(1).expect("profile path");
    let text = std::fs::read_to_string(path).expect("read");
    let opts = credit_check::Options {
        locale: credit_check::Locale::En,
        ..Default::default()
    };
    match credit_check::evaluate_str(&text, &opts, None) {
        Ok(s) => println!("{s}"),
        Err(e) => println!("ERR {e}"),
    }
}
