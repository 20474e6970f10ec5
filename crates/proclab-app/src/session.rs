//! The page's state and its one reducer: the draft as typed, the problems in it, the last valid
//! simulation, the banner and what Undo brings back. [`Session::reduce`] is pure: saving the
//! workspace and rewriting the address bar are the front end's effects, which watch
//! [`Session::edits`].

use std::rc::Rc;

use proclab_core::presets::PresetId;
use proclab_core::program::RunEnd;
use proclab_core::{simulate, PolicyKind, Run, Scenario, ScenarioError, ScenarioSpec};

use crate::draft::{Draft, FieldId, InputError};
use crate::edit::Edit;
use crate::files::FileError;
use crate::lang::Lang;
use crate::messages::{error_field, input_error, scenario_error_named, FieldMessage};
use crate::paste::PasteError;
use crate::reduce::Reduce;
use crate::share::{self, LinkError};
use crate::simulation::Simulation;

/// A banner above the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    LinkBroken(LinkError),
    LinkInvalid(Vec<ScenarioError>),
    LinkOpened,
    /// A link opened in this tab over the workspace; Undo brings the workspace back.
    LinkOpenedOver,
    FileBroken(FileError),
    FileInvalid(Vec<ScenarioError>),
    FileOpened,
    LinkCopied,
    LinkNotCopied(String),
    /// A preset, generated workload or file replaced the workspace; the old one can come back.
    Replaced,
    /// A process was removed; it can come back.
    Removed(String),
    /// A pasted table replaced the processes: how many it has, and how many it replaced; the
    /// old ones can come back.
    Pasted(usize, usize),
    /// A pasted table could not be read.
    PasteBroken(PasteError),
    /// "Hand back to the policy" set aside a schedule of this many choices; they can come back.
    ScheduleSetAside(usize),
    /// A preset was loaded: its lesson, what to notice.
    Preset(PresetId),
    /// The preset's workload has been edited since: its lesson, said to describe it as loaded.
    PresetEdited(PresetId),
    /// A Learn page's own example was opened: its title and what to notice, in both languages
    /// (Korean, English), and whether the workload was edited since.
    Lesson {
        title: [&'static str; 2],
        lesson: [&'static str; 2],
        edited: bool,
    },
}

impl Notice {
    /// An example's lesson that no longer describes the workload (it was edited since).
    pub fn is_stale(&self) -> bool {
        matches!(
            self,
            Notice::PresetEdited(_) | Notice::Lesson { edited: true, .. }
        )
    }

    /// Whether the banner offers Undo.
    pub fn can_undo(&self) -> bool {
        matches!(
            self,
            Notice::Replaced
                | Notice::LinkOpenedOver
                | Notice::Removed(_)
                | Notice::Pasted(..)
                | Notice::ScheduleSetAside(_)
        )
    }
}

/// Why the results are not shown for the current input: fields that could not be read, and the
/// core's findings on everything else (checked in the same pass, so one fix never uncovers a
/// problem that was there all along).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Problems {
    pub input: Vec<(FieldId, InputError)>,
    pub scenario: Vec<ScenarioError>,
}

/// Most time slices a run may be estimated to take for the reducer to compute it at once (a few
/// milliseconds in the page); a longer one is left [`Session::pending`] for the front end to
/// compute off the main thread. At 20,000, a keystroke into 10,000 processes under FCFS (10,000
/// slices) simulated in the key's own task, which then ran past 50 ms.
pub const RUN_HERE_MAX_SLICES: u64 = 5_000;

/// True when `spec`'s run is long enough to be computed off the main thread (by its bursts; a run
/// of programs is tried first, see [`run_here`]).
pub fn runs_elsewhere(spec: &ScenarioSpec) -> bool {
    crate::chart::compare_model::estimated_slices(spec, &spec.policy) > RUN_HERE_MAX_SLICES
}

/// Most instructions a run of programs may execute in the reducer (a few milliseconds in the
/// page): every lesson finishes in far fewer, while a loop that runs to a budget of 100,000 or
/// 1,000,000 would freeze the page.
pub const RUN_HERE_MAX_INSTRUCTIONS: u64 = 20_000;

/// The run of `scenario` (from `spec`), if it is short enough to compute here; `None` to leave it
/// to the front end's worker. How long programs run cannot be told from their text (a loop), so
/// they are run here with the budget lowered to [`RUN_HERE_MAX_INSTRUCTIONS`]: a run that ends
/// before that (every thread finished, a deadlock, a schedule used up) is the run with the real
/// budget too, since the budget only acts once reached, and is taken over for the real scenario
/// without simulating again ([`Run::from_parts`]); one that reaches it goes to the worker.
pub fn run_here(spec: &ScenarioSpec, scenario: &Scenario) -> Option<Run> {
    if runs_elsewhere(spec) {
        return None;
    }
    if !scenario.has_programs() || spec.machine.instruction_budget <= RUN_HERE_MAX_INSTRUCTIONS {
        return Some(simulate(scenario));
    }
    let mut trial = spec.clone();
    trial.machine.instruction_budget = RUN_HERE_MAX_INSTRUCTIONS;
    let run = simulate(&Scenario::new(&trial).ok()?);
    if matches!(run.end(), RunEnd::BudgetExhausted { .. }) {
        return None;
    }
    Run::from_parts(scenario, run.to_parts()).ok()
}

/// The page's whole state.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub lang: Lang,
    pub draft: Draft,
    /// What is wrong with the draft, if anything.
    pub problems: Option<Problems>,
    /// The spec of the last valid draft.
    pub spec: Option<Rc<ScenarioSpec>>,
    /// The run of the last valid draft (shown, marked stale, while the input has problems or
    /// while the run of a newer draft is computed elsewhere).
    pub simulation: Option<Rc<Simulation>>,
    /// A valid scenario whose run is too long to compute inside the reducer: the front end
    /// computes it off the main thread and sends [`Action::Ran`]; until then
    /// [`Session::simulation`] is the previous run, marked stale. Kept as checked, so the run
    /// that comes back is joined to it without checking the spec again (for 10,000 processes
    /// the check and the dropping of a copy each took tens of milliseconds of the page's time).
    pub pending: Option<Scenario>,
    pub notice: Option<Notice>,
    /// The workspace before the last replacement or removal, for Undo.
    pub previous: Option<Draft>,
    /// The example or lesson that named [`Session::previous`], said again when Undo brings it
    /// back (its banner and its entry in the examples menu had stayed gone).
    previous_lesson: Option<Notice>,
    /// [`Session::loaded_deadlock`] of the example [`Session::previous_lesson`] names, for
    /// Undo (an edited example brought back had been compared with the example loaded over it).
    previous_loaded_deadlock: Option<bool>,
    /// How many times the student changed the workspace. The front end saves the draft (and
    /// drops a share link from the address bar) whenever this grows; opening a link does not
    /// count, so the saved workspace is kept until the student edits.
    pub edits: u64,
    /// How many times another workload replaced the workspace (an example, a generated or opened
    /// file, a link followed in this tab): its run is then watched from its first tick, while an
    /// edit keeps the tick the student was at.
    pub loads: u64,
    /// The instant the last workload loaded is to be shown at: a link's `&t=N`, else 0. An
    /// edit sets it back to 0 (the student has moved on from the link's moment).
    pub opened_at: u64,
    /// The last workload loaded opens on the comparison of every policy (a link's
    /// `&view=compare`). An edit leaves the tab where the student put it.
    pub opened_on_compare: bool,
    /// The run on screen when the student began typing into the field being typed into.
    typing: Option<Typing>,
    /// Whether the run of the example whose lesson is said ended in a deadlock, as it was loaded:
    /// once an edit makes the lesson stale, [`Session::lesson_now`] says when the run on screen
    /// ends otherwise (an edited deadlock example that no longer deadlocked had kept its lesson
    /// with no word that the deadlock was gone).
    loaded_deadlock: Option<bool>,
}

/// The valid work on screen when the student began typing into `field`: while the field cannot
/// be read (or the scenario it makes does not hold), that run is shown, not the run of a value
/// passed through on the way (typing 99999999999999 digit by digit had shown the run of
/// 999999999, idle for a billion ticks, as "the last valid result").
#[derive(Clone, Debug, PartialEq)]
struct Typing {
    field: FieldId,
    spec: Option<Rc<ScenarioSpec>>,
    simulation: Option<Rc<Simulation>>,
    pending: Option<Scenario>,
}

/// Everything that can change the session.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    Edit(Edit),
    /// Replaces the workspace with a scenario (preset, generator, file); boxed, as a scenario is
    /// many times larger than any other action.
    Load(Box<ScenarioSpec>, Option<Notice>),
    /// The address bar's fragment changed in this tab (a share link typed or pasted there, or
    /// history): a share link in it is opened as at page load, unless it holds the workspace
    /// already. The language stays the page's. Like a link at page load it is no edit: the
    /// saved workspace stays until the student edits, and Undo brings it back.
    FollowLink(String),
    Notify(Option<Notice>),
    /// Brings back the workspace a replacement or removal overwrote.
    Undo,
    /// The run of the [`Session::pending`] scenario, computed by the front end; ignored unless
    /// its spec is still the one pending.
    Ran(Rc<Simulation>),
}

impl Session {
    /// The session at page load. A share link in `fragment` wins over the `saved` workspace; the
    /// language a user already chose (`remembered`) wins over the link's. A broken link leaves
    /// the saved workspace as it was and says why.
    pub fn start(
        lang: Lang,
        fragment: &str,
        saved: Option<Draft>,
        remembered: Option<Lang>,
    ) -> Session {
        let mut saved = saved.unwrap_or_default();
        saved.assign_keys();
        let mut session = Session {
            lang,
            draft: Draft::default(),
            problems: None,
            spec: None,
            simulation: None,
            pending: None,
            notice: None,
            previous: None,
            previous_lesson: None,
            previous_loaded_deadlock: None,
            edits: 0,
            loads: 0,
            opened_at: 0,
            opened_on_compare: false,
            typing: None,
            loaded_deadlock: None,
        };
        match share::decode(fragment) {
            Ok(None) => session.set_draft(saved),
            Ok(Some(shared)) => match Scenario::new(&shared.spec) {
                Ok(_) => {
                    session.lang = remembered.unwrap_or(shared.lang);
                    session.set_draft(Draft::from_spec(&shared.spec));
                    session.opened_at = shared.tick.unwrap_or(0);
                    session.opened_on_compare = shared.compare;
                    // A link to an example opens as the example: its name and its lesson.
                    session.notice = Some(
                        crate::program_words::example_of(&shared.spec)
                            .map_or(Notice::LinkOpened, Notice::Preset),
                    );
                }
                Err(errors) => {
                    session.set_draft(saved);
                    session.notice = Some(Notice::LinkInvalid(errors));
                }
            },
            Err(error) => {
                session.set_draft(saved);
                session.notice = Some(Notice::LinkBroken(error));
            }
        }
        session
    }

    /// At page load, a saved workspace whose fields have problems shows the last valid run it
    /// had (`last`, saved beside it while it had problems) as it did before the reload, under the
    /// same banner; a reload had left only the problems. Nothing changes when the workspace runs
    /// as it is, or when `last` does not.
    pub fn with_last_run(mut self, last: Option<ScenarioSpec>) -> Session {
        if self.problems.is_none() || self.spec.is_some() {
            return self;
        }
        let Some(spec) = last else {
            return self;
        };
        let Ok(scenario) = Scenario::new(&spec) else {
            return self;
        };
        let spec = Rc::new(spec);
        self.spec = Some(Rc::clone(&spec));
        match run_here(&spec, &scenario) {
            Some(run) => self.simulation = Some(Rc::new(Simulation::with_run(scenario, run))),
            None => self.pending = Some(scenario),
        }
        self
    }

    /// The run on screen's scenario while the fields have problems (what a reload brings back
    /// with [`Session::with_last_run`]); none when the fields run as they are.
    pub fn last_valid(&self) -> Option<&ScenarioSpec> {
        self.problems.as_ref().and(self.spec.as_deref())
    }

    /// Takes `draft` and recomputes the problems and the run.
    fn set_draft(&mut self, draft: Draft) {
        self.draft = draft;
        if self.draft.processes.is_empty() {
            self.problems = None;
            self.spec = None;
            self.simulation = None;
            self.pending = None;
            return;
        }
        let (spec, input) = self.draft.read();
        if input.is_empty() {
            if self.spec.as_deref() == Some(&spec) {
                self.problems = None;
                return;
            }
            match Scenario::new(&spec) {
                Ok(scenario) => {
                    self.problems = None;
                    let spec = Rc::new(spec);
                    self.spec = Some(Rc::clone(&spec));
                    match run_here(&spec, &scenario) {
                        Some(run) => {
                            self.pending = None;
                            self.simulation = Some(Rc::new(Simulation::with_run(scenario, run)));
                        }
                        None => self.pending = Some(scenario),
                    }
                }
                Err(scenario) => self.problems = Some(Problems { input, scenario }),
            }
            return;
        }
        // The unreadable fields hold defaults in `spec`; what the core says about those fields
        // would only repeat the problem, so only its findings elsewhere are kept.
        let policy = self.draft.policy.kind;
        let scenario = match Scenario::new(&spec) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .filter(|error| {
                    let field = error_field(error, policy);
                    !input.iter().any(|(unreadable, _)| *unreadable == field)
                })
                .collect(),
        };
        self.problems = Some(Problems { input, scenario });
    }

    /// Keeps `before`'s workspace for Undo, with the example or lesson its banner named.
    fn keep_for_undo(&mut self, before: &Session) {
        self.previous = Some(before.draft.clone());
        self.previous_loaded_deadlock = before.loaded_deadlock;
        self.previous_lesson = before
            .notice
            .clone()
            .filter(|notice| {
                matches!(
                    notice,
                    Notice::Preset(_) | Notice::PresetEdited(_) | Notice::Lesson { .. }
                )
            })
            // Another notice ("link copied", a row removed) may have taken the banner's place.
            .or_else(|| {
                before
                    .spec
                    .as_deref()
                    .and_then(crate::program_words::example_of)
                    .map(Notice::Preset)
            });
    }

    /// A change the student made: recompute and count it.
    fn edit_draft(&mut self, draft: Draft) {
        self.set_draft(draft);
        self.edits += 1;
        self.opened_at = 0;
    }

    /// Every problem, in words, attached to its field.
    pub fn field_messages(&self) -> Vec<FieldMessage> {
        let policy = self.draft.policy.kind;
        let Some(problems) = &self.problems else {
            return Vec::new();
        };
        let unreadable = problems.input.iter().map(|(field, error)| FieldMessage {
            field: *field,
            text: input_error(*error, self.lang),
        });
        // A process the student named is named so ("Program of Cons (process 2)").
        let name = |process: u32| {
            let name = self.draft.processes.get(process as usize)?.name.trim();
            (!name.is_empty()).then(|| name.to_string())
        };
        // Two namesakes are each told, under their own names: the one renamed to match an
        // earlier one may be either (renaming P1 to "P2" had been said under P2's untouched name).
        let namesakes = problems.scenario.iter().filter_map(|error| match *error {
            ScenarioError::DuplicateName {
                process,
                thread: None,
                first,
            } => Some(ScenarioError::DuplicateName {
                process: first,
                thread: None,
                first: process,
            }),
            ScenarioError::DuplicateName {
                process,
                thread: Some(thread),
                first,
            } => Some(ScenarioError::DuplicateName {
                process,
                thread: Some(first),
                first: thread,
            }),
            _ => None,
        });
        // Three of one name tell the first once.
        let mut namesakes: Vec<ScenarioError> = namesakes.collect();
        namesakes.dedup_by(|one, other| error_field(one, policy) == error_field(other, policy));
        let broken = problems
            .scenario
            .iter()
            .cloned()
            .chain(namesakes)
            .map(|error| {
                let text = scenario_error_named(&error, self.lang, &name);
                FieldMessage {
                    field: error_field(&error, policy),
                    text: match self.as_typed(&error) {
                        Some(detail) => format!("{text} {detail}"),
                        None => text,
                    },
                }
            });
        let mut messages: Vec<FieldMessage> = unreadable.chain(broken).collect();
        messages.sort_by_key(|message| message.field.page_order());
        messages
    }

    /// What the student typed where a program line names something that does not exist
    /// ([`crate::program_words::as_typed`]).
    fn as_typed(&self, error: &ScenarioError) -> Option<String> {
        let ScenarioError::ProgramLine { process, error } = error else {
            return None;
        };
        let text = &self.draft.processes.get(*process as usize)?.program;
        crate::program_words::as_typed(text, error, self.lang)
    }

    /// The field being typed into, when the run shown is the one from before it was touched (its
    /// value cannot be read now): the banner says so, since it may differ from the last valid run
    /// (3 CPUs typed, watched, then cleared shows the 1 CPU run from before the field was touched,
    /// which "the last valid result" had misnamed).
    pub fn showing_run_before(&self) -> Option<FieldId> {
        let field = self.typing.as_ref()?.field;
        // Only where that field is what cannot be read (with the problem elsewhere, the run
        // shown is the last valid one, and "this field" would name the wrong cause).
        self.field_messages()
            .iter()
            .any(|message| message.field == field)
            .then_some(field)
    }

    /// True when the results shown belong to an earlier, valid version of the input.
    pub fn results_are_stale(&self) -> bool {
        (self.problems.is_some() || self.pending.is_some()) && self.simulation.is_some()
    }

    /// The policy being edited.
    pub fn policy(&self) -> PolicyKind {
        self.draft.policy.kind
    }

    /// How the run on screen ends, when an edit has made the example's lesson stale and the
    /// run no longer ends as the example did, deadlocked or not: `None` otherwise, or while the
    /// run on screen is not the draft's (a problem to fix, a run still computed elsewhere).
    pub fn lesson_now(&self) -> Option<LessonNow> {
        let loaded = self.loaded_deadlock?;
        if !self.notice.as_ref().is_some_and(Notice::is_stale)
            || self.problems.is_some()
            || self.pending.is_some()
        {
            return None;
        }
        let simulation = self.simulation.as_deref()?;
        if deadlocks(simulation) == loaded {
            return None;
        }
        let tick = simulation.run.end_tick();
        Some(match simulation.run.end() {
            RunEnd::Deadlock { .. }
                if crate::chart::text::waits_close_a_circle(&simulation.run) =>
            {
                LessonNow::Deadlocks(tick)
            }
            RunEnd::Deadlock { .. } => LessonNow::Stuck(tick),
            RunEnd::Finished => LessonNow::Finishes(tick),
            RunEnd::BudgetExhausted { .. } => LessonNow::OutOfBudget(tick),
            RunEnd::ScheduleUsedUp { .. } => LessonNow::AwaitsChoice(tick),
        })
    }
}

/// Whether `simulation` stopped in a deadlock.
fn deadlocks(simulation: &Simulation) -> bool {
    matches!(simulation.run.end(), RunEnd::Deadlock { .. })
}

/// How an edited example's run ends, where its lesson had said otherwise (whether it deadlocks),
/// at the tick given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonNow {
    /// It now deadlocks: the waits close a cycle.
    Deadlocks(u64),
    /// It now stops with every thread left waiting, on no cycle (a semaphore nobody will
    /// signal): not a deadlock, as the results and the Learn page say.
    Stuck(u64),
    /// It no longer deadlocks: every thread exits.
    Finishes(u64),
    /// It no longer deadlocks but stops at the instruction budget.
    OutOfBudget(u64),
    /// It no longer deadlocks so far: the schedule chosen by hand is used up.
    AwaitsChoice(u64),
}

/// An example's lesson after an edit (`None` when `notice` is no lesson): a lesson built for a
/// Learn page is said to describe the example as loaded; a preset's lesson says so while the
/// workload differs from the preset, and plainly again once it is back as it was.
fn lesson_after_edit(
    notice: &Option<Notice>,
    spec: Option<&proclab_core::ScenarioSpec>,
) -> Option<Notice> {
    match *notice {
        Some(Notice::Lesson { title, lesson, .. }) => Some(Notice::Lesson {
            title,
            lesson,
            edited: true,
        }),
        Some(Notice::Preset(id) | Notice::PresetEdited(id)) => {
            let as_loaded =
                spec.is_some_and(|spec| crate::program_words::is_preset(spec, id.as_str()));
            Some(if as_loaded {
                Notice::Preset(id)
            } else {
                Notice::PresetEdited(id)
            })
        }
        _ => None,
    }
}

impl Reduce for Session {
    type Action = Action;

    fn reduce(&self, action: Action) -> Option<Session> {
        let mut next = self.clone();
        // The example a stale lesson was loaded as: the one Undo brings back, else this one.
        let loaded_deadlock = match action {
            Action::Undo => self.previous_loaded_deadlock,
            _ => self.loaded_deadlock,
        };
        // Only typing on in one field keeps the run from before it began.
        if !matches!(
            action,
            Action::Edit(Edit::Text(..)) | Action::SetLang(_) | Action::Notify(_)
        ) {
            next.typing = None;
        }
        match action {
            Action::SetLang(lang) => {
                if lang == self.lang {
                    return None;
                }
                next.lang = lang;
                // The examples' comments follow the page's language (an example's program, or
                // one from a link made in the other language); a student's own stay as written.
                let mut draft = self.draft.clone();
                for process in std::rc::Rc::make_mut(&mut draft.processes) {
                    if !process.program.is_empty() {
                        process.program = crate::program_words::program_in(&process.program, lang);
                    }
                }
                if draft != self.draft {
                    next.edit_draft(draft);
                }
            }
            Action::Edit(edit) => {
                let mut draft = self.draft.clone();
                draft.apply(&edit);
                if draft == self.draft {
                    return None;
                }
                match &edit {
                    Edit::RemoveProcess(index) => {
                        let name = self.draft.processes[*index].name.clone();
                        next.keep_for_undo(self);
                        next.notice = Some(Notice::Removed(name));
                    }
                    Edit::ReplaceProcesses(processes) => {
                        next.keep_for_undo(self);
                        next.notice =
                            Some(Notice::Pasted(processes.len(), self.draft.processes.len()));
                    }
                    // Scheduling by hand again, or the choices set aside brought back: the
                    // banner's Undo would now throw away what is chosen (it had stayed up,
                    // offering the old choices over the new ones).
                    Edit::Schedule(Some(_))
                        if matches!(self.notice, Some(Notice::ScheduleSetAside(_))) =>
                    {
                        next.notice = self.previous_lesson.clone();
                        next.previous = None;
                    }
                    // Handing back to the policy sets the choices made aside, not for good.
                    Edit::Schedule(None) => {
                        let made = self.draft.schedule.as_ref().map(|s| s.threads.len());
                        if let Some(made) = made.filter(|made| *made > 0) {
                            next.keep_for_undo(self);
                            next.notice = Some(Notice::ScheduleSetAside(made));
                        }
                    }
                    _ => {}
                }
                next.typing = match &edit {
                    Edit::Text(field, _) if field.holds_one_value() => match &self.typing {
                        Some(typing) if typing.field == *field => self.typing.clone(),
                        _ => Some(Typing {
                            field: *field,
                            spec: self.spec.clone(),
                            simulation: self.simulation.clone(),
                            pending: self.pending.clone(),
                        }),
                    },
                    _ => None,
                };
                next.edit_draft(draft);
                if let (Some(typing), Some(_)) = (&next.typing, &next.problems) {
                    next.spec = typing.spec.clone();
                    next.simulation = typing.simulation.clone();
                    next.pending = typing.pending.clone();
                }
                // Choices just set aside, rows a paste replaced or a row removed are said instead
                // of an example's lesson: their Undo matters more (a paste over an example had
                // lost it, its banner saying only that the example was changed; a row removed
                // from one had had no Undo at all).
                if !matches!(
                    next.notice,
                    Some(Notice::ScheduleSetAside(_) | Notice::Pasted(..) | Notice::Removed(_))
                ) {
                    if let Some(lesson) = lesson_after_edit(&self.notice, next.spec.as_deref()) {
                        next.notice = Some(lesson);
                    }
                }
            }
            Action::Load(spec, notice) => {
                let replaced = !self.draft.processes.is_empty();
                // Stepping through the examples (a keyboard's arrows load one at each press)
                // keeps for Undo the work from before the first, not an example passed through.
                // A file or a generated workload opened over an example is no such step: Undo
                // brings back the example, as its banner says ("the previous one").
                let passing_an_example = self.previous.is_some()
                    && matches!(notice, Some(Notice::Preset(_)))
                    && self
                        .spec
                        .as_deref()
                        .is_some_and(|spec| crate::program_words::example_of(spec).is_some());
                if !passing_an_example {
                    next.previous = None;
                    if replaced {
                        next.keep_for_undo(self);
                    }
                }
                next.edit_draft(Draft::from_spec(&spec));
                next.loads += 1;
                next.opened_at = 0;
                next.opened_on_compare = false;
                // Whether an opened file's scenario holds is known once its form is read: a good
                // file is checked once, here; a broken one again, for the core's own words on
                // the file as written.
                let notice = match (notice, &next.problems) {
                    (Some(Notice::FileOpened), Some(_)) => Some(Notice::FileInvalid(
                        Scenario::new(&spec).err().unwrap_or_default(),
                    )),
                    (notice, _) => notice,
                };
                next.notice = notice.or(replaced.then_some(Notice::Replaced));
            }
            Action::FollowLink(fragment) => match share::decode(&fragment) {
                Ok(None) => return None,
                Ok(Some(shared)) => {
                    if self.spec.as_deref() == Some(&shared.spec) {
                        // The workload on screen at another instant: go there, nothing else.
                        if shared.tick.is_none() && !shared.compare {
                            return None;
                        }
                        next.opened_at = shared.tick.unwrap_or(0);
                        next.opened_on_compare = shared.compare;
                        next.loads += 1;
                        return Some(next);
                    }
                    match Scenario::new(&shared.spec) {
                        Ok(_) => {
                            let replaced = !self.draft.processes.is_empty();
                            next.previous = None;
                            if replaced {
                                next.keep_for_undo(self);
                            }
                            next.set_draft(Draft::from_spec(&shared.spec));
                            next.loads += 1;
                            next.opened_at = shared.tick.unwrap_or(0);
                            next.opened_on_compare = shared.compare;
                            // An example's link opens as the example (Undo is offered
                            // beside its lesson as beside any example's).
                            next.notice =
                                Some(match crate::program_words::example_of(&shared.spec) {
                                    Some(id) => Notice::Preset(id),
                                    None if replaced => Notice::LinkOpenedOver,
                                    None => Notice::LinkOpened,
                                });
                        }
                        Err(errors) => next.notice = Some(Notice::LinkInvalid(errors)),
                    }
                }
                Err(error) => next.notice = Some(Notice::LinkBroken(error)),
            },
            Action::Undo => {
                let previous = self.previous.clone()?;
                next.previous = None;
                next.notice = self.previous_lesson.clone();
                next.edit_draft(previous);
            }
            Action::Ran(simulation) => {
                let spec = simulation.scenario.spec();
                let wanted = matches!(&self.pending, Some(pending) if std::ptr::eq(pending.spec(), spec) || pending.spec() == spec);
                if !wanted {
                    return None;
                }
                next.pending = None;
                next.simulation = Some(simulation);
            }
            Action::Notify(notice) => {
                if notice == self.notice {
                    return None;
                }
                next.notice = notice;
            }
        }
        next.loaded_deadlock = match &next.notice {
            Some(Notice::Preset(_) | Notice::Lesson { edited: false, .. }) => next
                .simulation
                .as_deref()
                .filter(|_| next.pending.is_none())
                .map(deadlocks),
            Some(notice) if notice.is_stale() => loaded_deadlock,
            _ => None,
        };
        Some(next)
    }
}
