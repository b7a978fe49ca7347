//! Kata 20, deadlock: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.
//!
//! A deadlock of tasks on the paused clock is a wait that never ends: every
//! task parks, the clock jumps, and a test's own limit passes at once. Each
//! step races the kata's call against such a limit and, if it passes,
//! reads the world's trace *before* dropping the call, while the waits are
//! still open: who holds which account's lock, who waits for which
//! (`world::vault::waits`). The failure says that, not only "deadlock?".

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

#[cfg(not(feature = "reference"))]
use deadlock as kata;
#[cfg(feature = "reference")]
use deadlock_solution as kata;
use world::kit::ms;
use world::trace::{Ending, SpanRecord};
use world::vault::{Wait, locks_taken, waits};
use world::{Auditor, Fill, Trace, Vault, World, assert_timeline, within};

/// How a call the test waited for came out.
enum Run<T> {
    Done(T),
    /// It did not answer within the test's limit: the waits still open
    /// then, and the trace as it was.
    Stuck {
        waits: Vec<Wait>,
        trace: Trace,
    },
}

/// Runs `fut` for at most `limit` of virtual time; if it has not answered
/// by then, takes the open waits while it is still alive.
async fn run_for<F: Future>(world: &World, limit: Duration, fut: F) -> Run<F::Output> {
    let mut fut = std::pin::pin!(fut);
    within(10, async {
        tokio::select! {
            biased;
            out = &mut fut => Run::Done(out),
            () = tokio::time::sleep(limit) => Run::Stuck {
                waits: waits(&world.trace()),
                trace: world.trace(),
            },
        }
    })
    .await
}

/// The waits in words, one a line.
fn said(waits: &[Wait]) -> String {
    let mut lines = String::new();
    for w in waits {
        let holding = if w.holding.is_empty() {
            world::say!(en: "holds nothing", ko: "아무 락도 잡지 않은 채")
        } else {
            let held = w.holding.join(", ");
            world::say!(en: "holds {held}", ko: "{held}의 락을 잡은 채")
        };
        let by = match &w.held_by {
            Some(h) if *h == w.caller => {
                world::say!(en: ", which it holds itself", ko: "(잡고 있는 쪽: 자기 자신)")
            }
            Some(h) => world::say!(en: ", held by `{h}`", ko: "(잡고 있는 쪽: `{h}`)"),
            None => String::new(),
        };
        let (caller, vault) = (&w.caller, &w.waits_for);
        lines.push_str(&world::say!(
            en: "\n  `{caller}` {holding} and waits for {vault}{by}",
            ko: "\n  `{caller}` 호출자는 {holding} {vault}의 락을 기다립니다{by}",
        ));
    }
    lines
}

/// Whether the waits close a ring: following "waits for a lock held by"
/// from some caller comes back to it, through another caller.
fn ring(waits: &[Wait]) -> bool {
    waits.iter().any(|start| {
        let mut at = start;
        for _ in 0..waits.len() {
            let Some(holder) = &at.held_by else {
                return false;
            };
            if holder == &at.caller {
                return false;
            }
            if holder == &start.caller {
                return true;
            }
            match waits.iter().find(|w| &w.caller == holder) {
                Some(next) => at = next,
                None => return false,
            }
        }
        false
    })
}

/// The waits of a caller for a lock it holds itself.
fn self_waits(waits: &[Wait]) -> Vec<&Wait> {
    waits
        .iter()
        .filter(|w| w.held_by.as_deref() == Some(w.caller.as_str()))
        .collect()
}

/// The spans of `caller` labelled `withdraw N` or `deposit N`.
fn moves(trace: &Trace, caller: &str) -> Vec<SpanRecord> {
    trace
        .spans_of(caller)
        .into_iter()
        .filter(|s| s.label.starts_with("withdraw ") || s.label.starts_with("deposit "))
        .collect()
}

/// Whether `caller` held `vault`'s lock over all of `span`.
fn held_over(trace: &Trace, vault: &str, caller: &str, span: &SpanRecord) -> bool {
    let end = span.end.unwrap_or(span.start);
    trace
        .spans_of(vault)
        .iter()
        .any(|h| h.label == caller && h.start <= span.start && h.end.is_none_or(|e| e >= end))
}

/// Step 1's rule for one transfer: a withdrawal, then a deposit, each made
/// while the caller held both accounts' locks.
fn assert_held_both(trace: &Trace, caller: &str, from: &str, to: &str) {
    let moved = moves(trace, caller);
    let withdraw = moved.iter().find(|s| s.label.starts_with("withdraw "));
    let deposit = moved.iter().find(|s| s.label.starts_with("deposit "));
    let (Some(withdraw), Some(deposit)) = (withdraw, deposit) else {
        panic!(
            "{}",
            world::say!(
                en: "`{caller}` did not both withdraw and deposit (moves drawn: {:?}): a transfer \
                     withdraws from `from` and deposits into `to`, through their guards",
                ko: "`{caller}` 호출자가 출금과 입금을 둘 다 하지는 않았습니다(그려진 이동: {:?}): 이체는 \
                     `from`에서 출금하고 `to`에 입금합니다. 둘 다 가드를 통해서 합니다",
                moved.iter().map(|s| s.label.clone()).collect::<Vec<_>>(),
            )
        );
    };
    for span in [withdraw, deposit] {
        for vault in [from, to] {
            if !held_over(trace, vault, caller, span) {
                let (what, at) = (&span.label, span.start.as_millis());
                panic!(
                    "{}",
                    world::say!(
                        en: "`{caller}` made its `{what}` at {at} ms without holding {vault}'s lock: \
                             the money was in flight (gone from one account, not yet in the other) \
                             while another caller could take that lock and see it. Hold both \
                             locks while the money moves; make the cycle impossible with one \
                             lock order instead of giving a lock back early",
                        ko: "`{caller}` 호출자가 {at} ms에 {vault}의 락 없이 `{what}` 이동을 했습니다: 돈이 \
                             이동 중인(한 계좌에서는 빠졌고 다른 계좌에는 아직 없는) 동안 다른 \
                             호출자가 그 락을 잡고 그 상태를 볼 수 있었습니다. 돈이 움직이는 동안 두 락을 \
                             모두 잡고 있으십시오. 락을 일찍 돌려주지 말고, 하나의 락 순서로 \
                             고리가 생길 수 없게 하십시오",
                    )
                );
            }
        }
    }
    assert!(
        withdraw.start < deposit.start,
        "{}",
        world::say!(
            en: "`{caller}` deposited before it withdrew: withdraw from `from`, then deposit into `to`",
            ko: "`{caller}` 호출자가 출금하기 전에 입금했습니다: `from`에서 출금한 다음 `to`에 입금합니다",
        )
    );
}

/// Step 1's order, one lock after the other: a caller that asks for its
/// two locks at the same instant (`join!` of the two `lock()`s) takes no
/// order at all. It happens to work on one thread, where each caller joins
/// both queues in one poll; on a multi-thread runtime two callers' requests
/// interleave, and the ring closes again.
fn assert_one_after_another(trace: &Trace, callers: &[&str]) {
    for caller in callers {
        let asked: Vec<u128> = trace
            .spans_of(caller)
            .iter()
            .filter(|s| s.label.starts_with("lock "))
            .map(|s| s.start.as_millis())
            .collect();
        if let [first, second, ..] = asked.as_slice()
            && first == second
        {
            panic!(
                "{}",
                world::say!(
                    en: "`{caller}` asked for both locks at the same instant ({first} ms), with \
                         join! or select! over the two lock() calls: that is no lock order. It \
                         works here only because one thread polls both requests at once; on a \
                         multi-thread runtime two callers' requests interleave, each gets one \
                         lock, and the ring closes. Take the first lock in the global order, \
                         await it, then take the second",
                    ko: "`{caller}` 호출자가 두 락을 같은 순간({first} ms)에 요청했습니다. 두 `lock()` \
                         호출에 `join!`이나 `select!`를 쓴 것인데, 그것은 락 순서가 아닙니다. 여기서는 \
                         스레드 하나가 두 요청을 한 번에 poll하기 때문에 우연히 동작할 뿐입니다. \
                         멀티 스레드 런타임에서는 두 호출자의 요청이 엇갈려 각자 락 하나씩을 받고, \
                         고리가 닫힙니다. 전역 순서에서 첫 번째인 락을 잡아 await한 다음, 두 \
                         번째 락을 잡으십시오",
                )
            );
        }
    }
}

/// The message for a transfer scenario that never finished.
fn stuck_transfers(waits: &[Wait], trace: &Trace) -> String {
    let list = said(waits);
    if ring(waits) {
        return world::say!(
            en: "deadlock: the transfers never finished. Each holds one account's lock and \
                 waits for the next one's, in a ring (circular wait):{list}\nTake the locks in \
                 one order every caller agrees on (the smaller `id()` first, whatever the \
                 direction): then whoever waits for the second lock already holds the first, \
                 and no ring can close",
            ko: "데드락: 이체가 끝나지 않았습니다. 각자 한 계좌의 락을 잡은 채 다음 계좌의 락을 \
                 고리 모양으로 기다립니다(순환 대기):{list}\n모든 호출자가 따르는 하나의 순서로 \
                 락을 잡으십시오(방향과 상관없이 `id()`가 작은 쪽 먼저). 그러면 두 번째 락을 \
                 기다리는 쪽은 이미 첫 번째 락을 잡고 있으므로 고리가 닫히지 않습니다",
        );
    }
    let own = self_waits(waits);
    if let Some(w) = own.first() {
        let (caller, vault) = (&w.caller, &w.waits_for);
        return world::say!(
            en: "`{caller}` waits for {vault}'s lock, which it holds itself: an async lock is \
                 not reentrant, and a task that locks what it holds waits for ever.{list}",
            ko: "`{caller}` 호출자가 자기가 잡고 있는 {vault}의 락을 기다립니다: 비동기 락은 재진입할 수 \
                 없어서, 잡고 있는 락을 다시 잡는 태스크는 영원히 기다립니다.{list}",
        );
    }
    let last = trace.finished_at().as_millis();
    world::say!(
        en: "the transfers never finished (the last event at {last} ms), with no lock wait left \
             open:{list}\nsomething awaited that can never complete",
        ko: "이체가 끝나지 않았고(마지막 이벤트 {last} ms), 끝나지 않은 락 대기는 없습니다:{list}\n끝날 수 \
             없는 무언가를 await하고 있습니다",
    )
}

/// Steps 1 and 4's two transfers, A->B 10 and B->A 5, both made.
fn assert_two_transfers_made(a: &Vault, b: &Vault) {
    assert_eq!(
        (a.peek(), b.peek()),
        (95, 105),
        "{}",
        world::say!(
            en: "A->B 10 and B->A 5 leave A at 95 and B at 105",
            ko: "A->B로 10, B->A로 5를 이체하면 A는 95, B는 105입니다",
        )
    );
}

/// When a caller's last span ended.
fn done_at(trace: &Trace, caller: &str) -> u128 {
    trace
        .spans_of(caller)
        .iter()
        .filter_map(|s| s.end)
        .max()
        .unwrap_or_default()
        .as_millis()
}

/// The caller rows only, each lock wait labelled by its rank (`lock 1st`,
/// `lock 2nd`) rather than its account: any global order draws alike.
fn callers_only(trace: &Trace, callers: &[&str]) -> Trace {
    trace.edited(|events| {
        let mut rank: std::collections::HashMap<String, usize> = Default::default();
        events
            .into_iter()
            .filter(|e| callers.contains(&e.actor.as_str()))
            .map(|mut e| {
                use world::trace::Kind;
                let relabel = |label: &mut String, rank: usize| {
                    *label = if rank == 1 { "lock 1st" } else { "lock 2nd" }.to_owned();
                };
                match &mut e.kind {
                    Kind::Start { label, .. } if label.starts_with("lock ") => {
                        let n = rank.entry(e.actor.clone()).or_default();
                        *n += 1;
                        relabel(label, *n);
                    }
                    Kind::End { label, .. } | Kind::Dropped { label }
                        if label.starts_with("lock ") =>
                    {
                        let n = *rank.get(&e.actor).unwrap_or(&1);
                        relabel(label, n);
                    }
                    _ => {}
                }
                e
            })
            .collect()
    })
}

/// `kata::transfer` on `world`, drawn on the row `name` (the caller's).
fn transfer_as(
    world: &World,
    name: &str,
    from: &Vault,
    to: &Vault,
    amount: u64,
) -> impl Future<Output = ()> + use<> {
    let (world, from, to, name) = (world.clone(), from.clone(), to.clone(), name.to_owned());
    async move {
        world
            .acting_as(name, kata::transfer(&from, &to, amount))
            .await
    }
}

#[world::step]
async fn step1_lock_order() {
    // Both directions at once, two accounts: the picture. Drawn with the
    // callers' rows only, each lock by its rank: any global order draws
    // alike.
    let world = World::start();
    world.drawn_as(|trace| callers_only(trace, &["A->B", "B->A"]));
    let a = Vault::new(&world, "A", 100);
    let b = Vault::new(&world, "B", 100);
    let run = run_for(&world, ms(2000), async {
        tokio::join!(
            transfer_as(&world, "A->B", &a, &b, 10),
            transfer_as(&world, "B->A", &b, &a, 5)
        )
    })
    .await;
    if let Run::Stuck { waits, trace } = run {
        panic!("{}", stuck_transfers(&waits, &trace));
    }
    let trace = world.trace();
    assert_held_both(&trace, "A->B", "A", "B");
    assert_held_both(&trace, "B->A", "B", "A");
    assert_one_after_another(&trace, &["A->B", "B->A"]);
    assert_two_transfers_made(&a, &b);
    let ends = (done_at(&trace, "A->B"), done_at(&trace, "B->A"));
    assert_eq!(
        ends,
        (120, 240),
        "{}",
        world::say!(
            en: "A->B, asked first, takes both locks and ends at 120 ms; B->A waits for its first \
                 lock holding nothing, then ends at 240 ms. Got {ends:?}",
            ko: "먼저 요청한 A->B가 두 락을 잡고 120 ms에 끝납니다. B->A는 아무것도 잡지 않은 채 \
                 첫 번째 락을 기다렸다가 240 ms에 끝납니다. 받은 값 {ends:?}",
        )
    );

    // A ring, in a world of its own: ordering two accounts of three is not
    // enough, and any global order will do, so it has no picture (a ring's
    // picture depends on the order chosen): the words say what happened.
    let ring_world = World::start();
    ring_world.compared_with("step1_lock_order_ring");
    let a = Vault::new(&ring_world, "A", 100);
    let b = Vault::new(&ring_world, "B", 100);
    let c = Vault::new(&ring_world, "C", 100);
    let ring_run = run_for(&ring_world, ms(2000), async {
        tokio::join!(
            transfer_as(&ring_world, "A->B", &a, &b, 10),
            transfer_as(&ring_world, "B->C", &b, &c, 20),
            transfer_as(&ring_world, "C->A", &c, &a, 30),
        )
    })
    .await;
    if let Run::Stuck { waits, trace } = ring_run {
        panic!("{}", stuck_transfers(&waits, &trace));
    }
    let trace = ring_world.trace();
    for (caller, from, to) in [("A->B", "A", "B"), ("B->C", "B", "C"), ("C->A", "C", "A")] {
        assert_held_both(&trace, caller, from, to);
    }
    assert_one_after_another(&trace, &["A->B", "B->C", "C->A"]);
    assert_eq!(
        (a.peek(), b.peek(), c.peek()),
        (120, 90, 90),
        "{}",
        world::say!(
            en: "the ring A->B 10, B->C 20, C->A 30 leaves A at 120, B at 90, C at 90",
            ko: "A->B 10, B->C 20, C->A 30을 고리로 이체하면 A는 120, B는 90, C는 90입니다",
        )
    );
    let mut ends: Vec<u128> = ["A->B", "B->C", "C->A"]
        .iter()
        .map(|c| done_at(&trace, c))
        .collect();
    ends.sort_unstable();
    assert_eq!(
        ends,
        vec![120, 230, 350],
        "{}",
        world::say!(
            en: "three transfers that each share an account with the others run one after \
                 another: they end at 120, 230 and 350 ms, got {ends:?}",
            ko: "서로 계좌를 하나씩 공유하는 이체 셋은 차례로 실행됩니다: 120, 230, 350 ms에 \
                 끝나야 하는데 {ends:?}입니다",
        )
    );

    drop(ring_world);

    // Both directions of another pair, in a world of its own: a rule that
    // orders the pairs with A in them (A first, else the source first) is no
    // global order, and B->C beside C->B closes a ring of two. No picture,
    // as for the ring.
    let pair_world = World::start();
    pair_world.compared_with("step1_lock_order_other_pair");
    let b = Vault::new(&pair_world, "B", 100);
    let c = Vault::new(&pair_world, "C", 100);
    let pair_run = run_for(&pair_world, ms(2000), async {
        tokio::join!(
            transfer_as(&pair_world, "B->C", &b, &c, 10),
            transfer_as(&pair_world, "C->B", &c, &b, 5)
        )
    })
    .await;
    if let Run::Stuck { waits, trace } = pair_run {
        panic!("{}", stuck_transfers(&waits, &trace));
    }
    drop(pair_world);

    let drawn = callers_only(&world.trace(), &["A->B", "B->A"]);
    assert_timeline!("step1_lock_order", world, drawn: drawn);
}

/// Step 2's rows, whichever task sends the statement: a task spawned for
/// it has no row of its own (the world's actor does not cross a
/// `tokio::spawn`), so its spans fall on the row `caller`. Each such task
/// is drawn on the row of the call whose withdrawal ended at the instant
/// the task began: the lesson is when the lock is given back and the
/// statement sent, not which task sends it.
fn statements_on_their_calls(trace: &Trace) -> Trace {
    use std::collections::HashMap;
    use world::trace::Kind;
    let withdrawn: Vec<(std::time::Duration, String)> = trace
        .spans()
        .iter()
        .filter(|s| s.label.starts_with("withdraw ") && s.actor != "caller")
        .filter_map(|s| Some((s.end?, s.actor.clone())))
        .collect();
    let mut owner: HashMap<_, String> = HashMap::new();
    for e in trace.events() {
        let Some(task) = e.task else { continue };
        if e.actor != "caller" || owner.contains_key(&task) {
            continue;
        }
        if let Some((_, call)) = withdrawn.iter().rev().find(|(end, _)| *end == e.at) {
            owner.insert(task, call.clone());
        }
    }
    trace.edited(|events| {
        events
            .into_iter()
            .map(|mut e| {
                let Some(call) = e.task.and_then(|t| owner.get(&t)) else {
                    return e;
                };
                if e.actor == "caller" {
                    e.actor = call.clone();
                }
                match &mut e.kind {
                    Kind::Start { label, .. }
                    | Kind::End { label, .. }
                    | Kind::Dropped { label }
                        if label == "caller" =>
                    {
                        *label = call.clone();
                    }
                    _ => {}
                }
                e
            })
            .collect()
    })
}

#[world::step]
async fn step2_release_before_await() {
    let world = World::start();
    world.drawn_as(statements_on_their_calls);
    let a = Vault::new(&world, "A", 100);
    let run = run_for(
        &world,
        ms(2000),
        world.acting_as("notify", kata::withdraw_and_notify(&a, 10)),
    )
    .await;
    let sent = match run {
        Run::Done(sent) => sent,
        Run::Stuck { trace, .. } => {
            let waits = waits(&statements_on_their_calls(&trace));
            let list = said(&waits);
            if !self_waits(&waits).is_empty() {
                panic!(
                    "{}",
                    world::say!(
                        en: "deadlock of one task: the statement waits for A's lock, which the \
                             same call still holds (hold and wait):{list}\nsend_statement takes \
                             the account's lock itself, and a tokio Mutex is not reentrant. Give \
                             the lock back before awaiting it: drop the guard, or end its block \
                             (a guard made in a `match` scrutinee lives to the end of the `match`)",
                        ko: "태스크 하나의 데드락: 명세서가 같은 호출이 아직 잡고 있는 A의 락을 \
                             기다립니다(점유 대기):{list}\n`send_statement`는 계좌의 락을 직접 \
                             잡고, tokio `Mutex`는 재진입할 수 없습니다. 명세서를 await하기 전에 락을 \
                             돌려주십시오: 가드를 drop하거나 그 블록을 끝내십시오(`match`의 \
                             대상 식에서 만든 가드는 `match`가 끝날 때까지 살아 있습니다)",
                    )
                );
            }
            panic!(
                "{}",
                world::say!(
                    en: "withdraw_and_notify never answered:{list}\nsomething awaited that can \
                         never complete",
                    ko: "`withdraw_and_notify`가 답하지 않았습니다:{list}\n끝날 수 없는 무언가를 \
                         await하고 있습니다",
                )
            );
        }
    };
    let trace = world.trace();
    let statements: Vec<SpanRecord> = trace
        .spans()
        .into_iter()
        .filter(|s| s.label.starts_with("statement "))
        .collect();
    assert!(
        statements.len() == 1 && statements[0].ending == Ending::Done,
        "{}",
        world::say!(
            en: "withdraw_and_notify answered {sent} with {} statement(s) sent to the end: it \
                 sends the statement (send_statement().await) and answers the balance that \
                 statement sent, after it is sent",
            ko: "`withdraw_and_notify`의 답은 {sent}인데 끝까지 보낸 명세서는 {}개입니다: \
                 명세서를 보내고(`send_statement().await`), 보낸 뒤에 그 명세서의 잔액을 답합니다",
            statements.iter().filter(|s| s.ending == Ending::Done).count(),
        )
    );
    assert_eq!(
        (sent, world.now()),
        (90, ms(170)),
        "{}",
        world::say!(
            en: "one call: the lock at 10 ms, the withdrawal to 60 ms, the statement's own lock at \
                 70 ms, sent at 170 ms with the balance 90",
            ko: "호출 하나: 10 ms에 락, 60 ms까지 출금, 70 ms에 명세서 자신의 락, 170 ms에 잔액 \
                 90으로 발송",
        )
    );

    // Two calls at once on one account: each statement waits its turn for
    // the lock, and both see both withdrawals.
    let b = Vault::new(&world, "B", 100);
    let start = world.now();
    let call = |name: &str| {
        let (world, b, name) = (world.clone(), b.clone(), name.to_owned());
        async move {
            world
                .acting_as(name, kata::withdraw_and_notify(&b, 10))
                .await
        }
    };
    let run = run_for(&world, ms(2000), async {
        tokio::join!(call("notify 1"), call("notify 2"))
    })
    .await;
    let Run::Done(answers) = run else {
        panic!(
            "{}",
            world::say!(
                en: "two withdraw_and_notify at once on one account never finished: the second \
                     call's lock waits for the first's, which must be given back before the \
                     statement",
                ko: "한 계좌에 `withdraw_and_notify`를 두 번 동시에 호출했더니 끝나지 않았습니다: 두 번째 \
                     호출의 락은 첫 번째 호출의 락을 기다리고, 첫 번째 호출은 명세서 전에 락을 \
                     돌려주어야 합니다",
            )
        );
    };
    let took = (world.now() - start).as_millis();
    let drawn = statements_on_their_calls(&world.trace());
    let said_by = |call: &str| -> Option<u64> {
        use world::trace::Kind;
        drawn.events().iter().find_map(|e| match &e.kind {
            Kind::End { label, detail } if e.actor == call && label.starts_with("statement ") => {
                detail.as_deref()?.parse().ok()
            }
            _ => None,
        })
    };
    if let (Some(first), Some(second)) = (said_by("notify 1"), said_by("notify 2"))
        && (first, second) != answers
    {
        panic!(
            "{}",
            world::say!(
                en: "two calls at once on B answered {answers:?}, but the statements they sent \
                     said ({first}, {second}): answer the balance the statement sent (what \
                     send_statement answers), not the one withdraw answered",
                ko: "B에 동시에 보낸 두 호출의 답은 {answers:?}인데, 보낸 명세서에는 ({first}, \
                     {second})라고 적혀 있습니다: `withdraw`가 답한 잔액이 아니라 명세서가 보낸 \
                     잔액(`send_statement`가 답하는 값)을 답하십시오",
            )
        );
    }
    assert_eq!(
        (answers, took),
        ((80, 80), 240),
        "{}",
        world::say!(
            en: "two calls at once on B (100, 10 each): both statements are sent after both \
                 withdrawals, with 80, and the second at 240 ms",
            ko: "B(100)에 10씩 두 호출을 동시에: 두 명세서 모두 두 출금 뒤에 80으로 발송되고, 두 번째는 \
                 240 ms에 발송됩니다",
        )
    );
    let drawn = statements_on_their_calls(&world.trace());
    assert_timeline!("step2_release_before_await", world, drawn: drawn);
}

fn assert_sync<T: Send + Sync>() {}

/// Step 3's rule: one call of `Fees`, one lock of its table. Two locks in
/// one call (sequential, so no hang) leave a gap between them in which
/// another thread can charge: the total `charge` answers is then not the
/// one its own fee made.
fn assert_locked_once(call: &str, locks: u64) {
    if locks == 0 {
        panic!(
            "{}",
            world::say!(
                en: "`{call}` never locked a `world::CountedMutex`: keep the table of fees in \
                     the stub's field (`CountedMutex<HashMap<String, u64>>`, std's Mutex, \
                     counted), so that the tests can see how many times each call locks it",
                ko: "`{call}` 호출이 `world::CountedMutex`의 락을 한 번도 잡지 않았습니다: 수수료 표는 \
                     스텁의 필드(`CountedMutex<HashMap<String, u64>>`, 락을 잡은 횟수를 세는 std의 \
                     `Mutex`)에 두십시오. 그래야 테스트가 호출마다 락을 몇 번 잡는지 볼 수 있습니다",
            )
        );
    }
    assert_eq!(
        locks,
        1,
        "{}",
        world::say!(
            en: "`{call}` locked the table {locks} times in one call: lock once per call. \
                 Between two locks another thread can charge, so the total answered is not the \
                 one this call made (on a multi-thread runtime two charges at once can both \
                 answer the later total). Take the guard once and do the work on it: a helper \
                 that takes the locked table (`&HashMap<..>`), not a call of another method \
                 that locks again. (A lock taken in an `if let` or `match` scrutinee is held \
                 to the end of the whole `if let` or `match`: locking again inside it, on the \
                 same thread, never returns)",
            ko: "`{call}` 호출이 한 번에 표의 락을 {locks}번 잡았습니다: 호출마다 락은 한 번만 잡으십시오. \
                 두 락 사이에 다른 스레드가 수수료를 청구할 수 있어서, 답한 합계가 이 호출이 \
                 만든 합계가 아니게 됩니다(멀티 스레드 런타임에서는 동시에 들어온 두 청구가 둘 다 \
                 나중 합계를 답할 수 있습니다). 가드를 한 번 잡고 그 가드로 일하십시오: 다시 락을 \
                 잡는 다른 메서드를 부르지 말고, 락이 잡힌 표(`&HashMap<..>`)를 받는 헬퍼 함수를 \
                 쓰십시오. (`if let`이나 `match`의 대상 식에서 잡은 락은 그 `if let`이나 `match`가 \
                 통째로 끝날 때까지 잡혀 있습니다: 그 안에서 같은 스레드가 다시 락을 잡으려 하면 \
                 그 호출은 반환하지 않습니다)",
        )
    );
}

#[world::step]
async fn step3_lock_once() {
    let world = World::start();
    assert_sync::<kata::Fees>();
    let fees = Arc::new(kata::Fees::new());
    // Each charge drawn as an instant on the row `fees`, with its answer,
    // and the locks it took counted (the table is a `CountedMutex`).
    let charge = |account: &str, amount: u64| {
        let span = world.span("fees", &format!("charge {account} {amount}"), Fill::Work);
        let before = locks_taken();
        let total = fees.charge(account, amount);
        assert_locked_once("charge", locks_taken() - before);
        span.end(Some(total));
        total
    };
    let charged = within(10, async {
        let first = charge("A", 5);
        let second = charge("B", 7);
        let third = charge("A", 1);
        (first, second, third)
    })
    .await;
    assert_eq!(
        charged,
        (5, 12, 13),
        "{}",
        world::say!(
            en: "charge answers the total of every fee so far, this one included: 5, then 12, \
                 then 13",
            ko: "`charge`는 이번 것까지 포함한 지금까지의 모든 수수료 합계를 답합니다: 5, 12, 13",
        )
    );
    let before = locks_taken();
    fees.charged("A");
    assert_locked_once("charged", locks_taken() - before);
    let before = locks_taken();
    fees.total();
    assert_locked_once("total", locks_taken() - before);
    assert_eq!(
        (
            fees.charged("A"),
            fees.charged("B"),
            fees.charged("C"),
            fees.total()
        ),
        (6, 7, 0, 13),
        "{}",
        world::say!(
            en: "charged is one account's total (A 6, B 7, C never charged 0), total every \
                 account's (13)",
            ko: "`charged`는 한 계좌의 합계(A 6, B 7, 청구된 적 없는 C 0), `total`은 모든 계좌의 \
                 합계(13)입니다",
        )
    );
    // Many tasks at once: one lock, no fee lost.
    let tasks: Vec<_> = (0..10)
        .map(|i| {
            let fees = Arc::clone(&fees);
            tokio::spawn(async move { fees.charge(if i % 2 == 0 { "A" } else { "B" }, 1) })
        })
        .collect();
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(within(10, task).await.expect("a charge"));
    }
    answers.sort_unstable();
    assert_eq!(
        (answers, fees.total()),
        ((14..=23).collect::<Vec<u64>>(), 23),
        "{}",
        world::say!(
            en: "ten charges of 1 from ten tasks answer 14 to 23, each total once, and leave 23",
            ko: "태스크 열 개에서 1씩 열 번 청구하면 14부터 23까지 한 번씩 답하고, 합계는 23입니다",
        )
    );
    assert_timeline!("step3_lock_once", world);
}

#[world::step]
async fn step4_back_off() {
    // A->B backs off from 20 ms, B->A from 50 ms and starts at 5 ms.
    let world = World::start();
    world.compared_with("step4_back_off");
    let a = Vault::new(&world, "A", 100);
    let b = Vault::new(&world, "B", 100);
    let go = |name: &str, from: &Vault, to: &Vault, amount: u64, backoff: u64, after: u64| {
        let (world, from, to, name) = (world.clone(), from.clone(), to.clone(), name.to_owned());
        async move {
            tokio::time::sleep(ms(after)).await;
            world
                .acting_as(
                    name,
                    kata::transfer_backing_off(&from, &to, amount, ms(backoff)),
                )
                .await
        }
    };
    let run = run_for(&world, ms(3000), async {
        tokio::join!(go("A->B", &a, &b, 10, 20, 0), go("B->A", &b, &a, 5, 50, 5))
    })
    .await;
    let attempts = match run {
        Run::Done(attempts) => attempts,
        Run::Stuck { waits, trace } => panic!("{}", stuck_backing_off(&waits, &trace)),
    };
    let trace = world.trace();
    assert_released_on_busy(&trace);
    for (caller, from) in [("A->B", "A"), ("B->A", "B")] {
        let waited = trace
            .spans_of(caller)
            .iter()
            .any(|s| s.label == format!("lock {from}"));
        assert!(
            waited,
            "{}",
            world::say!(
                en: "`{caller}` took `from`'s lock with try_lock (no `lock {from}` drawn on its \
                     row): take `from`'s lock with lock().await, waiting its turn in the queue; \
                     only the second lock is tried, and only its failure makes you back off",
                ko: "`{caller}` 호출자가 `from`의 락을 `try_lock`으로 잡았습니다(행에 `lock {from}`이 \
                     그려지지 않았습니다): `from`의 락은 `lock().await`로 차례를 기다려 \
                     잡으십시오. `try_lock`은 두 번째 락에만 쓰고, 그것이 실패할 때만 \
                     물러납니다",
            )
        );
    }
    assert_held_both(&trace, "A->B", "A", "B");
    assert_held_both(&trace, "B->A", "B", "A");
    assert_two_transfers_made(&a, &b);
    let ends = (done_at(&trace, "A->B"), done_at(&trace, "B->A"));
    assert!(
        attempts != (1, 0),
        "{}",
        world::say!(
            en: "A->B needs 2 attempts and B->A 1, and you answered {attempts:?}: you answered \
                 the failures, not the attempts. Count one attempt per lock() of `from`, the one \
                 that succeeds too",
            ko: "A->B는 시도 2번, B->A는 1번인데 {attempts:?}를 답했습니다: 시도가 아니라 실패를 \
                 셌습니다. `from`의 `lock()` 한 번마다 시도 한 번으로, 성공한 시도까지 세십시오",
        )
    );
    assert_eq!(
        (attempts, ends),
        ((2, 1), (225, 115)),
        "{}",
        world::say!(
            en: "A->B finds B busy at 10 ms, gives A back and waits 20 ms; B->A then gets A at once \
                 and ends at 115 ms; A->B's second attempt waits its turn for A and ends at \
                 225 ms. Expected 2 and 1 attempts, ending at (225, 115) ms; got {attempts:?}, \
                 {ends:?}",
            ko: "A->B는 10 ms에 B가 바쁜 것을 보고 A를 돌려준 뒤 20 ms 기다립니다. 그러면 B->A가 A를 \
                 바로 잡아 115 ms에 끝나고, A->B의 두 번째 시도는 A를 자기 차례까지 기다려 225 ms에 \
                 끝납니다. 시도 2번과 1번, 끝난 시각 (225, 115) ms를 기대했는데 {attempts:?}, \
                 {ends:?}입니다",
        )
    );

    // The doubling: D held by someone else for 300 ms, in a world of its
    // own, with no picture of its own (the words give every attempt's
    // time): a failure here must not draw it beside the A/B reference.
    let held = World::start();
    held.compared_with("step4_back_off_doubling");
    let c = Vault::new(&held, "C", 100);
    let d = Vault::new(&held, "D", 100);
    let holder = {
        let (held, d) = (held.clone(), d.clone());
        async move {
            held.acting_as("holder", async {
                let guard = d.lock().await;
                tokio::time::sleep(ms(290)).await;
                drop(guard);
            })
            .await;
        }
    };
    let mover = {
        let (held, c, d) = (held.clone(), c.clone(), d.clone());
        async move {
            tokio::time::sleep(ms(1)).await;
            held.acting_as("C->D", kata::transfer_backing_off(&c, &d, 10, ms(20)))
                .await
        }
    };
    let run = run_for(&held, ms(3000), async { tokio::join!(holder, mover) }).await;
    let ((), tries) = match run {
        Run::Done(done) => done,
        Run::Stuck { waits, trace } => panic!("{}", stuck_backing_off(&waits, &trace)),
    };
    let trace = held.trace();
    assert_released_on_busy(&trace);
    let attempts_at: Vec<u128> = trace
        .spans_of("C->D")
        .iter()
        .filter(|s| s.label == "lock C")
        .map(|s| s.start.as_millis())
        .collect();
    // The wait after each failure: an attempt's lock answers 10 ms after
    // it is asked (nobody else wants C), its try_lock fails then, and the
    // next attempt is asked after the wait.
    let waits: Vec<u128> = attempts_at
        .windows(2)
        .map(|w| w[1].saturating_sub(w[0] + 10))
        .collect();
    if let Some(&first) = waits.first()
        && first != 20
    {
        panic!(
            "{}",
            world::say!(
                en: "with D held for 300 ms and a backoff of 20 ms, the first wait was {first} ms, \
                     not `backoff` (waits {waits:?} ms, attempts at {attempts_at:?} ms): wait \
                     `backoff` after the first failure, then twice as long after each further one \
                     (20, 40, 80, 160 ms: attempts at 1, 31, 81, 171 and 341 ms)",
                ko: "D를 300 ms 잡아 두고 백오프가 20 ms일 때, 첫 대기가 `backoff`가 아니라 \
                     {first} ms였습니다(대기 {waits:?} ms, 시도 {attempts_at:?} ms): 첫 실패 뒤에는 \
                     `backoff`만큼, 그다음부터는 실패할 때마다 두 배씩 기다리십시오(20, 40, 80, \
                     160 ms: 1, 31, 81, 171, 341 ms에 시도)",
            )
        );
    }
    if waits.len() > 1 && waits.windows(2).all(|w| w[1] == w[0]) {
        panic!(
            "{}",
            world::say!(
                en: "with D held for 300 ms, the wait never doubled: waits of {waits:?} ms, \
                     {tries} attempts. After each failure wait twice as long as the time before \
                     (20, 40, 80, 160 ms: 5 attempts); a fixed wait keeps knocking at a lock that \
                     stays busy",
                ko: "D를 300 ms 잡아 두었는데 대기가 두 배로 늘지 않았습니다: 대기 {waits:?} ms, 시도 \
                     {tries}번. 실패할 때마다 앞의 대기보다 두 배 기다리십시오(20, 40, 80, 160 ms: \
                     5번). 고정된 대기는 계속 바쁜 락을 두드리기만 합니다",
            )
        );
    }
    assert_eq!(
        (tries, attempts_at.clone()),
        (5, vec![1, 31, 81, 171, 341]),
        "{}",
        world::say!(
            en: "with D held for 300 ms, a back-off from 20 ms that doubles after each failure \
                 (20, 40, 80, 160 ms) tries at 1, 31, 81, 171 and 341 ms: 5 attempts. Got {tries} \
                 attempts, at {attempts_at:?} ms: wait `backoff` after the first failure, then \
                 twice as long after each one",
            ko: "D를 300 ms 동안 잡아 두면, 20 ms에서 시작해 실패할 때마다 두 배가 되는 백오프(20, \
                 40, 80, 160 ms)는 1, 31, 81, 171, 341 ms에 시도합니다: 5번. 받은 값은 {tries}번, \
                 {attempts_at:?} ms입니다: 첫 실패 뒤에 `backoff`만큼, 그다음부터는 실패할 때마다 두 \
                 배씩 기다리십시오",
        )
    );
    assert_eq!(
        (c.peek(), d.peek()),
        (90, 110),
        "{}",
        world::say!(
            en: "C->D 10 leaves C at 90 and D at 110",
            ko: "C->D로 10을 이체하면 C는 90, D는 110입니다",
        )
    );
    assert_timeline!("step4_back_off", world);
}

/// The first time a caller found the other lock busy and still held a
/// lock afterwards: who, when, which lock, and until when (`None`: never
/// given back). A lock held then was granted before (a `lock()` answers
/// 10 ms after its grant); one granted at that very instant is the next
/// attempt's, taken after the release. On the paused clock the release is
/// at the very instant of the note, and nothing later counts as at once;
/// on a real clock (`.ci/real-clock`) the drop comes microseconds after the
/// `try_lock`, so there a millisecond does.
fn kept_on_busy(trace: &Trace) -> Option<(String, u128, String, Option<u128>)> {
    use world::trace::Kind;
    let at_once = if world::real_clock::real_clock() {
        ms(1)
    } else {
        Duration::ZERO
    };
    let spans = trace.spans();
    trace.events().iter().find_map(|e| {
        let Kind::Note(text) = &e.kind else {
            return None;
        };
        let busy = text.strip_prefix("try_lock ")?.strip_suffix(": busy")?;
        let kept = spans.iter().find(|h| {
            h.label == e.actor
                && h.actor != busy
                && h.start < e.at
                && h.end.is_none_or(|end| end > e.at + at_once)
        })?;
        Some((
            e.actor.clone(),
            e.at.as_millis(),
            kept.actor.clone(),
            kept.end.map(|end| end.as_millis()),
        ))
    })
}

/// The words for a back-off that kept its first lock.
fn kept_message(caller: &str, at: u128, vault: &str, until: Option<u128>) -> String {
    let until = match until {
        Some(ms) => world::say!(en: "until {ms} ms", ko: "{ms} ms까지"),
        None => world::say!(en: "and never gave it back", ko: "끝내 돌려주지 않았습니다"),
    };
    world::say!(
        en: "`{caller}` found the other lock busy at {at} ms but kept {vault}'s lock while it \
             backed off ({until}): holding one lock while waiting for another is the hold and \
             wait a back-off exists to break, and the other caller waits for the lock you keep. \
             Drop the first guard as soon as try_lock fails, before the sleep",
        ko: "`{caller}` 호출자가 {at} ms에 다른 락이 바쁜 것을 보고도 물러나는 동안 {vault}의 락을 \
             잡고 있었습니다({until}): 락 하나를 잡은 채 다른 락을 기다리는 것이 바로 백오프가 \
             깨려는 점유 대기이고, 다른 호출자는 여러분이 잡고 있는 락을 기다립니다. \
             `try_lock`이 실패하면 sleep 전에 바로 첫 번째 가드를 drop하십시오",
    )
}

/// The message for step 4's transfers that never finished: a back-off
/// that kept its lock, a livelock (busy, no progress), or a plain wait.
fn stuck_backing_off(waits: &[Wait], trace: &Trace) -> String {
    if let Some((caller, at, vault, until)) = kept_on_busy(trace) {
        return kept_message(&caller, at, &vault, until);
    }
    if ring(waits) {
        return stuck_transfers(waits, trace);
    }
    let busy = trace
        .notes()
        .iter()
        .filter(|n| n.starts_with("try_lock ") && n.ends_with(": busy"))
        .count();
    let locks_taken = trace
        .spans()
        .iter()
        .filter(|s| s.label.starts_with("lock "))
        .count();
    if busy > 0 {
        return world::say!(
            en: "livelock: the transfers never finished, yet they kept working: {locks_taken} \
                 lock(s) taken, the other lock busy {busy} time(s). Two callers that give their \
                 lock back and take it again at once meet again in step for ever. Wait before \
                 retrying (`backoff`, then twice as long after each failure)",
            ko: "라이브락: 이체는 끝나지 않았는데 일은 계속했습니다. 락을 {locks_taken}번 잡았고, 다른 \
                 락이 바빴던 것이 {busy}번입니다. 락을 돌려주자마자 다시 잡는 두 호출자는 영원히 같은 \
                 박자로 다시 만납니다. 재시도 전에 기다리십시오(`backoff`, 그다음 실패할 때마다 \
                 두 배)",
        );
    }
    stuck_transfers(waits, trace)
}

/// Step 4's rule on a run that finished: no lock kept while backing off.
fn assert_released_on_busy(trace: &Trace) {
    if let Some((caller, at, vault, until)) = kept_on_busy(trace) {
        panic!("{}", kept_message(&caller, at, &vault, until));
    }
}

#[world::step]
async fn step5_channel_cycle() {
    let world = World::start();
    let auditor = Auditor::new(&world);
    let ids: Vec<u64> = (1..=8).collect();
    let run = run_for(&world, ms(2000), kata::check_all(&auditor, ids.clone(), 2)).await;
    let checked = match run {
        Run::Done(checked) => checked,
        Run::Stuck { trace, .. } => {
            let done = trace
                .spans_of("checker")
                .iter()
                .filter(|s| s.ending == Ending::Done)
                .count();
            let last = trace
                .spans_of("checker")
                .iter()
                .filter_map(|s| s.end)
                .max()
                .unwrap_or_default()
                .as_millis();
            if done == 0 {
                panic!(
                    "{}",
                    world::say!(
                        en: "no id was ever checked: the checker never ran. It is a task of its \
                             own (tokio::spawn), reading the ids channel; a future made and never \
                             spawned or awaited does nothing",
                        ko: "확인된 id가 하나도 없습니다: `checker` 태스크가 실행되지 않았습니다. `checker`는 \
                             id 채널을 읽는 별도의 태스크(`tokio::spawn`)입니다. 만들기만 하고 \
                             spawn하지도 await하지도 않은 future는 아무것도 하지 않습니다",
                    )
                );
            }
            if done == 8 {
                panic!(
                    "{}",
                    world::say!(
                        en: "all 8 ids were checked (the last at {last} ms), yet check_all never \
                             returned: it waits for a result that will never come. Stop after \
                             ids.len() results, or drop the ids Sender after the last send, so \
                             that the checker's loop ends and drops its results Sender, and \
                             recv() answers None",
                        ko: "id 8개를 모두 확인했는데(마지막은 {last} ms) `check_all`이 끝나지 \
                             않았습니다: 오지 않을 결과를 기다립니다. 결과를 `ids.len()`개 받으면 \
                             멈추거나, 마지막으로 보낸 뒤 id의 `Sender`를 drop하십시오. 그러면 \
                             `checker`의 루프가 끝나 결과의 `Sender`를 drop하고, `recv()`가 `None`을 \
                             답합니다",
                    )
                );
            }
            panic!(
                "{}",
                world::say!(
                    en: "deadlock in a cycle of bounded channels: {done} of 8 ids checked, the \
                         last at {last} ms, then nothing. The checker waits for room in the \
                         results channel, which only your task empties, while your task waits \
                         for every id to go out before it reads a result: for room in the ids \
                         channel, which only the checker empties, or for the JoinHandle of a \
                         task that sends them, which waits for that room. Read the results \
                         while the ids go out: tokio::join! of a sending half and a receiving \
                         half, or a sending task whose JoinHandle you await only after the last \
                         result",
                    ko: "용량 제한이 있는 채널이 고리를 이룬 데드락: id 8개 중 {done}개를 확인했고, 마지막은 \
                         {last} ms, 그 뒤로는 아무것도 없습니다. `checker`는 결과 채널에 자리가 나기를 \
                         기다리는데 그 채널은 여러분의 태스크만 비웁니다. 여러분의 태스크는 결과를 \
                         읽기 전에 모든 id가 나가기를 기다립니다: `checker`만 비우는 id 채널에 자리가 \
                         나기를, 또는 그 자리를 기다리는 보내기 태스크의 `JoinHandle`을 \
                         기다립니다. id가 나가는 동안 결과를 읽으십시오: 보내는 쪽과 받는 쪽을 \
                         `tokio::join!`으로 묶거나, 보내는 태스크를 두고 그 `JoinHandle`은 마지막 결과를 \
                         받은 뒤에 await하십시오",
                )
            );
        }
    };
    assert_eq!(
        checked,
        ids,
        "{}",
        world::say!(
            en: "check_all answers every id, once, in the order sent",
            ko: "`check_all`은 모든 id를 한 번씩, 보낸 순서대로 답합니다",
        )
    );
    let peak = world.trace().peak(|s| s.actor == "checker");
    assert_eq!(
        peak,
        1,
        "{}",
        world::say!(
            en: "{peak} checks ran at once: one checker task checks one id at a time",
            ko: "확인이 한때 {peak}개 동시에 실행됐습니다: `checker` 태스크 하나가 한 번에 id 하나씩 \
                 확인합니다",
        )
    );
    assert_eq!(
        world.now(),
        ms(400),
        "{}",
        world::say!(
            en: "the checker is never idle: 8 checks of 50 ms end at 400 ms, got {} ms",
            ko: "`checker`는 쉬지 않습니다: 50 ms짜리 확인 8번이 400 ms에 끝나야 하는데 {} ms입니다",
            world.now().as_millis(),
        )
    );
    assert_timeline!("step5_channel_cycle", world);
}
