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
