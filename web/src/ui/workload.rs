//! The workload as a table: one row per process with the columns the chosen policy reads (name,
//! arrival, bursts, then priority, class or tickets), advanced columns (working set, threads,
//! per-burst editing) one click away, keys that move like a spreadsheet, and a table pasted from
//! a spreadsheet or a textbook filling it.

use proclab_app::draft::{FieldId, ProcessDraft};
use proclab_app::edit::Edit;
use proclab_app::grid::{next_cell, Key, Target};
use proclab_app::i18n::{Lang, Text};
use proclab_app::lang::Words;
use proclab_app::messages::FieldMessage;
use proclab_app::paste::{parse_table, shown_columns, Column};
use proclab_app::session::{Action, Notice};
use proclab_core::PolicyKind;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::session::{edit, on_click, on_edit, Dispatch};
use crate::ui::bursts::BurstEditor;
use crate::ui::field::FieldProblems;
use crate::ui::program_editor::ProgramEditor;
use proclab_app::program_view::ProgramText;

#[derive(Properties, PartialEq)]
pub struct WorkloadProps {
    pub lang: Lang,
    /// The draft's rows themselves, shared (equal at a glance when unchanged).
    pub processes: std::rc::Rc<Vec<ProcessDraft>>,
    /// The semaphores' initial values as typed (`s=1 full=0`).
    #[prop_or_default]
    pub semaphores: AttrValue,
    pub policy: PolicyKind,
    pub messages: Vec<FieldMessage>,
    pub dispatch: Dispatch,
    /// The warm-up cache model is chosen: working sets and CPU lists are its inputs, so the
    /// advanced columns stay open.
    #[prop_or_default]
    pub warmup: bool,
    /// A cache model is on: it reads the working sets, so the advanced columns stay open.
    #[prop_or_default]
    pub cache: bool,
    /// What the banner says of the last paste, said again under the table, where the paste was
    /// (the banner is at the page's top).
    #[prop_or_default]
    pub pasted: Option<PasteSaid>,
}

/// The banner's words on a paste, as the workload repeats them.
#[derive(Clone, PartialEq)]
pub struct PasteSaid {
    pub words: AttrValue,
    /// Why the table could not be read (the rows are as they were).
    pub broken: bool,
    /// Undo would bring back the rows the paste replaced.
    pub undo: bool,
}

/// Processes shown before "show more" (and added by each press): a laptop screen's worth. The
/// rows are most of the page's elements, so a 100-process file builds 20 rows, not 100 (a row
/// with a problem is shown wherever it is).
const PAGE: usize = 20;

/// What an empty cell stands for, shown in it: a process's default name, and the value an empty
/// priority, class or tickets cell runs with (an empty priority had run as 0 unsaid).
fn placeholder(column: Column, process: usize) -> Option<AttrValue> {
    let defaults = proclab_core::ProcessSpec::default();
    match column {
        Column::Name => Some(AttrValue::from(format!("P{}", process + 1))),
        Column::Priority => Some(AttrValue::from(defaults.priority.to_string())),
        Column::Class => Some(AttrValue::from(defaults.class.to_string())),
        Column::Tickets => Some(AttrValue::from(defaults.tickets.to_string())),
        Column::Arrival | Column::Bursts => None,
    }
}

fn column_field(column: Column, process: usize) -> FieldId {
    match column {
        Column::Name => FieldId::Name(process),
        Column::Arrival => FieldId::Arrival(process),
        Column::Bursts => FieldId::Bursts(process),
        Column::Priority => FieldId::Priority(process),
        Column::Class => FieldId::Class(process),
        Column::Tickets => FieldId::Tickets(process),
    }
}

fn column_title(column: Column) -> Text {
    match column {
        Column::Name => Text::Name,
        Column::Arrival => Text::Arrival,
        Column::Bursts => Text::Bursts,
        Column::Priority => Text::Priority,
        Column::Class => Text::Class,
        Column::Tickets => Text::Tickets,
    }
}

fn value_of(process: &ProcessDraft, column: Column) -> String {
    match column {
        Column::Name => process.name.clone(),
        Column::Arrival => process.arrival.clone(),
        Column::Bursts => process.bursts.clone(),
        Column::Priority => process.priority.clone(),
        Column::Class => process.class.clone(),
        Column::Tickets => process.tickets.clone(),
    }
}

#[derive(Properties, PartialEq)]
struct CellProps {
    field: FieldId,
    label: AttrValue,
    value: AttrValue,
    messages: Vec<FieldMessage>,
    dispatch: Dispatch,
    /// The cell's place in the keyboard grid, if it has one.
    #[prop_or_default]
    grid: Option<(usize, usize)>,
    #[prop_or(true)]
    numeric: bool,
    /// The column's heading, shown above the input when a phone lays the row out as a card.
    #[prop_or_default]
    heading: Option<AttrValue>,
    /// What an empty field stands for (a thread left unnamed is called `T1`, `T2`...).
    #[prop_or_default]
    placeholder: Option<AttrValue>,
}

/// One input of the table, labelled for screen readers; its problems are listed under the
/// process's row or under its thread's fields (see [`problems_at`]), where they have the table's
/// whole width.
#[function_component(Cell)]
fn cell(props: &CellProps) -> Html {
    let id = props.field.dom_id();
    let problems = FieldProblems::of(props.field, &props.messages);
    let invalid = problems.invalid();
    let field = props.field;
    let oninput = on_edit(&props.dispatch, move |event: InputEvent| {
        Edit::Text(
            field,
            event.target_unchecked_into::<HtmlInputElement>().value(),
        )
    });
    html! {
        <td class={classes!(invalid.then_some("invalid"), matches!(field, FieldId::Bursts(_)).then_some("bursts"))} data-label={props.heading.clone()}>
            <input {id} type="text" value={props.value.clone()} {oninput} aria-label={props.label.clone()}
                onmousedown={Callback::from(crate::browser::note_press)} onmouseup={Callback::from(crate::browser::select_after_click)}
                placeholder={props.placeholder.clone()}
                inputmode={ if props.numeric { "numeric" } else { "text" } }
                size={ if props.numeric { "4" } else { "10" } }
                data-row={props.grid.map(|(row, _)| row.to_string())}
                data-col={props.grid.map(|(_, column)| column.to_string())}
                aria-invalid={ invalid.to_string() }
                aria-describedby={ problems.described_by() } />
        </td>
    }
}

/// The column a field is in, as the table's heading names it (with the thread for a thread's field).
pub(crate) fn field_title(field: FieldId, lang: Lang) -> String {
    let text = |text: Text| text.get(lang).to_string();
    match field {
        FieldId::Name(_) => text(Text::Name),
        FieldId::Arrival(_) => text(Text::Arrival),
        FieldId::Priority(_) => text(Text::Priority),
        FieldId::Class(_) => text(Text::Class),
        FieldId::Bursts(_) => text(Text::Bursts),
        FieldId::WorkingSet(_) => text(Text::WorkingSet),
        FieldId::Affinity(_) => text(Text::CpuList),
        FieldId::Tickets(_) => text(Text::Tickets),
        FieldId::ThreadName(_, thread) => format!("{} {}", text(Text::Thread), thread + 1),
        FieldId::ThreadBursts(_, thread) => {
            format!(
                "{} {} · {}",
                text(Text::Thread),
                thread + 1,
                text(Text::Bursts)
            )
        }
        FieldId::ThreadStack(_, thread) => {
            format!(
                "{} {} · {}",
                text(Text::Thread),
                thread + 1,
                text(Text::Stack)
            )
        }
        FieldId::Program(_) => ProgramText::Code.get(lang).to_string(),
        FieldId::ThreadRegisters(_, thread) => format!(
            "{} {} · {}",
            text(Text::Thread),
            thread + 1,
            ProgramText::RegistersLabel.get(lang)
        ),
        _ => text(Text::Process),
    }
}

/// Where a process's problems are said: under its row, under its program's editor, or under
/// one of its threads' fields.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Row,
    Program,
    Thread(usize),
}

impl Place {
    fn of(field: FieldId) -> Place {
        match field {
            FieldId::Program(_) => Place::Program,
            FieldId::ThreadName(_, thread)
            | FieldId::ThreadBursts(_, thread)
            | FieldId::ThreadStack(_, thread)
            | FieldId::ThreadRegisters(_, thread) => Place::Thread(thread),
            _ => Place::Row,
        }
    }
}

/// The problems of process `index`'s fields said at `place`, each with the id its input's
/// `aria-describedby` names: a program's under its editor, where its line numbers are marked; a
/// thread's under that thread's fields (a second thread's registers had been said above the
/// first thread); the rest under the process's row.
fn problems_at(messages: &[FieldMessage], index: usize, place: Place, lang: Lang) -> Html {
    let mut fields: Vec<FieldId> = messages
        .iter()
        .filter(|message| message.field.process() == Some(index))
        .filter(|message| Place::of(message.field) == place)
        .map(|message| message.field)
        .collect();
    // In the order the fields are on screen.
    fields.sort_by_key(|field| screen_order(*field));
    fields.dedup();
    html! {
        { for fields.into_iter().map(|field| {
            let title = field_title(field, lang);
            // A program's problems already say "Program of process 1, line 5", and a thread's
            // registers "Initial registers of thread 1 of process 1".
            let titled = !matches!(field, FieldId::Program(_) | FieldId::ThreadRegisters(..));
            FieldProblems::of(field, messages).list_titled(titled.then_some(title.as_str()))
        }) }
    }
}

/// Where a field is in its process's card or row, left to right and top to bottom.
fn screen_order(field: FieldId) -> (usize, usize) {
    match field {
        FieldId::Name(_) => (0, 0),
        FieldId::Arrival(_) => (1, 0),
        FieldId::Priority(_) => (2, 0),
        FieldId::Class(_) => (3, 0),
        FieldId::Tickets(_) => (4, 0),
        FieldId::Bursts(_) => (5, 0),
        FieldId::WorkingSet(_) => (6, 0),
        FieldId::Affinity(_) => (7, 0),
        FieldId::Program(_) => (8, 0),
        FieldId::ThreadName(_, thread) => (9, 4 * thread),
        FieldId::ThreadBursts(_, thread) => (9, 4 * thread + 1),
        FieldId::ThreadStack(_, thread) => (9, 4 * thread + 2),
        FieldId::ThreadRegisters(_, thread) => (9, 4 * thread + 3),
        _ => (10, 0),
    }
}

/// [`problems_at`] in a row spanning the whole table (a message inside a cell would widen its
/// column and push the process's name out of sight), if there are any.
fn problem_row(
    messages: &[FieldMessage],
    index: usize,
    columns: usize,
    lang: Lang,
    place: Place,
) -> Html {
    let any = messages
        .iter()
        .any(|message| message.field.process() == Some(index) && Place::of(message.field) == place);
    if !any {
        return Html::default();
    }
    html! {
        <tr class="row-problems">
            <td></td>
            <td colspan={columns.to_string()}>{ problems_at(messages, index, place, lang) }</td>
        </tr>
    }
}

/// Adds a thread to process `index` (which has `count` now) and puts the cursor in its bursts: the
/// wide table was scrolled to its Threads column, and the new thread's fields are at its left.
fn add_thread(dispatch: &Dispatch, index: usize, count: usize) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: MouseEvent| {
        edit(&dispatch, Edit::AddThread(index));
        let id = FieldId::ThreadBursts(index, count).dom_id();
        gloo::timers::callback::Timeout::new(0, move || {
            if let Some(element) = gloo::utils::document().get_element_by_id(&id) {
                // The thread's fields start at the table's left edge: scroll back there first.
                if let Ok(Some(scroll)) = element.closest(".workload-scroll") {
                    scroll.set_scroll_left(0);
                }
                if let Ok(input) = element.dyn_into::<HtmlInputElement>() {
                    let _ = input.focus();
                }
            }
        })
        .forget();
    })
}

/// Whether some bursts wait for or signal a semaphore (then its initial value can be given).
fn names_semaphores(processes: &[ProcessDraft]) -> bool {
    let names = |text: &str| {
        // Only a text with a word in it can hold an operation: skip the plain ones unread.
        text.bytes()
            .any(|byte| byte.is_ascii_alphabetic() && !matches!(byte, b'i' | b'o' | b'I' | b'O'))
            && proclab_app::draft::parse_bursts(text).is_ok_and(|bursts| {
                bursts.iter().any(|burst| {
                    matches!(
                        burst,
                        proclab_core::spec::BurstSpec::Wait(_)
                            | proclab_core::spec::BurstSpec::Signal(_)
                    )
                })
            })
    };
    processes.iter().any(|process| {
        names(&process.bursts) || process.threads.iter().any(|thread| names(&thread.bursts))
    })
}

/// A row under a process whose bursts hold operations: its bursts and operations in order, whole.
fn operations_row(field: FieldId, text: &str, span: usize, lang: Lang) -> Html {
    let line = crate::ui::bursts::operations_line(&field.dom_id(), text, lang);
    if line == Html::default() {
        return line;
    }
    html! {
        <tr class="burst-row"><td></td><td colspan={span.to_string()}>{ line }</td></tr>
    }
}

/// Moves focus as a spreadsheet would, from the input the key was pressed in.
fn on_grid_key(
    dispatch: Dispatch,
    rows: usize,
    columns: usize,
    fields: Vec<Column>,
) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        let Some(key) = Key::from_name(&event.key()) else {
            return;
        };
        if event.shift_key() || event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let (Some(row), Some(column)) = (
            input
                .get_attribute("data-row")
                .and_then(|row| row.parse().ok()),
            input
                .get_attribute("data-col")
                .and_then(|column| column.parse().ok()),
        ) else {
            return;
        };
        let length = input.value().chars().count() as u32;
        let start = input.selection_start().ok().flatten().unwrap_or(0);
        let end = input.selection_end().ok().flatten().unwrap_or(length);
        let target = next_cell(
            (row, column),
            (rows, columns),
            key,
            start == 0 && end == 0,
            start == length,
        );
        // After the render that adds a row, if any.
        let focus_later = |row: usize, column: usize| {
            crate::browser::focus_later(column_field(fields[column], row).dom_id())
        };
        match target {
            Target::Stay => {}
            Target::Cell(row, column) => {
                event.prevent_default();
                focus_later(row, column);
            }
            Target::NewRow(column) => {
                event.prevent_default();
                edit(&dispatch, Edit::AddProcess);
                focus_later(rows, column);
            }
        }
    })
}

/// Removes row `index` of `count`; the keyboard's focus goes to the name of the row that takes
/// its place (or the one before, or Add process), where the eye already is: the button pressed is
/// gone with its row, and the banner (a live region) says what was removed and offers Undo.
fn on_remove(dispatch: &Dispatch, index: usize, count: usize) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: MouseEvent| {
        edit(&dispatch, Edit::RemoveProcess(index));
        let next = match count {
            0 | 1 => String::from("add-process"),
            _ => FieldId::Name(index.min(count - 2)).dom_id(),
        };
        crate::browser::focus_later(next);
    })
}

/// Reads a pasted table (more than one cell) into the workload; a single value pastes as usual.
fn on_paste(dispatch: Dispatch, columns: Vec<Column>) -> Callback<Event> {
    Callback::from(move |event: Event| {
        let Some(data) = event
            .dyn_ref::<web_sys::ClipboardEvent>()
            .and_then(|event| event.clipboard_data())
        else {
            return;
        };
        let Ok(text) = data.get_data("text/plain") else {
            return;
        };
        if !text.trim().contains('\n') && !text.contains('\t') {
            return;
        }
        // A program pasted into its editor is text, not a table.
        if event
            .target()
            .and_then(|target| target.dyn_into::<HtmlTextAreaElement>().ok())
            .is_some()
        {
            return;
        }
        event.prevent_default();
        paste(&dispatch, &text, &columns);
    })
}

fn paste(dispatch: &Dispatch, text: &str, columns: &[Column]) {
    match parse_table(text, columns) {
        Ok(processes) => edit(dispatch, Edit::ReplaceProcesses(processes)),
        Err(error) => dispatch.dispatch(Action::Notify(Some(Notice::PasteBroken(error)))),
    }
}

#[derive(Properties, PartialEq)]
struct PasteBoxProps {
    lang: Lang,
    columns: Vec<Column>,
    dispatch: Dispatch,
}

/// A box to paste a table into, for phones and for anyone who looks for a button.
#[function_component(PasteBox)]
fn paste_box(props: &PasteBoxProps) -> Html {
    let lang = props.lang;
    let area = use_node_ref();
    let read = {
        let area = area.clone();
        let dispatch = props.dispatch.clone();
        let columns = props.columns.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                paste(&dispatch, &area.value(), &columns);
            }
        })
    };
    // Opened at the bottom of the form's own scrolling column, its box and button had been
    // below that column's edge: brought into it.
    let ontoggle = Callback::from(|event: Event| {
        let details = event.target_unchecked_into::<web_sys::HtmlDetailsElement>();
        let Some(button) = gloo::utils::document().get_element_by_id("paste-read") else {
            return;
        };
        // The column's bottom edge, or the window's where the column does not scroll.
        let edge = details
            .closest(".inputs")
            .ok()
            .flatten()
            .map(|column| column.get_bounding_client_rect().bottom())
            .unwrap_or(f64::INFINITY)
            .min(
                gloo::utils::window()
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(f64::INFINITY),
            );
        if details.open() && button.get_bounding_client_rect().bottom() > edge {
            button.scroll_into_view_with_bool(false);
        }
    });
    html! {
        <details class="paste-box" {ontoggle}>
            <summary>{ Text::PasteTable.get(lang) }</summary>
            <p class="hint" id="paste-hint">{ Text::PasteHint.get(lang) }</p>
            <textarea id="paste-area" ref={area} rows="5" aria-label={Text::PasteTable.get(lang)} aria-describedby="paste-hint" />
            <button type="button" id="paste-read" onclick={read}>{ Text::PasteRead.get(lang) }</button>
        </details>
    }
}

#[function_component(Workload)]
pub fn workload(props: &WorkloadProps) -> Html {
    let lang = props.lang;
    let dispatch = &props.dispatch;
    let count = props.processes.len();
    // The new row's name is focused (and so scrolled into view), ready to be typed over.
    let on_add = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            edit(&dispatch, Edit::AddProcess);
            crate::browser::focus_later(FieldId::Name(count).dom_id());
        })
    };
    let has_threads = props
        .processes
        .iter()
        .any(|process| !process.threads.is_empty());
    let advanced = use_state(|| false);
    // The cache model reads each process's working set: a stall of 5 ticks from a column out of
    // sight had to be worked back from the totals.
    let forced = has_threads || props.warmup || props.cache;
    let show_advanced = *advanced || forced;
    let shown = use_state(|| PAGE);
    let limit = (*shown).max(PAGE);
    let columns = shown_columns(props.policy);
    let with_problem = |index: usize| {
        props
            .messages
            .iter()
            .any(|message| message.field.process() == Some(index))
    };
    let show_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(limit + PAGE))
    };
    let toggle_advanced = {
        let advanced = advanced.clone();
        Callback::from(move |event: Event| {
            advanced.set(event.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let list_problems: Vec<&FieldMessage> = props
        .messages
        .iter()
        .filter(|m| m.field == FieldId::Processes)
        .collect();
    let onkeydown = on_grid_key(dispatch.clone(), count, columns.len(), columns.clone());
    let onpaste = on_paste(dispatch.clone(), columns.clone());
    let t = |text: Text| text.get(lang);
    html! {
        <section class="editor" aria-labelledby="editor-title">
            <div class="editor-head">
                <h2 id="editor-title">{ t(Text::Workload) }</h2>
                <label class="inline-check">
                    <input type="checkbox" id="advanced-columns" checked={show_advanced} disabled={forced} onchange={toggle_advanced}
                        aria-describedby={forced.then_some("advanced-forced")} />
                    { t(Text::AdvancedColumns) }
                </label>
            </div>
            // Ticked and greyed, the box says why it cannot be unticked (a student tapped it
            // and nothing happened).
            if forced {
                <p class="hint" id="advanced-forced">{ t(if has_threads { Text::AdvancedForcedThreads } else if props.warmup { Text::AdvancedForcedWarmup } else { Text::AdvancedForcedCache }) }</p>
            }
            <p class="hint">{ t(Text::BurstNotationHint) }</p>
            <p class="hint">{ ProgramText::ToggleHint.get(lang) }</p>
            { for list_problems.iter().map(|message| html! { <p class="field-error" role="alert">{ &message.text }</p> }) }
            <div class="table-scroll workload-scroll">
            // On a phone each row becomes a card, its buttons on a line of their own and large
            // enough for a finger (see style.css).
            <table id="workload" class={classes!("workload", "cards", show_advanced.then_some("advanced"), (columns.len() > 3).then_some("many"))} {onkeydown} {onpaste}>
                <thead><tr>
                    <th scope="col" class="row-number">{ "#" }</th>
                    { for columns.iter().map(|column| {
                        let class = match column {
                            Column::Bursts => None,
                            Column::Name => Some("name"),
                            _ => Some("narrow"),
                        };
                        html! { <th scope="col" {class}>{ t(column_title(*column)) }</th> }
                    }) }
                    if show_advanced {
                        <th scope="col" class="narrow">{ t(Text::WorkingSet) }</th>
                        <th scope="col" class="narrow">{ t(Text::CpuList) }</th>
                        <th scope="col" class="narrow">{ t(Text::Threads) }</th>
                    }
                    <th scope="col" class="actions"><span class="visually-hidden">{ t(Text::Actions) }</span></th>
                </tr></thead>
                { for props.processes.iter().enumerate().filter(|(index, _)| *index < limit || with_problem(*index)).map(|(index, process)| {
                    let threaded = !process.threads.is_empty();
                    let program = process.runs_program;
                    // Isolated when right-to-left, so the words after it in a label stay in order.
                    let name = if process.name.is_empty() { format!("{} {}", t(Text::Process), index + 1) } else { proclab_view::isolate(process.name.clone()) };
                    let label = |text: Text| AttrValue::from(format!("{} · {}", name, t(text)));
                    // A full-width row under the process spans every column after the row number
                    // (more would add empty columns that take width from the real ones).
                    let span = columns.len() + 1 + if show_advanced { 3 } else { 0 };
                    html! {
                        <tbody class="process" key={process.key}>
                            <tr>
                                <th scope="row" class="row-number">{ index + 1 }</th>
                                { for columns.iter().enumerate().map(|(position, column)| {
                                    if *column == Column::Bursts && program {
                                        html! { <td class="muted bursts" data-label={t(Text::Bursts)}>{ ProgramText::Code.get(lang) }{ " ↓" }</td> }
                                    } else if *column == Column::Bursts && threaded {
                                        html! { <td class="muted bursts" data-label={t(Text::Bursts)}>{ t(Text::BurstsPerThread) }</td> }
                                    } else {
                                        html! { <Cell field={column_field(*column, index)} label={label(column_title(*column))}
                                            heading={AttrValue::from(t(column_title(*column)))}
                                            value={value_of(process, *column)} messages={props.messages.clone()} dispatch={dispatch.clone()}
                                            grid={Some((index, position))} numeric={!matches!(column, Column::Name | Column::Bursts)}
                                            placeholder={placeholder(*column, index)} /> }
                                    }
                                }) }
                                if show_advanced {
                                    <Cell field={FieldId::WorkingSet(index)} label={label(Text::WorkingSet)} value={process.working_set.clone()}
                                        heading={AttrValue::from(t(Text::WorkingSet))}
                                        messages={props.messages.clone()} dispatch={dispatch.clone()} />
                                    <Cell field={FieldId::Affinity(index)} label={label(Text::CpuList)} value={process.cpus.clone()}
                                        heading={AttrValue::from(t(Text::CpuList))}
                                        messages={props.messages.clone()} dispatch={dispatch.clone()} />
                                    <td class="threads-cell" data-label={t(Text::Threads)}>
                                        <span>{ process.threads.len().max(1) }</span>
                                        <button type="button" class="small" onclick={add_thread(dispatch, index, process.threads.len().max(1))}
                                            aria-label={format!("{} · {}", name, t(Text::AddThread))}>{ "+" }</button>
                                    </td>
                                }
                                <td class="row-actions">
                                    <button type="button" class="icon program-toggle" id={format!("p{index}-program-toggle")}
                                        aria-pressed={program.to_string()}
                                        title={format!("{} · {}", name, ProgramText::ProgramToggle.get(lang))}
                                        aria-label={format!("{} · {}", name, ProgramText::ProgramToggle.get(lang))}
                                        onclick={on_click(dispatch, Edit::UseProgram(index, !program, lang))}>
                                        { "</>" }</button>
                                    <button type="button" class="icon" disabled={index == 0} title={format!("{} · {}", name, t(Text::MoveUp))}
                                        aria-label={format!("{} · {}", name, t(Text::MoveUp))}
                                        onclick={on_click(dispatch, Edit::MoveDown(index.saturating_sub(1)))}>{ "↑" }</button>
                                    <button type="button" class="icon" disabled={index + 1 == count} title={format!("{} · {}", name, t(Text::MoveDown))}
                                        aria-label={format!("{} · {}", name, t(Text::MoveDown))}
                                        onclick={on_click(dispatch, Edit::MoveDown(index))}>{ "↓" }</button>
                                    <button type="button" class="icon" title={format!("{} · {}", name, t(Text::Duplicate))}
                                        aria-label={format!("{} · {}", name, t(Text::Duplicate))}
                                        onclick={on_click(dispatch, Edit::DuplicateProcess(index))}>{ "❐" }</button>
                                    <button type="button" class="icon danger" title={format!("{} · {}", name, t(Text::Remove))}
                                        aria-label={format!("{} · {}", name, t(Text::Remove))}
                                        onclick={on_remove(dispatch, index, count)}>{ "✕" }</button>
                                </td>
                            </tr>
                            { problem_row(&props.messages, index, span, lang, Place::Row) }
                            if program {
                                <tr class="program-row"><td></td><td colspan={span.to_string()}>
                                    <ProgramEditor process={index} name={name.clone()} value={process.program.clone()} {lang}
                                        messages={props.messages.clone()}
                                        oninput={on_edit(dispatch, move |value| Edit::Text(FieldId::Program(index), value))} />
                                </td></tr>
                            }
                            { problem_row(&props.messages, index, span, lang, Place::Program) }
                            if !threaded && !program {
                                { operations_row(FieldId::Bursts(index), &process.bursts, span, lang) }
                            }
                            if show_advanced && !threaded && !program {
                                <tr class="burst-row"><td></td><td colspan={span.to_string()}>
                                    <BurstEditor id={FieldId::Bursts(index).dom_id()} {lang} value={process.bursts.clone()}
                                        onchange={on_edit(dispatch, move |value| Edit::Text(FieldId::Bursts(index), value))} />
                                </td></tr>
                            }
                            { for process.threads.iter().enumerate().map(|(thread, entry)| html! {
                                <tr class="thread-row" key={entry.key}>
                                    <td></td>
                                    <td colspan={span.to_string()}>
                                        <div class="thread-fields">
                                            <table class="inline">
                                            // Each thread's fields, named above them (the table's headings are the process's).
                                            <tr class="thread-heads" aria-hidden="true">
                                                <td>{ format!("{} {}", t(Text::Thread), thread + 1) }</td>
                                                if program {
                                                    <td>{ ProgramText::RegistersLabel.get(lang) }</td>
                                                } else {
                                                    <td>{ t(Text::Bursts) }</td>
                                                    <td>{ t(Text::Stack) }</td>
                                                }
                                                <td></td>
                                            </tr>
                                            <tr>
                                                <Cell field={FieldId::ThreadName(index, thread)} label={AttrValue::from(format!("{} · {} {}", name, t(Text::Thread), thread + 1))}
                                                    value={entry.name.clone()} messages={props.messages.clone()} dispatch={dispatch.clone()} numeric={false}
                                                    placeholder={AttrValue::from(format!("T{}", thread + 1))} />
                                                if program {
                                                    <Cell field={FieldId::ThreadRegisters(index, thread)} label={AttrValue::from(format!("{} · {} {} · {}", name, t(Text::Thread), thread + 1, ProgramText::RegistersLabel.get(lang)))}
                                                        value={entry.registers.clone()} messages={props.messages.clone()} dispatch={dispatch.clone()} numeric={false} />
                                                } else {
                                                    <Cell field={FieldId::ThreadBursts(index, thread)} label={AttrValue::from(format!("{} · {} {} · {}", name, t(Text::Thread), thread + 1, t(Text::Bursts)))}
                                                        value={entry.bursts.clone()} messages={props.messages.clone()} dispatch={dispatch.clone()} numeric={false} />
                                                    <Cell field={FieldId::ThreadStack(index, thread)} label={AttrValue::from(format!("{} · {} {} · {}", name, t(Text::Thread), thread + 1, t(Text::Stack)))}
                                                        value={entry.stack.clone()} messages={props.messages.clone()} dispatch={dispatch.clone()} />
                                                }
                                                <td><button type="button" class="icon" aria-label={format!("{} · {} {}", name, t(Text::RemoveThread), thread + 1)}
                                                    onclick={on_click(dispatch, Edit::RemoveThread(index, thread))}>{ "✕" }</button></td>
                                            </tr></table>
                                            { problems_at(&props.messages, index, Place::Thread(thread), lang) }
                                            if !program {
                                                { crate::ui::bursts::operations_line(&FieldId::ThreadBursts(index, thread).dom_id(), &entry.bursts, lang) }
                                            }
                                            if !program {
                                                <BurstEditor id={FieldId::ThreadBursts(index, thread).dom_id()} {lang} value={entry.bursts.clone()}
                                                    onchange={on_edit(dispatch, move |value| Edit::Text(FieldId::ThreadBursts(index, thread), value))} />
                                            }
                                        </div>
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    }
                }) }
            </table>
            </div>
            if count > limit {
                <p class="hint">
                    { format!("{} / {}", limit, count) }
                    <button type="button" id="show-more" onclick={show_more}>{ t(Text::ShowMore) }</button>
                </p>
            }
            if !props.semaphores.is_empty() || names_semaphores(&props.processes) {
                <crate::ui::field::TextField field={FieldId::Semaphores} label={t(Text::SemaphoresLabel)} value={props.semaphores.clone()}
                    hint={t(Text::SemaphoresHint)} hint_shown={true} numeric={false} wide={true} messages={props.messages.clone()}
                    oninput={on_edit(dispatch, |value| Edit::Text(FieldId::Semaphores, value))} />
            }
            <div class="editor-actions">
                <button type="button" id="add-process" class="primary" onclick={on_add}>{ t(Text::AddProcess) }</button>
                <PasteBox {lang} columns={columns.clone()} dispatch={dispatch.clone()} />
            </div>
            if let Some(pasted) = &props.pasted {
                <p id="paste-done" class={classes!(if pasted.broken { "field-error" } else { "hint" })}>
                    { pasted.words.clone() }
                    if pasted.undo {
                        <button type="button" id="paste-undo" class="small" onclick={{
                            let dispatch = dispatch.clone();
                            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Undo))
                        }}>{ t(Text::Undo) }</button>
                    }
                </p>
            }
        </section>
    }
}
