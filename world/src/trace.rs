//! What was recorded, and the questions a test asks of it.
//!
//! The order of a trace must not depend on luck. Events from the runtime
//! thread arrive in tokio's poll order, but a blocking-pool thread records
//! whenever the OS runs it, and the tasks it wakes then run in that order
//! too. Many events also share one virtual instant (ten tasks all start at
//! +0 ms). So a [`Trace`] orders events by time, and the events of one
//! instant by actor: all of one actor's events at that instant stay together,
//! in the order it recorded them (cause before effect), and the actors are
//! ordered so that the usual causes come first:
//!
//! 1. work off the runtime thread (what the runtime is waiting for),
//! 2. actors whose first event at that instant ends something,
//! 3. the rest (what starts because something ended),
//!
//! ties broken by name in natural order ("inc 2" before "inc 10").

use std::cmp::Ordering;
use std::time::Duration;

use tokio::task::Id as TaskId;

/// The kind of thread an event was recorded on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thread {
    /// The thread that drives the runtime's tasks: the one that must never
    /// block.
    Runtime,
    /// A thread of tokio's blocking pool (`spawn_blocking`), or any other
    /// thread running inside a tokio runtime.
    Pool,
    /// A thread tokio knows nothing of (`std::thread::spawn`). The paused
    /// clock does not wait for it: with every task waiting, it jumps to the
    /// next timer while such a thread still works.
    Foreign,
}

/// How a span is drawn, and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// A call doing its work or waiting on I/O without blocking anyone.
    Work,
    /// A read of shared state.
    Read,
    /// A write of shared state.
    Write,
    /// A synchronous call that held the runtime thread: nothing else ran.
    Blocked,
    /// A synchronous call that ran on a blocking-pool thread, off the runtime.
    Pool,
}

impl Fill {
    /// The character that fills the span's bar.
    pub fn glyph(self) -> char {
        match self {
            Fill::Work => '=',
            Fill::Read => 'r',
            Fill::Write => 'w',
            Fill::Blocked => '#',
            Fill::Pool => '~',
        }
    }

    /// What the glyph means, for the legend under a timeline.
    pub fn meaning(self) -> &'static str {
        match self {
            Fill::Work => "running or awaiting",
            Fill::Read => "read",
            Fill::Write => "write",
            Fill::Blocked => "blocked the runtime thread",
            Fill::Pool => "off the runtime thread (blocking pool or a thread of its own)",
        }
    }

    pub(crate) const ALL: [Fill; 5] = [
        Fill::Work,
        Fill::Read,
        Fill::Write,
        Fill::Blocked,
        Fill::Pool,
    ];
}

/// One thing that happened, at an offset from the start of the world.
#[derive(Clone, Debug)]
pub struct Event {
    pub at: Duration,
    pub actor: String,
    pub kind: Kind,
    /// The thread it was recorded on.
    pub thread: Thread,
    /// The tokio task it was recorded in: `None` outside any task (in the
    /// test's own body, which `block_on` polls, or on a blocking thread).
    pub task: Option<TaskId>,
    /// Recording order: one actor's events stay in cause-effect order.
    pub(crate) seq: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Start {
        label: String,
        fill: Fill,
    },
    End {
        label: String,
        detail: Option<String>,
    },
    /// The call ended with an error it returned.
    Failed {
        label: String,
        error: String,
    },
    /// The span's future was dropped before it finished: it was cancelled
    /// (a timeout, a lost `select!`, an aborted task, a dropped future).
    Dropped {
        label: String,
    },
    /// The span's code panicked: it was dropped while its thread unwound.
    Panicked {
        label: String,
    },
    /// Cleanup code ran in a `Drop`, the only cleanup a cancelled future
    /// gets: there is no async drop.
    Cleanup(String),
    Note(String),
}

/// How a span ended, which its last column shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Not yet: still running when the trace was taken (`>`).
    Open,
    /// It finished (`]`).
    Done,
    /// It returned an error (`!`).
    Failed,
    /// It was dropped before it finished (`x`).
    Cancelled,
    /// It panicked (`*`).
    Panicked,
}

impl Ending {
    /// The character that closes the span's bar.
    pub fn glyph(self) -> char {
        match self {
            Ending::Open => '>',
            Ending::Done => ']',
            Ending::Failed => '!',
            Ending::Cancelled => 'x',
            Ending::Panicked => '*',
        }
    }

    /// What the closing character means, for the legend.
    pub fn meaning(self) -> &'static str {
        match self {
            Ending::Done => "done",
            Ending::Open => "still running",
            Ending::Failed => "returned an error",
            Ending::Cancelled => "cancelled",
            Ending::Panicked => "panicked",
        }
    }

    /// The legend's order: the words of a legend never move about.
    pub(crate) const ALL: [Ending; 5] = [
        Ending::Done,
        Ending::Cancelled,
        Ending::Open,
        Ending::Failed,
        Ending::Panicked,
    ];
}

/// A span as drawn: from its start to its end, if it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanRecord {
    pub actor: String,
    pub label: String,
    pub fill: Fill,
    pub start: Duration,
    pub end: Option<Duration>,
    pub ending: Ending,
    /// The thread and the task the span started in.
    pub thread: Thread,
    pub task: Option<TaskId>,
}

/// A recorded trace, in its stable order (see the module documentation).
#[derive(Clone, Debug)]
pub struct Trace {
    events: Vec<Event>,
}

impl Trace {
    pub(crate) fn new(mut events: Vec<Event>) -> Trace {
        // Group: by instant, then by actor, each actor's events in order.
        events.sort_by(|a, b| {
            a.at.cmp(&b.at)
                .then_with(|| natural_cmp(&a.actor, &b.actor))
                .then_with(|| a.seq.cmp(&b.seq))
        });
        let mut groups: Vec<&[Event]> = events
            .chunk_by(|a, b| a.at == b.at && a.actor == b.actor)
            .collect();
        // Order the actors of each instant; the sort is stable, so name
        // order breaks the ties.
        groups.sort_by_key(|group| {
            let first = &group[0];
            let ends = matches!(
                first.kind,
                Kind::End { .. }
                    | Kind::Failed { .. }
                    | Kind::Dropped { .. }
                    | Kind::Panicked { .. }
            );
            (first.at, first.thread == Thread::Runtime, !ends)
        });
        let events = groups.concat();
        Trace { events }
    }

    /// A trace whose events are already in their stable order: one read
    /// back from a snapshot (see [`crate::timeline::parse`]), where which
    /// thread and task recorded each event is no longer known.
    pub(crate) fn from_ordered(events: Vec<(Duration, String, Kind)>) -> Trace {
        let events = events
            .into_iter()
            .enumerate()
            .map(|(seq, (at, actor, kind))| Event {
                at,
                actor,
                kind,
                thread: Thread::Runtime,
                task: None,
                seq,
            })
            .collect();
        Trace { events }
    }

    /// The same trace with its events rewritten by `edit`, put back in the
    /// stable order: a test's normalisation of what its lesson does not fix
    /// (kata 06 draws a job crunched on the pool in pieces as one call).
    pub fn edited(&self, edit: impl FnOnce(Vec<Event>) -> Vec<Event>) -> Trace {
        Trace::new(edit(self.events.clone()))
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The offset of the last event: when the scenario was over.
    pub fn finished_at(&self) -> Duration {
        self.events.last().map_or(Duration::ZERO, |e| e.at)
    }

    /// Every span, paired start to end, in the order they started.
    pub fn spans(&self) -> Vec<SpanRecord> {
        let mut spans: Vec<SpanRecord> = Vec::new();
        for event in &self.events {
            match &event.kind {
                Kind::Start { label, fill } => spans.push(SpanRecord {
                    actor: event.actor.clone(),
                    label: label.clone(),
                    fill: *fill,
                    start: event.at,
                    end: None,
                    ending: Ending::Open,
                    thread: event.thread,
                    task: event.task,
                }),
                Kind::End { label, .. }
                | Kind::Failed { label, .. }
                | Kind::Dropped { label }
                | Kind::Panicked { label } => {
                    let open = spans
                        .iter_mut()
                        .rev()
                        .find(|s| s.actor == event.actor && s.label == *label && s.end.is_none());
                    if let Some(span) = open {
                        span.end = Some(event.at);
                        span.ending = match event.kind {
                            Kind::Failed { .. } => Ending::Failed,
                            Kind::Dropped { .. } => Ending::Cancelled,
                            Kind::Panicked { .. } => Ending::Panicked,
                            _ => Ending::Done,
                        };
                    }
                }
                Kind::Cleanup(_) | Kind::Note(_) => {}
            }
        }
        spans
    }

    /// The spans on `actor`'s row.
    pub fn spans_of(&self, actor: &str) -> Vec<SpanRecord> {
        self.spans()
            .into_iter()
            .filter(|s| s.actor == actor)
            .collect()
    }

    /// The largest number of spans matching `which` that were open at once.
    /// A span still open at the end counts as open until then.
    pub fn peak(&self, which: impl Fn(&SpanRecord) -> bool) -> usize {
        let end = self.finished_at();
        peak_overlap(
            self.spans()
                .iter()
                .filter(|s| which(s))
                .map(|s| (s.start, s.end.unwrap_or(end))),
        )
    }

    /// When cleanup ran in a `Drop`, on which row, and what it said.
    pub fn cleanups(&self) -> Vec<(Duration, &str, &str)> {
        self.events
            .iter()
            .filter_map(|e| match &e.kind {
                Kind::Cleanup(text) => Some((e.at, e.actor.as_str(), text.as_str())),
                _ => None,
            })
            .collect()
    }

    /// The notes recorded on any row, such as "blocked the runtime thread".
    pub fn notes(&self) -> Vec<&str> {
        self.events
            .iter()
            .filter_map(|e| match &e.kind {
                Kind::Note(text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// The largest number of `(start, end)` windows open at once. Windows that
/// only touch (one ends at the instant the next starts) do not overlap.
pub fn peak_overlap(windows: impl IntoIterator<Item = (Duration, Duration)>) -> usize {
    let mut edges: Vec<(Duration, i32)> = windows
        .into_iter()
        .flat_map(|(start, end)| [(start, 1), (end, -1)])
        .collect();
    // At equal instants, ends (-1) sort before starts (+1).
    edges.sort();
    let (mut open, mut peak) = (0i32, 0i32);
    for (_, delta) in edges {
        open += delta;
        peak = peak.max(open);
    }
    peak as usize
}

/// Compares names so that digit runs count as numbers: "inc 2" < "inc 10".
pub(crate) fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (na, ra) = split_number(a);
                let (nb, rb) = split_number(b);
                match na.cmp(&nb) {
                    Ordering::Equal => (a, b) = (ra, rb),
                    other => return other,
                }
            }
            (Some(x), Some(y)) => match x.cmp(&y) {
                Ordering::Equal => (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]),
                other => return other,
            },
        }
    }
}

fn split_number(s: &str) -> (u128, &str) {
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    (s[..digits].parse().unwrap_or(u128::MAX), &s[digits..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_counts_digits_as_numbers() {
        let mut names = vec!["inc 10", "inc 2", "inc 1", "fetch_user(1)", "inc 1a"];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            names,
            ["fetch_user(1)", "inc 1", "inc 1a", "inc 2", "inc 10"]
        );
    }
}
