//! What every kata test wraps around the kata: a virtual-time deadline with
//! a real-time watchdog behind it, and a snapshot assertion that shows the
//! reference timeline beside the learner's.

use std::fmt::Write as _;
use std::future::Future;
use std::path::Path;
use std::time::{Duration, Instant};

use kata_protocol::kata::{
    SNAPSHOTS_DIR, snapshot_body, snapshot_file_name, snapshot_of_file_name,
};
use kata_protocol::{Cause, Lang, Marker};
use tokio::runtime::Handle;

use crate::say;
use crate::timeline::{self, Drawing, Scale};
use crate::trace::{Kind, Trace};
use crate::watchdog::{Watchdog, Watched};
use crate::world::World;

pub use crate::step::{run_async_step, run_sync_step};

/// Awaits `fut`, failing the test if it takes longer than `seconds` of
/// virtual time.
///
/// On a paused clock a deadlock is cheap to catch: once every task waits, the
/// runtime jumps the clock to the deadline at once. Without the deadline, a
/// paused runtime with nothing left to run would park forever. An answer
/// that never lets the runtime reach the deadline (a busy loop) is caught by
/// the real-time watchdog instead (see `watchdog.rs`).
pub async fn within<F: Future>(seconds: u64, fut: F) -> F::Output {
    let _watchdog = Watchdog::watch(Watched::Runtime(Handle::current()));
    match tokio::time::timeout(Duration::from_secs(seconds), fut).await {
        Ok(output) => output,
        Err(_) => panic!("{}", deadline_message(seconds)),
    }
}

/// Runs `f`, synchronous kata code that drives a runtime itself (its own
/// `block_on`), under the real-time watchdog: there is no runtime around it
/// whose deadline could fire, so a `block_on` that nothing drives would wait
/// for ever. A healthy call takes milliseconds.
pub fn watched<T>(f: impl FnOnce() -> T) -> T {
    let _watchdog = Watchdog::watch(Watched::Fixed(Cause::NeverReturns));
    f()
}

/// How long, in real time, a missed deadline waits for a thread tokio does
/// not know to show itself (see [`deadline_message`]). Only a failing test
/// pays it.
const FOREIGN_THREAD_GRACE: Duration = Duration::from_millis(250);

/// Why the deadline passed, classified from what happened before it rather
/// than assumed.
///
/// - A thread of the learner's own (`std::thread::spawn`) did the work a
///   task awaits: tokio cannot see that thread, so to the runtime every
///   task is simply waiting, and the paused clock jumps to the deadline.
///   Such an answer may well be right on a real clock, and must not be
///   told "deadlock".
/// - Work went on until the deadline (ten thousand requests done one at a
///   time): nothing is stuck, it is slow. Say how much finished, and when.
/// - Nothing happened for a long stretch before the deadline: something
///   awaited that can never complete. Only then "deadlock?".
fn deadline_message(seconds: u64) -> String {
    let started = Instant::now();
    let world = World::current();
    let foreign = world.as_ref().is_some_and(|world| {
        loop {
            if world.saw_foreign_thread() {
                break true;
            }
            if started.elapsed() > FOREIGN_THREAD_GRACE {
                break false;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    });
    if foreign {
        return say!(
            en: "did not finish within {seconds} s of virtual time, while work ran on a thread \
                 tokio does not know (std::thread::spawn). On a real runtime this answer may \
                 well be right. But the paused clock cannot see such a thread: with every task \
                 waiting, it jumped straight to the deadline. Run blocking work with \
                 tokio::task::spawn_blocking, whose threads the clock waits for.",
            ko: "가상 시간 {seconds}초 안에 끝나지 않았습니다. 그동안 tokio가 모르는 \
                 스레드(`std::thread::spawn`)에서 일이 실행되고 있었습니다. 실제 런타임에서는 \
                 맞는 답일 수도 있습니다. 하지만 멈춘 시계는 그런 스레드를 보지 못합니다. 모든 \
                 태스크가 기다리고 있으니 시계가 곧바로 데드라인으로 건너뛰었습니다. 블로킹 \
                 작업은 `tokio::task::spawn_blocking`으로 실행하십시오. 시계는 그 스레드들을 \
                 기다립니다.",
        );
    }
    let missed = say!(
        en: "did not finish within {seconds} s of virtual time (deadlock?)",
        ko: "가상 시간 {seconds}초 안에 끝나지 않았습니다(데드락?)",
    );
    let Some(world) = world else {
        return say!(
            en: "{missed}: something awaited that can never complete",
            ko: "{missed}. 끝날 수 없는 무언가를 await하고 있습니다.",
        );
    };
    match Progress::before(&world.trace(), world.now(), Duration::from_secs(seconds)) {
        Progress::Nothing => say!(
            en: "{missed}: nothing happened in all that time; something awaited that can \
                 never complete",
            ko: "{missed}. 그동안 아무 일도 일어나지 않았습니다. 끝날 수 없는 무언가를 \
                 await하고 있습니다.",
        ),
        Progress::Stopped { last, quiet } => say!(
            en: "{missed}: nothing happened for the last {quiet} ms before the deadline (the \
                 last event at {last} ms); something awaited that can never complete",
            ko: "{missed}. 데드라인 전 마지막 {quiet} ms 동안 아무 일도 일어나지 \
                 않았습니다(마지막 이벤트는 {last} ms). 끝날 수 없는 무언가를 await하고 \
                 있습니다.",
            quiet = quiet.as_millis(),
            last = last.as_millis(),
        ),
        Progress::Slow { finished, last } => say!(
            en: "did not finish within {seconds} s of virtual time, but nothing was stuck: \
                 work went on until the deadline ({finished} call(s) finished, the last at \
                 {last} ms). It is slow, not stuck: work done one at a time that should \
                 overlap, or waits longer than it needs",
            ko: "가상 시간 {seconds}초 안에 끝나지 않았지만, 멈춰 있던 곳은 없었습니다. \
                 데드라인까지 일이 계속 진행됐습니다(호출 {finished}개가 끝났고, 마지막은 \
                 {last} ms). 멈춘 것이 아니라 느린 것입니다. 겹쳐서 실행해야 할 일을 하나씩 \
                 하고 있거나, 필요 이상으로 오래 기다립니다.",
            last = last.as_millis(),
        ),
    }
}

/// What a trace shows happened before a missed deadline.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Progress {
    /// No event at all.
    Nothing,
    /// Events until `last`, then nothing for `quiet`, a long stretch (a
    /// quarter of the deadline or more) before the deadline.
    Stopped { last: Duration, quiet: Duration },
    /// Events until shortly before the deadline: `finished` spans ended,
    /// the last event at `last`.
    Slow { finished: usize, last: Duration },
}

impl Progress {
    /// Classifies `trace` at `deadline` (the world's time when a deadline
    /// of `allowed` passed). Events at the deadline itself are left out:
    /// they are what the deadline did (the spans it cancelled), not work.
    pub(crate) fn before(trace: &Trace, deadline: Duration, allowed: Duration) -> Progress {
        let events: Vec<_> = trace.events().iter().filter(|e| e.at < deadline).collect();
        let Some(last) = events.iter().map(|e| e.at).max() else {
            return Progress::Nothing;
        };
        let quiet = deadline - last;
        if quiet >= allowed / 4 {
            return Progress::Stopped { last, quiet };
        }
        let finished = events
            .iter()
            .filter(|e| matches!(e.kind, Kind::End { .. } | Kind::Failed { .. }))
            .count();
        Progress::Slow { finished, last }
    }
}

/// Compares the world's trace with the reference snapshot `name`.
///
/// Name the snapshot after the test function: when anything in the test
/// fails, this assertion or one before it, the world prints the reference
/// timeline beside the learner's (see `show_on_failure`).
/// `tests/snapshots/` is never written by a learner's run (see
/// `.cargo/config.toml`); CONTRIBUTING.md says how authors record one.
#[macro_export]
macro_rules! assert_timeline {
    ($name:literal, $world:expr) => {{
        let world: &$crate::World = &$world;
        world.compared_with($name);
        if $crate::real_clock::real_clock() {
            // A real clock never gives the stored milliseconds: compare
            // within a tolerance and report, do not fail (real_clock.rs).
            $crate::real_clock::record_verdict($name, &world.trace());
        } else {
            let rendered = $crate::timeline::render(&world.trace());
            $crate::harness::snapshot_assertion(|| {
                $crate::insta::assert_snapshot!($name, rendered);
            });
        }
    }};
    // The snapshot of a trace the test normalised (`Trace::edited`): what
    // the lesson does not fix drawn alike for every right answer.
    ($name:literal, $world:expr, drawn: $trace:expr) => {{
        let world: &$crate::World = &$world;
        world.compared_with($name);
        let trace: $crate::trace::Trace = $trace;
        if $crate::real_clock::real_clock() {
            $crate::real_clock::record_verdict($name, &trace);
        } else {
            let rendered = $crate::timeline::render(&trace);
            $crate::harness::snapshot_assertion(|| {
                $crate::insta::assert_snapshot!($name, rendered);
            });
        }
    }};
}

/// Runs insta's assertion (expanded in the test's crate, where insta finds
/// the snapshot), and when it fails says so in a marker line
/// (`@kata snapshot-differs`) before the panic goes on: the runner knows a
/// snapshot mismatch by the marker, never by insta's words.
pub fn snapshot_assertion(assertion: impl FnOnce()) {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(assertion));
    if let Err(panic) = outcome {
        eprintln!(
            "{}",
            Marker::SnapshotDiffers {
                test: test_name().unwrap_or_default()
            }
        );
        std::panic::resume_unwind(panic);
    }
}

/// Says in a marker line (`@kata todo`) that a step test failed at a
/// `todo!()` still in place, when `panic` is that: the one reader of std's
/// wording of it, so that the runner reads the marker instead.
pub(crate) fn mark_todo(panic: &(dyn std::any::Any + Send)) {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or_default();
    if message.contains("not yet implemented") {
        eprintln!(
            "{}",
            Marker::Todo {
                test: test_name().unwrap_or_default()
            }
        );
    }
}

/// The running test's name: libtest names a test's thread after it.
fn test_name() -> Option<String> {
    std::thread::current().name().map(str::to_owned)
}

/// The stored reference snapshot `name` of the running test binary's
/// crate, as text; `None` when it cannot be read. Found from the paths
/// cargo gives a test run: a kata or solution crate sits two levels below
/// the workspace root.
pub(crate) fn stored_snapshot(name: &str) -> Option<String> {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")?;
    let file = snapshot_file_name(&test_crate()?, name);
    let path = Path::new(&manifest_dir)
        .join("../..")
        .join(SNAPSHOTS_DIR)
        .join(file);
    std::fs::read_to_string(path).ok()
}

/// The snapshots in `dir` (of the crate `only`, or all) that do not read
/// back as a timeline ([`timeline::parse`]), by file name.
pub fn unreadable_snapshots(dir: &Path, only: Option<&str>) -> std::io::Result<Vec<String>> {
    let mut unreadable = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let Some((krate, _)) = snapshot_of_file_name(&name) else {
            continue;
        };
        if only.is_some_and(|only| only != krate) {
            continue;
        }
        let stored = std::fs::read_to_string(dir.join(&name))?;
        if timeline::parse(snapshot_body(&stored)).is_none() {
            unreadable.push(name);
        }
    }
    unreadable.sort();
    Ok(unreadable)
}

/// Prints the reference timeline beside `trace`'s, and in words what differs,
/// when the trace differs from the snapshot `name`; framed
/// by marker lines for the runner (see `kata-protocol`).
///
/// The step entry point installs it as the world's failure hook (see
/// `step.rs`): the world calls it when it is dropped while its test
/// panics, so that every failure shows the picture, whichever assertion
/// failed: a learner
/// told "gathered calls run concurrently" also sees that their two calls
/// ran one after the other. The reference is the snapshot `name` (by
/// default the test's own name) of this test binary's crate, read from the
/// paths cargo gives a test run; the marker names the `test`, which is what
/// the runner reports on.
pub(crate) fn show_on_failure(test: &str, name: &str, trace: &Trace) {
    // Nothing ran (a `todo!()` panicked first): the message says it all.
    if trace.events().is_empty() {
        return;
    }
    let Some(stored) = stored_snapshot(name) else {
        return;
    };
    let expected = snapshot_body(&stored);
    if expected.trim_end() == timeline::render(trace).trim_end() {
        return;
    }
    let Some(reference) = timeline::parse(expected) else {
        return;
    };
    eprintln!(
        "\n{}\n{}{}\n",
        Marker::TimelineBegin {
            test: test.to_owned()
        },
        explain(say::lang(), name, &reference, trace, terminal_width()),
        Marker::TimelineEnd,
    );
}

/// What a failing test shows under its message, in `width` columns and in
/// `lang`: the reference's timeline and the learner's, and in words what
/// differs first (which row, at what time, which event). Two traces can
/// draw alike and still differ (a value returned, a note, an order within
/// one instant): then it says so, and never calls the drawings different.
/// The drawings, their legend and the events quoted stay as the snapshots
/// write them.
pub fn explain(lang: Lang, name: &str, reference: &Trace, yours: &Trace, width: usize) -> String {
    let (picture, alike) = picture(lang, reference, yours, width);
    let mut out = String::new();
    let header = if alike {
        say!(in lang;
            en: "The timeline of `{name}` is drawn as the reference's is, but what it recorded \
                 differs:",
            ko: "`{name}`의 타임라인은 레퍼런스와 똑같이 그려지지만, 기록된 내용이 다릅니다:",
        )
    } else if reference.spans().is_empty() && yours.spans().is_empty() {
        say!(in lang;
            en: "What `{name}` recorded differs from the reference (nothing in it takes time: \
                 the events of each, listed).",
            ko: "`{name}` 테스트가 기록한 내용이 레퍼런스와 다릅니다(시간이 걸리는 것이 없어 양쪽의 \
                 이벤트를 나열합니다).",
        )
    } else {
        say!(in lang;
            en: "The timeline of `{name}` differs from the reference (both drawn on one scale).",
            ko: "`{name}`의 타임라인이 레퍼런스와 다릅니다(둘 다 같은 눈금으로 그렸습니다).",
        )
    };
    out.push_str(&wrap(&header, width, "", ""));
    out.push('\n');
    out.push_str(&picture);
    out.push('\n');
    let first = say!(in lang; en: "What differs first:", ko: "처음으로 다른 곳:");
    out.push_str(&wrap(&first, width, "", ""));
    for sentence in differences(lang, reference, yours) {
        out.push_str(&wrap(&sentence, width, "  ", "    "));
    }
    out.push('\n');
    let advice = say!(in lang;
        en: "Change the kata, not the snapshot: the reference is what a right answer does.",
        ko: "스냅샷이 아니라 kata를 고치십시오. 레퍼런스가 곧 맞는 답의 동작입니다.",
    );
    out.push_str(&wrap(&advice, width, "", ""));
    out
}

/// The two timelines as [`compare`] draws them, or one of them when they
/// draw alike; and whether they do.
fn picture(lang: Lang, reference: &Trace, yours: &Trace, width: usize) -> (String, bool) {
    // Nothing took time on either side (kata 21's shards, judged by what
    // they answered): the rows would be drawn empty, so the two lists of
    // events are what is shown.
    if reference.spans().is_empty() && yours.spans().is_empty() {
        let (expected_head, yours_head) = headings(lang);
        let expected = timeline::event_list(reference);
        let actual = timeline::event_list(yours);
        let alike = expected == actual;
        let mut out = String::new();
        for (head, list) in [(expected_head, &expected), (yours_head, &actual)] {
            if alike && head == expected_head {
                continue;
            }
            writeln!(out, "  {head}").unwrap();
            for line in list.lines() {
                writeln!(out, "{}", format!("  {line}").trim_end()).unwrap();
            }
        }
        return (out, alike);
    }
    let (expected, actual) = drawings(reference, yours, width);
    if expected.lines() != actual.lines() {
        return (compare(lang, reference, yours, width), false);
    }
    let mut out = String::new();
    for line in actual.lines() {
        writeln!(out, "{}", format!("  {line}").trim_end()).unwrap();
    }
    let legend = timeline::legend(&[&actual], None);
    out.push_str(&wrap(&legend, width, "", LEGEND_INDENT));
    (out, true)
}

/// How far a legend's wrapped lines are indented: under its first mark.
const LEGEND_INDENT: &str = "        ";

/// The fewest columns row names are cut to, in a terminal too narrow for
/// them and the axis whole.
const MIN_GUTTER: usize = 10;

/// The reference and the learner's timelines on the scale of the longer
/// one, side by side when `width` columns hold both, else one above the
/// other, each row's name in a column of one width, so that their axes
/// line up. One above the other, the axis takes a coarser step and long
/// names are cut (see [`timeline::fit_label`]) until a line fits in
/// `width`: a wrapped line would break the axis. Rows that differ are
/// marked in the margin with [`timeline::DIFFERS`]; the legend under them
/// says what every mark means. The two headings are in `lang`.
pub fn compare(lang: Lang, reference: &Trace, yours: &Trace, width: usize) -> String {
    let (expected, actual) = drawings(reference, yours, width);
    let left = expected.lines();
    let right = actual.lines();
    let differs = |i: usize| left.get(i) != right.get(i);
    let mark = |i: usize| if differs(i) { timeline::DIFFERS } else { ' ' };
    let (expected_head, yours_head) = headings(lang);
    let left_width = widest(&left).max(heading_width());

    let mut out = String::new();
    if side_by_side(&left, &right, width) {
        let pad = |text: &str| " ".repeat(left_width - timeline::display_width(text));
        writeln!(
            out,
            "  {expected_head}{} | {yours_head}",
            pad(expected_head)
        )
        .unwrap();
        for i in 0..left.len().max(right.len()) {
            let l = left.get(i).map_or("", String::as_str);
            let r = right.get(i).map_or("", String::as_str);
            let line = format!("{} {l}{} | {r}", mark(i), pad(l));
            writeln!(out, "{}", line.trim_end()).unwrap();
        }
    } else {
        writeln!(out, "  {expected_head}").unwrap();
        for l in &left {
            writeln!(out, "{}", format!("  {l}").trim_end()).unwrap();
        }
        writeln!(out, "\n  {yours_head}").unwrap();
        for (i, r) in right.iter().enumerate() {
            writeln!(out, "{}", format!("{} {r}", mark(i)).trim_end()).unwrap();
        }
    }
    let marked = (0..left.len().max(right.len())).any(differs);
    let margin = marked.then_some((timeline::DIFFERS, timeline::DIFFERS_MEANING));
    let legend = timeline::legend(&[&expected, &actual], margin);
    out.push_str(&wrap(&legend, width, "", LEGEND_INDENT));
    out
}

/// Both traces drawn for a comparison in `width` columns: see [`compare`].
fn drawings(reference: &Trace, yours: &Trace, width: usize) -> (Drawing, Drawing) {
    let traces = [reference, yours];
    let scale = Scale::fitting(&traces);
    let gutter = timeline::gutter(&traces);
    let draw = |scale: Scale, gutter: usize| {
        (
            Drawing::new(reference, scale, gutter),
            Drawing::new(yours, scale, gutter),
        )
    };
    let (expected, actual) = draw(scale, gutter);
    if side_by_side(&expected.lines(), &actual.lines(), width) {
        return (expected, actual);
    }
    // One above the other, after a margin of two. The names give way to
    // the axis on its own scale, down to a third of the room; then the
    // axis takes a coarser step.
    let room = width.saturating_sub(2);
    let least = (room / 3).max(MIN_GUTTER);
    let gutter = gutter.min(room.saturating_sub(scale.width()).max(least));
    draw(Scale::within(&traces, room.saturating_sub(gutter)), gutter)
}

/// The headings of the reference's drawing and the learner's.
fn headings(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("expected", "yours"),
        Lang::Ko => ("레퍼런스", "작성한 코드"),
    }
}

/// The widest heading over the left drawing, in any language: the layout
/// is chosen alike whatever language the words are in.
fn heading_width() -> usize {
    [Lang::En, Lang::Ko]
        .map(|lang| timeline::display_width(headings(lang).0))
        .into_iter()
        .max()
        .unwrap_or(0)
}

/// Whether two drawings fit side by side in `width` columns: a margin of
/// two, the left one, ` | `, the right one.
fn side_by_side(left: &[String], right: &[String], width: usize) -> bool {
    2 + widest(left).max(heading_width()) + 3 + widest(right) <= width
}

fn widest(lines: &[String]) -> usize {
    lines
        .iter()
        .map(|l| timeline::display_width(l))
        .max()
        .unwrap_or(0)
}

/// The first differences between two traces, in words in `lang`, one
/// sentence each: for each row that differs (at most [`MAX_DIFFERENCES`]),
/// its first event that differs, with its time; else the first event
/// listed in another order. Rows and events are quoted as drawn.
pub fn differences(lang: Lang, reference: &Trace, yours: &Trace) -> Vec<String> {
    let mut rows: Vec<&str> = Vec::new();
    for event in reference.events().iter().chain(yours.events()) {
        if !rows.contains(&event.actor.as_str()) {
            rows.push(&event.actor);
        }
    }
    let mut found: Vec<String> = rows
        .iter()
        .filter_map(|row| {
            row_difference(
                lang,
                row,
                &events_of(reference, row),
                &events_of(yours, row),
            )
        })
        .collect();
    if found.len() > MAX_DIFFERENCES {
        let more = found.len() - MAX_DIFFERENCES;
        found.truncate(MAX_DIFFERENCES);
        let rows = if more == 1 {
            "row differs"
        } else {
            "rows differ"
        };
        found.push(say!(in lang;
            en: "and {more} more {rows}.",
            ko: "그 밖에 {more}개 행이 더 다릅니다.",
        ));
    }
    if found.is_empty() {
        found.extend(order_difference(lang, reference, yours));
    }
    if found.is_empty() {
        // Same events in the same order: only the snapshot's text differs
        // (a snapshot recorded by an older version of the world).
        found.push(say!(in lang;
            en: "the same events in the same order; only the stored snapshot's text differs \
                 (re-record it: CONTRIBUTING.md).",
            ko: "이벤트도 순서도 같고, 저장된 스냅샷의 글자만 다릅니다(다시 기록하십시오: \
                 CONTRIBUTING.md).",
        ));
    }
    found
}

/// How many rows' differences are said in words.
const MAX_DIFFERENCES: usize = 3;

/// One row's events, as `+300ms done -> Post 1`.
fn events_of(trace: &Trace, row: &str) -> Vec<String> {
    trace
        .events()
        .iter()
        .filter(|e| e.actor == row)
        .map(|e| {
            format!(
                "+{}ms {}",
                timeline::format_ms(e.at),
                timeline::describe(&e.kind)
            )
        })
        .collect()
}

/// The first difference on `row`, in words in `lang`; `None` when its
/// events agree.
fn row_difference(lang: Lang, row: &str, expected: &[String], yours: &[String]) -> Option<String> {
    let at = (0..expected.len().max(yours.len())).find(|i| expected.get(*i) != yours.get(*i))?;
    Some(match (expected.get(at), yours.get(at)) {
        (Some(first), None) if at == 0 => say!(in lang;
            en: "`{row}`: only the reference has this row (from `{first}`).",
            ko: "`{row}`: 이 행은 레퍼런스에만 있습니다(`{first}`부터).",
        ),
        (None, Some(first)) if at == 0 => say!(in lang;
            en: "`{row}`: only yours has this row (from `{first}`).",
            ko: "`{row}`: 이 행은 작성한 코드에만 있습니다(`{first}`부터).",
        ),
        (Some(e), None) => say!(in lang;
            en: "`{row}`: the reference has `{e}`; yours has nothing more.",
            ko: "`{row}`: 레퍼런스에는 `{e}` 이벤트가 더 있지만, 작성한 코드는 여기서 끝납니다.",
        ),
        (None, Some(y)) => say!(in lang;
            en: "`{row}`: yours has `{y}`; the reference has nothing more.",
            ko: "`{row}`: 작성한 코드에는 `{y}` 이벤트가 더 있지만, 레퍼런스는 여기서 끝납니다.",
        ),
        (Some(e), Some(y)) => say!(in lang;
            en: "`{row}`: the reference has `{e}`, yours `{y}`.",
            ko: "`{row}`: 레퍼런스는 `{e}`, 작성한 코드는 `{y}`입니다.",
        ),
        (None, None) => return None,
    })
}

/// Every row has the same events: the first listed in another order, in
/// words in `lang`.
fn order_difference(lang: Lang, reference: &Trace, yours: &Trace) -> Option<String> {
    let line = |e: &crate::trace::Event| {
        format!(
            "+{}ms {}: {}",
            timeline::format_ms(e.at),
            e.actor,
            timeline::describe(&e.kind)
        )
    };
    let (e, y) = reference
        .events()
        .iter()
        .zip(yours.events())
        .map(|(e, y)| (line(e), line(y)))
        .find(|(e, y)| e != y)?;
    Some(say!(in lang;
        en: "every row has the same events, listed in another order: the reference lists `{e}` \
             where yours lists `{y}`.",
        ko: "모든 행의 이벤트는 같지만 나열된 순서가 다릅니다. 같은 자리에 레퍼런스는 \
             `{e}`, 작성한 코드는 `{y}`입니다.",
    ))
}

/// `text` in lines of at most `width` columns, broken between words (not
/// inside `code in backticks` while it fits a line), the first line after
/// `indent`, the others after `hanging`; each line ends with a newline. A
/// word wider than the line gets a line of its own.
fn wrap(text: &str, width: usize, indent: &str, hanging: &str) -> String {
    let room = width.saturating_sub(timeline::display_width(hanging));
    let mut out = String::new();
    let mut line = indent.to_owned();
    let mut empty = true;
    for word in tokens(text, room) {
        let wide = timeline::display_width(&line) + 1 + timeline::display_width(&word);
        if !empty && wide > width {
            out.push_str(&line);
            out.push('\n');
            line = hanging.to_owned();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(&word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// The words of `text`, those of a span in backticks joined into one when
/// it fits in `width` columns.
fn tokens(text: &str, width: usize) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut span: Vec<&str> = Vec::new();
    for word in text.split_whitespace() {
        span.push(word);
        // Inside a span while its backticks are odd in number.
        let ticks: usize = span.iter().map(|w| w.matches('`').count()).sum();
        if ticks % 2 == 0 {
            let joined = span.join(" ");
            if timeline::display_width(&joined) <= width {
                tokens.push(joined);
            } else {
                tokens.extend(span.iter().map(|w| w.to_string()));
            }
            span.clear();
        }
    }
    tokens.extend(span.iter().map(|w| w.to_string()));
    tokens
}

/// The width of the learner's terminal: `COLUMNS` when set (the runner sets
/// it for the tests it runs), else the terminal's own, else 80.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| {
            crossterm::terminal::size()
                .ok()
                .map(|(w, _)| usize::from(w))
        })
        .filter(|w| *w > 0)
        .unwrap_or(80)
}

/// The crate name of the running test binary: cargo names it
/// `<crate>-<hash>`.
pub(crate) fn test_crate() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let stem = exe.file_stem()?.to_str()?;
    Some(
        stem.rsplit_once('-')
            .map_or(stem, |(krate, _hash)| krate)
            .to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A snapshot that is not a timeline is named; one that is, and a file
    /// of another crate or not a snapshot at all, are not.
    #[test]
    fn an_unreadable_snapshot_is_named() {
        let dir = std::env::temp_dir().join(format!("world-snapshots-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let timeline = timeline::render(&Trace::new(Vec::new()));
        let header = "---\nsource: tests/x.rs\nexpression: rendered\n---\n";
        for (file, body) in [
            ("x__step1_good.snap", timeline.as_str()),
            ("x__step2_bad.snap", "not a timeline at all\n"),
            ("y__step1_bad.snap", "not a timeline either\n"),
            ("notes.txt", "no snapshot\n"),
        ] {
            std::fs::write(dir.join(file), format!("{header}{body}")).unwrap();
        }
        let found = unreadable_snapshots(&dir, Some("x")).unwrap();
        let all = unreadable_snapshots(&dir, None).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(found, ["x__step2_bad.snap"]);
        assert_eq!(all, ["x__step2_bad.snap", "y__step1_bad.snap"]);
    }
}
