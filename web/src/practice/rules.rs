//! The teacher's rules for the set open: how much Check tells, and how many checks an exercise
//! allows. A choice opens the same exercises under it, with its own link to copy.

use proclab_app::i18n::Lang;
use proclab_app::practice::set::{Feedback, SetRules};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RulesProps {
    pub lang: Lang,
    pub rules: SetRules,
    /// Opens the set open under these rules.
    pub on_change: Callback<SetRules>,
    /// The rules of the set builder's list (ids apart, no folding), not of the set open.
    #[prop_or_default]
    pub in_builder: bool,
    /// The set open came from a link with these rules: a student's copy of the teacher's
    /// homework, whose rules are shown and not changed here (two taps had turned them off).
    #[prop_or_default]
    pub locked: bool,
}

/// An option's name: short, so that the menu reads whole on a phone (the long names were cut).
fn feedback_label(feedback: Feedback, lang: Lang) -> &'static str {
    match feedback {
        Feedback::Full => lang.pick(["전부 알려 줌 (기본)", "Everything (default)"]),
        Feedback::Marks => lang.pick(["맞고 틀림만", "Marks only"]),
        Feedback::Hidden => lang.pick(["제출 전에는 아무것도", "Nothing until handed in"]),
    }
}

/// What Check tells under `feedback`, said under the menu. Under the default it names the right
/// value of the first mistake: a check limit then does not keep that value from the student.
fn feedback_said(feedback: Feedback, lang: Lang) -> &'static str {
    match feedback {
        Feedback::Full => lang.pick([
            "칸마다 맞고 틀림, 첫 실수의 설명과 그 자리의 정답, 힌트, 시뮬레이터에서 보기. 정답이 보이므로 확인 횟수를 정해도 다음 확인에 정답을 옮길 수 있습니다.",
            "Each cell right or wrong, the first mistake explained with the right value there, hints, and the simulator. The right value shows, so even with a check limit it can be copied into the next check.",
        ]),
        Feedback::Marks => lang.pick([
            "칸마다 맞고 틀림만: 설명, 정답, 힌트, 시뮬레이터는 없습니다.",
            "Each cell right or wrong, nothing more: no explanation, right value, hints or simulator.",
        ]),
        Feedback::Hidden => lang.pick([
            "확인, 힌트, 시뮬레이터가 없습니다. 교사가 답안 파일을 \"제출된 답안 채점\"으로 채점합니다.",
            "No Check, hints or simulator: you grade the answers files with \"Grade handed-in answers\".",
        ]),
    }
}

#[function_component(SetRulesForm)]
pub fn set_rules_form(props: &RulesProps) -> Html {
    let lang = props.lang;
    let rules = props.rules;
    let on_feedback = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(feedback) = Feedback::from_code(&value) {
                on_change.emit(SetRules { feedback, ..rules });
            }
        })
    };
    let on_checks = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            let checks = value.parse::<u8>().ok().filter(|checks| *checks > 0);
            on_change.emit(SetRules { checks, ..rules });
        })
    };
    let hidden = rules.feedback == Feedback::Hidden;
    let prefix = if props.in_builder { "builder-" } else { "" };
    let (feedback_id, checks_id, said_id) = (
        format!("{prefix}rules-feedback"),
        format!("{prefix}rules-checks"),
        format!("{prefix}rules-feedback-said"),
    );
    let fields = html! {
        <div class="rules-fields">
            <div class="field">
                <label for={feedback_id.clone()}>{ lang.pick(["확인이 알려 주는 것", "What Check tells"]) }</label>
                // Keyed by the rule shown: a select the user has changed keeps its choice over
                // its options' `selected`, and Back or Forward had left it on the old rule.
                <select id={feedback_id} key={rules.feedback.code()} onchange={on_feedback}
                    aria-describedby={said_id.clone()} disabled={props.locked}>
                    { for Feedback::ALL.iter().map(|feedback| html! {
                        <option value={feedback.code()} selected={*feedback == rules.feedback}>{ feedback_label(*feedback, lang) }</option>
                    }) }
                </select>
                <p id={said_id} class="hint feedback-said">{ feedback_said(rules.feedback, lang) }</p>
            </div>
            <div class="field">
                <label for={checks_id.clone()}>{ lang.pick(["문제마다 확인 횟수", "Checks per exercise"]) }</label>
                <select id={checks_id} key={format!("checks-{:?}", rules.checks)} onchange={on_checks} disabled={hidden || props.locked}>
                    <option value="" selected={rules.checks.is_none()}>{ lang.pick(["제한 없음", "Any number"]) }</option>
                    { for SetRules::CHECK_LIMITS.iter().map(|checks| html! {
                        <option value={checks.to_string()} selected={rules.checks == Some(*checks)}>{ checks.to_string() }</option>
                    }) }
                </select>
            </div>
        </div>
    };
    // Open at first on a set with rules, then as the teacher leaves it (Back to a set without
    // rules had folded it).
    let first_open = use_state(|| !rules.is_open());
    if props.in_builder {
        return html! {
            <fieldset id="builder-rules" class="builder-rules">
                <legend>{ lang.pick(["이 목록의 과제 규칙", "Rules for this list's homework"]) }</legend>
                <p class="hint">{ lang.pick([
                    "아래 링크에 담겨, 그 링크로 여는 학생 모두에게 적용됩니다.",
                    "Carried in the link below, for every student who opens it.",
                ]) }</p>
                { fields }
            </fieldset>
        };
    }
    html! {
        <details id="practice-rules" class="practice-builder" open={*first_open}>
            // Named by the set they apply to: beside the builder's list's own rules, "Rules for
            // homework" was easy to take for those.
            <summary>{ lang.pick(["아래에 열린 세트의 과제 규칙", "Homework rules of the set open below"]) }</summary>
            if props.locked {
                <p id="practice-rules-locked" class="hint">{ lang.pick([
                    "이 규칙은 연 링크에 담겨 온 선생님의 과제 규칙이라 여기서 바꾸지 않습니다. 규칙을 바꾼 세트가 필요하면 선생님은 \"섞은 세트 만들기\"로 새 링크를 만드세요.",
                    "These rules came with the link you opened: they are your teacher's homework rules and are not changed here. A teacher who wants other rules makes a new link with \"Build a mixed set\".",
                ]) }</p>
            } else {
                <p class="hint">{ lang.pick([
                    "아래에 열린 세트에 적용되어 그 링크에 들어갑니다(위의 \"섞은 세트 만들기\" 목록에는 그 목록의 규칙이 따로 있습니다). 고른 뒤 세트 링크를 복사하세요. 규칙이 있는 세트의 답안 파일에는 채점 표시가 없으니, 위의 \"제출된 답안 채점\"으로 채점하세요. 규칙은 이 페이지가 지키는 약속이지 잠금이 아닙니다(학생은 문제를 시뮬레이터에 직접 입력할 수 있습니다).",
                    "For the set open below, and carried in its link (a list in \"Build a mixed set\" above has rules of its own): choose, then copy the set link. The answers files of a set with rules carry no marks: grade them with \"Grade handed-in answers\" above. The rules are kept by this page, not locked (a student can always type an exercise into the simulator).",
                ]) }</p>
            }
            { fields }
        </details>
    }
}
