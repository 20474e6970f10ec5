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

/// `top / bottom` rounded half up to hundredths, in integers (`9, 4` is `2.25`): the decimal said
/// beside an exact fraction, such as HRRN's response ratio.
pub fn hundredths(top: u128, bottom: u128) -> String {
    let rounded = (top * 200 + bottom) / (bottom * 2);
    format!("{}.{:02}", rounded / 100, rounded % 100)
}

/// A whole number from 0 to `u64::MAX` as typed, full-width digits too (a seed, a length).
pub fn whole_number(text: &str) -> Option<u64> {
    halfwidth(text).trim().parse().ok()
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

/// Whether `name`, read aloud in Korean, ends in a consonant (받침): a Hangul syllable with a final
/// consonant, a digit read 영, 일, 삼, 육, 칠, 팔, or a lone Latin letter read 엘, 엠, 엔, 알
/// (`Job L`). An English word is read as Korean writes it: a final m, n, l or ng keeps its
/// consonant (item 아이템, signal 시그널, full 풀), as do b, g, and k or p after a vowel (job 잡,
/// big 빅, unlock 언락, step 스텝); other endings take a vowel (counter 카운터, mutex 뮤텍스,
/// bank 뱅크, wait 웨이트).
fn ends_in_consonant(name: &str) -> bool {
    // A word with a note in brackets after it is read without the note: 상수($n)는.
    let name = match name.trim_end().strip_suffix(')') {
        Some(inner) => inner.rfind('(').map_or(name, |at| &inner[..at]),
        None => name,
    };
    let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    let lone_letter = name
        .chars()
        .rev()
        .nth(1)
        .is_none_or(|c| !c.is_ascii_alphabetic());
    let before_last = name.chars().rev().nth(1).map(|c| c.to_ascii_lowercase());
    let after_vowel = before_last.is_some_and(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'));
    match name.chars().last() {
        Some(c @ '\u{AC00}'..='\u{D7A3}') => !(c as u32 - 0xAC00).is_multiple_of(28),
        Some(c) if c.is_ascii_digit() => matches!(c, '0' | '1' | '3' | '6' | '7' | '8'),
        Some(c) if lone_letter => matches!(c.to_ascii_lowercase(), 'l' | 'm' | 'n' | 'r'),
        Some(c) if c.is_ascii_alphabetic() => match c.to_ascii_lowercase() {
            'm' | 'n' | 'l' | 'b' | 'g' => true,
            'k' => after_vowel || before_last == Some('c'),
            'p' => after_vowel,
            _ => false,
        },
        _ => false,
    }
}

/// 이 or 가 after `name`.
pub fn subject_particle(name: &str) -> &'static str {
    if ends_in_consonant(name) {
        "이"
    } else {
        "가"
    }
}

/// 은 or 는 after `name`.
pub fn topic_particle(name: &str) -> &'static str {
    if ends_in_consonant(name) {
        "은"
    } else {
        "는"
    }
}

/// 을 or 를 after `name`.
pub fn object_particle(name: &str) -> &'static str {
    if ends_in_consonant(name) {
        "을"
    } else {
        "를"
    }
}

/// "tick" or "ticks" after an English count.
pub fn ticks(count: impl Into<u64>) -> &'static str {
    if count.into() == 1 {
        "tick"
    } else {
        "ticks"
    }
}

/// The `n`th (from 1) in Korean as people say it: 첫 번째, 두 번째 … 열 번째, then 11번째.
pub fn ko_ordinal<N: core::fmt::Display + TryInto<usize> + Copy>(n: N) -> String {
    const WORDS: [&str; 10] = [
        "첫", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열",
    ];
    let word = n
        .try_into()
        .ok()
        .and_then(|n: usize| n.checked_sub(1))
        .and_then(|index| WORDS.get(index));
    match word {
        Some(word) => format!("{word} 번째"),
        None => format!("{n}번째"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn full_width_forms_read_as_plain_ones() {
        assert_eq!(halfwidth("２　ｉｏ３，４"), "2 io3,4");
        assert_eq!(halfwidth("１２３"), "123");
        assert_eq!(whole_number(" ４２ "), Some(42));
        assert_eq!(whole_number("4 2"), None);
        assert!(matches!(
            halfwidth("5 io3"),
            std::borrow::Cow::Borrowed("5 io3")
        ));
        assert_eq!(halfwidth("잠금 a"), "잠금 a", "Hangul is left as it is");
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn particles_follow_the_korean_reading() {
        assert_eq!(subject_particle("P1"), "이");
        assert_eq!(subject_particle("P2"), "가");
        assert_eq!(object_particle("P3"), "을");
        assert_eq!(object_particle("P4"), "를");
        assert_eq!(subject_particle("P1.T2"), "가");
        assert_eq!(subject_particle("편집기"), "가");
        // A note in brackets is not read.
        assert_eq!(topic_particle("상수($n)"), "는");
        assert_eq!(subject_particle("메모리(counter)"), "가");
        assert_eq!(subject_particle("레지스터 집합(%ax)"), "이");
        assert_eq!(subject_particle("컴파일"), "이");
        assert_eq!(object_particle("Editor"), "를");
        assert_eq!(object_particle("Gamer"), "를");
        assert_eq!(subject_particle("L"), "이");
        assert_eq!(subject_particle("A"), "가");
        // English words as Korean writes them.
        assert_eq!(topic_particle("unlock"), "은");
        assert_eq!(object_particle("full"), "을");
        assert_eq!(subject_particle("signal"), "이");
        assert_eq!(topic_particle("Big"), "은");
        assert_eq!(subject_particle("counter"), "가");
        assert_eq!(subject_particle("mutex"), "가");
        assert_eq!(topic_particle("wait"), "는");
        assert_eq!(topic_particle("bank"), "는");
        assert_eq!(subject_particle("step"), "이");
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn ordinals_are_said_in_words_up_to_ten() {
        assert_eq!(ko_ordinal(1usize), "첫 번째");
        assert_eq!(ko_ordinal(2u32), "두 번째");
        assert_eq!(ko_ordinal(10usize), "열 번째");
        assert_eq!(ko_ordinal(11usize), "11번째");
        assert_eq!(ko_ordinal(0usize), "0번째");
    }
}
