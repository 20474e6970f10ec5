//! The languages the app speaks and the one mechanism every catalogue uses to choose between them.

/// A language the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Ko,
    En,
}

impl Lang {
    /// Both languages, Korean first (the order of every `[korean, english]` pair).
    pub const ALL: [Lang; 2] = [Lang::Ko, Lang::En];

    /// The language a browser prefers, from its `navigator.language` tag: Korean for any `ko*`
    /// tag, English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("ko") {
            Lang::Ko
        } else {
            Lang::En
        }
    }

    /// The BCP 47 tag set on `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    /// The entry for this language from a `[korean, english]` pair.
    pub fn pick<T>(self, [korean, english]: [T; 2]) -> T {
        match self {
            Lang::Ko => korean,
            Lang::En => english,
        }
    }
}

/// A catalogue of fixed texts: each entry gives Korean and English, so a missing translation is a
/// compile error rather than a blank on screen.
pub trait Words: Copy {
    /// Korean and English, in that order.
    fn pair(self) -> [&'static str; 2];

    /// This text in `lang`.
    fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.pair())
    }
}
