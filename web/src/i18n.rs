//! The typed string catalogue: every text the page shows, in Korean and English.
//!
//! Each entry of [`Text`] must give both languages in [`Text::pair`]; a missing
//! translation is a compile error, not a blank on screen.

/// A language the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Ko,
    En,
}

impl Lang {
    /// The language a browser prefers, from its `navigator.language` tag: Korean for any `ko*` tag, English otherwise.
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
}

/// Every string of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    AppTitle,
    Tagline,
    LanguageLabel,
    EmptyTitle,
    EmptyBody,
}

impl Text {
    /// Korean and English, in that order.
    fn pair(self) -> [&'static str; 2] {
        match self {
            Text::AppTitle => ["ProcLab", "ProcLab"],
            Text::Tagline => [
                "운영체제가 프로세스와 스레드를 실행하는 모습을 직접 보는 실험실",
                "A lab for watching an operating system run processes and threads",
            ],
            Text::LanguageLabel => ["언어", "Language"],
            Text::EmptyTitle => ["아직 작업 부하가 없습니다", "No workload yet"],
            Text::EmptyBody => [
                "프로세스를 추가하고 스케줄링 정책을 고르면 여기에서 실행 과정을 볼 수 있습니다.",
                "Add processes and choose a scheduling policy to watch them run here.",
            ],
        }
    }

    /// This text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let [korean, english] = self.pair();
        match lang {
            Lang::Ko => korean,
            Lang::En => english,
        }
    }
}
