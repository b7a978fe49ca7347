//! A failure message in the learner's language.
//!
//! The sentence that says why a step failed is the most important text a
//! learner reads, so it is written in English and Korean side by side, at
//! the assertion that fails:
//!
//! ```
//! # let (start, expected) = (0, 0);
//! assert_eq!(
//!     start,
//!     expected,
//!     "{}",
//!     world::say!(
//!         en: "gathered calls run concurrently: both start at {expected} ms",
//!         ko: "gather한 호출은 동시에 실행됩니다: 둘 다 {expected} ms에 시작합니다",
//!     )
//! );
//! ```
//!
//! A message without its Korean does not compile, and `cargo kata verify`
//! fails a test file whose assertions speak one language only. The
//! language is the runner's choice (`kata_protocol::LANG_ENV`), or the
//! locale's when the tests are run by hand; no tool reads the words.

use std::sync::OnceLock;

use kata_protocol::Lang;

/// The learner's language, read once per test binary.
pub fn lang() -> Lang {
    static LANG: OnceLock<Lang> = OnceLock::new();
    *LANG.get_or_init(Lang::from_env)
}

/// `format!` of the learner's language's text: `say!(en: "...", ko: "...",
/// args...)`; both texts see the same arguments, inline (`{start}`) or
/// after them. `say!(in lang; en: "...", ko: "...", args...)` speaks `lang`
/// instead (the world's own messages, tested in both languages).
#[macro_export]
macro_rules! say {
    (en: $en:literal, ko: $ko:literal $(,)?) => {
        match $crate::say::lang() {
            $crate::Lang::En => format!($en),
            $crate::Lang::Ko => format!($ko),
        }
    };
    (en: $en:literal, ko: $ko:literal, $($arg:tt)+) => {
        match $crate::say::lang() {
            $crate::Lang::En => format!($en, $($arg)+),
            $crate::Lang::Ko => format!($ko, $($arg)+),
        }
    };
    (in $lang:expr; en: $en:literal, ko: $ko:literal $(,)?) => {
        match $lang {
            $crate::Lang::En => format!($en),
            $crate::Lang::Ko => format!($ko),
        }
    };
    (in $lang:expr; en: $en:literal, ko: $ko:literal, $($arg:tt)+) => {
        match $lang {
            $crate::Lang::En => format!($en, $($arg)+),
            $crate::Lang::Ko => format!($ko, $($arg)+),
        }
    };
}
