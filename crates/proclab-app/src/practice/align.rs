//! Which of the run's Gantt segments each of a student's segments is graded against.
//!
//! Grading the student's segment i against the run's segment i lets one segment left out (a
//! context switch forgotten, an idle gap) mark every later segment wrong, as a teacher grading
//! by hand never would. The chart is aligned to the run's instead, as `diff` aligns two texts:
//! the fewest edits (a segment with another owner, one too many, one left out), then the most
//! ends right or consistent; where that still ties, segments pair by position.

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

/// Aligns `students` segments to `keys` segments. `mark(i, j)` tells whether the student's
/// segment `i` has the owner of the run's segment `j`, and whether its end is fine against it.
pub fn align(
    students: usize,
    keys: usize,
    mark: impl Fn(usize, usize) -> (bool, bool),
) -> Alignment {
    // cost[i][j]: the best alignment of the first i student segments with the first j of the
    // run's, as (edits, ends not fine), compared in that order.
    let width = keys + 1;
    let mut cost = vec![(0u32, 0u32); (students + 1) * width];
    let mut step = vec![Step::Pair; (students + 1) * width];
    for i in 0..=students {
        for j in 0..=keys {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best: Option<((u32, u32), Step)> = None;
            let mut offer = |candidate: (u32, u32), taken: Step| {
                if best.is_none_or(|(cost, _)| candidate < cost) {
                    best = Some((candidate, taken));
                }
            };
            // Offered in order of preference: a later offer wins only when strictly better.
            if i > 0 && j > 0 {
                let (edits, misses) = cost[(i - 1) * width + j - 1];
                let (same_owner, end_fine) = mark(i - 1, j - 1);
                offer(
                    (
                        edits + u32::from(!same_owner),
                        misses + u32::from(!end_fine),
                    ),
                    Step::Pair,
                );
            }
            if i > 0 {
                let (edits, misses) = cost[(i - 1) * width + j];
                offer((edits + 1, misses + 1), Step::Extra);
            }
            if j > 0 {
                let (edits, misses) = cost[i * width + j - 1];
                offer((edits + 1, misses + 1), Step::Omit);
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
            (same, same)
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
        let key_ends = [2, 4, 6, 8];
        let key_owner = ["P1", "P2", "P1", "P2"];
        let chart = [("P1", 2), ("P2", 8)];
        let alignment = align(chart.len(), key_ends.len(), |i, j| {
            (chart[i].0 == key_owner[j], chart[i].1 == key_ends[j])
        });
        assert_eq!(alignment.paired, [Some(0), Some(3)]);
    }
}
