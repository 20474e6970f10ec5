//! Names with right-to-left letters or direction controls are isolated in sentences; others are
//! left exactly as typed (so every existing text stays byte for byte the same).
use proclab_view::isolate;

#[test]
fn left_to_right_names_are_unchanged() {
    for name in ["P1", "<b>bold</b>", "프로세스", "Écrivain"] {
        assert_eq!(isolate(name.to_string()), name);
    }
}

#[test]
fn right_to_left_names_and_overrides_are_isolated() {
    for name in ["مرحبا", "שלום", "abc\u{202E}def", "x\u{2066}y"] {
        assert_eq!(isolate(name.to_string()), format!("\u{2068}{name}\u{2069}"));
    }
}
