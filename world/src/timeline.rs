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

use crate::trace::{Ending, Fill, Kind, SpanRecord, Trace};

/// The width a timeline aims for, in columns of bars.
pub const COLUMNS: u64 = 60;

/// The widest a timeline gets, to keep short spans readable.
pub const MAX_COLUMNS: u64 = 100;

/// The fewest columns a span of non-zero length should cover, if
/// [`MAX_COLUMNS`] allows: `[r]` still reads as a bar, `rr` hardly does.
const MIN_SPAN_COLUMNS: u64 = 3;

/// Milliseconds per column, finest first. The coarsest ones serve narrow
/// terminals (see [`Scale::within`]) and long traces.
const STEPS_MS: [u64; 18] = [
    1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000,
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
    let scale = Scale::fitting(&[trace]);
    let drawing = Drawing::new(trace, scale, gutter(&[trace]));
    format!("{}\n{}\n", drawing, legend(&[&drawing], None))
}

/// The axis and the units of a timeline: milliseconds per column, and how
/// many columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    step: u64,
    columns: u64,
}

impl Scale {
    /// The scale that fits every one of `traces`: the longest sets the
    /// length, and the step is chosen for all their spans together. Two
    /// timelines drawn on one scale can be compared bar for bar.
    pub fn fitting(traces: &[&Trace]) -> Scale {
        let spans: Vec<SpanRecord> = traces.iter().flat_map(|t| t.spans()).collect();
        let end_ms = end_ms(traces);
        Scale::with_step(pick_step(&spans, end_ms), end_ms)
    }

    /// [`Scale::fitting`], or the finest coarser one whose axis, its last
    /// label included, fits in `columns`: so that a narrow terminal never
    /// wraps a row and breaks the axis. The coarsest step is the limit: a
    /// terminal too narrow even for it gets that one.
    pub fn within(traces: &[&Trace], columns: usize) -> Scale {
        let fitting = Scale::fitting(traces);
        let end_ms = end_ms(traces);
        STEPS_MS
            .iter()
            .filter(|step| **step >= fitting.step)
            .map(|step| Scale::with_step(*step, end_ms))
            .find(|scale| scale.width() <= columns)
            .unwrap_or_else(|| Scale::with_step(STEPS_MS[STEPS_MS.len() - 1], end_ms))
    }

    fn with_step(step: u64, end_ms: u64) -> Scale {
        Scale {
            step,
            columns: end_ms.div_ceil(step).div_ceil(TICK_EVERY) * TICK_EVERY,
        }
    }

    /// The end of the axis, in milliseconds.
    fn axis_end_ms(self) -> u64 {
        self.columns * self.step
    }

    /// How many terminal columns the axis takes right of the gutter: its
    /// columns, and the last label, which starts at the last tick. (A
    /// cleanup mark after a bar's end takes one column past the axis.)
    pub fn width(self) -> usize {
        self.columns as usize + self.axis_end_ms().to_string().len().max(1)
    }
}

/// When the last of `traces` ends, in whole milliseconds (at least 1).
fn end_ms(traces: &[&Trace]) -> u64 {
    traces
        .iter()
        .map(|t| millis(t.finished_at()))
        .max()
        .unwrap_or(0)
        .max(1)
}

/// The axis and one row per actor, drawn on `scale`.
pub fn rows(trace: &Trace, scale: Scale) -> String {
    Drawing::new(trace, scale, gutter(&[trace])).to_string()
}

/// How many columns, in a terminal, `text` takes: Hangul and other wide
/// characters two, combining marks none.
pub fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// The width of the row names' column that holds every row name of
/// `traces`, and a blank after: at least 3, for the axis's `ms`.
pub fn gutter(traces: &[&Trace]) -> usize {
    traces
        .iter()
        .flat_map(|t| t.events())
        .map(|e| display_width(&e.actor))
        .max()
        .unwrap_or(0)
        .max(2)
        + 1
}

/// `label` in at most `width` columns: cut in the middle, where two names
/// of one family (`handler h1 query`, `handler h2 query`) differ least
/// often, with `…` for what was cut.
pub fn fit_label(label: &str, width: usize) -> String {
    if display_width(label) <= width {
        return label.to_owned();
    }
    let chars: Vec<char> = label.chars().collect();
    let columns = |c: char| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    // One column for the `…`; then a character from the front, one from
    // the back, and so on while they fit.
    let mut room = width.saturating_sub(1);
    let (mut front, mut back) = (0, chars.len());
    while front < back {
        let from_front = front <= chars.len() - back;
        let c = if from_front {
            chars[front]
        } else {
            chars[back - 1]
        };
        let Some(left) = room.checked_sub(columns(c)) else {
            break;
        };
        room = left;
        if from_front {
            front += 1;
        } else {
            back -= 1;
        }
    }
    if width == 0 {
        return String::new();
    }
    let head: String = chars[..front].iter().collect();
    let tail: String = chars[back..].iter().collect();
    format!("{head}…{tail}")
}

/// A trace drawn on a scale: the axis, then each actor's name and bar.
pub struct Drawing {
    gutter: usize,
    labels: String,
    ruler: String,
    /// Each actor, as shown in the gutter, and its bar.
    rows: Vec<(String, String)>,
}

impl Drawing {
    /// `trace` drawn on `scale`, its row names in a column `gutter` wide
    /// (cut to fit, see [`fit_label`]).
    pub fn new(trace: &Trace, scale: Scale, gutter: usize) -> Drawing {
        let gutter = gutter.max(3);
        let (labels, ruler) = axis(scale, gutter);
        let rows = actors_in_order(trace)
            .into_iter()
            .map(|actor| {
                let bar = bar(trace, &actor, scale);
                (fit_label(&actor, gutter - 1), bar)
            })
            .collect();
        Drawing {
            gutter,
            labels,
            ruler,
            rows,
        }
    }

    /// The bars only, without the row names: where the marks are.
    pub fn bars(&self) -> impl Iterator<Item = &str> {
        self.rows.iter().map(|(_, bar)| bar.as_str())
    }

    /// Every line: the axis's two, then one per row.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.labels.clone(), self.ruler.clone()];
        for (name, bar) in &self.rows {
            let pad = self.gutter.saturating_sub(display_width(name));
            // A row of notes only has no bar: no trailing blanks either.
            let line = format!("{name}{}{bar}", " ".repeat(pad));
            lines.push(line.trim_end().to_owned());
        }
        lines
    }
}

impl std::fmt::Display for Drawing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for line in self.lines() {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

/// The axis: labels every TICK_EVERY columns, then the ruler under them.
fn axis(scale: Scale, gutter: usize) -> (String, String) {
    let Scale { step, columns } = scale;
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
    (labels, ruler)
}

/// One actor's bar: its spans, and the cleanups that ran on its row.
fn bar(trace: &Trace, actor: &str, scale: Scale) -> String {
    let Scale { step, columns } = scale;
    let end_ms = millis(trace.finished_at()).max(1);
    let mut cells = vec![' '; columns as usize];
    for span in trace.spans().iter().filter(|s| s.actor == actor) {
        draw(&mut cells, span, step, end_ms);
    }
    for (at, _, _) in trace.cleanups().iter().filter(|(_, a, _)| *a == actor) {
        // A cleanup runs as its call is cut short: beside the bar's
        // closing mark, not over it.
        // (A bar that ends at the instant covers the column before it.)
        let mut column = ((millis(*at) / step) as usize).min(cells.len() - 1);
        if ENDINGS.contains(&cells[column]) {
            column += 1;
        }
        if column == cells.len() {
            cells.push(' ');
        }
        cells[column] = CLEANUP_GLYPH;
    }
    cells.into_iter().collect()
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
        let at = format!("+{}ms", format_ms(event.at));
        let what = describe(&event.kind);
        writeln!(out, "{at:>9}  {:<width$}  {what}", event.actor).unwrap();
    }
    write!(out, "finished at +{}ms", format_ms(trace.finished_at())).unwrap();
    out
}

/// An event as the event list says it, without its time and actor:
/// `start`, `done -> Post 1`, `cancelled (dropped before it finished)`.
pub fn describe(kind: &Kind) -> String {
    match kind {
        Kind::Start { label, fill } => start_text(label, *fill),
        Kind::End { label, detail } => match detail {
            Some(detail) => format!("{} -> {detail}", with_label(label, "done")),
            None => with_label(label, "done"),
        },
        Kind::Failed { label, error } => format!("{} -> {error}", with_label(label, "failed")),
        Kind::Dropped { label } => with_label(label, "cancelled (dropped before it finished)"),
        Kind::Panicked { label } => with_label(label, "panicked"),
        Kind::Cleanup(text) => format!("{CLEANUP}{text}"),
        Kind::Note(text) => format!("! {text}"),
    }
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

/// How a cleanup reads in the event list.
const CLEANUP: &str = "cleanup in Drop: ";

/// The mark of a cleanup that ran in a `Drop`, on the row where it ran.
const CLEANUP_GLYPH: char = 'c';

/// The characters that close a bar.
const ENDINGS: [char; 5] = [']', '>', 'x', '!', '*'];

fn draw(cells: &mut [char], span: &SpanRecord, step: u64, end_ms: u64) {
    let first = (millis(span.start) / step) as usize;
    let end = span.end.map_or(end_ms, millis);
    let last = (end.div_ceil(step) as usize)
        .max(first + 1)
        .min(cells.len());
    let first = first.min(last - 1);
    let width = last - first;
    let fill = span.fill.glyph();
    let closer = span.ending.glyph();
    for (i, cell) in cells[first..last].iter_mut().enumerate() {
        *cell = match i {
            0 if width >= 3 => '[',
            i if i == width - 1 && (width >= 3 || closer != ']') => closer,
            _ => fill,
        };
    }
}

/// The mark in a comparison's margin for a row that differs from the
/// reference (see `harness::compare`): no bar uses it, so it has one
/// meaning (`!`, which it once was, ends a span that returned an error).
pub const DIFFERS: char = '?';

/// What [`DIFFERS`] means, in a legend.
pub const DIFFERS_MEANING: &str = "this row differs from the reference";

/// Every mark a bar can hold, with its meaning, in the legend's order: a
/// legend's words never move about.
pub fn marks() -> Vec<(char, &'static str)> {
    let mut marks = vec![('[', "start")];
    marks.extend(Fill::ALL.iter().map(|f| (f.glyph(), f.meaning())));
    marks.extend(Ending::ALL.iter().map(|e| (e.glyph(), e.meaning())));
    marks.push((CLEANUP_GLYPH, "cleanup ran in Drop"));
    marks
}

/// `legend: [ start, = running or awaiting, ] done`: the meaning of every
/// mark that the bars of `drawings` hold, found in the bars themselves,
/// so that no mark drawn goes unexplained; then `margin`'s, if given.
pub fn legend(drawings: &[&Drawing], margin: Option<(char, &str)>) -> String {
    let drawn: std::collections::BTreeSet<char> = drawings
        .iter()
        .flat_map(|d| d.bars())
        .flat_map(str::chars)
        .collect();
    let mut parts: Vec<String> = marks()
        .into_iter()
        .filter(|(mark, _)| drawn.contains(mark))
        .map(|(mark, meaning)| format!("{mark} {meaning}"))
        .collect();
    if let Some((mark, meaning)) = margin {
        parts.push(format!("{mark} {meaning}"));
    }
    format!("legend: {}", parts.join(", "))
}

/// `start`, `read start [r]`: the glyph is shown for every fill but the
/// plain one, so that the list alone says how each span is drawn.
fn start_text(label: &str, fill: Fill) -> String {
    let start = with_label(label, "start");
    match fill {
        Fill::Work => start,
        other => format!("{start} [{}]", other.glyph()),
    }
}

/// Reads back what [`render`] wrote: the trace of a stored snapshot, so
/// that it can be drawn again on another scale. `None` if `rendered` is not
/// such a picture.
pub fn parse(rendered: &str) -> Option<Trace> {
    let mut blocks = rendered.split("\n\n");
    let picture = blocks.next()?;
    let list = blocks.last()?;
    // The row names, read from the picture: the ruler's first `|` ends the
    // gutter that holds them.
    let mut lines = picture.lines();
    let _labels = lines.next()?;
    let gutter = lines.next()?.find('|')?;
    let mut actors: Vec<String> = lines
        .map(|row| {
            row.chars()
                .take(gutter)
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect();
    // Longest first, so that "inc 1" does not match the start of "inc 10".
    actors.sort_by_key(|a| std::cmp::Reverse(a.chars().count()));

    let mut events = Vec::new();
    for line in list.lines() {
        if line.starts_with("finished at ") {
            break;
        }
        let line = line.trim_start();
        let (at, rest) = line.strip_prefix('+')?.split_once("ms  ")?;
        let actor = actors.iter().find(|a| {
            rest.strip_prefix(a.as_str())
                .is_some_and(|after| after.starts_with("  "))
        })?;
        let what = rest[actor.len()..].trim_start();
        events.push((parse_ms(at)?, actor.clone(), parse_kind(what)?));
    }
    Some(Trace::from_ordered(events))
}

fn parse_ms(text: &str) -> Option<Duration> {
    let ms: f64 = text.parse().ok()?;
    Some(Duration::from_nanos((ms * 1_000_000.0).round() as u64))
}

fn parse_kind(what: &str) -> Option<Kind> {
    if let Some(note) = what.strip_prefix("! ") {
        return Some(Kind::Note(note.to_owned()));
    }
    if let Some(text) = what.strip_prefix(CLEANUP) {
        return Some(Kind::Cleanup(text.to_owned()));
    }

    let label = |head: &str, word: &str| head.strip_suffix(word).map(|l| l.trim_end().to_owned());
    if let Some(head) = what.strip_suffix(" cancelled (dropped before it finished)") {
        return Some(Kind::Dropped {
            label: head.to_owned(),
        });
    }
    if what == "cancelled (dropped before it finished)" {
        return Some(Kind::Dropped {
            label: String::new(),
        });
    }
    let (head, detail) = match what.split_once(" -> ") {
        Some((head, detail)) => (head, Some(detail.to_owned())),
        None => (what, None),
    };
    if let Some(label) = label(head, "done") {
        return Some(Kind::End { label, detail });
    }
    if let (Some(label), Some(error)) = (label(head, "failed"), detail.clone()) {
        return Some(Kind::Failed { label, error });
    }
    if let (None, Some(label)) = (&detail, label(what, "panicked")) {
        return Some(Kind::Panicked { label });
    }
    let (head, fill) = match what.rsplit_once(" [") {
        Some((head, glyph)) => {
            let glyph = glyph.strip_suffix(']')?;
            let fill = Fill::ALL
                .into_iter()
                .find(|f| f.glyph().to_string() == glyph)?;
            (head, fill)
        }
        None => (what, Fill::Work),
    };
    let label = label(head, "start")?;
    Some(Kind::Start { label, fill })
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
pub fn format_ms(d: Duration) -> String {
    if d.subsec_nanos() % 1_000_000 == 0 {
        d.as_millis().to_string()
    } else {
        format!("{:.3}", d.as_secs_f64() * 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::{display_width, fit_label};

    #[test]
    fn a_long_label_is_cut_in_the_middle_to_its_width() {
        assert_eq!(fit_label("short", 10), "short");
        assert_eq!(fit_label("handler h1 query", 9), "hand…uery");
        assert_eq!(fit_label("handler h1 query", 1), "…");
        assert_eq!(fit_label("handler h1 query", 0), "");
        // Hangul takes two columns a syllable.
        let cut = fit_label("요청 처리기 한국어 이름", 9);
        assert!(display_width(&cut) <= 9, "{cut}");
        assert!(cut.starts_with("요청") && cut.contains('…'), "{cut}");
    }
}
