//! Kata 19, actors: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

use std::future::Future;
use std::time::Duration;

#[cfg(not(feature = "reference"))]
use actors as kata;
#[cfg(feature = "reference")]
use actors_solution as kata;
use kata::{Account, ActorError};
use world::{SlowCounter, World, assert_timeline, within};

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// The tasks alive on the test's runtime (the test's own body is none).
fn alive_tasks() -> usize {
    tokio::runtime::Handle::current()
        .metrics()
        .num_alive_tasks()
}

/// What became of one request: its answer, a panic, or no answer within a
/// virtual second.
#[derive(Debug, PartialEq, Eq)]
enum Outcome<T> {
    Answered(T),
    Panicked,
    NoAnswer,
}

/// Runs one request in a task of its own, so that a panic or a hang in it
/// is told in words instead of ending the test.
async fn outcome<T, F>(request: F) -> Outcome<T>
where
    F: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let mut task = tokio::spawn(request);
    match tokio::time::timeout(ms(1000), &mut task).await {
        Ok(Ok(value)) => Outcome::Answered(value),
        Ok(Err(_)) => Outcome::Panicked,
        Err(_) => {
            task.abort();
            Outcome::NoAnswer
        }
    }
}

/// Asserts that a request to an actor that has stopped came back as
/// `Err(Stopped)`, in words for each other thing it could have done.
fn assert_refused<T: std::fmt::Debug>(what: &str, got: Outcome<Result<T, ActorError>>) {
    match got {
        Outcome::Answered(Err(ActorError::Stopped)) => {}
        Outcome::Answered(other) => panic!(
            "{}",
            world::say!(
                en: "{what} to an actor that has stopped answered {other:?}: it must be \
                     Err(ActorError::Stopped), the error a closed mailbox gives (send fails) or \
                     a dropped reply sender (the oneshot's receiver gets an error)",
                ko: "멈춘 actor에 보낸 {what} 요청이 {other:?}로 답했습니다: 닫힌 메일박스(send가 \
                     실패)나 drop된 응답 `Sender`(`oneshot`의 `Receiver`가 에러를 받음)가 주는 \
                     에러, 곧 `Err(ActorError::Stopped)`여야 합니다",
            )
        ),
        Outcome::Panicked => panic!(
            "{}",
            world::say!(
                en: "{what} to an actor that has stopped panicked: a request to a stopped actor \
                     is an error, not a panic. Map the failed send and the failed reply (an \
                     unwrap or expect on either panics) to Err(ActorError::Stopped)",
                ko: "멈춘 actor에 보낸 {what} 요청이 패닉했습니다: 멈춘 actor에 보낸 요청은 패닉이 \
                     아니라 에러입니다. 실패한 send와 실패한 응답(어느 쪽이든 unwrap이나 expect는 \
                     패닉합니다)을 `Err(ActorError::Stopped)`로 바꾸십시오",
            )
        ),
        Outcome::NoAnswer => panic!(
            "{}",
            world::say!(
                en: "{what} to an actor that has stopped got no answer within 1 s of virtual time: \
                     it hangs. Once the actor's task ends, its Receiver is dropped and send fails at \
                     once; a reply sender dropped unanswered makes the oneshot receiver fail. \
                     Something kept the mailbox open or the reply sender alive without answering",
                ko: "멈춘 actor에 보낸 {what} 요청이 가상 시간 1초 안에 답을 받지 못했습니다: \
                     멈춰 있습니다. actor의 태스크가 끝나면 `Receiver`가 drop되어 send가 바로 \
                     실패하고, 답하지 않고 drop된 응답 `Sender`는 `oneshot`의 `Receiver`를 \
                     실패시킵니다. 무언가가 메일박스를 열어 두었거나 답하지 않은 응답 `Sender`를 \
                     붙들고 있습니다",
            )
        ),
    }
}

/// Which tasks the reads and writes on `row` ran in.
fn tasks_on(world: &World, row: &str) -> Vec<Option<tokio::task::Id>> {
    world
        .trace()
        .spans_of(row)
        .iter()
        .map(|span| span.task)
        .collect()
}

#[world::step]
async fn step1_one_owner() {
    let world = World::start();
    let store = SlowCounter::named(&world, "account", 0);
    let account = kata::spawn_account(store.clone(), 16);

    let deposits = (1..=10).map(|i| {
        let account = account.clone();
        let world = world.clone();
        async move { world.track(format!("dep {i}"), account.deposit(1)).await }
    });
    let answers = within(10, futures::future::join_all(deposits)).await;

    let mut balances: Vec<u64> = answers
        .iter()
        .map(|answer| {
            answer.unwrap_or_else(|e| {
                panic!(
                    "{}",
                    world::say!(
                        en: "a deposit to a running actor failed with {e:?}",
                        ko: "실행 중인 actor에 보낸 입금이 {e:?}로 실패했습니다",
                    )
                )
            })
        })
        .collect();
    let callers_touched = (1..=10).any(|i| {
        world
            .trace()
            .spans_of(&format!("dep {i}"))
            .iter()
            .any(|s| s.label == "read" || s.label == "write")
    });
    assert!(
        !callers_touched,
        "{}",
        world::say!(
            en: "the callers read and wrote the balance themselves: an actor owns its state, and only \
                 its own task touches it. The handle only sends a message and awaits the reply",
            ko: "호출자가 잔액을 직접 읽고 썼습니다: actor는 자기 상태를 소유하고, 그 상태는 \
                 actor 자신의 태스크만 건드립니다. 핸들은 메시지를 보내고 답을 await할 뿐입니다",
        )
    );
    let peak = world
        .trace()
        .peak(|s| s.actor == "account" && (s.label == "read" || s.label == "write"));
    assert!(
        peak <= 1 && store.peek() == 10,
        "{}",
        world::say!(
            en: "lost updates: ten deposits of 1 left the balance at {}, with {peak} reads and \
                 writes of the store in flight at once. The actor must handle one message to the \
                 end (read, await, write) before it takes the next: handling each message in a \
                 task of its own, or several at once, brings kata 10's race back",
            ko: "갱신 손실: 1씩 열 번 입금했는데 잔액이 {}이고, 저장소의 읽기·쓰기가 한때 \
                 {peak}개 동시에 진행됐습니다. actor는 메시지 하나를 끝까지(읽기, await, 쓰기) \
                 처리한 다음에 다음 메시지를 받아야 합니다: 메시지마다 태스크를 따로 띄우거나 \
                 여러 개를 한꺼번에 처리하면 kata 10의 경쟁 조건이 돌아옵니다",
            store.peek(),
        )
    );
    let tasks = tasks_on(&world, "account");
    assert!(
        tasks.iter().all(|t| t.is_some() && *t == tasks[0]),
        "{}",
        world::say!(
            en: "the balance was read and written in more than one task (or in none): one task, \
                 the actor's, spawned once, owns the store and does all its work",
            ko: "잔액을 여러 태스크에서(또는 태스크 밖에서) 읽고 썼습니다: 한 번 spawn한 \
                 actor의 태스크 하나가 저장소를 소유하고 모든 일을 합니다",
        )
    );
    balances.sort_unstable();
    assert_eq!(
        balances,
        (1..=10).collect::<Vec<u64>>(),
        "{}",
        world::say!(
            en: "each deposit answers the balance right after it: ten deposits of 1 answer 1 to 10, \
                 each once",
            ko: "입금마다 그 직후의 잔액을 답합니다: 1씩 열 번 입금하면 1부터 10까지 한 번씩 \
                 답합니다",
        )
    );
    assert_eq!(
        world.trace().finished_at(),
        ms(1000),
        "{}",
        world::say!(
            en: "one message at a time, 100 ms each (a 50 ms read, a 50 ms write): ten deposits \
                 end at 1000 ms, as with kata 10's lock",
            ko: "메시지를 하나씩, 하나에 100 ms(읽기 50 ms, 쓰기 50 ms): 입금 열 번은 kata 10의 \
                 락과 같이 1000 ms에 끝납니다",
        )
    );
    assert_timeline!("step1_one_owner", world);
}

#[world::step]
async fn step2_stops() {
    let world = World::start();
    let store = SlowCounter::named(&world, "account", 0);
    let account = kata::spawn_account(store.clone(), 4);
    let other = account.clone();

    let (a, b) = within(10, async {
        let a = world.track("dep 1", account.deposit(1)).await;
        let b = world.track("dep 2", other.deposit(2)).await;
        (a, b)
    })
    .await;
    assert_eq!(
        (a, b),
        (Ok(1), Ok(3)),
        "{}",
        world::say!(
            en: "two handles, one actor: a clone of the handle reaches the same balance",
            ko: "핸들 둘, actor 하나: 핸들을 clone해도 같은 잔액에 닿습니다",
        )
    );
    let alive = alive_tasks();
    assert_eq!(
        alive,
        1,
        "{}",
        world::say!(
            en: "while a handle is held the actor's task runs: one task alive, {alive} found",
            ko: "핸들이 남아 있는 동안 actor의 태스크는 실행 중입니다: 살아 있는 태스크 1개, \
                 {alive}개를 찾았습니다",
        )
    );
    // The stub's `Account` holds nothing yet, hence the allow: what the
    // drops end is the learner's `Sender`s, and with them the actor.
    #[allow(clippy::drop_non_drop)]
    {
        drop(account);
        drop(other);
    }
    tokio::time::sleep(ms(1)).await;
    let alive = alive_tasks();
    assert_eq!(
        alive,
        0,
        "{}",
        world::say!(
            en: "every handle is dropped, but the actor's task still runs ({alive} task(s) alive): a \
                 leaked task. recv() answers None only once every Sender is gone: the actor must \
                 not keep a Sender of its own mailbox, and must end its loop on None",
            ko: "핸들을 모두 drop했는데 actor의 태스크가 아직 실행 중입니다(살아 있는 태스크 \
                 {alive}개): 새는 태스크입니다. `recv()`는 모든 `Sender`가 사라져야 `None`을 \
                 답합니다: actor가 자기 메일박스의 `Sender`를 갖고 있으면 안 되고, `None`에서 \
                 루프를 끝내야 합니다",
        )
    );

    // Stopped on purpose: shutdown answers the final balance, and every
    // request after it is an error.
    let store = SlowCounter::named(&world, "account 2", 5);
    let account = kata::spawn_account(store, 4);
    let last = within(10, world.track("shutdown", account.shutdown())).await;
    assert_eq!(
        last,
        Ok(5),
        "{}",
        world::say!(
            en: "shutdown answers the balance the actor stopped with",
            ko: "shutdown은 actor가 멈출 때의 잔액을 답합니다",
        )
    );
    tokio::time::sleep(ms(1)).await;
    let a = account.clone();
    assert_refused(
        "deposit",
        within(10, outcome(async move { a.deposit(1).await })).await,
    );
    let a = account.clone();
    assert_refused(
        "balance",
        within(10, outcome(async move { a.balance().await })).await,
    );
    let a = account.clone();
    assert_refused(
        "shutdown",
        within(10, outcome(async move { a.shutdown().await })).await,
    );
    let alive = alive_tasks();
    assert_eq!(
        alive,
        0,
        "{}",
        world::say!(
            en: "after shutdown the actor's task has ended, though a handle is still held: {alive} \
                 task(s) alive",
            ko: "shutdown 뒤에는 핸들이 남아 있어도 actor의 태스크가 끝나 있어야 합니다: 살아 있는 \
                 태스크 {alive}개",
        )
    );
    assert_timeline!("step2_stops", world);
}

#[world::step]
async fn step3_backpressure() {
    let world = World::start();
    let store = SlowCounter::named(&world, "account", 0);
    let account = kata::spawn_account(store.clone(), 2);

    let mut handed = Vec::new();
    within(10, async {
        for i in 1..=6 {
            let sent = world
                .track(format!("send {i}"), account.send_deposit(1))
                .await;
            assert_eq!(
                sent,
                Ok(()),
                "{}",
                world::say!(
                    en: "send_deposit {i} to a running actor failed",
                    ko: "실행 중인 actor에 보낸 `send_deposit` {i}가 실패했습니다",
                )
            );
            handed.push(world.now());
        }
    })
    .await;
    let expected = [0, 0, 0, 100, 200, 300].map(ms);
    if handed != expected {
        let (what_en, what_ko) = if handed.iter().all(|t| *t == ms(0)) {
            (
                "every send returned at 0 ms: nothing waited for room, so the mailbox is not \
                 bounded at 2 (an unbounded channel, or a task that sends for the caller). A \
                 bounded mailbox is the backpressure: a full one makes the sender wait",
                "모든 send가 0 ms에 돌아왔습니다: 자리를 기다린 send가 없으니 메일박스가 2로 \
                 제한되지 않았습니다(용량 제한이 없는 채널이거나, 호출자 대신 보내는 태스크). \
                 용량 제한이 있는 메일박스가 곧 백프레셔입니다: 가득 차면 보내는 쪽이 \
                 기다립니다",
            )
        } else if handed[0] >= ms(100) {
            (
                "send_deposit waited for the deposit to be done (send 1 returned at 100 ms or \
                 later): it waits only for room in the mailbox, not for the work",
                "`send_deposit`이 입금이 끝나기를 기다렸습니다(send 1이 100 ms 이후에 \
                 돌아왔습니다): 일이 아니라 메일박스의 자리만 기다려야 합니다",
            )
        } else {
            (
                "the sends returned at other times than a mailbox of 2 gives: the first three at \
                 0 ms (two fill the mailbox, the actor takes one at once), then one each time the \
                 actor takes the next message, every 100 ms",
                "send가 돌아온 시각이 용량 2인 메일박스의 시각과 다릅니다: 처음 셋은 0 ms(둘이 \
                 메일박스를 채우고, actor가 하나를 바로 가져갑니다), 그다음은 actor가 다음 \
                 메시지를 가져갈 때마다, 100 ms마다 하나씩입니다",
            )
        };
        let handed_ms: Vec<u128> = handed.iter().map(|t| t.as_millis()).collect();
        panic!(
            "{}",
            world::say!(
                en: "{what_en} (sends returned at {handed_ms:?} ms, expected [0, 0, 0, 100, 200, 300])",
                ko: "{what_ko} (send가 돌아온 시각 {handed_ms:?} ms, 기대한 시각 [0, 0, 0, 100, 200, 300])",
            )
        );
    }
    let balance = within(10, account.balance()).await;
    assert_eq!(
        balance,
        Ok(6),
        "{}",
        world::say!(
            en: "six deposits of 1 were queued: the balance is 6 once they are done",
            ko: "1씩 여섯 번 입금을 큐에 넣었습니다: 모두 끝나면 잔액은 6입니다",
        )
    );

    // Load shedding: six at once into a mailbox of 2, nobody waits.
    let store2 = SlowCounter::named(&world, "account 2", 0);
    let shed = kata::spawn_account(store2.clone(), 2);
    let tried: Vec<Result<(), ActorError>> = (0..6).map(|_| shed.try_deposit(1)).collect();
    let expected = vec![
        Ok(()),
        Ok(()),
        Err(ActorError::Full),
        Err(ActorError::Full),
        Err(ActorError::Full),
        Err(ActorError::Full),
    ];
    assert_eq!(
        tried,
        expected,
        "{}",
        world::say!(
            en: "six try_deposits at once into a mailbox of 2: the first two are taken, the other \
                 four refused at once with Err(ActorError::Full). try_send sheds the load where \
                 send would wait; a deposit accepted beyond the mailbox's room was not shed",
            ko: "용량 2인 메일박스에 `try_deposit` 여섯 번을 한꺼번에: 처음 둘은 들어가고, 나머지 \
                 넷은 바로 `Err(ActorError::Full)`로 거절됩니다. send가 기다릴 자리에서 \
                 `try_send`는 로드 셰딩을 합니다: 메일박스의 자리를 넘어 받아들인 입금은 \
                 셰딩되지 않은 것입니다",
        )
    );
    let balance = within(10, shed.balance()).await;
    assert_eq!(
        balance,
        Ok(2),
        "{}",
        world::say!(
            en: "only the two deposits the mailbox took were made: the balance is 2",
            ko: "메일박스가 받은 입금 둘만 처리됩니다: 잔액은 2입니다",
        )
    );
    assert_eq!(
        shed.try_deposit(1),
        Ok(()),
        "{}",
        world::say!(
            en: "once the actor has taken its messages the mailbox has room again: try_deposit is \
                 accepted",
            ko: "actor가 메시지를 가져간 뒤에는 메일박스에 다시 자리가 있습니다: `try_deposit`이 \
                 받아들여집니다",
        )
    );
    within(10, shed.shutdown()).await.ok();
    tokio::time::sleep(ms(1)).await;
    let s = shed.clone();
    assert_refused(
        "send_deposit",
        within(10, outcome(async move { s.send_deposit(1).await })).await,
    );
    let s = shed.clone();
    assert_refused(
        "try_deposit",
        within(10, outcome(async move { s.try_deposit(1) })).await,
    );
    assert_timeline!("step3_backpressure", world);
}

#[world::step]
async fn step4_no_cycle() {
    let world = World::start();
    let store_a = SlowCounter::named(&world, "account A", 100);
    let store_b = SlowCounter::named(&world, "account B", 100);
    let a = kata::spawn_account(store_a.clone(), 1);
    let b = kata::spawn_account(store_b.clone(), 1);

    let transfer = |from: &Account, to: &Account, row: String, amount: u64| {
        let (from, to, world) = (from.clone(), to.clone(), world.clone());
        async move { world.track(row, from.transfer(&to, amount)).await }
    };
    let mut transfers = Vec::new();
    for i in 1..=3 {
        transfers.push(transfer(&a, &b, format!("A->B {i}"), 10));
        transfers.push(transfer(&b, &a, format!("B->A {i}"), 5));
    }
    let done = within(
        10,
        tokio::time::timeout(ms(9000), futures::future::join_all(transfers)),
    )
    .await;
    let Ok(results) = done else {
        panic!(
            "{}",
            world::say!(
                en: "deadlock: transfers A->B and B->A at once never finished (9 s of virtual time, \
                     nothing moving). Each actor, inside its handler, awaited the other: its reply, \
                     or room in its full mailbox, while the other awaited it in turn. An actor \
                     must not await another actor inside a handler: let the caller ask each \
                     actor in turn, or hand the wait to a task of its own",
                ko: "데드락: A->B와 B->A 이체를 동시에 했더니 끝나지 않았습니다(가상 시간 9초 동안 \
                     움직임 없음). 각 actor가 핸들러 안에서 상대를 await했습니다: 상대의 답이나 \
                     가득 찬 메일박스의 자리를. 그동안 상대도 이쪽을 await했습니다. actor는 핸들러 \
                     안에서 다른 actor를 await하면 안 됩니다: 호출자가 각 actor에 차례로 묻게 \
                     하거나, 기다리는 일을 별도의 태스크에 넘기십시오",
            )
        );
    };
    assert!(
        results.iter().all(Result::is_ok),
        "{}",
        world::say!(
            en: "every transfer between two running actors succeeds: {results:?}",
            ko: "실행 중인 두 actor 사이의 이체는 모두 성공합니다: {results:?}",
        )
    );
    assert_eq!(
        (store_a.peek(), store_b.peek()),
        (85, 115),
        "{}",
        world::say!(
            en: "three transfers of 10 from A to B and three of 5 from B to A leave A at 85 and B \
                 at 115: each amount taken from one account once and given to the other once",
            ko: "A에서 B로 10씩 세 번, B에서 A로 5씩 세 번 이체하면 A는 85, B는 115입니다: 금액마다 \
                 한 계좌에서 한 번 빼고 다른 계좌에 한 번 넣습니다",
        )
    );
    assert_timeline!("step4_no_cycle", world);
}

#[world::step]
async fn step5_drain() {
    let world = World::start();
    let store = SlowCounter::named(&world, "account", 0);
    let account = kata::spawn_account(store.clone(), 8);

    // A latecomer: asks at 350 ms, once the actor has read the shutdown
    // (at 300 ms) and while it is still answering what was queued.
    let late = {
        let account = account.clone();
        let world = world.clone();
        tokio::spawn(async move {
            tokio::time::sleep(ms(350)).await;
            let asked = world.now();
            let got = world.track("late", account.deposit(100)).await;
            (asked, got, world.now())
        })
    };
    let request = |row: &str, amount: u64| {
        let (account, world, row) = (account.clone(), world.clone(), row.to_owned());
        async move { world.track(row, account.deposit(amount)).await }
    };
    let (d1, d2, d3, last, d4, d5) = within(10, async {
        tokio::join!(
            request("dep 1", 1),
            request("dep 2", 1),
            request("dep 3", 1),
            async {
                let last = world.track("shutdown", account.shutdown()).await;
                (last, world.now())
            },
            request("dep 4", 1),
            request("dep 5", 1),
        )
    })
    .await;
    let (late_asked, late_got, late_answered) = within(10, late).await.expect("the latecomer");

    assert_eq!(
        (d1, d2, d3),
        (Ok(1), Ok(2), Ok(3)),
        "{}",
        world::say!(
            en: "the deposits sent before the shutdown are answered, in mailbox order",
            ko: "shutdown보다 먼저 보낸 입금은 메일박스 순서대로 답을 받습니다",
        )
    );
    assert_eq!(
        (d4, d5),
        (Ok(4), Ok(5)),
        "{}",
        world::say!(
            en: "dep 4 and dep 5 were already in the mailbox when the actor read the shutdown (at \
                 300 ms), and got {d4:?} and {d5:?}: drain the mailbox on shutdown. Close it \
                 (Receiver::close: nothing more gets in) and handle every message still in it \
                 before the task ends; dropping them leaves their callers with an error for \
                 requests the mailbox had accepted",
            ko: "dep 4와 dep 5는 actor가 shutdown을 읽을 때(300 ms) 이미 메일박스에 있었는데 \
                 {d4:?}, {d5:?}를 받았습니다: shutdown 때 메일박스를 비우십시오. 메일박스를 닫고 \
                 (`Receiver::close`: 더는 들어오지 못함) 남은 메시지를 모두 처리한 다음 태스크를 \
                 끝내야 합니다: 버리면 메일박스가 받아들인 요청의 호출자가 에러를 받습니다",
        )
    );
    assert!(
        late_got == Err(ActorError::Stopped) && late_answered == late_asked,
        "{}",
        world::say!(
            en: "a deposit asked at {} ms, after the actor read the shutdown, got {late_got:?} at \
                 {} ms: it must be refused at once with Err(ActorError::Stopped). Shutdown closes \
                 the mailbox (Receiver::close) before draining it, so nothing new gets in while \
                 the queue empties",
            ko: "actor가 shutdown을 읽은 뒤인 {} ms에 요청한 입금이 {} ms에 {late_got:?}를 \
                 받았습니다: 바로 `Err(ActorError::Stopped)`로 거절되어야 합니다. shutdown은 \
                 메일박스를 비우기 전에 닫습니다(`Receiver::close`): 큐가 비는 동안 새 요청은 \
                 들어오지 못합니다",
            late_asked.as_millis(),
            late_answered.as_millis(),
        )
    );
    let (final_balance, stopped_at) = last;
    assert_eq!(
        final_balance,
        Ok(5),
        "{}",
        world::say!(
            en: "shutdown answers the balance after the drain: 5 (the five deposits of 1), got \
                 {final_balance:?}",
            ko: "shutdown은 메일박스를 비운 뒤의 잔액을 답합니다: 5(1씩 다섯 번 입금), 받은 값 \
                 {final_balance:?}",
        )
    );
    assert!(
        stopped_at >= ms(500),
        "{}",
        world::say!(
            en: "shutdown answered at {} ms, before the five queued deposits of 100 ms were done \
                 (500 ms): it answers once the actor has handled what was queued",
            ko: "shutdown이 큐에 있던 100 ms짜리 입금 다섯 번이 끝나기(500 ms) 전인 {} ms에 \
                 답했습니다: actor가 큐에 있던 것을 모두 처리한 뒤에 답해야 합니다",
            stopped_at.as_millis(),
        )
    );
    tokio::time::sleep(ms(1)).await;
    let alive = alive_tasks();
    assert_eq!(
        alive,
        0,
        "{}",
        world::say!(
            en: "after the drain the actor's task ends: {alive} task(s) alive",
            ko: "메일박스를 비운 뒤 actor의 태스크는 끝납니다: 살아 있는 태스크 {alive}개",
        )
    );
    assert_timeline!("step5_drain", world);
}
