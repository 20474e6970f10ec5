//! Charts drawn with plotters: the Gantt chart of a run and the policy comparison.
