//! verify's lanes: a scratch copy of the workspace per core and one more,
//! so that the kata's tests run for several answers at once.
//!
//! Testing an answer is a small build (the kata and its test binary) and a
//! run of milliseconds; a kata keeps thirty answers and more, and the
//! twenty-three katas nearly nine hundred. One at a time, that is most of
//! CI's time; on two cores, two lanes halve it, and a third takes a tenth
//! off again: a lane whose answer waits (on the watchdog, on a real-time
//! hold) leaves its core to the others (`cargo kata verify deadlock`: 25.6
//! and 24.8 s with two lanes, 22.9 and 22.2 s with three, 22.2 and 21.8 s
//! with four). Each lane is a [`Scratch`] of its own (its copy and its
//! target directory, kept from run to run and seeded from `target/`), so
//! that an answer spliced into one lane's kata file is never built by
//! another. The jobs are taken in order by whichever lane is free,
//! and their lines printed in order, so the output reads as it would one at
//! a time.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::scratch::Scratch;
use crate::workspace::Workspace;

/// Sets how many lanes verify opens (default: one per core and one more,
/// at most [`MOST`]); 1 runs every job in turn.
pub const LANES_ENV: &str = "KATA_VERIFY_LANES";

/// More lanes than this would only wait on each other's builds.
const MOST: usize = 4;

/// Opens the lanes: `target/verify`, then `target/verify-2` and on.
pub(super) fn open(workspace: &Workspace) -> Result<Vec<Scratch>> {
    let wanted = std::env::var(LANES_ENV)
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from) + 1)
        .clamp(1, MOST);
    let target = workspace.target_dir();
    (1..=wanted)
        .map(|n| {
            let build_dir = match n {
                1 => target.join("verify"),
                n => target.join(format!("verify-{n}")),
            };
            Scratch::copy_of(workspace.root(), &target, &build_dir)
        })
        .collect()
}

/// Runs every job with `judge` on the first free lane, and hands each
/// result, with how long it took, to `record`, in the jobs' order.
pub(super) fn run<J: Sync>(
    lanes: &[Scratch],
    jobs: &[J],
    judge: impl Fn(&Scratch, &J) -> Result<String> + Sync,
    mut record: impl FnMut(&J, Result<String>, Duration),
) {
    let next = AtomicUsize::new(0);
    let (done, results) = mpsc::channel();
    std::thread::scope(|scope| {
        for lane in lanes {
            let (next, done, judge) = (&next, done.clone(), &judge);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(index) else { break };
                    let started = Instant::now();
                    let result = judge(lane, job);
                    if done.send((index, result, started.elapsed())).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done);
        // Results come in the order they finish; lines go out in the jobs'.
        let mut waiting: Vec<Option<(Result<String>, Duration)>> =
            jobs.iter().map(|_| None).collect();
        let mut printed = 0;
        for (index, result, took) in results {
            waiting[index] = Some((result, took));
            while let Some((result, took)) = waiting.get_mut(printed).and_then(Option::take) {
                record(&jobs[printed], result, took);
                printed += 1;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_is_judged_once_and_recorded_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("target")).unwrap();
        let target = root.join("target");
        let lanes: Vec<Scratch> = (1..=3)
            .map(|n| Scratch::copy_of(root, &target, &target.join(format!("verify-{n}"))).unwrap())
            .collect();
        let jobs: Vec<u64> = (0..20).collect();
        let mut recorded = Vec::new();
        run(
            &lanes,
            &jobs,
            |_, job| {
                // Later jobs finish first: the order must come from the jobs.
                std::thread::sleep(Duration::from_millis(20 - job));
                Ok(job.to_string())
            },
            |job, result, _| recorded.push((*job, result.unwrap())),
        );
        let expected: Vec<(u64, String)> = jobs.iter().map(|j| (*j, j.to_string())).collect();
        assert_eq!(recorded, expected);
    }
}
