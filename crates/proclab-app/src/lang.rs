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

/// `text` with full-width forms made plain: the digits, letters and signs a Korean or Japanese
/// input method types in full width (`２ ｉｏ３`) and the ideographic space, so a field reads
/// them as the numbers they are. Borrowed unchanged when there are none (the common case).
pub fn halfwidth(text: &str) -> std::borrow::Cow<'_, str> {
    let wide = |c: char| matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}');
    if !text.chars().any(wide) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::halfwidth;

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn full_width_forms_read_as_plain_ones() {
        assert_eq!(halfwidth("２　ｉｏ３，４"), "2 io3,4");
        assert_eq!(halfwidth("１２３"), "123");
        assert!(matches!(
            halfwidth("5 io3"),
            std::borrow::Cow::Borrowed("5 io3")
        ));
        assert_eq!(halfwidth("잠금 a"), "잠금 a", "Hangul is left as it is");
    }
}
