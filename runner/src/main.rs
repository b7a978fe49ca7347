//! `cargo kata`: a thin binary over the runner's library (`lib.rs`), where
//! the commands, and what the runner's tests share with them, live.

fn main() -> std::process::ExitCode {
    kata_runner::main()
}
