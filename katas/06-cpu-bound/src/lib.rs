//! # Kata 06: cpu bound
//!
//! > Why does CPU-bound work freeze the event loop, and what do you do?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p cpu-bound` checks them, and draws what ran when.
//!
//! Every function gets a handle on the simulated CPU. `cpu.crunch(range)`
//! is a synchronous computation, the sum of the squares of `range`, that
//! holds its thread for 100 ms per million numbers. While each step's job
//! runs, a heartbeat task tries to beat every 100 ms.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use std::ops::Range;

use world::Cpu;

/// The job: the sum of the squares of the first five million numbers,
/// 500 ms of CPU.
pub const JOB: Range<u64> = 0..5_000_000;

/// How many numbers one piece of step 3 crunches: 50 ms of CPU.
pub const PIECE: u64 = 500_000;

/// Step 1: the mistake, on purpose: crunch the whole job right here, on the
/// runtime thread.
pub async fn inline(cpu: &Cpu) -> u128 {
    todo!("step 1: crunch the whole JOB in one call, right here; see README step 1")
}

/// Step 2: the fix: crunch the job off the runtime thread and await the
/// result.
pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    todo!("step 2: crunch the JOB on tokio's blocking pool and await it; see README step 2")
}

/// Step 3: the other fix: crunch the job on the runtime thread, a piece at
/// a time, and let the other tasks run between pieces.
pub async fn chopped(cpu: &Cpu) -> u128 {
    todo!("step 3: crunch JOB piece by piece, yielding between pieces; see README step 3")
}
