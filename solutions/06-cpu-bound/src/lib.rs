//! # Kata 06: cpu bound (the reference answer)
//!
//! > Why does CPU-bound work freeze the event loop, and what do you do?
//!
//! A task gives the runtime thread back only at an `.await` that is
//! pending. A computation has no `.await` in it: while it runs, the thread
//! runs nothing else, so every other task on it (here a heartbeat that
//! should beat every 100 ms) waits for the whole computation. Two cures:
//! move the work off the runtime thread (`spawn_blocking`: a pool thread
//! computes while the runtime runs on, and the task awaits the result), or
//! keep it on the runtime but cut it into pieces with a `yield_now().await`
//! between them, so the other tasks run between pieces, at most one piece
//! late, and the job itself takes longer.

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
    // No `.await`: nothing else runs on this thread for 500 ms.
    cpu.crunch(JOB)
}

/// Step 2: the fix: crunch the job on tokio's blocking pool and await the
/// result.
pub async fn off_the_runtime(cpu: &Cpu) -> u128 {
    // The closure may outlive this call (`'static`): it gets its own handle
    // on the CPU. Awaiting the `JoinHandle` frees the runtime thread while
    // a pool thread computes.
    let cpu = cpu.clone();
    tokio::task::spawn_blocking(move || cpu.crunch(JOB))
        .await
        .expect("the job panicked")
}

/// Step 3: the other fix: crunch the job on the runtime thread, a piece at
/// a time, and let the other tasks run between pieces.
pub async fn chopped(cpu: &Cpu) -> u128 {
    let mut sum = 0;
    for start in JOB.step_by(PIECE as usize) {
        let end = (start + PIECE).min(JOB.end);
        sum += cpu.crunch(start..end);
        // Back of the queue: the heartbeat, due meanwhile, beats now.
        tokio::task::yield_now().await;
    }
    sum
}
