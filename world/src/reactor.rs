//! A reactor for a kata whose learner writes the executor (kata 13).
//!
//! tokio is not running here. The learner's loop is the only scheduler, and
//! this reactor is the only source of events: it hands out timer-like
//! futures ([`Reactor::sleep`]) and callbacks ([`Reactor::call_later`]) on a
//! [`World::manual`] clock, and [`Reactor::turn`] is the loop's "wait for
//! the next event": it moves the clock to the next due event, fires
//! everything due then and wakes the futures waiting for it. That is what
//! tokio's current-thread scheduler does when it has nothing ready and
//! parks on its driver (epoll and the timer wheel).
//!
//! Everything a wrong executor does fails at once, never by hanging:
//!
//! - a sleep polled again after it returned `Ready` panics ("polled after it
//!   completed");
//! - `turn` while a woken sleep was never polled again panics: the waker
//!   did not bring its task back (a lost wake-up);
//! - `turn` with nothing left to fire panics: the loop waits for nothing
//!   (a deadlock);
//! - a sleep polled over and over without a wake, and without the reactor
//!   turning in between, panics: the loop spins and never parks.
//!
//! Polls without a wake are also counted ([`Reactor::polls_without_wake`]),
//! so a loop that polls every task after every turn (busy-polling) is
//! caught by the count. A loop that spins without calling the world at all
//! is stopped by [`watched`], a real-time safety net.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use kata_protocol::Cause;

use crate::say;
use crate::trace::Fill;
use crate::watchdog::{Watchdog, Watched};
use crate::world::{Span, World};

/// Unwoken polls in a row, with no turn of the reactor in between, after
/// which a sleep calls the loop a spin. A right answer makes none.
const SPIN_LIMIT: usize = 1000;

/// The reactor: timers and callbacks on a manual clock. Cheap to clone;
/// every clone is the same reactor.
#[derive(Clone)]
pub struct Reactor {
    world: World,
    state: Arc<Mutex<State>>,
}

#[derive(Default)]
struct State {
    /// Every timer and callback ever registered, in registration order:
    /// events due at one instant fire in this order.
    entries: Vec<Entry>,
    turns: usize,
    /// Actors, in the order their sleeps were woken.
    woken: Vec<String>,
    /// Actors, in the order their sleeps returned `Ready`.
    completed: Vec<String>,
}

struct Entry {
    actor: String,
    label: String,
    due: Duration,
    kind: EntryKind,
    /// Fired by a turn: the waker was called (or the callback ran).
    fired: Option<Duration>,
    /// A sleep that returned `Ready`.
    done: bool,
    /// A sleep dropped before it was done: nobody waits for it any more.
    dropped: bool,
    polls: usize,
    polls_without_wake: usize,
    /// Unwoken polls in a row with no turn in between, and the turn count
    /// at the last poll.
    spins: usize,
    last_turn: usize,
}

enum EntryKind {
    Sleep { waker: Option<Waker> },
    Callback { span: Option<Span> },
}

impl Reactor {
    /// A reactor on `world`'s clock, which must be a manual one
    /// ([`World::manual`]): only [`Reactor::turn`] moves it.
    pub fn new(world: &World) -> Reactor {
        Reactor {
            world: world.clone(),
            state: Arc::default(),
        }
    }

    /// A future that is ready `ms` milliseconds after its first poll, drawn
    /// as a span on `actor`'s row. Like every future it is lazy: the timer
    /// starts at the first poll, which registers the waker it will call.
    pub fn sleep(&self, actor: &str, ms: u64) -> Sleep {
        Sleep {
            reactor: self.clone(),
            actor: actor.to_owned(),
            duration: Duration::from_millis(ms),
            phase: Phase::New,
        }
    }

    /// Registers a callback that runs `ms` milliseconds from now, as
    /// asyncio's `loop.call_later` does: an event that wakes no future. It is
    /// drawn on `actor`'s row from now until it runs.
    pub fn call_later(&self, actor: &str, ms: u64) {
        let label = format!("call_later {ms}ms");
        let span = self.world.span(actor, &label, Fill::Work);
        let due = self.world.now() + Duration::from_millis(ms);
        self.state().entries.push(Entry::new(
            actor,
            label,
            due,
            EntryKind::Callback { span: Some(span) },
        ));
    }

    /// The loop's "wait for the next event": moves the clock to the next due
    /// timer or callback, fires everything due at that instant in the order
    /// it was registered, and wakes the futures waiting for it.
    ///
    /// # Panics
    ///
    /// When a future it woke earlier was never polled again (a lost
    /// wake-up), and when nothing is left to fire (a deadlock): either way
    /// the loop would wait for ever.
    pub fn turn(&self) {
        let now = self.world.now();
        let mut state = self.state();
        // Each panic comes after the lock is let go: the state stays sound.
        if let Some(message) = state.lost_wakeup() {
            drop(state);
            panic!("{message}");
        }
        let Some(at) = state.next_due() else {
            let message = state.nothing_to_fire(now);
            drop(state);
            panic!("{message}");
        };
        state.turns += 1;
        if at > now {
            self.world.advance(at - now);
        }
        let fired = state.fire(at);
        // Outside the lock: a waker may call back into the reactor.
        drop(state);
        self.world.note(
            "reactor",
            format!("turn {}: {}", fired.turn, fired.said.join(", ")),
        );
        for span in fired.callbacks {
            span.end(Some("ran; it wakes no future"));
        }
        for waker in fired.wakers {
            waker.wake();
        }
    }

    /// How many times the reactor turned.
    pub fn turns(&self) -> usize {
        self.state().turns
    }

    /// How many times the sleeps on `actor`'s row were polled, from their
    /// first poll on.
    pub fn polls(&self, actor: &str) -> usize {
        self.of(actor).map(|e| e.0).sum()
    }

    /// How many of those polls came while the sleep was not woken: a healthy
    /// loop makes none (each sleep is polled once to start, once when woken).
    pub fn polls_without_wake(&self, actor: &str) -> usize {
        self.of(actor).map(|e| e.1).sum()
    }

    /// The rows whose sleeps were woken, in the order they were woken.
    pub fn woken(&self) -> Vec<String> {
        self.state().woken.clone()
    }

    /// The rows whose sleeps returned `Ready`, in the order they did.
    pub fn completed(&self) -> Vec<String> {
        self.state().completed.clone()
    }

    /// The world this reactor's events are drawn in.
    pub fn world(&self) -> &World {
        &self.world
    }

    fn of(&self, actor: &str) -> impl Iterator<Item = (usize, usize)> {
        self.state()
            .entries
            .iter()
            .filter(|e| e.is_sleep() && e.actor == actor)
            .map(|e| (e.polls, e.polls_without_wake))
            .collect::<Vec<_>>()
            .into_iter()
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while the lock is held (a failing check) leaves the data
        // intact: the checks panic before they write.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// What one turn fired: the wakers to wake and the callbacks to run once
/// the lock is let go, and the turn's note.
struct Fired {
    turn: usize,
    wakers: Vec<Waker>,
    callbacks: Vec<Span>,
    said: Vec<String>,
}

impl State {
    /// A sleep woken at an earlier turn and never polled since, said as
    /// the panic that names it: the loop lost a wake-up.
    fn lost_wakeup(&self) -> Option<String> {
        let lost: Vec<String> = self
            .entries
            .iter()
            .filter(|e| e.is_sleep() && e.fired.is_some() && !e.done && !e.dropped)
            .map(Entry::describe)
            .collect();
        if lost.is_empty() {
            return None;
        }
        let verb = if lost.len() == 1 { "was" } else { "were" };
        Some(say!(
            en: "a lost wake-up: the loop turned the reactor again, but {} {verb} woken and \
                 never polled again. A waker must put its task back on the run queue, and the loop \
                 must poll every ready task before it parks on the reactor; otherwise the task \
                 waits for ever (a deadlock)",
            ko: "잃어버린 깨우기입니다: 루프가 리액터를 다시 돌렸지만, 깨어난 뒤 다시 poll되지 않은 \
                 sleep이 있습니다: {}. `Waker`는 자기 태스크를 실행 큐에 다시 넣어야 하고, 루프는 \
                 리액터에서 기다리기 전에 준비된 태스크를 모두 poll해야 합니다. 그러지 않으면 그 \
                 태스크는 영원히 기다립니다(데드락)",
            lost.join(", ")
        ))
    }

    /// When the next timer is due, if any waits.
    fn next_due(&self) -> Option<Duration> {
        self.entries
            .iter()
            .filter(|e| e.fired.is_none() && !e.dropped)
            .map(|e| e.due)
            .min()
    }

    /// Why a turn at `now` with nothing left to fire is a bug of the
    /// loop's: a wake-up lost with a dropped task, or a deadlock.
    fn nothing_to_fire(&self, now: Duration) -> String {
        let dropped: Vec<String> = self
            .entries
            .iter()
            .filter(|e| e.is_sleep() && e.fired.is_none() && e.dropped)
            .map(Entry::describe)
            .collect();
        if !dropped.is_empty() {
            let verb = if dropped.len() == 1 { "was" } else { "were" };
            return say!(
                en: "a lost wake-up: the loop turned the reactor at +{}ms, but nothing is left \
                     to fire: {} {verb} dropped while waiting, before its timer fired, so no task will \
                     ever be woken. The task that owned it was dropped while it waited: if only \
                     its waker kept it alive, a waker that does nothing lets it go. A waker must \
                     put its task back on the run queue",
                ko: "잃어버린 깨우기입니다: 루프가 +{}ms에 리액터를 돌렸지만 남은 이벤트가 없습니다. \
                     기다리던 sleep이 타이머가 울리기 전에 drop되었습니다: {}. 그래서 어떤 태스크도 \
                     다시 깨어나지 않습니다. 그 sleep을 가진 태스크가 기다리는 도중에 drop된 \
                     것입니다: 태스크를 살려 두는 것이 `Waker`뿐이었다면, 아무 일도 하지 않는 \
                     `Waker`는 태스크를 놓아 버립니다. `Waker`는 자기 태스크를 실행 큐에 다시 넣어야 \
                     합니다",
                now.as_millis(),
                dropped.join(", ")
            );
        }
        say!(
            en: "a deadlock: the loop turned the reactor at +{}ms, but nothing is left to \
                 fire: no timer waits and no future registered a waker that is still pending. \
                 The loop waits for an event that will never come (a task that was never \
                 polled, or one the loop forgot)",
            ko: "데드락입니다: 루프가 +{}ms에 리액터를 돌렸지만 남은 이벤트가 없습니다: 기다리는 \
                 타이머도, 아직 대기 중인 `Waker`를 등록한 future도 없습니다. 루프는 결코 오지 않을 \
                 이벤트를 기다립니다(한 번도 poll되지 않은 태스크나, 루프가 잊어버린 태스크)",
            now.as_millis()
        )
    }

    /// Fires every entry due `at`: what to wake and run, and what to say.
    fn fire(&mut self, at: Duration) -> Fired {
        let mut wakers = Vec::new();
        let mut callbacks = Vec::new();
        for entry in self.entries.iter_mut() {
            if entry.fired.is_some() || entry.dropped || entry.due != at {
                continue;
            }
            entry.fired = Some(at);
            match &mut entry.kind {
                EntryKind::Sleep { waker } => {
                    if let Some(waker) = waker.take() {
                        wakers.push(waker);
                    }
                }
                EntryKind::Callback { span } => callbacks.extend(span.take()),
            }
        }
        let woken: Vec<String> = self
            .entries
            .iter()
            .filter(|e| e.is_sleep() && e.fired == Some(at) && !e.dropped)
            .map(|e| e.actor.clone())
            .collect();
        let mut said: Vec<String> = woken.iter().map(|a| format!("woke {a}")).collect();
        said.extend(
            self.entries
                .iter()
                .filter(|e| !e.is_sleep() && e.fired == Some(at))
                .map(|e| format!("ran {}'s callback", e.actor)),
        );
        self.woken.extend(woken);
        Fired {
            turn: self.turns,
            wakers,
            callbacks,
            said,
        }
    }
}

impl Entry {
    fn new(actor: &str, label: String, due: Duration, kind: EntryKind) -> Entry {
        Entry {
            actor: actor.to_owned(),
            label,
            due,
            kind,
            fired: None,
            done: false,
            dropped: false,
            polls: 0,
            polls_without_wake: 0,
            spins: 0,
            last_turn: 0,
        }
    }

    fn is_sleep(&self) -> bool {
        matches!(self.kind, EntryKind::Sleep { .. })
    }

    fn describe(&self) -> String {
        let woken = self.fired.map_or(String::new(), |at| {
            say!(
                en: " (woken at +{}ms)",
                ko: "(+{}ms에 깨어남)",
                at.as_millis()
            )
        });
        say!(
            en: "{} on row {}{woken}",
            ko: "`{1}` 행의 `{0}`{woken}",
            self.label,
            self.actor
        )
    }
}

/// The future [`Reactor::sleep`] returns.
#[must_use = "a future does nothing unless it is polled"]
pub struct Sleep {
    reactor: Reactor,
    actor: String,
    duration: Duration,
    phase: Phase,
}

enum Phase {
    /// Not polled yet: no timer, nothing drawn.
    New,
    /// Registered with the reactor as entry `id`, drawn by `span`.
    Waiting { id: usize, span: Option<Span> },
    /// Returned `Ready`.
    Done,
}

impl Sleep {
    fn label(&self) -> String {
        format!("sleep {}ms", self.duration.as_millis())
    }
}

impl Future for Sleep {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        let label = this.label();
        match &mut this.phase {
            Phase::New => {
                let world = this.reactor.world.clone();
                let span = world.span(&this.actor, &label, Fill::Work);
                let mut entry = Entry::new(
                    &this.actor,
                    label,
                    world.now() + this.duration,
                    EntryKind::Sleep {
                        waker: Some(cx.waker().clone()),
                    },
                );
                let mut state = this.reactor.state();
                entry.polls = 1;
                entry.last_turn = state.turns;
                state.entries.push(entry);
                this.phase = Phase::Waiting {
                    id: state.entries.len() - 1,
                    span: Some(span),
                };
                Poll::Pending
            }
            Phase::Waiting { id, span } => {
                let mut state = this.reactor.state();
                let turns = state.turns;
                let entry = &mut state.entries[*id];
                entry.polls += 1;
                if entry.fired.is_some() {
                    entry.done = true;
                    let actor = entry.actor.clone();
                    state.completed.push(actor);
                    drop(state);
                    if let Some(span) = span.take() {
                        span.end(None::<String>);
                    }
                    this.phase = Phase::Done;
                    return Poll::Ready(());
                }
                entry.polls_without_wake += 1;
                entry.spins = if entry.last_turn == turns {
                    entry.spins + 1
                } else {
                    0
                };
                entry.last_turn = turns;
                if let EntryKind::Sleep { waker } = &mut entry.kind {
                    *waker = Some(cx.waker().clone());
                }
                let (first, spins) = (entry.polls_without_wake == 1, entry.spins);
                drop(state);
                if first {
                    this.reactor
                        .world
                        .note(&this.actor, format!("{label} polled without a wake"));
                }
                if spins >= SPIN_LIMIT {
                    panic!("{}", spin_message(&label, &this.actor, spins, turns));
                }
                Poll::Pending
            }
            Phase::Done => panic!(
                "{}",
                say!(
                    en: "{label} on row {} was polled after it completed: it had already returned \
                         Ready, and a future must not be polled again after that. The loop polled \
                         a finished task: drop a task's future once it is Ready",
                    ko: "`{}` 행의 `{label}` future가 완료된 뒤에 다시 poll되었습니다: 이미 `Ready`를 \
                         반환했고, future는 그 뒤에 다시 poll하면 안 됩니다. 루프가 끝난 태스크를 \
                         poll했습니다: 태스크의 future는 `Ready`가 되면 drop하십시오",
                    this.actor
                )
            ),
        }
    }
}

/// What a loop that polls a sleep [`SPIN_LIMIT`] times without a wake,
/// and without turning the reactor, is told. Its polls came with no waker
/// called since the last one: something other than a waker brought the
/// future back. Whether the reactor turned before says which.
fn spin_message(label: &str, actor: &str, spins: usize, turns: usize) -> String {
    let park = say!(
        en: "Only reactor.turn() moves the clock and fires events, so this loop would \
             spin for ever. When no task is ready, park: call reactor.turn()",
        ko: "시계를 움직이고 이벤트를 일으키는 것은 `reactor.turn()`뿐이므로, 이 루프는 영원히 \
             헛돕니다. 준비된 태스크가 없으면 기다리십시오: `reactor.turn()`을 호출하십시오",
    );
    if turns == 0 {
        say!(
            en: "the loop never turns the reactor: {label} on row {actor} was polled {spins} \
                 times in a row without a wake, and the reactor never turned. A Pending future \
                 comes back only when its waker is called: this loop polls it again by itself \
                 (a task pushed back on the run queue when it answers Pending, or a loop that \
                 polls until Ready). {park}",
            ko: "루프가 리액터를 한 번도 돌리지 않습니다: `{actor}` 행의 `{label}` future가 깨어나지 \
                 않은 채 {spins}번 연달아 poll되었고, 리액터는 한 번도 돌지 않았습니다. `Pending`인 \
                 future는 그 `Waker`가 호출될 때에만 다시 돌아옵니다. 그런데 이 루프는 스스로 다시 \
                 poll합니다(`Pending`을 답한 태스크를 실행 큐에 다시 넣거나, `Ready`가 될 때까지 \
                 poll하는 루프). {park}",
        )
    } else {
        say!(
            en: "the loop stopped turning the reactor: it turned {turns} time(s), then polled \
                 {label} on row {actor} {spins} times in a row without a wake. The loop believes \
                 a wake came that did not: a wake flag read with load and never cleared (swap \
                 it back to false before the poll), or a task pushed back on the run queue by \
                 hand when it answers Pending (only its waker may). {park}",
            ko: "루프가 리액터 돌리기를 멈췄습니다: {turns}번 돌린 뒤, `{actor}` 행의 `{label}` \
                 future를 깨어나지 않은 채 {spins}번 연달아 poll했습니다. 루프는 오지 않은 깨우기가 \
                 왔다고 믿고 있습니다: 깨우기 플래그를 `load`로 읽고 지우지 않았거나(poll 전에 \
                 `swap`으로 `false`로 되돌리십시오), `Pending`을 답한 태스크를 직접 실행 큐에 다시 \
                 넣었습니다(그렇게 할 수 있는 것은 그 `Waker`뿐입니다). {park}",
        )
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        if let Phase::Waiting { id, .. } = self.phase {
            let mut state = self.reactor.state();
            let entry = &mut state.entries[id];
            entry.dropped = true;
            if let EntryKind::Sleep { waker } = &mut entry.kind {
                *waker = None;
            }
        }
    }
}

/// Runs `f`, the learner's executor, under the harness's real-time
/// watchdog (see `watchdog.rs`): a safety net for a loop that spins without
/// ever calling the world (waiting for a task to become ready without
/// turning the reactor). A healthy call takes milliseconds.
pub fn watched<T>(f: impl FnOnce() -> T) -> T {
    let _watchdog = Watchdog::watch(Watched::Fixed(Cause::NeverTurns));
    f()
}
