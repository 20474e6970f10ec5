//! Moving between the cells of the workload table from the keyboard, as in a spreadsheet: Enter
//! and the up and down arrows move within a column, left and right move within a row once the
//! caret is at the edge of the text (Tab is the browser's own).

/// A key that moves between cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Enter,
    Up,
    Down,
    Left,
    Right,
}

impl Key {
    /// The key named by a `KeyboardEvent.key`, if it moves between cells.
    pub fn from_name(name: &str) -> Option<Key> {
        Some(match name {
            "Enter" => Key::Enter,
            "ArrowUp" => Key::Up,
            "ArrowDown" => Key::Down,
            "ArrowLeft" => Key::Left,
            "ArrowRight" => Key::Right,
            _ => return None,
        })
    }
}

/// Where a key press leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The cell at (row, column).
    Cell(usize, usize),
    /// Enter on the last row: a new process, then this column of it.
    NewRow(usize),
    /// Stay: the key belongs to the text (the caret is not at the edge) or there is nowhere to go.
    Stay,
}

/// Where `key` leads from (row, column) in a table of `rows` × `columns`. `at_start` and `at_end`
/// say whether the caret is at the start or the end of the cell's text.
pub fn next_cell(
    (row, column): (usize, usize),
    (rows, columns): (usize, usize),
    key: Key,
    at_start: bool,
    at_end: bool,
) -> Target {
    match key {
        Key::Enter if row + 1 == rows => Target::NewRow(column),
        Key::Enter | Key::Down if row + 1 < rows => Target::Cell(row + 1, column),
        Key::Up if row > 0 => Target::Cell(row - 1, column),
        Key::Left if at_start && column > 0 => Target::Cell(row, column - 1),
        Key::Right if at_end && column + 1 < columns => Target::Cell(row, column + 1),
        _ => Target::Stay,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_move_like_a_spreadsheet() {
        let size = (3, 4);
        assert_eq!(
            next_cell((0, 1), size, Key::Enter, false, false),
            Target::Cell(1, 1)
        );
        assert_eq!(
            next_cell((2, 1), size, Key::Enter, false, false),
            Target::NewRow(1)
        );
        assert_eq!(
            next_cell((2, 1), size, Key::Down, false, false),
            Target::Stay
        );
        assert_eq!(
            next_cell((1, 3), size, Key::Up, false, false),
            Target::Cell(0, 3)
        );
        assert_eq!(next_cell((0, 0), size, Key::Up, true, true), Target::Stay);
        assert_eq!(
            next_cell((1, 2), size, Key::Left, false, true),
            Target::Stay
        );
        assert_eq!(
            next_cell((1, 2), size, Key::Left, true, false),
            Target::Cell(1, 1)
        );
        assert_eq!(
            next_cell((1, 2), size, Key::Right, false, true),
            Target::Cell(1, 3)
        );
        assert_eq!(
            next_cell((1, 3), size, Key::Right, true, true),
            Target::Stay
        );
        assert_eq!(Key::from_name("Tab"), None);
    }
}
