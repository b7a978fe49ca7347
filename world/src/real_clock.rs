//! The real-clock run: the reference solutions' tests on tokio's real
//! clock instead of the paused one, to find where a number a learner reads
//! (a snapshot's order or times) is an artefact of the test clock.
//!
//! With [`REAL_CLOCK_ENV`](kata_protocol::REAL_CLOCK_ENV) set,
//! `#[world::step]` builds its runtime unpaused and `assert_timeline!`
//! does not ask insta: a real clock never gives the exact milliseconds a
//! snapshot stores. It reads the stored snapshot back into a trace
//! (`timeline::parse`) and compares it with the one recorded, event by
//! event, within a tolerance, and appends one verdict line per snapshot to
//! `target/real-clock/verdicts.tsv`. `.ci/real-clock` runs every solution
//! that way and prints the table (see CONTRIBUTING.md).

use std::io::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use kata_protocol::REAL_CLOCK_ENV;

use kata_protocol::kata::snapshot_body;

use crate::harness::{stored_snapshot, test_crate};
use crate::timeline;
use crate::trace::{Event, Trace};

/// Whether this run is on the real clock.
pub fn real_clock() -> bool {
    std::env::var_os(REAL_CLOCK_ENV).is_some_and(|v| !v.is_empty() && v != "0")
}

/// How far a real time may be from the snapshot's before it differs: 5 ms
/// (a real timer fires a millisecond or so late, and the runtime takes
/// real time to poll), or 2 % of the time, whichever is more.
pub fn tolerance(expected: Duration) -> Duration {
    Duration::from_millis(5).max(expected / 50)
}

/// Compares `trace`, recorded on the real clock, with the stored snapshot
/// `name` of this test binary's crate, and appends the verdict to the
/// report. Never panics on a difference: the run reports every snapshot.
pub fn record_verdict(name: &str, trace: &Trace) {
    let krate = test_crate().unwrap_or_default();
    let file = kata_protocol::kata::snapshot_file_name(&krate, name);
    let snapshot = file.trim_end_matches(".snap");
    let verdict = match stored_snapshot(name).and_then(|text| timeline::parse(snapshot_body(&text)))
    {
        Some(reference) => verdict(&reference, trace),
        None => "differs\tno stored snapshot to compare with".to_owned(),
    };
    if let Some(path) = report_path() {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(mut file) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
        {
            let _ = writeln!(file, "{snapshot}\t{verdict}");
        }
    }
}

/// `target/real-clock/verdicts.tsv` at the workspace root (two levels above
/// a kata or solution crate).
fn report_path() -> Option<PathBuf> {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")?;
    Some(PathBuf::from(dir).join("../../target/real-clock/verdicts.tsv"))
}

/// `same`, or `differs` and what: each expected event is found in the
/// real trace by what it is (its row and kind); then a missing or extra
/// event, an event out of order, or a time off by more than the
/// [`tolerance`] is a difference.
pub fn verdict(reference: &Trace, real: &Trace) -> String {
    let expected = reference.events();
    let actual = real.events();
    let mut used = vec![false; actual.len()];
    let mut differences = Vec::new();
    let mut matched: Vec<(usize, usize)> = Vec::new();
    for (i, want) in expected.iter().enumerate() {
        let found = actual
            .iter()
            .enumerate()
            .position(|(j, got)| !used[j] && got.actor == want.actor && got.kind == want.kind);
        match found {
            Some(j) => {
                used[j] = true;
                matched.push((i, j));
                let (at, real_at) = (want.at, actual[j].at);
                if at.abs_diff(real_at) > tolerance(at) {
                    differences.push(format!(
                        "time: {} expected +{} ms, real +{} ms",
                        describe(want),
                        at.as_millis(),
                        real_at.as_millis()
                    ));
                }
            }
            None => differences.push(format!("missing: {}", describe(want))),
        }
    }
    for (j, got) in actual.iter().enumerate() {
        if !used[j] {
            differences.push(format!(
                "extra: {} at +{} ms",
                describe(got),
                got.at.as_millis()
            ));
        }
    }
    // Order: two events whose expected times are apart (beyond the
    // tolerance) must come in that order; events of one instant may come
    // in any order on a real clock.
    let mut by_real = matched.clone();
    by_real.sort_by_key(|&(_, j)| j);
    for pair in by_real.windows(2) {
        let (first, second) = (&expected[pair[0].0], &expected[pair[1].0]);
        if first.at > second.at + tolerance(second.at) {
            differences.push(format!(
                "order: {} (expected +{} ms) came before {} (expected +{} ms)",
                describe(first),
                first.at.as_millis(),
                describe(second),
                second.at.as_millis()
            ));
        }
    }
    if differences.is_empty() {
        "same".to_owned()
    } else {
        format!("differs\t{}", differences.join("; "))
    }
}

/// An event as the snapshot's event list words it, without its time.
fn describe(event: &Event) -> String {
    let alone = Trace::from_ordered(vec![(
        Duration::ZERO,
        event.actor.clone(),
        event.kind.clone(),
    )]);
    let list = timeline::event_list(&alone);
    let line = list.lines().next().unwrap_or_default().trim_start();
    let what = line.strip_prefix("+0ms").unwrap_or(line).trim_start();
    format!(
        "`{}`",
        what.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}
