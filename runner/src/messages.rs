//! The words `cargo kata interview` says, in English and Korean, side by
//! side: one message a line pair, `{name}` for what is filled in. No i18n
//! framework: two languages and a few dozen messages.
//!
//! The Korean is a tool's Korean, as Korean developer tools write it: short,
//! polite (합니다체), English kept for what engineers say in English
//! (future, await, step).

use std::fmt::Display;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Ko,
}

impl Lang {
    /// From the locale: `LC_ALL`, then `LC_MESSAGES`, then `LANG`, the first
    /// that is set; Korean for `ko` (`ko_KR.UTF-8`), else English.
    pub fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        Lang::from_locale(&locale)
    }

    fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("ko") {
            Lang::Ko
        } else {
            Lang::En
        }
    }

    /// The key of a card's words in this language: `en`, `ko`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }
}

macro_rules! messages {
    ($($name:ident: $en:literal, $ko:literal;)*) => {
        #[derive(Debug, Clone, Copy)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::En) => $en, (Msg::$name, Lang::Ko) => $ko,)*
                }
            }
        }
    };
}

messages! {
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
    ProvedBy: "Proved by step {step}: {test} in {file}", "증명: step {step}, {file}의 {test}";
    GradePrompt: "How did it go? 1 again · 2 hard · 3 good · 4 easy (q quits)",
                 "어땠나요? 1 다시 · 2 어려움 · 3 보통 · 4 쉬움 (q: 끝내기)";
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
                       "복습할 카드가 없습니다. 아직 채점한 카드가 없어요. `cargo kata interview`로 새 카드를 받아 보세요.";
    Quit: "Stopped.", "중단했습니다.";
    NoTerminal: "interview waits for you to answer aloud and reads your keys, so it needs a terminal. To print the questions instead: cargo kata interview --print",
                "interview는 소리 내어 답할 시간을 기다리고 키 입력을 받아야 해서 터미널이 필요합니다. 질문을 출력만 하려면: cargo kata interview --print";
    PrintTitle: "Interview cards", "면접 카드";
    PrintIntro: "Each card: the question to ask, then what a strong answer says. Predict cards show the reference timeline recorded by the kata's tests.",
                "카드마다 물어볼 질문과 좋은 답에 들어가야 할 내용이 있습니다. 예측 카드에는 kata 테스트가 기록한 레퍼런스 타임라인이 함께 나옵니다.";
}

/// `msg` in `lang`, each `{name}` replaced by its value.
pub fn say(lang: Lang, msg: Msg, values: &[(&str, &dyn Display)]) -> String {
    let mut text = msg.text(lang).to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_picks_the_language() {
        assert_eq!(Lang::from_locale("ko_KR.UTF-8"), Lang::Ko);
        assert_eq!(Lang::from_locale("ko"), Lang::Ko);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }

    #[test]
    fn values_fill_their_places() {
        let text = say(Lang::Ko, Msg::Question, &[("n", &2), ("total", &5)]);
        assert_eq!(text, "질문 2/5");
        assert_eq!(say(Lang::En, Msg::Again, &[]), "again");
    }
}
