//! Which of the run's Gantt segments each of a student's segments is graded against.
//!
//! Grading the student's segment i against the run's segment i lets one segment left out (a
//! context switch forgotten, an idle gap) mark every later segment wrong, as a teacher grading
//! by hand never would. The chart is aligned to the run's instead, as `diff` aligns two texts,
//! but counting what a teacher marks: the fewest wrong marks (an owner or an end wrong in a
//! pair, an end only consistent with the chart's own start as half of one, both marks for a
//! segment too many or one left out), then the fewest edits, then the
//! typed ends nearest the run's (a chart that stops early pairs with the start of the run, not
//! its end); where that still ties, segments pair by position. Owners alone would not do: a
//! chart with two pairs of owners swapped and every tick right has fewer owner edits as one
//! segment too many and one left out than in place, and was graded with ends marked wrong that
//! the student had right.

/// A segment of the run that the student's chart leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Omitted {
    /// The student's segment it belongs before (the chart's length: after the last).
    pub before: usize,
    /// Its index among the run's segments.
    pub key: usize,
}

/// A chart aligned to the run's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Alignment {
    /// For each of the student's segments, the run's segment it is graded against (`None`: a
    /// segment the run does not have).
    pub paired: Vec<Option<usize>>,
    /// The run's segments the chart leaves out, in order.
    pub omitted: Vec<Omitted>,
}

/// A step of the alignment, as the table is walked back.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Pair,
    Extra,
    Omit,
}

/// How the student's segment `i` compares with the run's segment `j`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PairMarks {
    /// It has the run's segment's owner.
    pub same_owner: bool,
    /// Its end is right or consistent.
    pub end_fine: bool,
    /// Its end is the run's tick itself (not only consistent with the chart's own start).
    pub end_right: bool,
    /// Ticks between its typed end and the run's (0 where the end cannot be read).
    pub distance: u64,
}

impl PairMarks {
    /// The end's wrong marks in halves: none when right, one when only consistent (a chart one
    /// tick off from an earlier slip), two when wrong.
    fn end_halves(self) -> u32 {
        match (self.end_right, self.end_fine) {
            (true, _) => 0,
            (false, true) => 1,
            (false, false) => 2,
        }
    }
}

/// An alignment's cost so far, compared field by field: wrong marks (counted in halves: an end
/// only consistent is half wrong), then edits, then the ticks between typed ends and the run's.
type Cost = (u32, u32, u64);

/// Aligns `students` segments to `keys` segments, `mark(i, j)` comparing the student's
/// segment `i` with the run's segment `j`.
pub fn align(students: usize, keys: usize, mark: impl Fn(usize, usize) -> PairMarks) -> Alignment {
    // cost[i][j]: the best alignment of the first i student segments with the first j of the
    // run's.
    let width = keys + 1;
    let mut cost: Vec<Cost> = vec![(0, 0, 0); (students + 1) * width];
    let mut step = vec![Step::Pair; (students + 1) * width];
    for i in 0..=students {
        for j in 0..=keys {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best: Option<(Cost, Step)> = None;
            let mut offer = |candidate: Cost, taken: Step| {
                if best.is_none_or(|(cost, _)| candidate < cost) {
                    best = Some((candidate, taken));
                }
            };
            // Offered in order of preference: a later offer wins only when strictly better.
            if i > 0 && j > 0 {
                let (wrong, edits, distance) = cost[(i - 1) * width + j - 1];
                let marks = mark(i - 1, j - 1);
                offer(
                    (
                        wrong + 2 * u32::from(!marks.same_owner) + marks.end_halves(),
                        edits + u32::from(!marks.same_owner),
                        distance.saturating_add(marks.distance),
                    ),
                    Step::Pair,
                );
            }
            if i > 0 {
                let (wrong, edits, distance) = cost[(i - 1) * width + j];
                offer((wrong + 4, edits + 1, distance), Step::Extra);
            }
            if j > 0 {
                let (wrong, edits, distance) = cost[i * width + j - 1];
                offer((wrong + 4, edits + 1, distance), Step::Omit);
            }
            if let Some((best_cost, taken)) = best {
                cost[i * width + j] = best_cost;
                step[i * width + j] = taken;
            }
        }
    }
    let mut alignment = Alignment {
        paired: vec![None; students],
        omitted: Vec::new(),
    };
    let (mut i, mut j) = (students, keys);
    while i > 0 || j > 0 {
        match step[i * width + j] {
            Step::Pair if i > 0 && j > 0 => {
                alignment.paired[i - 1] = Some(j - 1);
                i -= 1;
                j -= 1;
            }
            Step::Extra if i > 0 => i -= 1,
            _ if j > 0 => {
                alignment.omitted.push(Omitted {
                    before: i,
                    key: j - 1,
                });
                j -= 1;
            }
            _ => i -= 1,
        }
    }
    alignment.omitted.reverse();
    alignment
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Aligns owner strings ("P1 CS P2"), every end fine where the owners agree.
    fn by_owner(chart: &str, key: &str) -> Alignment {
        let chart: Vec<&str> = chart.split_whitespace().collect();
        let key: Vec<&str> = key.split_whitespace().collect();
        align(chart.len(), key.len(), |i, j| {
            let same = chart[i] == key[j];
            PairMarks {
                same_owner: same,
                end_fine: same,
                end_right: same,
                distance: 0,
            }
        })
    }

    #[test]
    fn a_chart_like_the_run_pairs_by_position() {
        let alignment = by_owner("P1 CS P2", "P1 CS P2");
        assert_eq!(alignment.paired, [Some(0), Some(1), Some(2)]);
        assert!(alignment.omitted.is_empty());
    }

    #[test]
    fn a_switch_left_out_costs_only_itself() {
        let alignment = by_owner("P1 P2 P1", "P1 CS P2 CS P1");
        assert_eq!(alignment.paired, [Some(0), Some(2), Some(4)]);
        assert_eq!(
            alignment.omitted,
            [Omitted { before: 1, key: 1 }, Omitted { before: 2, key: 3 }]
        );
    }

    #[test]
    fn a_segment_too_many_is_the_only_one_unpaired() {
        let alignment = by_owner("P1 idle P2 P3", "P1 P2 P3");
        assert_eq!(alignment.paired, [Some(0), None, Some(1), Some(2)]);
        assert!(alignment.omitted.is_empty());
    }

    #[test]
    fn a_wrong_owner_in_place_stays_paired() {
        let alignment = by_owner("P1 P3 P1", "P1 P2 P1");
        assert_eq!(alignment.paired, [Some(0), Some(1), Some(2)]);
        assert!(alignment.omitted.is_empty());
    }

    #[test]
    fn a_chart_that_stops_early_leaves_out_the_rest() {
        let alignment = by_owner("P1", "P1 P2 P3");
        assert_eq!(alignment.paired, [Some(0)]);
        assert_eq!(
            alignment.omitted,
            [Omitted { before: 1, key: 1 }, Omitted { before: 1, key: 2 }]
        );
        assert_eq!(by_owner("", "P1").omitted, [Omitted { before: 0, key: 0 }]);
    }

    #[test]
    fn among_equal_edits_the_ends_decide() {
        // Round robin: P1 P2 P1 P2 against a chart missing one P1. Which P2 pairs with which
        // depends on the ends: the chart's second segment ends where the run's fourth does.
        let key_ends: [u64; 4] = [2, 4, 6, 8];
        let key_owner = ["P1", "P2", "P1", "P2"];
        let chart = [("P1", 2u64), ("P2", 8)];
        let alignment = align(chart.len(), key_ends.len(), |i, j| PairMarks {
            same_owner: chart[i].0 == key_owner[j],
            end_fine: chart[i].1 == key_ends[j],
            end_right: chart[i].1 == key_ends[j],
            distance: chart[i].1.abs_diff(key_ends[j]),
        });
        assert_eq!(alignment.paired, [Some(0), Some(3)]);
    }

    #[test]
    fn owners_swapped_with_every_end_right_stay_in_place() {
        // Round robin, q=2 (arrivals 0-4, bursts 8 4 9 5 2): the chart with P3/P1 and P5/P2
        // swapped four times and every end right. By owners alone one segment too many and one left out
        // cost fewer edits; by marks, four owners wrong in place are fewer than that.
        let key: [(&str, u64); 14] = [
            ("P1", 2),
            ("P2", 4),
            ("P3", 6),
            ("P1", 8),
            ("P4", 10),
            ("P5", 12),
            ("P2", 14),
            ("P3", 16),
            ("P1", 18),
            ("P4", 20),
            ("P3", 22),
            ("P1", 24),
            ("P4", 25),
            ("P3", 28),
        ];
        let chart = [
            ("P1", 2),
            ("P2", 4),
            ("P1", 6),
            ("P3", 8),
            ("P4", 10),
            ("P2", 12),
            ("P5", 14),
            ("P1", 16),
            ("P3", 18),
            ("P4", 20),
            ("P1", 22),
            ("P3", 24),
            ("P4", 25),
            ("P3", 28),
        ];
        let alignment = align(chart.len(), key.len(), |i, j| PairMarks {
            same_owner: chart[i].0 == key[j].0,
            end_fine: chart[i].1 == key[j].1,
            end_right: chart[i].1 == key[j].1,
            distance: chart[i].1.abs_diff(key[j].1),
        });
        assert_eq!(alignment.paired, (0..14).map(Some).collect::<Vec<_>>());
        assert!(alignment.omitted.is_empty());
    }

    /// Aligns a chart of (owner, end) with a run's, as grading does: an end is fine where
    /// it is the run's or lasts as long.
    fn by_ends(chart: &[(&str, u64)], key: &[(&str, u64)]) -> Alignment {
        align(chart.len(), key.len(), |i, j| {
            let start = |ends: &[(&str, u64)], at: usize| if at == 0 { 0 } else { ends[at - 1].1 };
            let same_owner = chart[i].0 == key[j].0;
            let lasts_as_long =
                chart[i].1.checked_sub(start(chart, i)) == key[j].1.checked_sub(start(key, j));
            PairMarks {
                same_owner,
                end_fine: same_owner && (chart[i].1 == key[j].1 || lasts_as_long),
                end_right: same_owner && chart[i].1 == key[j].1,
                distance: chart[i].1.abs_diff(key[j].1),
            }
        })
    }

    #[test]
    fn a_chart_that_stops_early_pairs_with_the_start_of_the_run() {
        // A round robin whose pattern repeats: the chart's three segments are as right
        // against the run's last three as against its first three, by owners and lengths.
        // The typed ends say which: the start.
        let key = [
            ("P3", 4),
            ("CS", 5),
            ("P5", 7),
            ("CS", 8),
            ("P1", 12),
            ("CS", 37),
            ("P3", 41),
            ("CS", 42),
            ("P5", 44),
        ];
        let alignment = by_ends(&[("P3", 4), ("CS", 5), ("P5", 7)], &key);
        assert_eq!(alignment.paired, [Some(0), Some(1), Some(2)]);
        assert_eq!(
            alignment.omitted.first().map(|omitted| omitted.key),
            Some(3)
        );
    }
}
