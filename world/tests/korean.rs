//! The world's own words in the learner's language: a missed deadline, the
//! watchdog's stop and the words around a failing comparison speak Korean
//! under `KATA_LANG=ko` and English under `KATA_LANG=en`, and Korean lines
//! still fit the terminal (Hangul takes two columns a syllable).
//!
//! What depends on the environment runs in a child (this same test binary,
//! one ignored "victim" test) with `KATA_LANG` set: the language is read
//! once per process, and the workspace forbids the `unsafe` of `set_var`.

use kata_protocol::lang::has_hangul;
use world::harness::{compare, differences, explain};
use world::{Api, Lang, World, timeline, within};

mod victim;

/// Runs the ignored test `victim` in a child speaking `lang`
/// (`victim/mod.rs`); whether it passed, and what it printed (stdout, where
/// libtest reports a panic, then stderr, where the watchdog writes).
fn run_victim(victim: &str, lang: &str) -> (bool, String) {
    let output = victim::run(victim, &[("KATA_LANG", lang)]);
    let printed = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), printed)
}

/// Every line of `text` in `width` columns, measured as a terminal does.
fn assert_fits(text: &str, width: usize) {
    let wide: Vec<&str> = text
        .lines()
        .filter(|l| timeline::display_width(l) > width)
        .collect();
    assert!(wide.is_empty(), "wider than {width}: {wide:#?}\n{text}");
}

/// `text` with its line breaks and indents made single spaces.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---- The deadline ----------------------------------------------------------

#[tokio::test(flavor = "current_thread", start_paused = true)]
#[ignore = "a failure on purpose: run by a_missed_deadline_speaks_the_learners_language"]
async fn victim_deadlock() {
    let world = World::start();
    let api = Api::new(&world);
    api.fetch_user(1).await;
    within(10, std::future::pending::<()>()).await;
}

#[test]
fn a_missed_deadline_speaks_the_learners_language() {
    let (passed, ko) = run_victim("victim_deadlock", "ko");
    assert!(!passed, "{ko}");
    assert!(
        ko.contains(
            "가상 시간 10초 안에 끝나지 않았습니다(데드락?). 데드라인 전 마지막 10000 ms 동안 \
             아무 일도 일어나지 않았습니다(마지막 이벤트는 500 ms)."
        ),
        "{ko}"
    );
    assert!(!ko.contains("did not finish"), "{ko}");

    let (passed, en) = run_victim("victim_deadlock", "en");
    assert!(!passed, "{en}");
    assert!(
        en.contains(
            "did not finish within 10 s of virtual time (deadlock?): nothing happened for the \
             last 10000 ms before the deadline (the last event at 500 ms); something awaited \
             that can never complete"
        ),
        "{en}"
    );
    assert!(!has_hangul(&en), "{en}");
}

// ---- The watchdog ----------------------------------------------------------

#[tokio::test(flavor = "current_thread", start_paused = true)]
#[ignore = "a hang on purpose: run by the_watchdog_speaks_the_learners_language"]
async fn victim_never_yields() {
    let spin = std::sync::atomic::AtomicBool::new(false);
    within(10, async {
        while !spin.load(std::sync::atomic::Ordering::Relaxed) {
            std::hint::spin_loop();
        }
    })
    .await;
}

#[test]
fn the_watchdog_speaks_the_learners_language() {
    let marker = "\n@kata stopped test=victim_never_yields cause=never-yields\n";
    let secs = victim::LIMIT_MS as f64 / 1000.0;

    let (passed, ko) = run_victim("victim_never_yields", "ko");
    assert!(!passed, "the watchdog must fail the run: {ko}");
    // The marker line is the runner's, in no language.
    assert!(ko.contains(marker), "{ko}");
    assert!(
        ko.contains(&format!(
            "워치독이 실제 시간 {secs:.1}초가 지나 `victim_never_yields` 테스트를 멈췄습니다. 지켜보는"
        )),
        "{ko}"
    );
    assert!(
        ko.contains("스케줄러로 한 번도 돌아오지 않았습니다"),
        "{ko}"
    );
    assert!(ko.contains("(워치독이 본 것: 런타임이 "), "{ko}");
    assert!(!ko.contains("The watchdog stopped"), "{ko}");

    let (passed, en) = run_victim("victim_never_yields", "en");
    assert!(!passed, "the watchdog must fail the run: {en}");
    assert!(en.contains(marker), "{en}");
    assert!(
        en.contains(&format!(
            "The watchdog stopped `victim_never_yields` after {secs:.1} s of real time: the"
        )),
        "{en}"
    );
    assert!(en.contains("(What it saw: the runtime did not run"), "{en}");
    assert!(!has_hangul(&en), "{en}");
}

// ---- A failing comparison --------------------------------------------------

/// The seed's gather as the reference (500 ms), and the classic mistake,
/// awaiting one call after the other (800 ms).
async fn gathered_and_sequential() -> (world::Trace, world::Trace) {
    let reference = World::start();
    let api = Api::new(&reference);
    tokio::join!(api.fetch_user(1), api.fetch_post(1));

    let yours = World::start();
    let api = Api::new(&yours);
    api.fetch_user(1).await;
    api.fetch_post(1).await;
    (reference.trace(), yours.trace())
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_failing_comparison_speaks_korean_and_fits_80_columns() {
    let (reference, yours) = gathered_and_sequential().await;

    for width in [80, 60, 40] {
        let text = explain(Lang::Ko, "step2_gather", &reference, &yours, width);
        assert_fits(&text, width);
        let said = words(&text);
        for korean in [
            "`step2_gather`의 타임라인이 레퍼런스와 다릅니다(둘 다 같은 눈금으로 그렸습니다).",
            "처음으로 다른 곳:",
            "`fetch_post(1)`: 레퍼런스는 `+0ms start`, 작성한 코드는 `+500ms start`입니다.",
            "스냅샷이 아니라 kata를 고치십시오. 레퍼런스가 곧 맞는 답의 동작입니다.",
        ] {
            assert!(said.contains(korean), "{korean}\n{text}");
        }
        // One above the other, under Korean headings.
        assert!(text.contains("\n  레퍼런스\n"), "{text}");
        assert!(text.contains("\n  작성한 코드\n"), "{text}");
    }

    let english = explain(Lang::En, "step2_gather", &reference, &yours, 80);
    assert!(!has_hangul(&english), "{english}");
    assert!(
        english.starts_with("The timeline of `step2_gather` differs from the reference"),
        "{english}"
    );
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn korean_headings_keep_the_two_drawings_lined_up() {
    let (reference, yours) = gathered_and_sequential().await;

    let picture = compare(Lang::Ko, &reference, &yours, 200);

    // Side by side: the divider in one column on every line, the heading's
    // included, counted in display columns.
    let dividers: Vec<usize> = picture
        .lines()
        .take_while(|l| !l.starts_with("legend"))
        .map(|l| {
            let at = l
                .find(" | ")
                .unwrap_or_else(|| panic!("no divider: {l}\n{picture}"));
            timeline::display_width(&l[..at])
        })
        .collect();
    assert!(picture.starts_with("  레퍼런스"), "{picture}");
    assert!(
        dividers.windows(2).all(|w| w[0] == w[1]),
        "{dividers:?}\n{picture}"
    );
    // The drawings themselves are the snapshots' own, in any language.
    let english = compare(Lang::En, &reference, &yours, 200);
    let drawn = |p: &str| p.lines().skip(1).map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(drawn(&picture), drawn(&english));
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn every_difference_is_said_in_korean() {
    let (reference, yours) = gathered_and_sequential().await;
    let empty = World::start().trace();

    for (reference, yours, korean) in [
        (
            &reference,
            &empty,
            "이 행은 레퍼런스에만 있습니다(`+0ms start`부터).",
        ),
        (
            &empty,
            &yours,
            "이 행은 작성한 코드에만 있습니다(`+0ms start`부터).",
        ),
        (
            &reference,
            &reference,
            "이벤트도 순서도 같고, 저장된 스냅샷의 글자만 다릅니다",
        ),
    ] {
        let said = differences(Lang::Ko, reference, yours);
        assert!(
            said.iter().any(|s| s.contains(korean)),
            "{korean}\n{said:#?}"
        );
        assert!(said.iter().all(|s| has_hangul(s)), "{said:#?}");
    }
}
