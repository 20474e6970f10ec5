//! The one reducer that owns the page's state: the draft as typed, the problems in it, and the
//! last valid simulation. Every change goes through [`Action`]; `reduce` recomputes with the core.

use std::rc::Rc;

use crate::storage;
use proclab_app::draft::Draft;
use proclab_app::i18n::Lang;
use proclab_app::messages::{error_field, input_error, scenario_error, FieldMessage};
use proclab_app::share::{self, LinkError};
use proclab_app::simulation::Simulation;
use proclab_core::{ScenarioError, ScenarioSpec};
use yew::prelude::*;

/// A banner above the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    LinkBroken(LinkError),
    LinkInvalid(Vec<ScenarioError>),
    LinkOpened,
    FileBroken(proclab_app::files::FileError),
    FileInvalid(Vec<ScenarioError>),
    FileOpened,
    LinkCopied,
    LinkNotCopied(String),
    /// A preset, generated workload or file replaced the workspace; the old one can come back.
    Replaced,
    /// A preset was loaded: its lesson, what to notice.
    Preset(&'static str),
}

/// Why the results are not shown for the current input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problems {
    Input(Vec<(proclab_app::draft::FieldId, proclab_app::draft::InputError)>),
    Scenario(Vec<ScenarioError>),
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
    /// The run of the last valid draft (shown, marked stale, while the input has problems).
    pub simulation: Option<Rc<Simulation>>,
    pub notice: Option<Notice>,
    /// The workspace before the last replacement, for undo.
    pub previous: Option<Draft>,
}

/// Everything that can change the session.
pub enum Action {
    SetLang(Lang),
    /// Changes the draft; the closure edits it in place.
    Edit(Rc<dyn Fn(&mut Draft)>),
    /// Replaces the workspace with a scenario (preset, generator, file).
    Load(ScenarioSpec, Option<Notice>),
    Notify(Option<Notice>),
    /// Brings back the workspace a replacement overwrote.
    Undo,
}

impl Session {
    /// The session at page load: a share link in the URL wins; else the autosaved workspace.
    /// A broken link leaves the saved workspace as it was and says why.
    pub fn start(lang: Lang, fragment: &str) -> Session {
        let saved = storage::load_workspace().unwrap_or_default();
        let mut session = Session {
            lang,
            draft: Draft::default(),
            problems: None,
            spec: None,
            simulation: None,
            notice: None,
            previous: None,
        };
        match share::decode(fragment) {
            Ok(None) => session.set_draft(saved, false),
            Ok(Some(shared)) => match Simulation::new(&shared.spec) {
                Ok(_) => {
                    // The link's language is for a first visit; a language this browser's user
                    // already chose wins.
                    session.lang = crate::browser::remembered_language().unwrap_or(shared.lang);
                    session.set_draft(Draft::from_spec(&shared.spec), false);
                    session.notice = Some(Notice::LinkOpened);
                }
                Err(errors) => {
                    session.set_draft(saved, false);
                    session.notice = Some(Notice::LinkInvalid(errors));
                }
            },
            Err(error) => {
                session.set_draft(saved, false);
                session.notice = Some(Notice::LinkBroken(error));
            }
        }
        session
    }

    /// Takes `draft`, recomputes, and autosaves when `save` (not while opening a link: the
    /// saved workspace changes only when the student edits).
    fn set_draft(&mut self, draft: Draft, save: bool) {
        if save {
            storage::save_workspace(&draft);
            // The workspace has moved on from any share link in the address bar; a reload must
            // show the saved work, not the link.
            crate::browser::clear_share_fragment();
        }
        self.draft = draft;
        if self.draft.processes.is_empty() {
            self.problems = None;
            self.spec = None;
            self.simulation = None;
            return;
        }
        match self.draft.to_spec() {
            Err(errors) => self.problems = Some(Problems::Input(errors)),
            Ok(spec) => {
                if self.spec.as_deref() == Some(&spec) {
                    self.problems = None;
                    return;
                }
                match Simulation::new(&spec) {
                    Ok(simulation) => {
                        self.problems = None;
                        self.simulation = Some(Rc::new(simulation));
                        self.spec = Some(Rc::new(spec));
                    }
                    Err(errors) => self.problems = Some(Problems::Scenario(errors)),
                }
            }
        }
    }

    /// Every problem, in words, attached to its field.
    pub fn field_messages(&self) -> Vec<FieldMessage> {
        match &self.problems {
            None => Vec::new(),
            Some(Problems::Input(errors)) => errors
                .iter()
                .map(|(field, error)| FieldMessage {
                    field: *field,
                    text: input_error(*error, self.lang),
                })
                .collect(),
            Some(Problems::Scenario(errors)) => errors
                .iter()
                .map(|error| FieldMessage {
                    field: error_field(error),
                    text: scenario_error(error, self.lang),
                })
                .collect(),
        }
    }

    /// True when the results shown belong to an earlier, valid version of the input.
    pub fn results_are_stale(&self) -> bool {
        self.problems.is_some() && self.simulation.is_some()
    }
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => {
                if lang == self.lang {
                    return self;
                }
                next.lang = lang;
            }
            Action::Edit(edit) => {
                let mut draft = self.draft.clone();
                edit(&mut draft);
                if draft == self.draft {
                    return self;
                }
                next.set_draft(draft, true);
            }
            Action::Load(spec, notice) => {
                let replaced = !self.draft.processes.is_empty();
                next.previous = replaced.then(|| self.draft.clone());
                next.set_draft(Draft::from_spec(&spec), true);
                next.notice = notice.or(replaced.then_some(Notice::Replaced));
            }
            Action::Undo => {
                let Some(previous) = self.previous.clone() else {
                    return self;
                };
                next.previous = None;
                next.notice = None;
                next.set_draft(previous, true);
            }
            Action::Notify(notice) => {
                if notice == self.notice {
                    return self;
                }
                next.notice = notice;
            }
        }
        Rc::new(next)
    }
}

/// The handle components use to send actions.
pub type Dispatch = UseReducerDispatcher<Session>;

/// An edit action from a closure.
pub fn edit(dispatch: &Dispatch, change: impl Fn(&mut Draft) + 'static) {
    dispatch.dispatch(Action::Edit(Rc::new(change)));
}
