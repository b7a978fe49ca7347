//! What the runner says, in English and Korean, side by side: one enum per
//! command (the learner's commands; `verify` and `new` are the authors'
//! tools, and speak English), one message a line pair, `{name}` for what is
//! filled in. A message without its Korean does not compile.
//!
//! No i18n framework (see CONTRIBUTING.md): two languages and a table that
//! the compiler checks whole. The Korean follows `docs/glossary.ko.md`: a
//! tool's Korean in 합니다체 (instructions in -십시오, questions in
//! -습니까), English kept for what engineers say in English (future, kata,
//! spawn), and the names of commands, files and values quoted in code spans
//! or left as they are printed. A value is put where no particle has to
//! agree with it (`다음: {label}`), so no sentence reads `을(를)`.

use std::fmt::Display;
use std::sync::atomic::{AtomicBool, Ordering};

pub use kata_protocol::Lang;

/// The language of this run, chosen by `main` (its `--lang`, else
/// `Lang::from_env`) before anything is said, and English for the
/// authors' `verify` and `new`; English until then, as in the runner's
/// unit tests. A process speaks one language: a global spares every
/// function on the way to an error message a parameter. `true` is Korean.
static KOREAN: AtomicBool = AtomicBool::new(false);

/// Sets the language of this run.
pub fn set_lang(lang: Lang) {
    KOREAN.store(lang == Lang::Ko, Ordering::Relaxed);
}

/// The language of this run.
pub fn lang() -> Lang {
    match KOREAN.load(Ordering::Relaxed) {
        true => Lang::Ko,
        false => Lang::En,
    }
}

/// A table's message: its text in a language.
pub trait Text: Copy {
    fn text(self, lang: Lang) -> &'static str;
}

macro_rules! messages {
    ($(#[$doc:meta])* $table:ident { $($name:ident: $en:literal, $ko:literal;)* }) => {
        $(#[$doc])*
        // A message is named for what it says (`Reset::NotReset`), even
        // when that repeats its table's name.
        #[allow(clippy::enum_variant_names)]
        #[derive(Debug, Clone, Copy)]
        pub enum $table { $($name),* }

        impl Text for $table {
            fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($table::$name, Lang::En) => $en, ($table::$name, Lang::Ko) => $ko,)*
                }
            }
        }
    };
}

/// `msg` in `lang`, each `{name}` replaced by its value (in one pass: a
/// value that holds braces is left as it is).
pub fn say(lang: Lang, msg: impl Text, values: &[(&str, &dyn Display)]) -> String {
    let text = msg.text(lang);
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (close, v.to_string()))
        });
        match value {
            Some((close, value)) => {
                out.push_str(&value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `msg` in the language of this run, its values filled in.
pub fn tr(msg: impl Text, values: &[(&str, &dyn Display)]) -> String {
    say(lang(), msg, values)
}

/// `msg` in the language of this run, nothing to fill in.
pub fn text(msg: impl Text) -> &'static str {
    msg.text(lang())
}

messages! {
    /// `cargo kata interview`.
    Interview {
        Seed: "{count} questions, seed {seed} (`--seed {seed}` asks the same again).",
              "질문 {count}개, seed {seed} (같은 질문을 다시 받으려면 `--seed {seed}`).";
        Question: "Question {n} of {total}", "질문 {n}/{total}";
        Explain: "explain", "설명";
        Predict: "predict", "예측";
        AgainLabel: "asked again", "다시 묻기";
        AnswerAloud: "Answer aloud, then press Enter for the model answer (q quits).",
                     "소리 내어 답한 뒤 Enter를 누르면 모범 답안이 나옵니다 (q: 끝내기).";
        TimeLeft: "{time} left · Enter shows the answer", "{time} 남음 · Enter: 답 보기";
        TimeUp: "Time is up · Enter shows the answer", "시간이 다 됐습니다 · Enter: 답 보기";
        ModelAnswer: "Model answer", "모범 답안";
        KeyPoints: "Key points", "핵심 포인트";
        Python: "The asyncio angle", "asyncio와 비교하면";
        Timeline: "Timeline (the reference, {file})", "타임라인 (레퍼런스 기록, {file})";
        Answer: "Answer", "정답";
        ProvedBy: "Proved by step {step}: {test} in {file}", "증명: {step}단계, {file}의 {test}";
        GradePrompt: "How did it go? 1 again · 2 hard · 3 good · 4 easy (q quits)",
                     "어땠습니까? 1 다시 · 2 어려움 · 3 보통 · 4 쉬움 (q: 끝내기)";
        Again: "again", "다시";
        Hard: "hard", "어려움";
        Good: "good", "보통";
        Easy: "easy", "쉬움";
        ComesBackNow: "It comes back later in this session.", "이번 세션에서 다시 나옵니다.";
        NextReview: "Next review: {when}.", "다음 복습: {when}.";
        InMinutes: "in {n} min", "{n}분 뒤";
        InHours: "in {n} h", "{n}시간 뒤";
        InDays: "in {n} days", "{n}일 뒤";
        Summary: "Session over: {asked} answers in {minutes} min.",
                 "세션 끝: {minutes}분 동안 {asked}번 답했습니다.";
        Grades: "again {again} · hard {hard} · good {good} · easy {easy}",
                "다시 {again} · 어려움 {hard} · 보통 {good} · 쉬움 {easy}";
        Redo: "Katas to redo (graded again or hard):", "다시 풀어 볼 kata (다시·어려움으로 답한 것):";
        RedoCheck: "work it again", "다시 풀기";
        RedoInterview: "its questions", "질문만 다시";
        NothingToRedo: "Nothing to redo: every answer was good or easy.",
                       "다시 풀 kata가 없습니다. 모두 보통이나 쉬움으로 답했습니다.";
        NextDue: "Next card due: {when} (`cargo kata interview --due`).",
                 "다음 복습할 카드: {when} (`cargo kata interview --due`).";
        NothingDue: "Nothing is due: the next card is due {when}.",
                    "지금 복습할 카드가 없습니다. 다음 카드는 {when}에 돌아옵니다.";
        NothingDueNoCards: "Nothing is due: no card has been graded yet. `cargo kata interview` asks new ones.",
                           "아직 채점한 카드가 없어서 복습할 카드도 없습니다. 새 카드는 `cargo kata interview`로 받으십시오.";
        Quit: "Stopped.", "중단했습니다.";
        NoTerminal: "interview waits for you to answer aloud and reads your keys, so it needs a terminal. To print the questions instead: cargo kata interview --print",
                    "interview는 소리 내어 답할 시간을 기다리고 키 입력을 받아야 해서 터미널이 필요합니다. 질문을 출력만 하려면: cargo kata interview --print";
        PrintTitle: "Interview cards", "인터뷰 카드";
        PrintIntro: "Each card: the question to ask, then what a strong answer says. Predict cards show the reference timeline recorded by the kata's tests.",
                    "카드마다 물어볼 질문과 좋은 답에 들어가야 할 내용이 있습니다. 예측 카드에는 kata 테스트가 기록한 레퍼런스 타임라인이 함께 나옵니다.";
    }
}

messages! {
    /// What every command says around its own words: the word before an
    /// error or a warning.
    Common {
        Error: "error", "에러";
        Warning: "warning", "경고";
    }
}

messages! {
    /// Where the workspace is, and which kata a name means.
    Workspace {
        CannotReadHere: "cannot read the current directory", "현재 디렉터리를 읽을 수 없습니다";
        NotInWorkspace: "not inside the async-katas workspace: no Cargo.toml with [workspace] next to a katas/ folder in {dir} or above it.\nRun `cargo kata` from the cloned repository.",
                        "async-katas 워크스페이스 안이 아닙니다. 이 폴더와 그 위 어디에도 katas/ 폴더 옆에 [workspace]가 있는 Cargo.toml이 없습니다: {dir}\nclone한 저장소 안에서 `cargo kata`를 실행하십시오.";
        NotKataDir: "`{query}` is not a kata's directory, nor inside one (katas/NN-name); `cargo kata list` shows them all",
                    "kata 폴더(katas/NN-name)도, 그 안의 폴더도 아닙니다: `{query}`. 전체 목록은 `cargo kata list`로 보십시오";
        NoKataYet: "no kata named `{query}`: katas/ holds no kata yet",
                   "없는 kata입니다: `{query}`. katas/에 아직 kata가 하나도 없습니다";
        DidYouMean: "no kata named `{query}`; did you mean `{name}`? (`cargo kata list` shows them all)",
                    "없는 kata입니다: `{query}`. 혹시 `{name}`입니까? (전체 목록은 `cargo kata list`)";
        UnknownKata: "no kata named `{query}`; `cargo kata list` shows them all",
                     "없는 kata입니다: `{query}`. 전체 목록은 `cargo kata list`로 보십시오";
    }
}

messages! {
    /// `cargo kata` and `cargo kata list`.
    List {
        Solved: "solved", "해결함";
        InProgress: "in progress", "진행 중";
        NotStarted: "not started", "시작 전";
        Broken: "broken", "깨짐";
        BrokenKata: "{label} is broken: {error}. `cargo kata reset {name}` puts its starting code back.",
                    "{label}: 깨진 상태입니다({error}). 시작 코드를 되돌리려면: `cargo kata reset {name}`";
        Count: "{solved} of {total} solved", "{total}개 중 {solved}개 해결";
        CountUnderway: "{solved} of {total} solved, {underway} in progress",
                       "{total}개 중 {solved}개 해결, {underway}개 진행 중";
        NoKatas: "No katas yet.", "아직 kata가 없습니다.";
        AllSolved: "Every kata is solved. Try them again in another way!",
                   "모든 kata를 해결했습니다. 다른 방법으로 다시 풀어 보십시오!";
        Next: "Next: {label}", "다음: {label}";
        Asks: "asks", "질문";
        Edit: "edit", "편집";
        Read: "read", "읽기";
        Test: "test", "테스트";
        Check: "check", "확인";
        NotWritten: "(not written yet)", "(아직 없음)";
    }
}

messages! {
    /// `cargo kata check`, and the runs of `cargo test` under it.
    Check {
        CheckingNext: "Checking the next kata to solve, {label}.", "다음에 풀 kata를 확인합니다: {label}.";
        AllSolved: "every kata is solved; to check one again, name it: `cargo kata check NAME`",
                   "모든 kata를 해결했습니다. 다시 확인하려면 kata를 지정하십시오: `cargo kata check NAME`";
        DoesNotCompile: "{name} does not compile. The compiler's first error:",
                        "{name}: 컴파일되지 않습니다. 컴파일러의 첫 에러:";
        CompileCheckFails: "does not compile: {error}", "컴파일되지 않습니다: {error}";
        CompileChecks: "This kata's tests check at compile time what crossing threads needs (Send, Sync, 'static), so the compiler's first error is why every step fails:",
                       "이 kata의 테스트는 스레드를 넘나드는 데 필요한 것(Send, Sync, 'static)을 컴파일 때 검사합니다. 그래서 컴파일러의 첫 에러가 모든 단계가 실패한 이유입니다:";
        FixFirst: "Fix that one first: the errors after it often go with it.\n(`cargo build -p {name}` shows them all.)",
                  "이 에러부터 고치십시오. 뒤따르는 에러는 이것과 함께 사라지는 경우가 많습니다.\n(전부 보려면 `cargo build -p {name}`)";
        Solved: "Solved", "해결";
        AllPass: "{solved}: all {passed} tests pass. {name} is recorded as solved.\nCompare yours with the reference: `cargo kata solution {name}`",
                 "{solved}: 테스트 {passed}개가 모두 통과합니다. 해결한 kata로 기록했습니다: {name}.\n내 코드를 레퍼런스와 비교해 보십시오: `cargo kata solution {name}`";
        EverySolved: "Every kata is solved.", "모든 kata를 해결했습니다.";
        NotToTheEnd: "The tests did not run to the end:", "테스트가 끝까지 실행되지 않았습니다:";
        WatchdogStopped: "The watchdog stopped the tests in {test}.", "워치독이 {test}에서 테스트를 멈췄습니다.";
        WatchdogStoppedNotRun: "The watchdog stopped the tests in {test}; {n} did not run.",
                               "워치독이 {test}에서 테스트를 멈췄습니다. {n}개는 실행되지 않았습니다.";
        Summary: "{passed} of {total} tests pass. Keep going in {path}; stuck? `cargo kata hint {name}`",
                 "테스트 {total}개 중 {passed}개가 통과합니다. {path}에서 계속하십시오. 막혔다면 `cargo kata hint {name}`";
        Ok: "ok", "통과";
        Failed: "FAILED", "실패";
        Ignored: "ignored", "무시";
        NotRun: "not run", "미실행";
        Warning: "warning", "경고";
        NotRunWhy: "the test binary was stopped by the watchdog before this test ended",
                   "이 테스트가 끝나기 전에 워치독이 테스트 바이너리를 멈췄습니다";
        HungWhy: "the watchdog stopped this test: it hung in real time",
                 "워치독이 이 테스트를 멈췄습니다. 실제 시계로 시간이 흘러도 끝나지 않았습니다";
        LostWhy: "it failed, but the watchdog stopped the test binary before libtest could say why: `cargo test -p {kata} {test}` runs it alone",
                 "실패했지만 libtest가 이유를 출력하기 전에 워치독이 테스트 바이너리를 멈췄습니다. 이 테스트만 실행하려면 `cargo test -p {kata} {test}`";
        SnapshotDiffers: "what it recorded differs from the reference snapshot:",
                         "기록한 내용이 레퍼런스 스냅샷과 다릅니다:";
        SnapshotDiffersRun: "what it recorded differs from the reference snapshot; `cargo test` shows how",
                            "기록한 내용이 레퍼런스 스냅샷과 다릅니다. 어떻게 다른지는 `cargo test`로 보십시오";
        StoppedAtLimit: "Stopped at the time limit.", "시간 제한에 걸려 멈췄습니다.";
        NoneFinished: "{why} No test had finished.", "{why} 끝난 테스트가 없었습니다.";
        SomeFinished: "{why} The tests that had finished:", "{why} 끝난 테스트:";
        CannotStart: "cannot start `cargo test -p {package}`", "시작할 수 없습니다: `cargo test -p {package}`";
        StillRunning: "the tests of {package} were still running {secs} s after the build finished, so they were stopped: a test hangs (a busy loop?) where the kata's watchdog cannot stop it. `cargo test -p {package}` shows more.",
                      "빌드가 끝나고 {secs}초가 지나도 {package}의 테스트가 끝나지 않아 멈췄습니다. kata의 워치독이 멈출 수 없는 곳에서 테스트가 끝나지 않습니다(busy loop일 수 있습니다). 자세한 내용 보기: `cargo test -p {package}`";
        StillBuilding: "`cargo test -p {package}` was still building after {secs} s, so it was stopped. Run it yourself to see what it is waiting for.",
                       "{secs}초가 지나도 빌드가 끝나지 않아 멈췄습니다: `cargo test -p {package}`. 무엇을 기다리는지 직접 실행해 확인하십시오.";
    }
}

messages! {
    /// `cargo kata hint`.
    Hint {
        NoHints: "{label} has no hints yet: {why} ({readme}).", "{label}: 아직 힌트가 없습니다. {why} ({readme}).";
        ReadmeHoldsNone: "its README holds none", "README에 하나도 적혀 있지 않습니다";
        NoReadme: "it has no README yet", "README가 아직 없습니다";
        NoSuchLevel: "step {step} of {name} has no hint {level}; it has {list}",
                     "{name}의 {step}단계에는 {level}번 힌트가 없습니다. 있는 힌트: {list}";
        NoHintsForStep: "{name} has no hints for step {step}; steps with hints: {list}",
                        "{name}의 {step}단계에는 힌트가 없습니다. 힌트가 있는 단계: {list}";
        FirstFailed: " (the first step that failed at your last check)", " (지난 확인에서 처음 실패한 단계)";
        Heading: "{label}, step {step}{why}", "{label}, {step}단계{why}";
        Title: "Hint {shown} of {count}: {title}", "힌트 {shown}/{count}: {title}";
        Shown: "hint {shown} of {count} for step {step}", "{step}단계 힌트 {shown}/{count}";
        RunAgain: "hint {shown} of {count} for step {step}; run it again for the next",
                  "{step}단계 힌트 {shown}/{count}. 다음 힌트를 보려면 한 번 더 실행하십시오";
        Last: "that was the last hint for step {step}; the reference is `cargo kata solution {name} --peek`",
              "{step}단계의 마지막 힌트였습니다. 레퍼런스 보기: `cargo kata solution {name} --peek`";
    }
}

messages! {
    /// `cargo kata solution`.
    Solution {
        NotSolved: "{name} is not solved yet: the reference spoils the kata. `cargo kata hint {name}` first, or `--peek` to look anyway.",
                   "아직 해결하지 않은 kata입니다: {name}. 레퍼런스를 먼저 보면 kata를 풀 이유가 사라집니다. 먼저 힌트를 보십시오(`cargo kata hint {name}`). 그래도 보려면 `--peek`을 붙이십시오.";
        Peeking: "Peeking before solving: {name} is not solved yet.",
                 "해결하기 전에 미리 봅니다. 아직 해결하지 않은 kata입니다: {name}.";
        CannotRead: "cannot read {path}", "읽을 수 없습니다: {path}";
        Reference: "The reference: {path}", "레퍼런스: {path}";
        Against: "Yours against the reference (- yours, + the reference)",
                 "내 코드와 레퍼런스 비교 (- 내 코드, + 레퍼런스)";
        Same: "They are the same, byte for byte.", "바이트 하나까지 같습니다.";
        Yours: "{path} (yours)", "{path} (내 코드)";
        TheReference: "{path} (the reference)", "{path} (레퍼런스)";
        Wrong: "Classic wrong answers, each caught by the tests", "흔한 오답 (모두 테스트가 잡아냅니다)";
        Right: "Other right answers, each passing the tests", "다른 정답 (모두 테스트를 통과합니다)";
    }
}

messages! {
    /// `cargo kata reset`.
    Reset {
        NameOneOrAll: "name one kata, or say --all", "kata 하나를 지정하거나 --all을 붙이십시오";
        AllAsShipped: "Every kata is already as shipped; nothing to do.",
                      "모든 kata가 이미 시작 코드 그대로입니다. 할 일이 없습니다.";
        AsShipped: "{path} is already as shipped; nothing to do.",
                   "이미 시작 코드 그대로입니다: {path}. 할 일이 없습니다.";
        NothingChanged: "Nothing was changed.", "아무것도 바꾸지 않았습니다.";
        NoStart: "{name} has no `start` id in its Cargo.toml: which code it shipped with is unknown, so it cannot be reset. Nothing was changed.",
                 "{name}: Cargo.toml에 `start` id가 없어 시작 코드가 무엇인지 알 수 없으므로 되돌릴 수 없습니다. 아무것도 바꾸지 않았습니다.";
        CannotReadYours: "cannot read {path} ({error}), so cannot keep a copy of it. Nothing was changed.",
                         "읽을 수 없어서({error}) 사본을 남길 수 없습니다: {path}. 아무것도 바꾸지 않았습니다.";
        CannotBackUp: "cannot back up {from} to {to}", "백업할 수 없습니다: {from} → {to}";
        KeptIn: "yours is kept in {path}", "내 코드는 여기에 보관했습니다: {path}";
        NothingToKeep: "there was no file of yours to keep", "보관할 내 파일이 없었습니다";
        NotReset: "{path} was not reset: it is as it was.", "되돌리지 못했습니다: {path}. 원래 상태 그대로입니다.";
        NotReached: "Not reached, and left as they were: {list}", "차례가 오지 않아 그대로 둔 파일: {list}";
        CannotWrite: "cannot write {path}", "쓸 수 없습니다: {path}";
        CannotCreate: "cannot create {path}", "만들 수 없습니다: {path}";
        Done: "Reset {path} to its starting code; {kept}", "시작 코드로 되돌렸습니다: {path}. {kept}";
        Cleared: "Cleared from .kata-progress (solved, failing steps, hints shown; interview grades kept): {names}",
                 ".kata-progress에서 지웠습니다(해결 기록, 실패한 단계, 본 힌트. 인터뷰 채점은 남깁니다): {names}";
        NotCleared: "the code was reset, but .kata-progress still records what it held of {names} (solved, hints shown); `cargo kata reset` again clears it once the file can be written",
                    "코드는 되돌렸지만 .kata-progress에 {names}의 기록(해결 기록, 본 힌트)이 남아 있습니다. 파일을 쓸 수 있게 되면 `cargo kata reset`을 다시 실행해 지우십시오";
        NoGit: "cannot run git ({error}): reset reads the starting code from git's history, so it needs git installed. Nothing was changed.",
               "git을 실행할 수 없습니다({error}). reset은 git 기록에서 시작 코드를 읽으므로 git이 설치되어 있어야 합니다. 아무것도 바꾸지 않았습니다.";
        NotInHistory: "the starting code of {name} (git blob {start}) is not in this clone's history ({why}). Nothing was changed.",
                      "{name}의 시작 코드(git blob {start})가 이 clone의 기록에 없습니다({why}). 아무것도 바꾸지 않았습니다.";
        OtherContent: "git gave other content for blob {start} (the start of {name}). Nothing was changed.",
                      "git이 blob {start}({name}의 시작 코드)로 다른 내용을 돌려주었습니다. 아무것도 바꾸지 않았습니다.";
        NoTerminal: "refusing to overwrite without --yes: there is no terminal to ask on. Nothing was changed.",
                    "물어볼 터미널이 없어서 --yes 없이는 덮어쓰지 않습니다. 아무것도 바꾸지 않았습니다.";
        AskOne: "Reset {path} to its starting code? A copy of yours is made first, in {backup}/. [y/N] ",
                "{path}: 시작 코드로 되돌리겠습니까? 먼저 {backup}/에 내 코드의 사본을 만듭니다. [y/N] ";
        Differ: "These files differ from their starting code:", "다음 파일이 시작 코드와 다릅니다:";
        AskAll: "Reset all {n} to their starting code? A copy of each is made first, in {backup}/. [y/N] ",
                "{n}개 파일을 모두 시작 코드로 되돌리겠습니까? 먼저 {backup}/에 각 파일의 사본을 만듭니다. [y/N] ";
        LinkedBackups: "{dir} is a symbolic link: reset keeps your code only in a folder of its own. Remove the link (`rm {dir}`) and run it again. Nothing was changed.",
                       "{dir}: 심볼릭 링크입니다. reset은 내 코드를 자기 폴더에만 보관합니다. 링크를 지우고(`rm {dir}`) 다시 실행하십시오. 아무것도 바꾸지 않았습니다.";
    }
}

messages! {
    /// `cargo kata watch`.
    Watch {
        NeedsTerminal: "watch needs a terminal for its keys: use `cargo kata watch --manual` or `cargo kata check NAME`",
                       "watch는 키 입력을 받아야 해서 터미널이 필요합니다. `cargo kata watch --manual`이나 `cargo kata check NAME`을 쓰십시오";
        NothingToWatch: "Every kata is solved: nothing to watch. `cargo kata list` shows them.",
                        "모든 kata를 해결했습니다. 지켜볼 kata가 없습니다. 목록은 `cargo kata list`로 보십시오.";
        WatchFailed: "watching {dir} failed: {error}\nPress c to check by hand, or quit and use `cargo kata watch --manual`.",
                     "감시에 실패했습니다: {dir} ({error})\nc를 눌러 직접 확인하거나, 끝내고 `cargo kata watch --manual`을 쓰십시오.";
        KeysFailed: "cannot read keys any more: {error}", "더 이상 키 입력을 읽을 수 없습니다: {error}";
        CannotReadStdin: "cannot read the keyboard (stdin)", "키보드(stdin)를 읽을 수 없습니다";
        ManualKeys: "Enter checks again; h, l or q, then Enter: a hint, the list, quit.",
                    "Enter: 다시 확인. h, l, q를 누른 뒤 Enter: 힌트, 목록, 끝내기.";
        NothingLeft: "Nothing left to watch: every kata is solved.", "더 지켜볼 kata가 없습니다. 모든 kata를 해결했습니다.";
        DoingManual: "Enter checks {src} again (h hint · l list · q quit, then Enter)",
                     "Enter: {src} 다시 확인 (h 힌트 · l 목록 · q 끝내기, 누른 뒤 Enter)";
        Doing: "watching {src} (h hint · l list · q quit)", "{src} 감시 중 (h 힌트 · l 목록 · q 끝내기)";
        AlreadySolved: "{label} is solved already. To check it again: cargo kata check {name}",
                       "이미 해결한 kata입니다: {label}. 다시 확인하려면: cargo kata check {name}";
        NextToSolve: "The next kata to solve is {label}:\n  watch  cargo kata watch {name}",
                     "다음에 풀 kata: {label}\n  감시  cargo kata watch {name}";
        NoneLeft: "Every kata is solved: nothing left to watch.", "모든 kata를 해결했습니다. 더 지켜볼 kata가 없습니다.";
        CannotWatch: "cannot watch {dir} for changes: {error}\n`cargo kata watch --manual` checks again each time you press Enter instead.",
                     "변경을 감시할 수 없습니다: {dir} ({error})\n대신 `cargo kata watch --manual`을 쓰면 Enter를 누를 때마다 다시 확인합니다.";
    }
}

messages! {
    /// `cargo kata --help`: the about of the runner and of each command,
    /// the help of each argument (see `lib.rs`, which builds clap's
    /// command with them). `verify` and `new` are the authors': their
    /// texts are English in both.
    Help {
        About: "Interview-prep katas for async Rust: your list, your progress, your checks.",
               "async Rust 인터뷰 준비 kata: 내 목록, 내 진행 상황, 내 확인.";
        Lang: "The language the runner speaks, the interview's cards included (default: KATA_LANG, else LC_ALL, LC_MESSAGES or LANG; `ko_KR...` is Korean, the rest English)",
              "runner가 말하는 언어, 인터뷰 카드 포함 (기본값: KATA_LANG, 없으면 LC_ALL, LC_MESSAGES, LANG 순. `ko_KR...`이면 한국어, 나머지는 영어) [값: en, ko]";
        List: "Every kata with its state, and what to do next (the default)",
              "모든 kata와 그 상태, 다음에 할 일 (기본 명령)";
        Check: "Run a kata's tests; when they all pass, record it solved",
               "kata의 테스트를 실행합니다. 모두 통과하면 해결한 것으로 기록합니다";
        CheckKata: "The kata: its package name, its number, its directory or a path (default: the kata whose directory you are in, else the next one not yet solved)",
                   "kata: 패키지 이름, 번호, 폴더 이름이나 경로 (기본값: 지금 있는 폴더의 kata, 아니면 아직 해결하지 않은 다음 kata)";
        Kata: "The kata: its package name, its number or its directory",
              "kata: 패키지 이름, 번호나 폴더 이름";
        Hint: "The next hint for the step you are on, from a nudge to nearly the answer",
              "지금 단계의 다음 힌트. 실마리부터 거의 정답까지 차례로 보여 줍니다";
        HintLevel: "Show exactly this hint of the step (1 is the nudge), and remember nothing",
                   "그 단계의 이 힌트만 보여 주고 아무것도 기록하지 않습니다 (1이 실마리)";
        HintStep: "The step (default: the first that failed at your last check)",
                  "단계 (기본값: 지난 확인에서 처음 실패한 단계)";
        Reset: "Put a kata's starting code back, keeping a backup of yours",
               "kata의 시작 코드를 되돌립니다. 내 코드는 백업해 둡니다";
        ResetAll: "Every kata that is not as shipped", "시작 코드와 다른 모든 kata";
        ResetYes: "Do not ask first", "묻지 않고 바로 되돌립니다";
        Solution: "The reference solution and how yours differs, once solved",
                  "해결한 뒤에 보는 레퍼런스 답안과 내 코드와의 차이";
        SolutionPeek: "Show it before you have solved the kata", "kata를 해결하기 전에 미리 봅니다";
        Watch: "Re-check a kata on every save and move on when it is solved; keys for a hint, the list and quit",
               "저장할 때마다 kata를 다시 확인하고, 해결하면 다음 kata로 넘어갑니다. 키로 힌트, 목록, 끝내기";
        WatchKata: "The kata (default: the next one not yet solved)",
                   "kata (기본값: 아직 해결하지 않은 다음 kata)";
        WatchManual: "No file watching: re-check when you press Enter. For systems where watching fails, and for use without a terminal",
                     "파일을 감시하지 않고 Enter를 누를 때 다시 확인합니다. 감시가 되지 않는 시스템이나 터미널이 없을 때 쓰십시오";
        Interview: "A mock interview from the katas' cards: a question, your answer aloud, the model answer, your grade; graded cards come back when they are due (FSRS)",
                   "kata 카드로 하는 모의 인터뷰: 질문, 소리 내어 답하기, 모범 답안, 자기 채점. 채점한 카드는 복습할 때가 되면 다시 나옵니다 (FSRS)";
        InterviewKata: "Only this kata's cards (default: every kata's)",
                       "이 kata의 카드만 (기본값: 모든 kata의 카드)";
        InterviewCount: "How many questions", "질문 수 [기본값: 5]";
        InterviewTime: "Seconds to answer each question, counted down (at most 3600)",
                       "질문마다 답할 시간(초), 거꾸로 셉니다 (최대 3600)";
        InterviewDue: "Only the cards due for review", "복습할 때가 된 카드만";
        InterviewSeed: "Draw the same questions as another session with this seed",
                       "이 seed로 다른 세션과 같은 질문을 뽑습니다";
        InterviewPrint: "Write the cards (every kata's, or --kata's) as plain text, without asking anything: to print, or for an interviewer to read out",
                        "묻지 않고 카드(모든 kata의 카드나 --kata의 카드)를 일반 텍스트로 출력합니다. 인쇄하거나 면접관이 읽어 줄 때 씁니다";
        Verify: "For authors and CI: every kata's parts agree, it starts failing, its solution passes, every known wrong answer is caught and every right one passes",
                "For authors and CI: every kata's parts agree, it starts failing, its solution passes, every known wrong answer is caught and every right one passes";
        VerifyKata: "Only this kata (default: all of them)", "Only this kata (default: all of them)";
        New: "For authors: the skeleton of a new kata, its solution, its tests and its row in README.md, to fill in until `verify` passes",
             "For authors: the skeleton of a new kata, its solution, its tests and its row in README.md, to fill in until `verify` passes";
        NewNumber: "Its number, 1 to 99 (`07` or `7`)", "Its number, 1 to 99 (`07` or `7`)";
        NewName: "Its name, lowercase words joined by hyphens (`join-errors`)",
                 "Its name, lowercase words joined by hyphens (`join-errors`)";
        NewQuestion: "The interview question it answers (default: a placeholder)",
                     "The interview question it answers (default: a placeholder)";
        PrintHelp: "Print help", "도움말을 봅니다";
        PrintVersion: "Print version", "버전을 봅니다";
        HelpCommand: "Print this message or the help of the given subcommand(s)",
                     "이 도움말이나 지정한 명령의 도움말을 봅니다";
        Usage: "Usage:", "사용법:";
        Commands: "Commands", "명령";
        Arguments: "Arguments", "인자";
        Options: "Options", "옵션";
        AtLeastOne: "it must be 1 or more", "1 이상이어야 합니다";
        NotWhole: "not a whole number", "정수가 아닙니다";
        AtMostAnHour: "it must be at most 3600 (an hour)", "3600(한 시간) 이하여야 합니다";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_fill_their_places() {
        let text = say(Lang::Ko, Interview::Question, &[("n", &2), ("total", &5)]);
        assert_eq!(text, "질문 2/5");
        assert_eq!(say(Lang::En, Interview::Again, &[]), "again");
        // In one pass: a value's own braces are not places.
        let text = say(Lang::En, Check::DoesNotCompile, &[("name", &"{name}")]);
        assert!(text.starts_with("{name} does not compile."), "{text}");
        // A place with no value is left as written.
        assert_eq!(say(Lang::En, List::Next, &[]), "Next: {label}");
    }
}
