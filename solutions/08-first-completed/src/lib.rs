//! # Kata 08: first completed (the reference answer)
//!
//! > Wait for the first of several tasks. And the rest?
//!
//! Python's `asyncio.wait(..., return_when=FIRST_COMPLETED)` hands back the
//! finished tasks and leaves the others running; what happens to them is
//! the caller's choice. tokio gives each choice its own tool. `select!`
//! polls its branches in the current task and returns with the first to
//! finish, *dropping* the others: they are cancelled where they last
//! paused (step 1), and `biased;` makes a tie go to the branch written
//! first instead of a random one (step 2). A `JoinSet` owns spawned tasks
//! and hands back each result as it finishes with `join_next` (step 3).
//! And in a loop, a branch that `select!` drops every turn must be
//! cancel-safe, or what it had half-read is lost (step 4).

use std::pin::pin;
use std::time::Duration;

use tokio::task::JoinSet;
use world::{Console, Feed, Job};

/// Step 1: run three jobs at once; answer with the first to finish, and
/// cancel the other two.
pub async fn first_completed(a: &Job, b: &Job, c: &Job) -> String {
    // The three futures are polled by this task; when one is ready, select!
    // drops the other two, which cancels them at their last `.await`.
    tokio::select! {
        biased;
        report = a.run() => report,
        report = b.run() => report,
        report = c.run() => report,
    }
}

/// Step 2: a hedged request: ask the primary and the backup at once, take
/// whichever answers first, and the primary's answer when both are ready
/// at the same instant.
pub async fn hedged(primary: &Job, backup: &Job) -> String {
    // Without `biased;`, select! starts polling at a random branch, so a tie
    // goes to either. With it, branches are polled in the order written.
    tokio::select! {
        biased;
        report = primary.run() => report,
        report = backup.run() => report,
    }
}

/// Step 3: run every job at once and print each report as soon as its job
/// finishes; answer the reports in the order they came.
pub async fn first_then_the_rest(jobs: Vec<Job>, console: &Console) -> Vec<String> {
    let mut tasks = JoinSet::new();
    for job in jobs {
        tasks.spawn(async move { job.run().await });
    }
    let mut reports = Vec::new();
    // join_next answers in the order the tasks finish, not the order they
    // were spawned; the ones not yet finished keep running meanwhile.
    while let Some(joined) = tasks.join_next().await {
        let report = joined.expect("a job panicked");
        console.print(&report);
        reports.push(report);
    }
    reports
}

/// Step 4: read every message of the feed until it closes, while a
/// heartbeat ticks every `every` (its first tick at once). Answer the
/// messages in order, and how many heartbeats ticked.
pub async fn consume(feed: &Feed, every: Duration) -> (Vec<String>, u32) {
    let mut heartbeat = tokio::time::interval(every);
    let mut beats = 0;
    let mut messages = Vec::new();
    // `next_message` is not cancel-safe: dropped mid-decode, it loses the
    // frame it took. So the one future lives across the turns of the loop
    // (`&mut next` only borrows it); when the heartbeat wins, it is left
    // where it was, and the next turn resumes it.
    let mut next = pin!(feed.next_message());
    loop {
        tokio::select! {
            biased;
            message = &mut next => match message {
                Some(message) => {
                    messages.push(message);
                    next.set(feed.next_message());
                }
                None => return (messages, beats),
            },
            _ = heartbeat.tick() => beats += 1,
        }
    }
}
