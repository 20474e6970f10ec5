//! Which rows of a long table the page puts in the DOM: the ones in view and a few either side.
//!
//! A table of 10,000 processes built in full costs the browser seconds of DOM building and
//! layout while the student waits; the rows out of view are replaced by two spacers of the same
//! height, so the scroll bar and the scroll position stay true. Short tables are built in full
//! (find-in-page and the end-to-end tests see every row).

use core::ops::Range;

/// Tables with more rows than this are windowed.
pub const WINDOW_FROM: usize = 60;
/// Rows built above and below the ones in view, so a fast scroll does not show blank rows.
pub const OVERSCAN: usize = 10;

/// The rows of a table to build, and the height in pixels of the spacers that stand for the rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowWindow {
    /// Indices of the rows built.
    pub rows: Range<usize>,
    /// Height of the spacer above them (the rows before `rows.start`).
    pub above: u64,
    /// Height of the spacer below them (the rows after `rows.end`).
    pub below: u64,
}

/// The window of a table of `total` rows, each `row_height` pixels, scrolled `scroll_top` pixels
/// in a viewport `view_height` pixels high. Every row when `total` is at most [`WINDOW_FROM`].
pub fn row_window(total: usize, scroll_top: u64, view_height: u64, row_height: u64) -> RowWindow {
    if total <= WINDOW_FROM {
        return RowWindow {
            rows: 0..total,
            above: 0,
            below: 0,
        };
    }
    let row_height = row_height.max(1);
    let first = usize::try_from(scroll_top / row_height).unwrap_or(usize::MAX);
    let in_view = usize::try_from(view_height.div_ceil(row_height)).unwrap_or(usize::MAX);
    let start = first.saturating_sub(OVERSCAN).min(total);
    let end = first
        .saturating_add(in_view)
        .saturating_add(OVERSCAN)
        .clamp(start, total);
    RowWindow {
        rows: start..end,
        above: start as u64 * row_height,
        below: (total - end) as u64 * row_height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_tables_are_built_in_full() {
        let window = row_window(WINDOW_FROM, 5_000, 400, 30);
        assert_eq!(window.rows, 0..WINDOW_FROM);
        assert_eq!((window.above, window.below), (0, 0));
    }

    #[test]
    fn the_top_of_a_long_table_builds_the_rows_in_view_and_the_overscan() {
        let window = row_window(10_000, 0, 480, 30);
        assert_eq!(window.rows, 0..16 + OVERSCAN);
        assert_eq!(window.above, 0);
        assert_eq!(window.below, (10_000 - 26) * 30);
    }

    #[test]
    fn spacers_and_rows_always_add_up_to_the_whole_table() {
        for scroll_top in [0, 1, 29, 30, 4_321, 299_000, 299_999, 300_000, 10_000_000] {
            let window = row_window(10_000, scroll_top, 480, 30);
            let built = (window.rows.end - window.rows.start) as u64 * 30;
            assert_eq!(window.above + built + window.below, 300_000, "{scroll_top}");
            assert!(window.rows.end <= 10_000);
        }
    }

    #[test]
    fn the_rows_in_view_are_built_wherever_the_table_is_scrolled() {
        let window = row_window(10_000, 150_000, 480, 30);
        assert!(window.rows.start <= 5_000 && window.rows.end >= 5_016);
        assert!(window.rows.len() <= 16 + 2 * OVERSCAN);
    }
}
