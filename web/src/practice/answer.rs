//! The answer forms: the Gantt chart built segment by segment (or typed on one line) and the
//! per-process table. Every cell has a label that carries its verdict after Check; a cell that is
//! not a number says so at once and keeps what was typed.

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::practice::exercise::Who;
use proclab_app::practice::grade::{
    parse_average, parse_chart, parse_tick, repeats_owner, repeats_owner_words, unreadable_reason,
    ChartLineError, Column, Verdict,
};
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::practice::text::PracticeText as T;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Segments beyond which a chart's answer is laid out in columns on a wide screen.
const LONG_CHART: usize = 8;

/// What every question of an exercise is given: the language, the practice state and where its
/// answers go.
#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    pub lang: Lang,
    pub state: PracticeState,
    pub dispatch: Callback<PracticeAction>,
}

/// One typed answer cell of a question: its visible label, the field (whose accessible name
/// carries the verdict) and the verdict's mark. What is typed is kept as typed.
pub(super) struct NumberCell<'a> {
    pub id: String,
    /// The field's class besides `field` (`mlfq-level`, `switch-cell`...).
    pub class: &'static str,
    /// The label shown, and the field's name (the label with what it is about, where needed).
    pub shown: &'a str,
    pub name: String,
    pub value: String,
    pub verdict: Option<Verdict>,
    /// The message a cell that cannot be read points to, if the question shows one.
    pub error: Option<&'static str>,
    pub oninput: Callback<InputEvent>,
}

pub(super) fn number_cell(cell: NumberCell, lang: Lang) -> Html {
    let NumberCell {
        id,
        class,
        shown,
        name,
        value,
        verdict,
        error,
        oninput,
    } = cell;
    let bad = verdict == Some(Verdict::NotANumber) && error.is_some();
    html! {
        <div class={classes!("field", class)}>
            <label for={id.clone()}>{ shown }</label>
            <div class="cell">
                <input {id} inputmode="numeric" autocomplete="off" {value}
                    class={classes!(verdict_class(verdict))}
                    aria-label={label(name, verdict, lang)}
                    aria-invalid={bad.then_some("true")}
                    aria-describedby={error.filter(|_| bad)}
                    {oninput} />
                { mark(verdict, lang) }
            </div>
        </div>
    }
}

/// A labelled list of choices for one thread or process, marked after Check: "choose" first,
/// then `options` (their `<option>`s).
pub(super) fn choice_cell(
    id: String,
    who: String,
    chosen: Option<u32>,
    verdict: Option<Verdict>,
    options: Html,
    onchange: Callback<Event>,
    lang: Lang,
) -> Html {
    html! {
        <div class="field semaphore-wait">
            <label for={id.clone()}>{ who.clone() }</label>
            <div class="cell">
                <select {id} class={classes!(verdict_class(verdict))}
                    aria-label={label(who, verdict, lang)} {onchange}>
                    <option value="" selected={chosen.is_none()}>{ T::Choose.get(lang) }</option>
                    { options }
                </select>
                { mark(verdict, lang) }
            </div>
        </div>
    }
}

pub(super) fn verdict_class(verdict: Option<Verdict>) -> Option<&'static str> {
    verdict.map(|verdict| match verdict {
        Verdict::Right => "verdict-right",
        Verdict::Consistent => "verdict-consistent",
        Verdict::Wrong => "verdict-wrong",
        Verdict::Missing => "verdict-missing",
        Verdict::NotANumber => "verdict-nan",
    })
}

/// The label of a cell, with its verdict when checked.
pub(super) fn label(base: String, verdict: Option<Verdict>, lang: Lang) -> String {
    match verdict {
        // A question is not followed by a colon: "Is there a deadlock? wrong".
        Some(verdict) if base.ends_with('?') => format!("{base} {}", verdict.label(lang)),
        Some(verdict) => format!("{base}: {}", verdict.label(lang)),
        None => base,
    }
}

/// A visible label (a legend) with its verdict when checked: the words for screen readers, the
/// mark for the eye, so the question does not read "Is there a deadlock? wrong✗".
pub(super) fn visible_label(base: String, verdict: Option<Verdict>, lang: Lang) -> Html {
    // Joined as `label` joins them ("Is there a deadlock? wrong"), less the base shown beside.
    let words =
        verdict.map(|verdict| label(base.clone(), Some(verdict), lang)[base.len()..].to_string());
    html! {
        <>
            { base }
            if let Some(words) = words {
                <span class="visually-hidden">{ words }</span>
            }
            { mark(verdict, lang) }
        </>
    }
}

pub(super) fn mark(verdict: Option<Verdict>, lang: Lang) -> Html {
    match verdict {
        Some(verdict) => html! {
            <span class={classes!("mark", verdict_class(Some(verdict)))} title={verdict.label(lang)} aria-hidden="true">{ verdict.mark() }</span>
        },
        None => html! { <span class="mark" aria-hidden="true"></span> },
    }
}

fn who_code(who: Who) -> String {
    match who {
        Who::Process(pid) => format!("p{pid}"),
        Who::Idle => "idle".into(),
        Who::Switch => "switch".into(),
    }
}

fn who_from_code(code: &str) -> Option<Who> {
    match code {
        "idle" => Some(Who::Idle),
        "switch" => Some(Who::Switch),
        _ => code.strip_prefix('p')?.parse().ok().map(Who::Process),
    }
}

#[function_component(GanttBuilder)]
pub fn gantt_builder(props: &AnswerProps) -> Html {
    let lang = props.lang;
    let state = &props.state;
    let exercise = state.exercise();
    let answer = state.answer();
    let names = exercise.names();
    let switches = exercise.spec.machine.dispatch_latency > 0;
    let mut choices: Vec<Who> = (0..names.len() as u32).map(Who::Process).collect();
    choices.push(Who::Idle);
    if switches {
        choices.push(Who::Switch);
    }
    let who_name = |who: Who| match who {
        Who::Process(pid) => names.get(pid as usize).cloned().unwrap_or_default(),
        Who::Idle => T::Idle.get(lang).to_string(),
        Who::Switch => T::Switch.get(lang).to_string(),
    };
    // Focus the end of a segment just added, so the next key typed is its tick.
    let previous_len = use_mut_ref(|| answer.segments.len());
    {
        let len = answer.segments.len();
        let previous_len = previous_len.clone();
        use_effect_with(len, move |len| {
            let grew = *len > *previous_len.borrow();
            *previous_len.borrow_mut() = *len;
            if grew {
                crate::browser::focus(&format!("segment-end-{len}"));
            }
        });
    }
    let line_text = use_state(String::new);
    let line_error = use_state(|| None::<ChartLineError>);
    let apply_line = {
        let line_text = line_text.clone();
        let line_error = line_error.clone();
        let dispatch = props.dispatch.clone();
        let names = names.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match parse_chart(&line_text, &names, switches) {
                Ok(segments) => {
                    line_error.set(None);
                    dispatch.emit(PracticeAction::ReplaceSegments(segments));
                }
                Err(error) => line_error.set(Some(error)),
            }
        })
    };
    let grading = state.grading.as_ref();
    // Where the chart leaves out segments of the run, a row says so in place (the grading pairs
    // the chart's segments with the run's, so one left out costs only itself).
    let segments_typed = answer.segments.len();
    let left_out_before = |before: usize| -> Html {
        let count = grading.map_or(0, |grading| {
            grading
                .omitted
                .iter()
                .filter(|left_out| left_out.before == before)
                .count()
        });
        if count == 0 {
            return Html::default();
        }
        let words = if before >= segments_typed {
            lang.pick([
                format!("구간 {count}개가 더 필요합니다."),
                match count {
                    1 => String::from("1 more segment needed."),
                    _ => format!("{count} more segments needed."),
                },
            ])
        } else {
            lang.pick([
                format!("여기에 빠진 구간 {count}개"),
                match count {
                    1 => String::from("1 segment missing here"),
                    _ => format!("{count} segments missing here"),
                },
            ])
        };
        html! { <li class="segment-row missing verdict-missing">{ words }</li> }
    };
    let mut start = Some(0u64);
    let strip: Vec<Html> = answer
        .segments
        .iter()
        .map(|segment| {
            let end = parse_tick(&segment.end).ok();
            let width = match (start, end) {
                (Some(start), Some(end)) if end > start => end - start,
                _ => 1,
            };
            start = end;
            let class = match segment.who {
                Who::Process(pid) => format!(
                    "strip-seg p{}",
                    pid as usize % proclab_app::chart::palette::PROCESS_COLOURS.len()
                ),
                Who::Idle => "strip-seg idle".into(),
                Who::Switch => "strip-seg switch".into(),
            };
            // A switch is usually one tick wide: "CS" fits it where its name would not.
            let short = match segment.who {
                Who::Switch => "CS".to_string(),
                who => who_name(who),
            };
            html! {
                <div class={class} style={format!("flex-grow: {width}")} title={who_name(segment.who)}>
                    <span class="strip-name">{ short }</span>
                    <span class="strip-end">{ &segment.end }</span>
                </div>
            }
        })
        .collect();
    html! {
        <section class="gantt-builder" aria-labelledby="gantt-title">
            <h4 id="gantt-title">{ T::Gantt.get(lang) }</h4>
            <p class="hint">{ T::GanttHelp.get(lang) }</p>
            if !strip.is_empty() {
                // A long answer scrolls in its own box (on a phone it had widened the page).
                <div class="strip-scroll" aria-hidden="true">
                    <div class="gantt-strip"><span class="strip-zero">{ "0" }</span>{ for strip }</div>
                </div>
            }
            // A long chart in columns where the screen is wide (fifteen segments in one narrow
            // column had pushed the times table screens down on a landscape tablet).
            <ol class={classes!("segments", (answer.segments.len() > LONG_CHART).then_some("long"))} id="segments">
                { for answer.segments.iter().enumerate().map(|(index, segment)| {
                    let left_out_here = left_out_before(index);
                    let number = index + 1;
                    let verdict = grading.and_then(|grading| grading.segments.get(index)).copied();
                    let who_verdict = verdict.map(|v| v.who);
                    let end_verdict = verdict.map(|v| v.end);
                    let not_a_number = !segment.end.trim().is_empty() && parse_tick(&segment.end).is_err();
                    let dispatch = props.dispatch.clone();
                    let on_who = Callback::from(move |event: Event| {
                        let value = event.target_unchecked_into::<HtmlSelectElement>().value();
                        if let Some(who) = who_from_code(&value) {
                            dispatch.emit(PracticeAction::SetWho(index, who));
                        }
                    });
                    let dispatch = props.dispatch.clone();
                    let on_end = Callback::from(move |event: InputEvent| {
                        let value = event.target_unchecked_into::<HtmlInputElement>().value();
                        dispatch.emit(PracticeAction::SetEnd(index, value));
                    });
                    let dispatch = props.dispatch.clone();
                    let remove = Callback::from(move |_: MouseEvent| dispatch.emit(PracticeAction::RemoveSegment(index)));
                    let segment_word = T::SegmentLabel.get(lang);
                    let error_id = format!("segment-end-{number}-error");
                    html! { <>
                        { left_out_here }
                        <li class="segment-row">
                            <span class="segment-number" aria-hidden="true">{ number }</span>
                            <select id={format!("segment-who-{number}")} class={classes!(verdict_class(who_verdict))}
                                aria-label={label(format!("{segment_word} {number} {}", T::Who.get(lang)), who_verdict, lang)} onchange={on_who}>
                                { for choices.iter().map(|who| html! {
                                    <option value={who_code(*who)} selected={*who == segment.who}>{ who_name(*who) }</option>
                                }) }
                            </select>
                            { mark(who_verdict, lang) }
                            <span class="until" aria-hidden="true">{ "→" }</span>
                            <input id={format!("segment-end-{number}")} class={classes!("tick", verdict_class(end_verdict), not_a_number.then_some("invalid"))}
                                inputmode="numeric" autocomplete="off" value={segment.end.clone()} oninput={on_end}
                                aria-invalid={not_a_number.then_some("true")} aria-describedby={not_a_number.then_some(error_id.clone())}
                                aria-label={label(format!("{segment_word} {number} {}", T::End.get(lang)), end_verdict, lang)} />
                            { mark(end_verdict, lang) }
                            <button type="button" class="remove" onclick={remove} aria-label={format!("{} {number}", T::RemoveSegment.get(lang))}>{ "✕" }</button>
                            if not_a_number {
                                <p class="field-error" id={error_id} role="alert">{ format!("{}. {}", unreadable_reason(&segment.end, true, lang), T::TickRule.get(lang)) }</p>
                            }
                            if repeats_owner(&answer.segments, index) {
                                <p class="field-note" id={format!("segment-{number}-repeats")}>{ repeats_owner_words(number, &who_name(segment.who), lang) }</p>
                            }
                            // A segment the run does not have says so on its row, as one left out
                            // does (its two ✗ had read as two wrong cells).
                            if grading.is_some_and(|grading| grading.paired.get(index) == Some(&None)) {
                                <p class="field-note segment-extra" id={format!("segment-{number}-extra")}>{ lang.pick([
                                    "실행에 없는 구간입니다: 칸으로 세지 않지만, 이 구간을 빼야 차트가 맞습니다.",
                                    "The run has no such segment: it is not one of the cells, but the chart is right only without it.",
                                ]) }</p>
                            }
                        </li>
                    </> }
                }) }
                { left_out_before(answer.segments.len()) }
            </ol>
            <div class="add-segment" role="group" aria-label={ T::AddSegment.get(lang) }>
                <span class="hint">{ format!("{}:", T::AddSegment.get(lang)) }</span>
                { for choices.iter().map(|who| {
                    let dispatch = props.dispatch.clone();
                    let who = *who;
                    html! {
                        <button type="button" id={format!("add-{}", who_code(who))} onclick={Callback::from(move |_| dispatch.emit(PracticeAction::AddSegment(who)))}>
                            { format!("+ {}", who_name(who)) }
                        </button>
                    }
                }) }
            </div>
            <form class="chart-line" onsubmit={apply_line}>
                // With context switches, the example shows how one is typed (CS, as the key prints it).
                <label for="chart-line">{ if switches {
                    lang.pick(["또는 한 줄로 입력 (예: P1 3 CS 4 P2 7 유휴 9)", "Or type it on one line (e.g. P1 3 CS 4 P2 7 idle 9)"])
                } else {
                    lang.pick(["또는 한 줄로 입력 (예: P1 3 P2 7 유휴 9)", "Or type it on one line (e.g. P1 3 P2 7 idle 9)"])
                } }</label>
                <div class="chart-line-row">
                    <input id="chart-line" autocomplete="off" value={(*line_text).clone()}
                        aria-invalid={line_error.is_some().then_some("true")} aria-describedby={line_error.is_some().then_some("chart-line-error")}
                        oninput={{ let line_text = line_text.clone(); Callback::from(move |event: InputEvent| line_text.set(event.target_unchecked_into::<HtmlInputElement>().value())) }} />
                    <button type="submit" id="chart-line-apply">{ lang.pick(["적용", "Apply"]) }</button>
                </div>
                if let Some(error) = &*line_error {
                    <p class="field-error" id="chart-line-error" role="alert">{ error.message(&names, switches, lang) }</p>
                }
            </form>
        </section>
    }
}

#[function_component(TimesTable)]
pub fn times_table(props: &AnswerProps) -> Html {
    let lang = props.lang;
    let state = &props.state;
    let exercise = state.exercise();
    let answer = state.answer();
    let grading = state.grading.as_ref();
    let names = exercise.names();
    let mut problems: Vec<String> = Vec::new();
    let (mut tick_problem, mut average_problem) = (false, false);
    let cell = |id: String,
                heading: &'static str,
                base: String,
                value: String,
                verdict: Option<Verdict>,
                bad: bool,
                keypad: &'static str,
                oninput: Callback<InputEvent>|
     -> Html {
        html! {
            <td class={classes!(verdict_class(verdict), bad.then_some("invalid"))} data-label={heading}>
                <div class="cell">
                    <input id={id.clone()} inputmode={keypad} autocomplete="off" value={value} {oninput}
                        aria-invalid={bad.then_some("true")} aria-describedby={bad.then_some("times-error")}
                        aria-label={label(base, verdict, lang)} />
                    { mark(verdict, lang) }
                </div>
            </td>
        }
    };
    let rows: Vec<Html> = names
        .iter()
        .enumerate()
        .map(|(pid, name)| {
            let cells: Vec<Html> = Column::ALL
                .iter()
                .enumerate()
                .map(|(column_index, column)| {
                    let value = answer
                        .rows
                        .get(pid)
                        .map(|row| row[column_index].clone())
                        .unwrap_or_default();
                    let bad = !value.trim().is_empty() && parse_tick(&value).is_err();
                    let id = format!("cell-{}-{}", name.to_lowercase(), column_index);
                    if bad {
                        tick_problem = true;
                        problems.push(format!(
                            "{name} {} ({})",
                            column.label(lang),
                            unreadable_reason(&value, true, lang)
                        ));
                    }
                    let verdict = grading
                        .and_then(|grading| grading.rows.get(pid))
                        .map(|row| row[column_index]);
                    let dispatch = props.dispatch.clone();
                    let column = *column;
                    let oninput = Callback::from(move |event: InputEvent| {
                        let value = event.target_unchecked_into::<HtmlInputElement>().value();
                        dispatch.emit(PracticeAction::SetCell(pid as u32, column, value));
                    });
                    cell(
                        id,
                        column.label(lang),
                        format!("{name} {}", column.label(lang)),
                        value,
                        verdict,
                        bad,
                        // Times are whole ticks: a phone's number pad.
                        "numeric",
                        oninput,
                    )
                })
                .collect();
            html! { <tr><th scope="row">{ name }</th>{ for cells }</tr> }
        })
        .collect();
    let averages: Vec<Html> = Column::AVERAGED
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let value = answer.averages[index].clone();
            let bad = !value.trim().is_empty() && parse_average(&value).is_err();
            if bad {
                average_problem = true;
                problems.push(format!(
                    "{} {} ({})",
                    T::Average.get(lang),
                    column.label(lang),
                    unreadable_reason(&value, false, lang)
                ));
            }
            let verdict = grading.map(|grading| grading.averages[index]);
            let dispatch = props.dispatch.clone();
            let oninput = Callback::from(move |event: InputEvent| {
                let value = event.target_unchecked_into::<HtmlInputElement>().value();
                dispatch.emit(PracticeAction::SetAverage(index, value));
            });
            cell(
                format!("average-{index}"),
                column.label(lang),
                format!("{} {}", T::Average.get(lang), column.label(lang)),
                value,
                verdict,
                bad,
                // An average may be a fraction (23/4): a phone's decimal pad has no "/".
                "text",
                oninput,
            )
        })
        .collect();
    html! {
        <section class="times" aria-labelledby="times-title">
            <h4 id="times-title">{ T::Table.get(lang) }</h4>
            <div class="table-scroll">
                <table class="practice-times" id="practice-times">
                    <thead><tr>
                        <th scope="col">{ T::Process.get(lang) }</th>
                        { for Column::ALL.iter().map(|column| html! { <th scope="col">{ column.label(lang) }</th> }) }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                    <tfoot><tr>
                        <th scope="row">{ T::Average.get(lang) }</th>
                        <td class="muted" data-label={Column::ALL[0].label(lang)}>{ "—" }</td>
                        { for averages }
                    </tr></tfoot>
                </table>
            </div>
            if !problems.is_empty() {
                // Each reason once, and the rule of the cells that have one (a completion time
                // had been told how to write an average).
                <p class="field-error" id="times-error" role="alert">{ format!(
                    "{}. {}",
                    problems.join(", "),
                    [(tick_problem, T::TickRule), (average_problem, T::AverageRule)]
                        .into_iter()
                        .filter(|(any, _)| *any)
                        .map(|(_, rule)| rule.get(lang))
                        .collect::<Vec<_>>()
                        .join(" ")
                ) }</p>
            }
        </section>
    }
}
