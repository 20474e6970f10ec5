//! What the page says at its limits: a scenario file refused by its size before it is read, and
//! a link too long to look at, each naming the limit in both languages.
use proclab_app::files::{check_file_size, size_in_words, FileError, MAX_FILE_BYTES};
use proclab_app::i18n::{file_error, link_error, Lang};
use proclab_app::share::{decode, LinkError, MAX_FRAGMENT, PREFIX};

#[test]
fn files_up_to_the_limit_are_read_and_larger_ones_refused() {
    assert_eq!(check_file_size(0), Ok(()));
    assert_eq!(check_file_size(MAX_FILE_BYTES), Ok(()));
    assert_eq!(
        check_file_size(MAX_FILE_BYTES + 1),
        Err(FileError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        })
    );
}

#[test]
fn sizes_in_words() {
    assert_eq!(size_in_words(MAX_FILE_BYTES), "32\u{a0}MB");
    assert_eq!(size_in_words(50_000_000), "47.7\u{a0}MB");
    assert_eq!(size_in_words(1), "1\u{a0}KB");
    assert_eq!(size_in_words(1536), "2\u{a0}KB");
}

#[test]
fn a_file_too_large_names_its_size_and_the_limit_in_both_languages() {
    let error = FileError::TooLarge { bytes: 50_000_000 };
    for lang in [Lang::Ko, Lang::En] {
        let text = file_error(&error, lang);
        assert!(
            text.contains("47.7\u{a0}MB") && text.contains("32\u{a0}MB"),
            "{text}"
        );
    }
}

#[test]
fn a_link_too_long_names_the_limit_in_both_languages() {
    let fragment = format!("{PREFIX}{}", "A".repeat(100_000));
    assert_eq!(decode(&fragment), Err(LinkError::TooLong));
    assert_eq!(MAX_FRAGMENT, 65_536);
    for lang in [Lang::Ko, Lang::En] {
        assert!(link_error(LinkError::TooLong, lang).contains("65,536"));
    }
}

/// One step past the worst accepted scenario of each kind (`proclab_core::worst`), the page's
/// message names what to reduce, in both languages.
#[test]
fn past_each_worst_scenario_the_message_says_what_to_reduce() {
    use proclab_app::messages::scenario_error;
    use proclab_core::worst::{past_limit, WorstKind};
    use proclab_core::Scenario;
    for kind in WorstKind::ALL {
        let errors = Scenario::new(&past_limit(kind)).expect_err("past the limit");
        let [korean, english]: [&[&str]; 2] = match kind {
            WorstKind::Processes => [
                &["프로세스", "10,001개", "10,000"],
                &["processes", "10,001", "10,000"],
            ],
            WorstKind::Bursts => [&["버스트", "1,000"], &["bursts", "1,000"]],
            WorstKind::Quantum => [
                &["버스트를 줄이거나 퀀텀을 늘리세요"],
                &["shorten the bursts or raise the quantum"],
            ],
            WorstKind::Cpus => [&["CPU", "64"], &["CPUs", "64"]],
            WorstKind::Instructions => [
                &["명령어 예산", "1,000,000"],
                &["instruction budget", "1,000,000"],
            ],
            WorstKind::Boosts => [
                &["부스트 주기를 늘리거나 작업을 줄이세요"],
                &["lengthen the boost period or shorten the work"],
            ],
            WorstKind::Warmup => [
                &["실행 시간을 줄이거나 CPU 수를 줄이세요"],
                &["shorten the jobs or use fewer CPUs"],
            ],
        };
        for (lang, words) in [(Lang::Ko, korean), (Lang::En, english)] {
            let text = scenario_error(&errors[0], lang);
            for word in words {
                assert!(text.contains(word), "{kind:?} {lang:?}: {text}");
            }
        }
    }
    let errors = Scenario::new(&proclab_core::worst::past_program_threads()).expect_err("past");
    assert!(scenario_error(&errors[0], Lang::Ko)
        .contains("프로그램을 실행하는 프로세스나 스레드를 줄이세요"));
    assert!(scenario_error(&errors[0], Lang::En)
        .contains("use fewer processes or threads that run programs"));
}
