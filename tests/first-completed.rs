//! Kata 08, first completed: one test per step of the README.
//!
//! Compiled twice, against the kata and against its reference solution, so
//! both are judged by the same tests and the same snapshots.

use std::time::Duration;

#[cfg(not(feature = "reference"))]
use first_completed as kata;
#[cfg(feature = "reference")]
use first_completed_solution as kata;
use world::kit::ms;
use world::{Console, Ending, Feed, Job, World, assert_timeline, within};

/// The seed's workers: A takes 3 s, B 1 s, C 2 s.
fn seed_jobs(world: &World) -> [Job; 3] {
    [("A", 3000), ("B", 1000), ("C", 2000)].map(|(name, took)| Job::new(world, name, ms(took)))
}

/// How the last run of `row` ended, and when; a message if it never ran.
fn ending(world: &World, row: &str) -> (Ending, Option<Duration>) {
    let spans = world.trace().spans_of(row);
    let span = spans.last().unwrap_or_else(|| {
        panic!(
            "{}",
            world::say!(
                en: "{row} was never run (never polled)",
                ko: "`{row}` 행은 한 번도 실행되지 않았습니다(poll되지 않았습니다)",
            )
        )
    });
    (span.ending, span.end)
}

/// Asserts that `row` was cut short (`x`) at `at`, in words that say what
/// happened instead.
fn assert_cancelled(world: &World, row: &str, at: Duration, function: &str) {
    match ending(world, row) {
        (Ending::Cancelled, Some(end)) if end == at => {}
        (Ending::Open, _) => panic!(
            "{}",
            world::say!(
                en: "{row} is still running when {function} returns: the rest must be cancelled. \
                     Dropping a JoinHandle detaches its task, it does not cancel it; abort(), \
                     abort_all() and dropping a JoinSet only ask, the task stops when the runtime \
                     next gets to it: await it (JoinSet::shutdown().await) or drop the futures \
                     themselves, as select! does",
                ko: "`{function}` 함수가 반환할 때 `{row}` 행은 아직 실행 중입니다: 나머지는 \
                     취소돼야 합니다. `JoinHandle`을 drop하면 태스크가 분리될 뿐 취소되지 \
                     않습니다. `abort()`, `abort_all()`, `JoinSet`의 drop은 요청만 할 뿐이고, \
                     태스크는 런타임이 다음에 그 태스크에 닿을 때 멈춥니다: 그 태스크를 \
                     await하거나(`JoinSet::shutdown().await`) `select!`처럼 future 자체를 \
                     drop하십시오",
            )
        ),
        (Ending::Done, Some(end)) if end == at => panic!(
            "{}",
            world::say!(
                en: "{row} finished at {at:?}, the same instant as the winner, and ran to its end: \
                     the loser must be cancelled (drawn x), in a tie too. Two spawned tasks that \
                     finish in the same tick both complete before abort() or shutdown() can reach \
                     the loser: race the futures themselves (select! drops the loser the moment the \
                     winner is taken), not tasks",
                ko: "`{row}` 행은 이긴 쪽과 같은 순간인 {at:?}에 끝까지 실행됐습니다: 동점이어도 \
                     진 쪽은 취소돼야 합니다(`x`로 그려집니다). 같은 틱에 끝나는 spawn된 태스크 \
                     두 개는 `abort()`나 `shutdown()`이 진 쪽에 닿기 전에 둘 다 완료됩니다: \
                     태스크가 아니라 future 자체를 경쟁시키십시오(`select!`는 이긴 쪽을 받는 \
                     순간 진 쪽을 drop합니다)",
            )
        ),
        (Ending::Done, end) => panic!(
            "{}",
            world::say!(
                en: "{row} ran to completion (at {end:?}), but the rest must be cancelled when the \
                     first finishes, at {at:?}: you waited for every job",
                ko: "`{row}` 행은 끝까지 실행됐지만({end:?}), 나머지는 첫 작업이 끝나는 {at:?}에 \
                     취소돼야 합니다: 모든 작업을 기다렸습니다",
            )
        ),
        (how, end) => panic!(
            "{}",
            world::say!(
                en: "{row} must be cancelled at {at:?}, when the first job finishes; it ended {how:?} \
                     at {end:?}",
                ko: "`{row}` 행은 첫 작업이 끝나는 {at:?}에 취소돼야 합니다. 실제로는 {end:?}에 \
                     {how:?} 상태로 끝났습니다",
            )
        ),
    }
}

#[world::step]
async fn step1_first_cancels_the_rest() {
    let world = World::start();
    let [a, b, c] = seed_jobs(&world);

    let first = within(10, kata::first_completed(&a, &b, &c)).await;

    assert_eq!(
        first,
        "B done",
        "{}",
        world::say!(
            en: "the first to finish is B (1 s), whatever the order the jobs are listed in: \
                 wait for all three at once, not one after the other",
            ko: "작업을 어떤 순서로 나열하든 가장 먼저 끝나는 것은 B(1 s)입니다: 하나씩 차례로가 \
                 아니라 셋을 한꺼번에 기다리십시오",
        )
    );
    assert_eq!(
        world.now(),
        ms(1000),
        "{}",
        world::say!(
            en: "the first result is there at 1000 ms, when B finishes: return it then",
            ko: "첫 결과는 B가 끝나는 1000 ms에 나옵니다: 그때 반환하십시오",
        )
    );
    for row in ["A", "C"] {
        assert_cancelled(&world, row, ms(1000), "first_completed");
    }
    assert_timeline!("step1_first_cancels_the_rest", world);
}

/// How many of `rounds` ties (primary and backup both 1 s) the backup won,
/// each on a world of its own.
async fn backup_wins_of(rounds: u32) -> u32 {
    let mut backup_won = 0;
    for _ in 0..rounds {
        let world = World::start();
        let primary = Job::new(&world, "primary", ms(1000));
        let backup = Job::new(&world, "backup", ms(1000));
        if within(10, kata::hedged(&primary, &backup)).await == "backup done" {
            backup_won += 1;
        }
    }
    backup_won
}

#[world::step]
async fn step2_a_tie_goes_to_the_primary() {
    // Many ties first, each in a throwaway world: select! without `biased;`
    // picks a random ready branch, so one tie proves nothing.
    const ROUNDS: u32 = 32;
    let backup_won = backup_wins_of(ROUNDS).await;
    assert!(
        backup_won < ROUNDS,
        "{}",
        world::say!(
            en: "the backup won all {ROUNDS} ties: a tie goes to the branch polled first, and yours \
                 polls the backup first. With `biased;` the branches are polled top to bottom: write \
                 the primary's branch above the backup's",
            ko: "동점 {ROUNDS}번을 모두 백업이 이겼습니다: 동점이면 먼저 poll된 분기가 이기는데, \
                 여러분의 코드는 백업을 먼저 poll합니다. `biased;`를 쓰면 분기를 위에서 아래로 \
                 poll합니다: 주 요청의 분기를 백업의 분기보다 위에 쓰십시오",
        )
    );
    assert_eq!(
        backup_won,
        0,
        "{}",
        world::say!(
            en: "when the primary and the backup are ready at the same instant, select! without \
                 `biased;` picks a random ready branch: the backup won {backup_won} of {ROUNDS} ties. \
                 Write `biased;` first to poll the branches in order",
            ko: "주 요청과 백업이 같은 순간에 준비되면, `biased;` 없는 `select!`는 준비된 분기 \
                 중 하나를 무작위로 고릅니다: 동점 {ROUNDS}번 중 {backup_won}번을 백업이 \
                 이겼습니다. 분기를 순서대로 poll하려면 맨 앞에 `biased;`를 쓰십시오",
        )
    );

    // The snapshot: a backup that is faster, then a tie at 2000 ms.
    let world = World::start();
    let primary = Job::new(&world, "primary", ms(2000));
    let backup = Job::new(&world, "backup", ms(1000));
    let faster = within(10, kata::hedged(&primary, &backup)).await;
    assert_eq!(
        faster,
        "backup done",
        "{}",
        world::say!(
            en: "a hedged request answers with whichever comes first: the backup (1 s) beats a \
                 primary that takes 2 s",
            ko: "헤지 요청은 먼저 오는 답으로 응답합니다: 백업(1 s)이 2 s 걸리는 주 요청을 \
                 이깁니다",
        )
    );
    let backup_start = world.trace().spans_of("backup")[0].start;
    assert!(
        backup_start.is_zero(),
        "{}",
        world::say!(
            en: "ask both at once: the backup was started at {} ms, not with the primary at 0 ms, \
                 so its answer came late",
            ko: "두 요청을 한꺼번에 보내십시오: 백업이 주 요청과 함께 0 ms에 시작하지 않고 \
                 {} ms에 시작해서 답이 늦게 왔습니다",
            backup_start.as_millis()
        )
    );
    assert_eq!(
        world.now(),
        ms(1000),
        "{}",
        world::say!(
            en: "the backup's answer is taken at once, at 1000 ms",
            ko: "백업의 답은 1000 ms에 곧바로 받아야 합니다",
        )
    );
    assert_cancelled(&world, "primary", ms(1000), "hedged");

    let primary = Job::new(&world, "primary", ms(1000));
    let backup = Job::new(&world, "backup", ms(1000));
    let tie = within(10, kata::hedged(&primary, &backup)).await;
    assert_eq!(
        tie,
        "primary done",
        "{}",
        world::say!(
            en: "a tie goes to the primary",
            ko: "동점이면 주 요청이 이깁니다",
        )
    );
    assert_cancelled(&world, "backup", ms(2000), "hedged");
    assert_timeline!("step2_a_tie_goes_to_the_primary", world);
}

#[world::step]
async fn step3_the_rest_as_they_finish() {
    let world = World::start();
    let console = Console::new(&world);
    let jobs = seed_jobs(&world).to_vec();

    let reports = within(10, kata::first_then_the_rest(jobs, &console)).await;

    let returned_at = world.now();
    for row in ["A", "B", "C"] {
        let runs = world.trace().spans_of(row);
        if runs.is_empty() || runs.iter().any(|run| run.ending == Ending::Open) {
            panic!(
                "{}",
                world::say!(
                    en: "{row} {} when first_then_the_rest returned at {} ms: nothing waited for the \
                         jobs. A spawned task nobody awaits is detached: the caller goes on without it. \
                         Wait for each job's result as it comes (JoinSet::join_next) before you return",
                    ko: "`first_then_the_rest` 함수가 {1} ms에 반환할 때 `{row}` 행은 {0}: 아무도 \
                         작업을 기다리지 않았습니다. 아무도 await하지 않는 spawn된 태스크는 \
                         분리됩니다: 호출자는 그 태스크 없이 계속 진행합니다. 반환하기 전에 \
                         작업의 결과를 오는 대로 하나씩 기다리십시오(`JoinSet::join_next`)",
                    if runs.is_empty() {
                        world::say!(
                            en: "had not even started",
                            ko: "시작조차 하지 않았습니다",
                        )
                    } else {
                        world::say!(
                            en: "was still running",
                            ko: "아직 실행 중이었습니다",
                        )
                    },
                    returned_at.as_millis()
                )
            );
        }
        assert!(
            runs.len() == 1 && runs[0].ending == Ending::Done,
            "{}",
            world::say!(
                en: "each job runs once, to the end: {row} ran {} time(s), the last one ending \
                     {:?}. A select! loop that calls run() again every turn cancels the jobs that \
                     lost and restarts them from scratch",
                ko: "작업은 한 번, 끝까지 실행돼야 합니다: `{row}` 행은 {}번 실행됐고, 마지막 \
                     실행은 {:?} 상태로 끝났습니다. 턴마다 `run()`을 다시 호출하는 `select!` 루프는 \
                     진 작업을 취소하고 처음부터 다시 시작합니다",
                runs.len(),
                runs.last().map(|run| run.ending)
            )
        );
    }
    assert_eq!(
        reports,
        ["B done", "C done", "A done"],
        "{}",
        world::say!(
            en: "the reports come as they finish: B at 1 s, C at 2 s, A at 3 s, not in the order \
                 the jobs were started",
            ko: "보고는 작업이 시작된 순서가 아니라 끝나는 순서대로 옵니다: B는 1 s, C는 2 s, \
                 A는 3 s에 옵니다",
        )
    );
    assert_eq!(
        console.printed(),
        [
            (ms(1000), "B done".to_owned()),
            (ms(2000), "C done".to_owned()),
            (ms(3000), "A done".to_owned())
        ],
        "{}",
        world::say!(
            en: "each report is printed as soon as its job finishes, at 1000, 2000 and 3000 ms",
            ko: "각 보고는 그 작업이 끝나자마자 1000, 2000, 3000 ms에 출력돼야 합니다",
        )
    );
    assert_timeline!("step3_the_rest_as_they_finish", world);
}

#[world::step]
async fn step4_no_message_lost() {
    let world = World::start();
    // Five messages 150 ms apart; decoding each takes 100 ms; the heartbeat
    // ticks at 0, 300 and 600 ms, twice while a message is being decoded.
    let arrivals = [100, 250, 400, 550, 700].map(ms);
    let texts = ["m1", "m2", "m3", "m4", "m5"];
    let feed = Feed::start(
        &world,
        &arrivals
            .iter()
            .zip(texts)
            .map(|(at, text)| (*at, text))
            .collect::<Vec<_>>(),
    );

    let (messages, beats) = within(10, kata::consume(&feed, ms(300))).await;
    let returned_at = world.now();
    // Let the clock run on: a decode left behind in a task of its own shows
    // itself running after consume returned.
    within(10, tokio::time::sleep(ms(500))).await;

    for span in world.trace().spans() {
        let after_return =
            span.start >= returned_at || span.end.is_none_or(|end| end > returned_at);
        if span.actor.starts_with("decode(") && after_return {
            panic!(
                "{}",
                world::say!(
                    en: "{} was still to be decoded when consume returned at {} ms: a decode spawned \
                         into a task of its own and never awaited is detached, and its message is lost \
                         to the caller. Decode where you read (in the loop, or the branch's handler), \
                         and push the message when it is done",
                    ko: "`consume` 함수가 {1} ms에 반환할 때 `{0}` 행은 아직 디코딩되지 않았습니다: \
                         자기 태스크로 spawn하고 await하지 않은 디코딩은 분리되고, 그 메시지는 \
                         호출자에게 돌아가지 못하고 사라집니다. 읽는 곳에서(루프 안이나 분기의 \
                         핸들러에서) 디코딩하고, 디코딩이 끝나면 메시지를 추가하십시오",
                    span.actor,
                    returned_at.as_millis()
                )
            );
        }
    }
    for span in world.trace().spans() {
        if span.actor.starts_with("decode(") && span.ending == Ending::Cancelled {
            panic!(
                "{}",
                world::say!(
                    en: "{} was lost: the message was taken off the channel, then dropped half-way \
                         through decoding at {:?}, when the heartbeat won the select!. A future created \
                         anew every turn of the loop is cancelled every time another branch wins, and \
                         next_message is not cancel-safe: keep one pinned across turns, or select on \
                         the cancel-safe recv_frame",
                    ko: "`{}` 행의 메시지를 잃었습니다: 메시지를 채널에서 꺼낸 뒤, 하트비트가 \
                         `select!`에서 이긴 {:?}에 디코딩 도중 drop했습니다. 루프의 턴마다 새로 \
                         만드는 future는 다른 분기가 이길 때마다 취소되는데, `next_message`는 \
                         취소에 안전하지 않습니다: future 하나를 pin해 두고 턴이 바뀌어도 \
                         유지하거나, 취소에 안전한 `recv_frame`으로 select하십시오",
                    span.actor,
                    span.end.unwrap_or_default()
                )
            );
        }
    }
    assert_eq!(
        messages,
        texts,
        "{}",
        world::say!(
            en: "every message, in order, none lost or duplicated",
            ko: "모든 메시지가 빠지거나 중복되지 않고 순서대로 와야 합니다",
        )
    );
    assert!(
        beats >= 3,
        "{}",
        world::say!(
            en: "the heartbeat keeps ticking while messages are read: at 0, 300 and 600 ms, before \
                 the feed closes at 800 ms. Yours beat {beats} time(s): likely a sleep(every) written \
                 inside the select! loop, which starts again every turn, so that a message every \
                 150 ms restarts it before it ends. Keep one tokio::time::interval across the turns",
            ko: "메시지를 읽는 동안에도 하트비트는 계속 뛰어야 합니다: 피드가 800 ms에 닫히기 \
                 전에 0, 300, 600 ms에 뜁니다. 여러분의 하트비트는 {beats}번 뛰었습니다: 아마 \
                 `select!` 루프 안에 `sleep(every)`를 썼을 것입니다. 그 sleep은 턴마다 새로 \
                 시작하므로, 150 ms마다 오는 메시지가 sleep이 끝나기 전에 다시 시작시킵니다. \
                 `tokio::time::interval` 하나를 턴이 바뀌어도 유지하십시오",
        )
    );
    assert_eq!(
        beats,
        3,
        "{}",
        world::say!(
            en: "the heartbeat keeps ticking while messages are read: at 0, 300 and 600 ms, before \
                 the feed closes at 800 ms",
            ko: "메시지를 읽는 동안에도 하트비트는 계속 뛰어야 합니다: 피드가 800 ms에 닫히기 \
                 전에 0, 300, 600 ms에 뜁니다",
        )
    );
    assert_eq!(
        returned_at,
        ms(800),
        "{}",
        world::say!(
            en: "done when the feed is closed and drained: m5 is decoded at 800 ms",
            ko: "피드가 닫히고 다 비워지면 끝납니다: m5는 800 ms에 디코딩됩니다",
        )
    );
    assert_timeline!("step4_no_message_lost", world);
}
