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

pub mod lang;

pub use lang::{LANG_ENV, Lang};

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
    /// The runtime's thread never came back to the scheduler, and the kernel
    /// said why the whole time the watchdog looked: it was asleep waiting on
    /// a lock (a futex), not running. A blocking wait nothing on the thread
    /// can end: most often a `std::sync::Mutex` the thread already holds,
    /// locked again (Linux only: elsewhere this is [`Cause::NeverYields`]).
    BlockedForever,
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
            Cause::BlockedForever => "blocked-forever",
            Cause::Blocked => "blocked",
            Cause::ClockStuck => "clock-stuck",
            Cause::NeverReturns => "never-returns",
            Cause::NeverTurns => "never-turns",
        }
    }

    fn from_code(code: &str) -> Option<Cause> {
        [
            Cause::NeverYields,
            Cause::BlockedForever,
            Cause::Blocked,
            Cause::ClockStuck,
            Cause::NeverReturns,
            Cause::NeverTurns,
        ]
        .into_iter()
        .find(|c| c.code() == code)
    }

    /// What a learner is told, after "the watchdog stopped this test": what
    /// was seen, its likely causes, and what to do instead, in `lang`.
    pub fn explanation(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.english(),
            Lang::Ko => self.korean(),
        }
    }

    fn english(self) -> &'static str {
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
            Cause::BlockedForever => {
                "the runtime's only thread never came back to the scheduler: it was \
                 blocked, asleep in the kernel waiting on a lock (a futex) every time the \
                 watchdog looked, so no task could run and no timer fire, not even the \
                 virtual-time deadline. A blocking wait that nothing on this thread can end. Most often a \
                 `std::sync::Mutex` locked a second time by the thread that already holds it \
                 (std's lock is not reentrant: the second `lock()` never returns), for \
                 instance a method that holds the guard and calls another method that locks \
                 again; lock once, and pass the guarded data to a helper. Or a \
                 `std::sync::Mutex` guard held across an `.await` while another task on this \
                 thread waits for it, a std channel's `recv` or a thread's `join` that waits \
                 for this thread, a `futures::executor::block_on` of a task of this runtime. \
                 Never block the runtime's thread on something it must itself provide: await \
                 instead (a `tokio::sync` lock or channel), or release the guard first."
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

    /// [`english`](Cause::english) in Korean, in the glossary's words
    /// (`docs/glossary.ko.md`): 합니다체, code in backticks.
    fn korean(self) -> &'static str {
        match self {
            Cause::NeverYields => {
                "지켜보는 내내 런타임의 유일한 스레드가 스케줄러로 한 번도 돌아오지 \
                 않았습니다. 보낸 프로브 태스크를 하나도 실행하지 못했으니 가상 시간의 데드라인조차 \
                 발동할 수 없었습니다. 이 스레드에서 도는 무언가가 양보하지 않습니다. `.await`가 \
                 없는 루프, `.await`가 한 번도 pending이 되지 않는 루프(`poll!`이나 \
                 `now_or_never` 루프, 언제나 준비된 것에 대한 `.await`), atomic 변수를 보며 도는 \
                 스핀일 수 있습니다. 또는 블로킹 호출입니다. 끝나지 않는 호출 하나이거나, 사이에 \
                 pending인 `.await` 없이 이어지는 여러 호출입니다(실제 `std::thread::sleep`, std \
                 채널의 `recv`, 스레드의 join, 다른 태스크가 기다리는데 `.await`를 넘어서까지 \
                 잡고 있는 `std::sync::Mutex` 가드). 대신 pending이 되는 것을 await하십시오(타이머, \
                 채널, `Notify`). 아니면 블로킹 호출을 `tokio::task::spawn_blocking`으로 \
                 옮기십시오."
            }
            Cause::BlockedForever => {
                "런타임의 유일한 스레드가 스케줄러로 한 번도 돌아오지 않았습니다. 워치독이 볼 \
                 때마다 스레드가 블로킹되어, 커널에서 락(futex)을 기다리며 잠들어 있었습니다. 그래서 \
                 태스크도, 타이머도, 가상 시간의 데드라인조차 실행될 수 없었습니다. 이 스레드에 있는 \
                 무엇도 끝낼 수 없는 블로킹 대기입니다. 가장 흔한 것은 이미 락을 잡고 있는 스레드가 다시 \
                 락을 잡으려는 `std::sync::Mutex`입니다(std의 락은 재진입할 수 없어서 두 번째 `lock()`은 \
                 반환하지 않습니다). 예를 들어 가드를 쥔 채, 다시 락을 잡는 다른 메서드를 호출하는 \
                 메서드입니다. 락은 한 번만 잡고, 보호되는 데이터를 헬퍼 함수에 넘기십시오. 아니면 이 \
                 스레드의 다른 태스크가 기다리는데 `.await`를 넘어서까지 잡고 있는 \
                 `std::sync::Mutex` 가드, 이 스레드를 기다리는 std 채널의 `recv`나 스레드의 `join`, \
                 이 런타임의 태스크에 대한 `futures::executor::block_on`입니다. 런타임의 스레드가 \
                 스스로 내놓아야 할 것을 기다리며 그 스레드를 블로킹하지 마십시오. 대신 \
                 await하거나(`tokio::sync`의 락이나 채널), 가드를 먼저 놓으십시오."
            }
            Cause::Blocked => {
                "런타임의 유일한 스레드가 이따금 스케줄러로 돌아왔지만, 매번 오래 기다린 \
                 뒤였습니다. 보낸 프로브 태스크들이 그 스레드를 기다렸습니다. `.await` 사이의 블로킹 \
                 호출(실제 `std::thread::sleep`, 블로킹 읽기, CPU를 많이 쓰는 일)이 스레드를 붙잡고 \
                 있고, 그동안 다른 태스크와 타이머는 모두 기다립니다. 멈춘 시계는 이런 호출을 보지 \
                 못하므로, 이 호출들은 가상 시간이 아니라 실제 시간을 씁니다. \
                 `tokio::time::sleep(..).await`를 쓰거나, 블로킹 호출을 \
                 `tokio::task::spawn_blocking`으로 옮기십시오."
            }
            Cause::ClockStuck => {
                "런타임은 보낸 프로브 태스크를 모두 곧바로 실행했습니다. 스레드는 비어 있었는데도 \
                 테스트가 끝나지 않았습니다. 런타임이 한 번도 유휴 상태가 되지 않아 멈춘 시계가 \
                 움직이지 못했고, 데드라인도 오지 않았습니다. 스스로를 계속 깨우는 루프일 가능성이 \
                 큽니다(시계가 어떤 시각에 닿을 때까지 `yield_now`를 호출하는 루프, 플래그를 \
                 poll하는 루프). 기다리는 대상 자체를 await하십시오. 타이머, 채널, `Notify`, \
                 `JoinHandle`이 그런 대상입니다. 아니면 tokio 타이머를 기다리는 `spawn_blocking` \
                 클로저일 수 있습니다(sleep에 대한 `Handle::block_on`). 블로킹 풀의 일이 도는 동안 \
                 tokio는 멈춘 시계를 붙잡아 두므로, 그 타이머는 실제 시계에서라면 울리겠지만 \
                 여기서는 울리지 않습니다."
            }
            Cause::NeverReturns => {
                "테스트 중인 동기 코드가 끝내 반환하지 않았습니다. 런타임을 구동하는 쪽이 없는 \
                 `block_on`이 영원히 기다리고 있을 가능성이 큽니다. 싱글 스레드 런타임은 \
                 `Runtime::block_on` 안에서만 태스크와 타이머를 실행하므로, `JoinHandle`에 대한 \
                 `Handle::block_on`(또는 `futures::executor::block_on`)으로는 런타임을 구동할 수 \
                 없습니다. 아니면 끝나지 않는 루프입니다."
            }
            Cause::NeverTurns => {
                "executor의 루프가 리액터로 한 번도 돌아오지 않았습니다. `reactor.turn()`을 \
                 호출하지 않고 태스크가 준비되기를 기다리는 루프일 가능성이 큽니다. 이벤트를 \
                 일으키고 태스크를 깨우는 것은 `reactor.turn()`뿐입니다."
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
    use crate::lang::has_hangul;

    #[test]
    fn every_cause_is_explained_in_english_and_in_korean() {
        let causes = [
            Cause::NeverYields,
            Cause::BlockedForever,
            Cause::Blocked,
            Cause::ClockStuck,
            Cause::NeverReturns,
            Cause::NeverTurns,
        ];
        for cause in causes {
            let (en, ko) = (cause.explanation(Lang::En), cause.explanation(Lang::Ko));
            assert!(en.starts_with("the ") && !has_hangul(en), "{en}");
            // 합니다체 (a statement or a -십시오), code in whole backtick spans.
            assert!(
                has_hangul(ko) && (ko.ends_with("니다.") || ko.ends_with("시오.")),
                "{ko}"
            );
            assert_eq!(ko.matches('`').count() % 2, 0, "{ko}");
            assert!(!ko.contains("  "), "{ko}");
        }
    }

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
