//! A presented caption's lines with the creations of one instant said together.

use super::admitted_words;
use crate::i18n::Lang;

/// `lines` (the log's sentences of one tick, `t=0: P1 is created: …`) with each run of two or
/// more creations told in one line: "t=0: P1, P2, P3 and P4 are created: their PCBs are made and
/// they join the ready queue." Presented to a room, a tick's lines share three lines' room, and
/// the five lines of four creations and a dispatch had been shrunk to 12 px there.
pub fn creations_together(lines: &[String], lang: Lang) -> Vec<String> {
    // The creation a line tells, as (its instant's prefix, who, the control block), if it is one.
    let created = |line: &str| -> Option<(String, String, &'static str)> {
        let (at, body) = line.split_once(": ")?;
        ["PCB", "TCB"].into_iter().find_map(|block| {
            let who = body.strip_suffix(&admitted_words("", block, lang))?;
            Some((at.to_string(), who.to_string(), block))
        })
    };
    let mut told: Vec<String> = Vec::with_capacity(lines.len());
    let mut at = 0;
    while at < lines.len() {
        let Some((instant, first, block)) = created(&lines[at]) else {
            told.push(lines[at].clone());
            at += 1;
            continue;
        };
        let mut names = vec![first];
        while let Some((next_instant, who, next_block)) =
            lines.get(at + names.len()).and_then(|line| created(line))
        {
            if next_instant != instant || next_block != block {
                break;
            }
            names.push(who);
        }
        told.push(match names.len() {
            1 => lines[at].clone(),
            _ => format!("{instant}: {}", together_words(&names, block, lang)),
        });
        at += names.len();
    }
    told
}

/// "P1, P2 and P3 are created: their PCBs are made and they join the ready queue."
fn together_words(names: &[String], block: &str, lang: Lang) -> String {
    let (last, others) = names.split_last().expect("two names or more");
    lang.pick([
        format!(
            "{} 생성: 각자의 {block}를 만들고 준비 큐에 넣습니다.",
            names.join(", ")
        ),
        format!(
            "{} and {last} are created: their {block}s are made and they join the ready queue.",
            others.join(", ")
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creations_of_one_instant_are_said_in_one_line_and_nothing_else_changes() {
        let created = |who: &str, tick: u64, lang: Lang| {
            format!(
                "t={tick}: {}",
                admitted_words(who, "PCB", lang).trim_start()
            )
        };
        let dispatch = String::from("t=0: The dispatcher puts P1 on CPU 0.");
        let lines = vec![
            created("P1", 0, Lang::En),
            created("P2", 0, Lang::En),
            created("P3", 0, Lang::En),
            dispatch.clone(),
            created("P4", 0, Lang::En),
        ];
        assert_eq!(
            creations_together(&lines, Lang::En),
            [
                String::from("t=0: P1, P2 and P3 are created: their PCBs are made and they join the ready queue."),
                dispatch,
                created("P4", 0, Lang::En),
            ]
        );
        let korean = vec![created("P1", 3, Lang::Ko), created("P2", 3, Lang::Ko)];
        assert_eq!(
            creations_together(&korean, Lang::Ko),
            ["t=3: P1, P2 생성: 각자의 PCB를 만들고 준비 큐에 넣습니다."]
        );
    }
}
