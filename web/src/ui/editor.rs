//! The workload editor: a table of processes (and their threads) with add, remove, duplicate and
//! reorder. Each cell edits the draft's text; problems show under the cell.

use crate::session::{on_click, on_edit, Dispatch};
use crate::ui::bursts::BurstEditor;
use crate::ui::field::TextField;
use proclab_app::draft::{FieldId, ProcessDraft};
use proclab_app::edit::Edit;
use proclab_app::i18n::{Lang, Text};
use proclab_app::lang::Words;
use proclab_app::messages::FieldMessage;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub lang: Lang,
    pub processes: Vec<ProcessDraft>,
    pub messages: Vec<FieldMessage>,
    pub dispatch: Dispatch,
}

/// Callback that writes what is typed into `field`.
fn setter(dispatch: &Dispatch, field: FieldId) -> Callback<String> {
    on_edit(dispatch, move |value| Edit::Text(field, value))
}

/// Processes shown before "show more".
const PAGE: usize = 50;

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let lang = props.lang;
    let dispatch = &props.dispatch;
    let count = props.processes.len();
    // Large generated workloads would make thousands of inputs; show a page at a time, but always
    // the processes that have problems.
    let shown = use_state(|| PAGE);
    let limit = (*shown).max(PAGE);
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
    let add = on_click(dispatch, Edit::AddProcess);
    let list_problems: Vec<&FieldMessage> = props
        .messages
        .iter()
        .filter(|m| m.field == FieldId::Processes)
        .collect();
    html! {
        <section class="editor" aria-labelledby="editor-title">
            <h2 id="editor-title">{ Text::Workload.get(lang) }</h2>
            <p class="hint">{ Text::BurstNotationHint.get(lang) }</p>
            { for list_problems.iter().map(|message| html! { <p class="field-error" role="alert">{ &message.text }</p> }) }
            <ol class="process-list">
                { for props.processes.iter().enumerate().filter(|(index, _)| *index < limit || with_problem(*index)).map(|(index, process)| {
                    let t = |text: Text| AttrValue::from(text.get(lang));
                    let messages = props.messages.clone();
                    let threaded = !process.threads.is_empty();
                    html! {
                        <li class="process" key={process.key}>
                            <fieldset>
                                <legend>{ format!("{} {}", Text::Process.get(lang), index + 1) }</legend>
                                <div class="process-fields">
                                    <TextField field={FieldId::Name(index)} label={t(Text::Name)} value={process.name.clone()}
                                        numeric={false} oninput={setter(dispatch, FieldId::Name(index))} messages={messages.clone()} />
                                    <TextField field={FieldId::Arrival(index)} label={t(Text::Arrival)} value={process.arrival.clone()}
                                        hint={t(Text::ArrivalHint)} oninput={setter(dispatch, FieldId::Arrival(index))} messages={messages.clone()} />
                                    <TextField field={FieldId::Priority(index)} label={t(Text::Priority)} value={process.priority.clone()}
                                        hint={t(Text::PriorityHint)} oninput={setter(dispatch, FieldId::Priority(index))} messages={messages.clone()} />
                                    <TextField field={FieldId::Class(index)} label={t(Text::Class)} value={process.class.clone()}
                                        hint={t(Text::ClassHint)} oninput={setter(dispatch, FieldId::Class(index))} messages={messages.clone()} />
                                    if !threaded {
                                        <TextField field={FieldId::Bursts(index)} label={t(Text::Bursts)} value={process.bursts.clone()} wide=true
                                            numeric={false} hint={t(Text::BurstNotationHint)}
                                            oninput={setter(dispatch, FieldId::Bursts(index))} messages={messages.clone()} />
                                        <BurstEditor id={FieldId::Bursts(index).dom_id()} {lang} value={process.bursts.clone()}
                                            onchange={setter(dispatch, FieldId::Bursts(index))} />
                                    }
                                    <TextField field={FieldId::WorkingSet(index)} label={t(Text::WorkingSet)} value={process.working_set.clone()}
                                        hint={t(Text::WorkingSetHint)} oninput={setter(dispatch, FieldId::WorkingSet(index))} messages={messages.clone()} />
                                    <TextField field={FieldId::Tickets(index)} label={t(Text::Tickets)} value={process.tickets.clone()}
                                        hint={t(Text::TicketsHint)} oninput={setter(dispatch, FieldId::Tickets(index))} messages={messages.clone()} />
                                </div>
                                if threaded {
                                    <ol class="thread-list" aria-label={Text::Threads.get(lang)}>
                                        { for process.threads.iter().enumerate().map(|(thread, entry)| html! {
                                            <li class="thread" key={thread}>
                                                <TextField field={FieldId::ThreadName(index, thread)} label={format!("{} {}", Text::Thread.get(lang), thread + 1)}
                                                    value={entry.name.clone()} numeric={false}
                                                    oninput={setter(dispatch, FieldId::ThreadName(index, thread))} messages={messages.clone()} />
                                                <TextField field={FieldId::ThreadBursts(index, thread)} label={t(Text::Bursts)} value={entry.bursts.clone()} wide=true
                                                    numeric={false} oninput={setter(dispatch, FieldId::ThreadBursts(index, thread))} messages={messages.clone()} />
                                                <BurstEditor id={FieldId::ThreadBursts(index, thread).dom_id()} {lang} value={entry.bursts.clone()}
                                                    onchange={setter(dispatch, FieldId::ThreadBursts(index, thread))} />
                                                <TextField field={FieldId::ThreadStack(index, thread)} label={t(Text::Stack)} value={entry.stack.clone()}
                                                    hint={t(Text::StackHint)} oninput={setter(dispatch, FieldId::ThreadStack(index, thread))} messages={messages.clone()} />
                                                <button type="button" class="small" aria-label={format!("{} {}", Text::RemoveThread.get(lang), thread + 1)}
                                                    onclick={on_click(dispatch, Edit::RemoveThread(index, thread))}>{ "✕" }</button>
                                            </li>
                                        }) }
                                    </ol>
                                }
                                <div class="row-actions">
                                    <button type="button" onclick={on_click(dispatch, Edit::AddThread(index))}>{ Text::AddThread.get(lang) }</button>
                                    <button type="button" disabled={index == 0} aria-label={format!("{} {}", Text::MoveUp.get(lang), index + 1)}
                                        onclick={on_click(dispatch, Edit::MoveDown(index.saturating_sub(1)))}>{ "↑" }</button>
                                    <button type="button" disabled={index + 1 == count} aria-label={format!("{} {}", Text::MoveDown.get(lang), index + 1)}
                                        onclick={on_click(dispatch, Edit::MoveDown(index))}>{ "↓" }</button>
                                    <button type="button" onclick={on_click(dispatch, Edit::DuplicateProcess(index))}>{ Text::Duplicate.get(lang) }</button>
                                    <button type="button" class="danger" onclick={on_click(dispatch, Edit::RemoveProcess(index))}>{ Text::Remove.get(lang) }</button>
                                </div>
                            </fieldset>
                        </li>
                    }
                }) }
            </ol>
            if count > limit {
                <p class="hint">
                    { format!("{} / {}", limit, count) }
                    <button type="button" id="show-more" onclick={show_more}>{ Text::ShowMore.get(lang) }</button>
                </p>
            }
            <button type="button" id="add-process" class="primary" onclick={add}>{ Text::AddProcess.get(lang) }</button>
        </section>
    }
}
