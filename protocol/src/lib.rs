//! How a kata test and the `cargo kata` runner agree on what happened.
//!
//! A failing kata test prints things for the learner: the reference
//! timeline beside theirs, or the watchdog's account of a hang. The runner
//! reads the same output to show each step's verdict. If it found those
//! parts by their wording, rewording or translating a sentence would break
//! `cargo kata check`. So each part is framed by a **marker line** that a
//! program reads and a person can skip:
//!
//! ```text
//! @kata timeline-begin test=step2_gather
//! ...the two timelines, for the learner...
//! @kata timeline-end
//! @kata stopped test=step3_invoices cause=never-yields
//! @kata todo test=step1_one_after_another
//! @kata snapshot-differs test=step2_gather
//! ```
//!
//! A marker line is `@kata`, a kind, then `key=value` words (values hold no
//! spaces). Everything a learner reads sits between or after markers and is
//! free to change. The world (`world/src/harness.rs`) writes markers with
//! [`Marker`]'s `Display`; the runner (`runner/src/libtest.rs`) reads them
//! with [`Marker::parse`]. This crate has no dependencies, so the runner can
//! use it without building tokio.
//!
//! [`kata`] is the other half of the contract: where a kata's parts live
//! and what they are named, for `cargo kata new`, `verify`, the runner's
//! commands and the world's harness alike.

use std::fmt;

pub mod kata;

/// What every marker line starts with.
pub const PREFIX: &str = "@kata";

/// The environment variable that sets the harness's real-time watchdog
/// limit, in milliseconds (default 3 s). Tests of the harness and of the
/// runner set it short to make a hang cheap to prove.
pub const WATCHDOG_LIMIT_ENV: &str = "KATA_WATCHDOG_MS";

/// The environment variable that runs step tests on tokio's real clock
/// instead of the paused one, comparing each timeline with its snapshot
/// within a tolerance rather than asserting it (`.ci/real-clock`; see
/// `world/src/real_clock.rs`). Set to anything but empty or `0`.
pub const REAL_CLOCK_ENV: &str = "KATA_REAL_CLOCK";

/// The environment variable that limits the world's test of the stored
/// snapshots (`world/tests/snapshots.rs`) to one kata's: its lib name
/// (`spawn_vs_join`). `verify` sets it; unset, every snapshot is read.
pub const SNAPSHOTS_OF_ENV: &str = "KATA_SNAPSHOTS_OF";

/// One marker line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Marker {
    /// The side-by-side timelines of a failing test begin on the next line.
    TimelineBegin { test: String },
    /// The side-by-side timelines end here.
    TimelineEnd,
    /// The real-time watchdog stopped the test binary while `test` ran.
    Stopped { test: String, cause: Cause },
    /// `test` failed at a `todo!()` still in place: a step not yet written.
    /// The harness says so, so that no reader of its output depends on
    /// std's wording of that panic.
    Todo { test: String },
    /// `test`'s snapshot assertion failed: what it recorded differs from
    /// the reference snapshot. The harness says so, so that no reader
    /// depends on insta's wording.
    SnapshotDiffers { test: String },
}

/// Why the watchdog stopped a test: the ways an answer defeats the
/// virtual-time deadline, each named by what the watchdog saw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// The runtime's thread never came back to the scheduler while the
    /// watchdog probed it: code that never yields (a loop with no `.await`,
    /// or whose `.await`s are never pending; a spin on an atomic), or
    /// blocking calls with no pending `.await` between them (a real sleep, a
    /// std channel's `recv`, `JoinHandle::join` of a thread).
    NeverYields,
    /// The runtime's thread came back to the scheduler, but only after long
    /// waits: blocking calls between `.await`s (a real sleep, a blocking
    /// call, CPU-heavy work) held it, one after another.
    Blocked,
    /// The runtime ran every probe at once, so its thread was free, but it
    /// never went idle, so the paused clock never moved: something wakes
    /// itself over and over (a loop of `yield_now` waiting for the clock to
    /// reach a time), or blocking-pool work never ends.
    ClockStuck,
    /// Synchronous kata code (no task to probe) never returned: most often
    /// a `block_on` that nothing drives.
    NeverReturns,
    /// A learner's own executor (no tokio runtime) never came back to the
    /// world's reactor: its loop waits for a task to become ready without
    /// ever turning the reactor, which alone fires events.
    NeverTurns,
}

impl Cause {
    /// The word a marker line uses for it.
    pub fn code(self) -> &'static str {
        match self {
            Cause::NeverYields => "never-yields",
            Cause::Blocked => "blocked",
            Cause::ClockStuck => "clock-stuck",
            Cause::NeverReturns => "never-returns",
            Cause::NeverTurns => "never-turns",
        }
    }

    fn from_code(code: &str) -> Option<Cause> {
        [
            Cause::NeverYields,
            Cause::Blocked,
            Cause::ClockStuck,
            Cause::NeverReturns,
            Cause::NeverTurns,
        ]
        .into_iter()
        .find(|c| c.code() == code)
    }

    /// What a learner is told, after "the watchdog stopped this test": what
    /// was seen, its likely causes, and what to do instead.
    pub fn explanation(self) -> &'static str {
        match self {
            Cause::NeverYields => {
                "the runtime's only thread never came back to the scheduler while the \
                 watchdog watched: it ran none of the probe tasks sent to it, so not even the \
                 virtual-time deadline could fire. Something on it never yields: a loop with \
                 no `.await`, or whose `.await`s are never pending (a `poll!` or \
                 `now_or_never` loop, an `.await` on something always ready), a spin on an \
                 atomic; or blocking calls, one that never returns or several in a row with \
                 no pending `.await` between them (a real `std::thread::sleep`, a std \
                 channel's `recv`, joining a thread, a `std::sync::Mutex` guard held across \
                 an `.await` while another task waits for it). Await something that is \
                 pending instead (a timer, a channel, a `Notify`), or move the blocking call \
                 to `tokio::task::spawn_blocking`."
            }
            Cause::Blocked => {
                "the runtime's only thread came back to the scheduler now and then, but \
                 only after long waits: the probe tasks sent to it waited for it. Blocking \
                 calls between `.await`s hold it (a real `std::thread::sleep`, a blocking \
                 read, CPU-heavy work), and every other task and timer waits meanwhile; the \
                 paused clock cannot see them, so they take real time, not virtual. Use \
                 `tokio::time::sleep(..).await`, or move the blocking call to \
                 `tokio::task::spawn_blocking`."
            }
            Cause::ClockStuck => {
                "the runtime ran every probe task sent to it at once, so its thread was \
                 free, yet the test did not end: the runtime never went idle, so the paused \
                 clock could not move and the deadline never came. Likely a loop that keeps \
                 waking itself (`yield_now` until the clock reaches some time, a poll loop \
                 on a flag): await the thing you are waiting for, a timer, a channel, a \
                 `Notify`, a `JoinHandle`. Or a `spawn_blocking` closure that waits for a \
                 tokio timer (`Handle::block_on` of a sleep): tokio holds the paused clock \
                 still while blocking-pool work runs, so that timer never fires here, though \
                 on a real clock it would."
            }
            Cause::NeverReturns => {
                "the synchronous code under test never returned. Likely a block_on that \
                 nothing drives, which waits for ever: a current_thread runtime runs its \
                 tasks and timers only inside Runtime::block_on, so Handle::block_on (or \
                 futures::executor::block_on) on a JoinHandle cannot drive it. Or a loop \
                 that never ends."
            }
            Cause::NeverTurns => {
                "the executor's loop never came back to the reactor. Likely a loop that \
                 waits for a task to become ready without calling `reactor.turn()`, the \
                 only thing that fires events and wakes tasks."
            }
        }
    }
}

impl fmt::Display for Marker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Marker::TimelineBegin { test } => write!(f, "{PREFIX} timeline-begin test={test}"),
            Marker::TimelineEnd => write!(f, "{PREFIX} timeline-end"),
            Marker::Stopped { test, cause } => {
                write!(f, "{PREFIX} stopped test={test} cause={}", cause.code())
            }
            Marker::Todo { test } => write!(f, "{PREFIX} todo test={test}"),
            Marker::SnapshotDiffers { test } => write!(f, "{PREFIX} snapshot-differs test={test}"),
        }
    }
}

impl Marker {
    /// The marker on `line`, if it is one (surrounding blanks allowed, as
    /// when the runner indents a block).
    pub fn parse(line: &str) -> Option<Marker> {
        let mut words = line.trim().split(' ');
        if words.next()? != PREFIX {
            return None;
        }
        let kind = words.next()?;
        let mut test = None;
        let mut cause = None;
        for word in words {
            match word.split_once('=')? {
                ("test", value) => test = Some(value.to_owned()),
                ("cause", value) => cause = Some(Cause::from_code(value)?),
                _ => return None,
            }
        }
        match kind {
            "timeline-begin" => Some(Marker::TimelineBegin { test: test? }),
            "timeline-end" => Some(Marker::TimelineEnd),
            "stopped" => Some(Marker::Stopped {
                test: test?,
                cause: cause?,
            }),
            "todo" => Some(Marker::Todo { test: test? }),
            "snapshot-differs" => Some(Marker::SnapshotDiffers { test: test? }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_marker_reads_back_as_written() {
        let markers = [
            Marker::TimelineBegin {
                test: "step2_gather".into(),
            },
            Marker::TimelineEnd,
            Marker::Stopped {
                test: "step1".into(),
                cause: Cause::NeverYields,
            },
            Marker::Stopped {
                test: "step1".into(),
                cause: Cause::Blocked,
            },
            Marker::Stopped {
                test: "step1".into(),
                cause: Cause::ClockStuck,
            },
            Marker::Stopped {
                test: "step1".into(),
                cause: Cause::NeverReturns,
            },
            Marker::Stopped {
                test: "step1".into(),
                cause: Cause::NeverTurns,
            },
            Marker::Todo {
                test: "step1".into(),
            },
            Marker::SnapshotDiffers {
                test: "step2_gather".into(),
            },
        ];
        for marker in markers {
            let line = marker.to_string();
            assert_eq!(Marker::parse(&line), Some(marker), "{line}");
            assert!(Marker::parse(&format!("    {line}  ")).is_some());
        }
    }

    #[test]
    fn sentences_and_unknown_words_are_not_markers() {
        for line in [
            "The timeline of `step2_gather` differs from the reference.",
            "@kata",
            "@kata timeline-begin",
            "@kata stopped test=x cause=sleepy",
            "@kata wobble test=x",
            "@kata todo",
            "@kata snapshot-differs",
            "@katas timeline-end",
        ] {
            assert_eq!(Marker::parse(line), None, "{line}");
        }
    }
}
