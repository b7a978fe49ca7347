//! Which language a learner reads: one rule for the runner and the tests.
//!
//! The runner decides (its `--lang`, else the locale) and tells the tests
//! it runs through [`LANG_ENV`], so that `cargo kata check --lang ko` gets
//! Korean failure messages whatever the shell's locale. A test run by hand
//! (`cargo test -p NAME`) has no runner above it and reads the locale
//! itself, by the same rule.

/// The environment variable through which the runner tells a test binary
/// the learner's language: `en` or `ko`.
pub const LANG_ENV: &str = "KATA_LANG";

/// A language the katas are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Ko,
}

impl Lang {
    /// [`LANG_ENV`] if it names a language; else the locale: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`, the first that is set; Korean for `ko`
    /// (`ko_KR.UTF-8`), else English.
    pub fn from_env() -> Lang {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        if let Some(lang) = var(LANG_ENV).and_then(|code| Lang::from_code(&code)) {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(var)
            .unwrap_or_default();
        Lang::from_locale(&locale)
    }

    /// `ko_KR.UTF-8` -> Korean; anything else, English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("ko") {
            Lang::Ko
        } else {
            Lang::En
        }
    }

    /// `en` or `ko`, as [`LANG_ENV`] and the cards write it.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            _ => None,
        }
    }

    /// The code [`from_code`](Lang::from_code) reads.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }
}

/// Whether `text` holds a Hangul syllable: what tells a Korean text from an
/// English one, for the runner's checks of both languages and for the tests
/// that ask which language a message came out in.
pub fn has_hangul(text: &str) -> bool {
    text.chars().any(is_hangul)
}

/// A Hangul syllable, 가 to 힣.
pub fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_korean_locale_is_korean_and_every_other_english() {
        assert_eq!(Lang::from_locale("ko_KR.UTF-8"), Lang::Ko);
        assert_eq!(Lang::from_locale("KO"), Lang::Ko);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
        for lang in [Lang::En, Lang::Ko] {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }
}
