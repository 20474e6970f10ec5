//! Reading a table pasted from a spreadsheet or a textbook into the workload: one process a row,
//! cells separated by tabs (a spreadsheet), commas (a CSV file) or spaces (a textbook). A header row, if any, says
//! which column is which (`Process`, `Arrival`, `Burst`, `Priority`, … in English or Korean);
//! without one, the columns are read in the order the workload table shows them.

use proclab_core::PolicyKind;

use crate::draft::ProcessDraft;

/// A column of the workload table a pasted cell can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Arrival,
    Bursts,
    Priority,
    Class,
    Tickets,
}

/// Why a pasted table could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasteError {
    /// Nothing but blank lines.
    Empty,
    /// A header names no column the workload has.
    UnknownHeader { column: usize },
    /// A row has more cells than there are columns (1-based row of the pasted text).
    TooManyCells { row: usize },
}

/// The words a header cell may use for each column, lower case, spaces removed.
const HEADERS: [(Column, &[&str]); 6] = [
    (
        Column::Name,
        &[
            "process",
            "processes",
            "name",
            "pid",
            "job",
            "프로세스",
            "이름",
            "작업",
        ],
    ),
    (
        Column::Arrival,
        &[
            "arrival",
            "arrivaltime",
            "arrive",
            "at",
            "도착",
            "도착시간",
            "도착시각",
        ],
    ),
    (
        Column::Bursts,
        &[
            "burst",
            "bursttime",
            "bursts",
            "cpu",
            "cpuburst",
            "service",
            "servicetime",
            "runtime",
            "length",
            "bt",
            "실행시간",
            "버스트",
            "버스트시간",
            "cpu버스트",
            "cpu버스트시간",
            "버스트타임",
            "cpubursttime",
            "서비스시간",
        ],
    ),
    (Column::Priority, &["priority", "prio", "우선순위"]),
    (Column::Class, &["class", "queue", "클래스", "큐"]),
    (Column::Tickets, &["tickets", "ticket", "티켓"]),
];

fn header_column(cell: &str) -> Option<Column> {
    let key: String = cell
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-' && *c != '(' && *c != ')')
        .flat_map(char::to_lowercase)
        .collect();
    HEADERS
        .iter()
        .find(|(_, words)| words.contains(&key.as_str()))
        .map(|(column, _)| *column)
}

/// Words a textbook writes after a number for its unit (`P1 0 8 ms`): not a cell.
const UNITS: [&str; 7] = ["ms", "msec", "ms.", "밀리초", "초", "s", "ticks"];

/// A header row as columns. Separated by spaces, a heading may be several words (`Arrival Time`,
/// `CPU 버스트 시간`): the longest run of up to three words that names a column is taken, as a
/// PDF's copied table has it. `Err(index)` names the first heading no column has.
fn header_columns(line: &str) -> Result<Vec<Column>, usize> {
    let row = cells(line);
    if line.contains('\t') || line.contains(',') {
        return row
            .iter()
            .enumerate()
            .map(|(index, cell)| header_column(cell).ok_or(index))
            .collect();
    }
    let mut columns = Vec::new();
    let mut at = 0;
    while at < row.len() {
        let (column, next) = (at + 1..=(at + 3).min(row.len()))
            .rev()
            .find_map(|end| header_column(&row[at..end].concat()).map(|column| (column, end)))
            .ok_or(columns.len())?;
        columns.push(column);
        at = next;
    }
    Ok(columns)
}

/// `row` with its surplus cells joined into the bursts' cell (see [`parse_table`]), or as it is.
fn join_bursts<'a>(row: Vec<&'a str>, columns: &[Column]) -> Vec<std::borrow::Cow<'a, str>> {
    let surplus = row.len().saturating_sub(columns.len());
    let at = columns.iter().position(|column| *column == Column::Bursts);
    match at {
        Some(at)
            if surplus > 0
                && row[at..=at + surplus]
                    .iter()
                    .any(|cell| cell.parse::<u64>().is_err()) =>
        {
            let mut joined: Vec<std::borrow::Cow<'a, str>> =
                row[..at].iter().map(|cell| (*cell).into()).collect();
            joined.push(row[at..=at + surplus].join(" ").into());
            joined.extend(row[at + surplus + 1..].iter().map(|cell| (*cell).into()));
            joined
        }
        _ => row.into_iter().map(Into::into).collect(),
    }
}

fn cells(line: &str) -> Vec<&str> {
    if line.contains('\t') {
        line.split('\t').map(str::trim).collect()
    } else if line.contains(',') {
        line.split(',').map(str::trim).collect()
    } else {
        line.split_whitespace().collect()
    }
}

/// Whether a row looks like a header: some cell names a column and no cell after the first is
/// a number.
fn is_header(row: &[&str]) -> bool {
    row.iter().any(|cell| header_column(cell).is_some())
        && row.iter().skip(1).all(|cell| cell.parse::<u64>().is_err())
}

/// The processes in `text`, in the order of its rows. `shown` is the order of the table's
/// columns on screen, used when the text has no header. Every cell is kept as typed, and a
/// missing one left empty: the workload's own checks say what is wrong with a value, in place.
/// Columns the table does not have keep the new row's defaults.
pub fn parse_table(text: &str, shown: &[Column]) -> Result<Vec<ProcessDraft>, PasteError> {
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(cells)
        .filter(|row| row.iter().any(|cell| !cell.is_empty()))
        .collect();
    let Some(first) = rows.first() else {
        return Err(PasteError::Empty);
    };
    let has_header = is_header(first);
    // Which rows were split at spaces (no tab, no comma): only there may bursts have been cut.
    let spaced: Vec<bool> = text
        .lines()
        .filter(|line| cells(line).iter().any(|cell| !cell.is_empty()))
        .map(|line| !line.contains('\t') && !line.contains(','))
        .skip(usize::from(has_header))
        .collect();
    let (columns, body): (Vec<Column>, &[Vec<&str>]) = if has_header {
        let line = text
            .lines()
            .find(|line| !line.trim().is_empty())
            .unwrap_or_default();
        let columns =
            header_columns(line).map_err(|column| PasteError::UnknownHeader { column })?;
        (columns, &rows[1..])
    } else {
        (shown.to_vec(), &rows[..])
    };
    let mut processes = Vec::new();
    for (offset, row) in body.iter().enumerate() {
        let mut process = ProcessDraft::new_at(processes.len());
        // Without a header, a row that starts with a number has no name: it keeps `P<n>`.
        let unnamed = !has_header
            && columns.first() == Some(&Column::Name)
            && row.first().is_some_and(|cell| cell.parse::<u64>().is_ok());
        let columns: &[Column] = if unnamed { &columns[1..] } else { &columns };
        // A unit right after a number (`8 ms`) is no cell of its own; a process named `s` is.
        let row: Vec<&str> = row
            .iter()
            .enumerate()
            .filter(|(index, cell)| {
                let after_number = index
                    .checked_sub(1)
                    .is_some_and(|before| row[before].parse::<u64>().is_ok());
                !(after_number && UNITS.contains(&cell.to_lowercase().as_str()))
            })
            .map(|(_, cell)| *cell)
            .collect();
        // Bursts typed as the form takes them, with spaces (`A 0 5 io3 2`), are one cell of a
        // table split at spaces: the cells beyond the columns' count join the bursts' cell when
        // one of them is burst notation rather than a number.
        let row = match spaced.get(offset) {
            Some(true) => join_bursts(row, columns),
            _ => row.into_iter().map(Into::into).collect(),
        };
        if row.len() > columns.len() {
            return Err(PasteError::TooManyCells {
                row: offset + 1 + usize::from(has_header),
            });
        }
        // A cell the row lacks is left empty, never filled with a default: the workload's own
        // check then marks that field ("C 2" under Name, Arrival, Burst has no burst to run).
        let padded = row
            .iter()
            .map(|cell| cell.as_ref())
            .chain(core::iter::repeat(""));
        for (column, cell) in columns.iter().zip(padded) {
            let cell = cell.to_string();
            match column {
                Column::Name => process.name = cell,
                Column::Arrival => process.arrival = cell,
                Column::Bursts => process.bursts = cell,
                Column::Priority => process.priority = cell,
                Column::Class => process.class = cell,
                Column::Tickets => process.tickets = cell,
            }
        }
        processes.push(process);
    }
    if processes.is_empty() {
        return Err(PasteError::Empty);
    }
    Ok(processes)
}

/// The workload table's columns for a policy, in screen order: name, arrival and bursts always,
/// then the one value the policy reads (priority, class or tickets), if any.
pub fn shown_columns(policy: PolicyKind) -> Vec<Column> {
    let mut columns = vec![Column::Name, Column::Arrival, Column::Bursts];
    if policy.uses_priority() {
        columns.push(Column::Priority);
    }
    if policy.uses_class() {
        columns.push(Column::Class);
    }
    if policy.uses_tickets() {
        columns.push(Column::Tickets);
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(processes: &[ProcessDraft]) -> Vec<(String, String, String, String)> {
        processes
            .iter()
            .map(|p| {
                (
                    p.name.clone(),
                    p.arrival.clone(),
                    p.bursts.clone(),
                    p.priority.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_spreadsheet_table_with_a_header_fills_by_header() {
        let text = "Process\tBurst Time\tArrival Time\tPriority\nP1\t10\t0\t3\nP2\t1\t0\t1\n";
        let processes = parse_table(text, &shown_columns(PolicyKind::Fcfs)).unwrap();
        assert_eq!(
            rows(&processes),
            [
                ("P1".into(), "0".into(), "10".into(), "3".into()),
                ("P2".into(), "0".into(), "1".into(), "1".into())
            ]
        );
    }

    #[test]
    fn a_textbook_table_without_a_header_follows_the_columns_shown() {
        let text = "P1 0 8 3\nP2 1 4 1\n\n";
        let processes = parse_table(text, &shown_columns(PolicyKind::Priority)).unwrap();
        assert_eq!(
            rows(&processes)[1],
            ("P2".into(), "1".into(), "4".into(), "1".into())
        );
        // Rows that start with a number have no name: they keep P<n>.
        let processes = parse_table("0 5\n2 3", &shown_columns(PolicyKind::Rr)).unwrap();
        assert_eq!(
            rows(&processes)[1],
            ("P2".into(), "2".into(), "3".into(), "0".into())
        );
    }

    #[test]
    fn korean_headers_and_comma_separated_values_are_read() {
        let text = "프로세스,도착 시간,실행 시간\nA,0,5\nB,2,3";
        let processes = parse_table(text, &shown_columns(PolicyKind::Fcfs)).unwrap();
        assert_eq!(
            rows(&processes)[0],
            ("A".into(), "0".into(), "5".into(), "0".into())
        );
    }

    #[test]
    fn a_cell_a_row_lacks_is_left_empty_for_the_workload_to_mark() {
        let text = "Name Arrival Burst\nA 0 7\nC 2";
        let processes = parse_table(text, &shown_columns(PolicyKind::Fcfs)).unwrap();
        assert_eq!(
            rows(&processes),
            [
                ("A".into(), "0".into(), "7".into(), "0".into()),
                ("C".into(), "2".into(), "".into(), "0".into())
            ]
        );
        // Without a header too: the columns shown, in order.
        let processes = parse_table("P1 0 8\nP2 1", &shown_columns(PolicyKind::Rr)).unwrap();
        assert_eq!(rows(&processes)[1].2, "");
        // And the empty cell is a problem on that process's bursts field, not a run.
        let mut draft = crate::draft::Draft::default();
        draft.processes = std::rc::Rc::new(processes);
        let (_, input) = draft.read();
        assert!(
            input
                .iter()
                .any(|(field, _)| *field == crate::draft::FieldId::Bursts(1)),
            "{input:?}"
        );
    }

    #[test]
    fn a_textbook_header_of_several_words_copied_with_single_spaces_is_read() {
        // As a PDF's table comes out of the clipboard, units and all.
        let text = "Process Arrival Time Burst Time\nP1 0 8\nP2 1 4 ms\n";
        let processes = parse_table(text, &shown_columns(PolicyKind::Fcfs)).unwrap();
        assert_eq!(
            rows(&processes),
            [
                ("P1".into(), "0".into(), "8".into(), "0".into()),
                ("P2".into(), "1".into(), "4".into(), "0".into())
            ]
        );
        let processes = parse_table("S 0 3\n", &shown_columns(PolicyKind::Fcfs)).unwrap();
        assert_eq!(
            rows(&processes)[0].0,
            "S",
            "a process named like a unit keeps its name"
        );
        let text = "Process Burst Time Priority\nP1 10 3\n";
        let processes = parse_table(text, &shown_columns(PolicyKind::Priority)).unwrap();
        assert_eq!(
            rows(&processes)[0],
            ("P1".into(), "0".into(), "10".into(), "3".into())
        );
        let text = "프로세스\t도착 시간\tCPU 버스트 시간\nP1\t0\t8\n";
        let processes = parse_table(text, &shown_columns(PolicyKind::Fcfs)).unwrap();
        assert_eq!(rows(&processes)[0].2, "8");
        let text = "프로세스 도착 시간 CPU 버스트 시간\nP1 0 8\n";
        let processes = parse_table(text, &shown_columns(PolicyKind::Fcfs)).unwrap();
        assert_eq!(rows(&processes)[0].2, "8");
        // A heading no column has is named by its place among the headings read.
        assert_eq!(
            parse_table(
                "Process Arrival Time Colour\nP1 0 red",
                &shown_columns(PolicyKind::Fcfs)
            ),
            Err(PasteError::UnknownHeader { column: 2 })
        );
    }

    #[test]
    fn bad_tables_say_why() {
        assert_eq!(parse_table("  \n\n", &[]), Err(PasteError::Empty));
        assert_eq!(
            parse_table("Process\tColour\nP1\tred", &shown_columns(PolicyKind::Fcfs)),
            Err(PasteError::UnknownHeader { column: 1 })
        );
        assert_eq!(
            parse_table("P1 0 5 9 9", &shown_columns(PolicyKind::Fcfs)),
            Err(PasteError::TooManyCells { row: 1 })
        );
    }

    #[test]
    fn bursts_typed_with_spaces_stay_one_cell() {
        let read = parse_table("A 0 5 io3 2\nB 1 4", &shown_columns(PolicyKind::Fcfs)).unwrap();
        assert_eq!(read[0].bursts, "5 io3 2");
        assert_eq!(read[1].bursts, "4");
        // With a column after the bursts, the last cell stays that column's.
        let read = parse_table(
            "Name Arrival Bursts Priority\nA 0 5 io 3 2 1",
            &shown_columns(PolicyKind::Fcfs),
        )
        .unwrap();
        assert_eq!(
            (read[0].bursts.as_str(), read[0].priority.as_str()),
            ("5 io 3 2", "1")
        );
        // Cells separated by commas or tabs are cells: too many of them is said.
        for text in ["A,0,5,io3,2", "A\t0\t5\tio3\t2"] {
            assert_eq!(
                parse_table(text, &shown_columns(PolicyKind::Fcfs)),
                Err(PasteError::TooManyCells { row: 1 })
            );
        }
    }
}
