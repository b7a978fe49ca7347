//! The trace drawn as a timeline, and listed as events.
//!
//! The timeline is the whiteboard picture: one row per actor, a bar per span,
//! a labelled axis in milliseconds of virtual time.
//!
//! ```text
//!            ms 0         100       200       300       400       500
//!               |---------|---------|---------|---------|---------|
//! fetch_post(1) [============================]
//! fetch_user(1) [================================================]
//! ```
//!
//! Each column is one step of the scale (10 ms above) and a bar covers the
//! columns its span was open in, so two spans that touch (a write that starts
//! as a read ends) sit side by side: `[rrr][www]`. The step comes from a
//! fixed list of round numbers and depends only on the trace, so the same
//! scenario is always drawn at the same scale (see `pick_step`).

use std::fmt::Write as _;
use std::time::Duration;

use crate::trace::{Fill, Kind, SpanRecord, Trace};

/// The width a timeline aims for, in columns of bars.
pub const COLUMNS: u64 = 60;

/// The widest a timeline gets, to keep short spans readable.
pub const MAX_COLUMNS: u64 = 100;

/// The fewest columns a span of non-zero length should cover, if
/// [`MAX_COLUMNS`] allows: `[r]` still reads as a bar, `rr` hardly does.
const MIN_SPAN_COLUMNS: u64 = 3;

/// Milliseconds per column, finest first.
const STEPS_MS: [u64; 14] = [
    1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000,
];

/// The scale: the finest round step that fits the trace in [`COLUMNS`], or a
/// finer one, up to [`MAX_COLUMNS`], while a span would be drawn too narrow.
fn pick_step(spans: &[SpanRecord], end_ms: u64) -> u64 {
    let shortest = spans
        .iter()
        .filter_map(|s| s.end.map(|end| millis(end - s.start)))
        .filter(|len| *len > 0)
        .min();
    let fits = |step: &u64, columns: u64| end_ms.div_ceil(*step) <= columns;
    let coarse = STEPS_MS
        .iter()
        .position(|s| fits(s, COLUMNS))
        .unwrap_or(STEPS_MS.len() - 1);
    let mut index = coarse;
    while let Some(len) = shortest {
        let narrow = len / STEPS_MS[index] < MIN_SPAN_COLUMNS;
        if index == 0 || !narrow || !fits(&STEPS_MS[index - 1], MAX_COLUMNS) {
            break;
        }
        index -= 1;
    }
    STEPS_MS[index]
}

/// Columns between two labelled ticks of the axis.
const TICK_EVERY: u64 = 10;

/// The full picture a snapshot holds: timeline, legend, then the event list.
pub fn render(trace: &Trace) -> String {
    format!("{}\n{}", timeline(trace), event_list(trace))
}

/// The timeline and its legend.
pub fn timeline(trace: &Trace) -> String {
    let spans = trace.spans();
    let end_ms = millis(trace.finished_at()).max(1);
    let step = pick_step(&spans, end_ms);
    let columns = end_ms.div_ceil(step).div_ceil(TICK_EVERY) * TICK_EVERY;

    let rows = actors_in_order(trace);
    let gutter = rows
        .iter()
        .map(|a| a.chars().count())
        .max()
        .unwrap_or(0)
        .max(2)
        + 1;

    let mut out = String::new();
    // The axis: labels every TICK_EVERY columns, then the ruler under them.
    let mut labels = format!("{:>width$} ", "ms", width = gutter - 1);
    let mut ruler = " ".repeat(gutter);
    for column in 0..=columns {
        let at = gutter + column as usize;
        if column % TICK_EVERY == 0 {
            let text = (column * step).to_string();
            if labels.chars().count() <= at {
                labels.push_str(&" ".repeat(at - labels.chars().count()));
                labels.push_str(&text);
            }
            ruler.push('|');
        } else {
            ruler.push('-');
        }
    }
    writeln!(out, "{labels}").unwrap();
    writeln!(out, "{ruler}").unwrap();

    for actor in &rows {
        let mut cells = vec![' '; columns as usize];
        for span in spans.iter().filter(|s| &s.actor == actor) {
            draw(&mut cells, span, step, end_ms);
        }
        let bar: String = cells.into_iter().collect();
        writeln!(out, "{actor:<gutter$}{}", bar.trim_end()).unwrap();
    }

    writeln!(out).unwrap();
    write!(out, "{}", legend(&spans)).unwrap();
    out
}

/// The events, one per line, with their offsets.
pub fn event_list(trace: &Trace) -> String {
    let width = trace
        .events()
        .iter()
        .map(|e| e.actor.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for event in trace.events() {
        let what = match &event.kind {
            Kind::Start { label, .. } => with_label(label, "start"),
            Kind::End { label, detail } => match detail {
                Some(detail) => format!("{} -> {detail}", with_label(label, "done")),
                None => with_label(label, "done"),
            },
            Kind::Dropped { label } => with_label(label, "cancelled (dropped before it finished)"),
            Kind::Note(text) => format!("! {text}"),
        };
        let at = format!("+{}ms", format_ms(event.at));
        writeln!(out, "{at:>9}  {:<width$}  {what}", event.actor).unwrap();
    }
    write!(out, "finished at +{}ms", format_ms(trace.finished_at())).unwrap();
    out
}

/// Rows in the order actors first appear, which is the order they started.
fn actors_in_order(trace: &Trace) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    for event in trace.events() {
        if !rows.contains(&event.actor) {
            rows.push(event.actor.clone());
        }
    }
    rows
}

fn draw(cells: &mut [char], span: &SpanRecord, step: u64, end_ms: u64) {
    let first = (millis(span.start) / step) as usize;
    let end = span.end.map_or(end_ms, millis);
    let last = (end.div_ceil(step) as usize)
        .max(first + 1)
        .min(cells.len());
    let first = first.min(last - 1);
    let width = last - first;
    let fill = span.fill.glyph();
    let closer = match (span.end, span.cancelled) {
        (None, _) => '>',
        (Some(_), true) => 'x',
        (Some(_), false) => ']',
    };
    for (i, cell) in cells[first..last].iter_mut().enumerate() {
        *cell = match i {
            0 if width >= 3 => '[',
            i if i == width - 1 && (width >= 3 || closer != ']') => closer,
            _ => fill,
        };
    }
}

fn legend(spans: &[SpanRecord]) -> String {
    let mut parts: Vec<String> = Fill::ALL
        .iter()
        .filter(|fill| spans.iter().any(|s| s.fill == **fill))
        .map(|fill| format!("{} {}", fill.glyph(), fill.meaning()))
        .collect();
    if spans.iter().any(|s| s.cancelled) {
        parts.push("x cancelled".to_owned());
    }
    if spans.iter().any(|s| s.end.is_none()) {
        parts.push("> still running".to_owned());
    }
    format!("legend: {}\n", parts.join(", "))
}

fn with_label(label: &str, what: &str) -> String {
    if label.is_empty() {
        what.to_owned()
    } else {
        format!("{label} {what}")
    }
}

fn millis(d: Duration) -> u64 {
    d.as_millis() as u64
}

/// Whole milliseconds as they are, anything finer with three decimals.
fn format_ms(d: Duration) -> String {
    if d.subsec_nanos() % 1_000_000 == 0 {
        d.as_millis().to_string()
    } else {
        format!("{:.3}", d.as_secs_f64() * 1000.0)
    }
}
