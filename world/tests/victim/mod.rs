//! A hang on purpose, run where it can do no harm: the watchdog ends the
//! process it bites, so each hang runs in a child (this same test binary,
//! running one ignored "victim" test) with a short limit. Shared by the
//! harness's tests and the Korean ones.

use std::process::{Command, Output};

use world::WATCHDOG_LIMIT_ENV;

/// The watchdog's limit in the victims' runs. Its probe window is the
/// last three quarters of it (600 ms), and a probe that waits a sixth of
/// that (100 ms) shows a blocked thread: long enough that a loaded
/// machine's scheduling delays never pass for blocking.
pub const LIMIT_MS: u64 = 800;

/// Runs the ignored test `victim` in a child, alone, with `env` set too.
pub fn run(victim: &str, env: &[(&str, &str)]) -> Output {
    Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", victim, "--test-threads=1"])
        .env(WATCHDOG_LIMIT_ENV, LIMIT_MS.to_string())
        .envs(env.iter().copied())
        .output()
        .unwrap()
}
