//! The examples' programs in the page's language: their comments are written in English in the
//! `.s` files of `proclab_core::presets` (the CLI and the reference runs read those), and an
//! example opened in Korean shows them in Korean. Only the comments change: every instruction,
//! line number and so every run stays the same.

use proclab_core::ScenarioSpec;

use crate::lang::Lang;

/// `program` with each comment this table knows (in either language) in `lang`; a comment it
/// does not know (the student's own) stays as written.
pub fn program_in(program: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(program.len() * 2);
    for line in program.split_inclusive('\n') {
        let (text, end) = match line.strip_suffix('\n') {
            Some(text) => (text, "\n"),
            None => (line, ""),
        };
        let translated = text.split_once('#').and_then(|(code, comment)| {
            let known = comment.trim();
            let words = match lang {
                Lang::Ko => KO
                    .binary_search_by(|(english, _)| english.cmp(&known))
                    .ok()
                    .map(|index| KO[index].1),
                Lang::En => KO
                    .iter()
                    .find(|(_, korean)| *korean == known)
                    .map(|(english, _)| *english),
            }?;
            let space = &comment[..comment.len() - comment.trim_start().len()];
            Some(format!("{code}#{space}{words}"))
        });
        out.push_str(translated.as_deref().unwrap_or(text));
        out.push_str(end);
    }
    out
}

/// `spec` with every process's program in `lang` (see [`program_in`]).
pub fn spec_in(spec: &ScenarioSpec, lang: Lang) -> ScenarioSpec {
    let mut spec = spec.clone();
    for process in &mut spec.processes {
        if !process.program.is_empty() {
            process.program = program_in(&process.program, lang);
        }
    }
    spec
}

/// True when `spec` is the example `id` as opened in either language.
pub fn is_preset(spec: &ScenarioSpec, id: &str) -> bool {
    proclab_core::presets::preset(id).is_some_and(|preset| {
        Lang::ALL
            .iter()
            .any(|lang| *spec == spec_in(&preset.spec, *lang))
    })
}

/// The example `spec` is, as opened in either language, if it is one: a scenario opened from a
/// Learn page is then shown as that example, with its lesson.
pub fn example_of(spec: &ScenarioSpec) -> Option<proclab_core::presets::PresetId> {
    let english = spec_in(spec, Lang::En);
    proclab_core::presets::presets()
        .into_iter()
        .chain(proclab_core::presets::warmup_presets())
        .find(|preset| preset.spec == english)
        .map(|preset| preset.id)
}

/// The examples' comments in Korean, sorted by the English (looked up by binary search).
const KO: &[(&str, &str)] = &[
    ("%bx more times", "남은 반복 %bx번"),
    ("%cx more times", "남은 반복 %cx번"),
    ("%dx = the other thread's id, 1 - %bx", "%dx = 다른 스레드의 번호, 1 - %bx"),
    ("(each thread's %bx is set under Initial registers; a register not listed there starts at 0)", "(스레드마다 %bx는 '초기 레지스터'에서 정함. 거기 없는 레지스터는 0에서 시작함)"),
    ("-1: every writer closed (or exited) and the pipe is empty", "-1: 쓰는 쪽이 모두 닫았고(또는 끝났고) 파이프가 비었음"),
    ("... then a", "... 그다음 a"),
    ("... then b", "... 그다음 b"),
    ("... then the left one (f2)", "... 그다음 왼쪽 포크(f2)"),
    ("...to here: a switch in between cannot lose an update", "...여기까지: 사이에 문맥 교환이 일어나도 갱신을 잃지 않음"),
    ("3 ticks of I/O (Blocked on the device)", "3틱 동안 I/O(장치를 기다리며 대기 상태)"),
    ("4 ticks holding m: the critical section", "m을 쥐고 4틱: 임계 구역"),
    ("Mesa: check again, someone may have run first", "Mesa 방식: 다른 스레드가 먼저 실행했을 수 있으니 다시 확인"),
    ("Peterson's algorithm for two threads: %bx is this thread's id (0 or 1), no atomic instruction", "스레드 두 개를 위한 피터슨 알고리즘: %bx는 이 스레드의 번호(0 또는 1), 원자적 명령 없음"),
    ("Silberschatz's first readers-writers solution: readers %bx = 0 and 1 read data, together if", "Silberschatz의 첫 번째 readers-writers 해법: 읽는 스레드 %bx = 0과 1은 원하면 함께"),
    ("T2 waits until T1 has filled data[]", "T2는 T1이 data[]를 채울 때까지 기다림"),
    ("a bounded buffer of 3 slots: the producer (%bx = 0) puts items 1, 2, ..., %cx into it,", "3칸짜리 유한 버퍼: 생산자(%bx = 0)가 항목 1, 2, ..., %cx를 넣고,"),
    ("a broken lock: look at a flag, then raise it, in two separate steps", "고장 난 잠금: 플래그를 보고, 따로 한 단계 더 써서 올림"),
    ("a burst of 3 ticks", "3틱짜리 버스트"),
    ("a filled slot (waits while the buffer is empty)", "찬 칸 하나(버퍼가 비어 있으면 기다림)"),
    ("a free slot (waits while the buffer is full)", "빈칸 하나(버퍼가 가득 차 있으면 기다림)"),
    ("a free slot for a waiting producer", "기다리는 생산자를 위한 빈칸"),
    ("a last burst of 2 ticks", "마지막 2틱짜리 버스트"),
    ("a mutex guards the counter: a thread that finds it taken blocks until unlock hands it over", "뮤텍스가 counter를 지킴: 잠겨 있으면 unlock이 넘겨줄 때까지 대기 상태"),
    ("a plain load", "평범한 읽기"),
    ("a plain store into shared memory", "공유 메모리에 평범한 쓰기"),
    ("a spin lock on an atomic exchange (test-and-set) guards the counter", "원자적 교환(test-and-set)으로 만든 스핀 잠금이 counter를 지킴"),
    ("a ticket lock: take a number with fetch-and-add, wait until it is served", "티켓 잠금: fetch-and-add로 번호표를 뽑고 차례가 올 때까지 기다림"),
    ("add", "더하기"),
    ("add 1 to a shared counter, %bx times", "공유 카운터에 1을 %bx번 더함"),
    ("already signalled: taken without entering the kernel", "이미 signal됨: 커널에 들어가지 않고 가져감"),
    ("an exchange lock that gives up the CPU instead of spinning", "돌며 기다리는 대신 CPU를 양보하는 교환 잠금"),
    ("an item for a waiting consumer", "기다리는 소비자를 위한 항목"),
    ("another thread was faster", "다른 스레드가 더 빨랐음"),
    ("ate[%bx] = 1 once philosopher %bx has eaten", "철학자 %bx가 먹으면 ate[%bx] = 1"),
    ("blocks only if 2 requests wait already", "요청 2개가 이미 기다리고 있을 때만 대기"),
    ("blocks until the server has answered", "서버가 답할 때까지 대기"),
    ("blocks while no request waits", "기다리는 요청이 없으면 대기"),
    ("blocks while the pipe is empty and a writer may still write", "파이프가 비어 있고 쓰는 쪽이 아직 쓸 수 있으면 대기"),
    ("both threads see this array: no kernel needed to pass the values", "두 스레드가 이 배열을 함께 봄: 값을 넘기는 데 커널이 필요 없음"),
    ("bursts and operations: cpu $n computes n ticks as one instruction", "버스트와 연산: cpu $n은 명령 하나로 n틱 계산"),
    ("client: sends the requests 1, 2 and 3, and keeps each reply in got[]", "클라이언트: 요청 1, 2, 3을 보내고 답을 got[]에 모음"),
    ("count < 3: a free slot", "count < 3: 빈칸 있음"),
    ("count > 0: an item", "count > 0: 항목 있음"),
    ("counter = counter + 1, holding both", "둘 다 쥐고 counter = counter + 1"),
    ("dining philosophers, fixed by lock ordering: everyone picks up the lower-numbered fork first", "식사하는 철학자, 잠금 순서로 고침: 모두 번호가 작은 포크를 먼저 집음"),
    ("dining philosophers: philosopher %bx (0, 1 or 2) picks up its left fork, then its right one", "식사하는 철학자: 철학자 %bx(0, 1, 2)는 왼쪽 포크를 집고 그다음 오른쪽 포크를 집음"),
    ("each process adds 1 to the shared counter, %bx times, inside a shared semaphore", "프로세스마다 공유 counter에 1을 %bx번 더함, 공유 세마포어 안에서"),
    ("each process adds 1 to the shared counter, %bx times, with no lock", "프로세스마다 공유 counter에 1을 %bx번 더함, 잠금 없이"),
    ("eat", "먹기"),
    ("every thread adds 1 to the shared counter, %bx times, with no lock", "스레드마다 공유 counter에 1을 %bx번 더함, 잠금 없이"),
    ("filled slots", "찬 칸 수"),
    ("first a ...", "먼저 a ..."),
    ("first a, like the other thread ...", "다른 스레드처럼 먼저 a ..."),
    ("first b ...", "먼저 b ..."),
    ("fork 0: philosopher 0's left, philosopher 2's right", "포크 0: 철학자 0의 왼쪽, 철학자 2의 오른쪽"),
    ("fork 1: philosopher 1's left, philosopher 0's right", "포크 1: 철학자 1의 왼쪽, 철학자 0의 오른쪽"),
    ("fork 2: philosopher 2's left, philosopher 1's right", "포크 2: 철학자 2의 왼쪽, 철학자 1의 오른쪽"),
    ("free slots", "빈칸 수"),
    ("generated: each thread calls its semaphore operations in turn", "생성됨: 스레드마다 자기 세마포어 연산을 차례로 호출함"),
    ("generated: each thread takes two mutexes in its own order", "생성됨: 스레드마다 뮤텍스 두 개를 자기 순서대로 잡음"),
    ("give m back: the first waiter now holds it", "m을 돌려줌: 첫 번째로 기다리던 스레드가 이제 쥠"),
    ("guards buf, in and out", "buf, in, out을 지킴"),
    ("guards buf, in, out and count", "buf, in, out, count를 지킴"),
    ("guards read_count", "read_count를 지킴"),
    ("hold the lock a while: 3 rounds of other work", "잠금을 한동안 쥠: 다른 일 3바퀴"),
    ("in one step: %ax = my ticket, next = next + 1", "한 단계로: %ax = 내 번호표, next = next + 1"),
    ("in one step: %ax = the old lock, lock = 1", "한 단계로: %ax = 예전 lock 값, lock = 1"),
    ("in the segment both processes map: one word for both", "두 프로세스가 매핑한 세그먼트 안: 둘이 같은 워드 하나"),
    ("in the segment too: both processes wait on this one semaphore", "이것도 세그먼트 안: 두 프로세스가 이 세마포어 하나를 기다림"),
    ("is the flag up?", "플래그가 올라가 있나?"),
    ("it wants in and it is its turn: wait", "상대가 들어가려 하고 상대 차례: 기다림"),
    ("it was free: it is ours", "비어 있었음: 우리 것"),
    ("it was taken: try again at once (spin)", "잠겨 있었음: 곧바로 다시 시도(스핀)"),
    ("items in the buffer", "버퍼에 든 항목 수"),
    ("items so far", "지금까지의 항목 수"),
    ("left fork", "왼쪽 포크"),
    ("load", "읽기"),
    ("looks free: try to take it", "비어 보임: 잡아 봄"),
    ("lower the flag", "플래그를 내림"),
    ("no: raise it (too late if the other thread looked meanwhile)", "아니면 올림(그사이 다른 스레드가 봤다면 이미 늦음)"),
    ("nobody waits: the semaphore counts it without entering the kernel", "기다리는 스레드가 없음: 세마포어가 커널에 들어가지 않고 세어 둠"),
    ("not my number yet", "아직 내 번호가 아님"),
    ("once the pipe is empty, the reader reads end-of-file (-1)", "파이프가 비면 읽는 쪽은 파일 끝(-1)을 읽음"),
    ("one byte (0 to 255); blocks while the pipe is full", "1바이트(0~255); 파이프가 가득 차 있으면 대기"),
    ("one more filled slot", "찬 칸 하나 늘림"),
    ("one more free slot", "빈칸 하나 늘림"),
    ("one process at a time from here...", "여기서부터 한 번에 한 프로세스만..."),
    ("only read", "읽기만"),
    ("philosopher 2: the right fork (f0) first ...", "철학자 2: 오른쪽 포크(f0) 먼저 ..."),
    ("read", "읽음"),
    ("reader: reads pipe p until end-of-file (-1), adding up what it reads", "읽는 쪽: 파일 끝(-1)까지 파이프 p를 읽으며 읽은 값을 더함"),
    ("readers inside", "안에 있는 읽는 스레드 수"),
    ("release", "놓기"),
    ("release: the first waiter now holds it", "놓기: 첫 번째로 기다리던 스레드가 이제 쥠"),
    ("releases m and waits; holds m again once woken", "m을 놓고 기다림; 깨어나면 다시 m을 쥠"),
    ("right fork", "오른쪽 포크"),
    ("seen[%bx] = the data reader %bx read", "seen[%bx] = 읽는 스레드 %bx가 읽은 data"),
    ("serve the next number", "다음 번호 차례"),
    ("server: answers 3 requests, each with its square", "서버: 요청 3개에 각각 그 제곱으로 답함"),
    ("shared with the reader: a buffer of 2 bytes", "읽는 쪽과 공유: 2바이트 버퍼"),
    ("shared with the server: same name, same capacity", "서버와 공유: 같은 이름, 같은 크기"),
    ("signalled when a slot frees", "칸이 비면 signal됨"),
    ("signalled when an item arrives", "항목이 들어오면 signal됨"),
    ("store", "쓰기"),
    ("store: a switch between the load and the store loses an update", "쓰기: 읽기와 쓰기 사이에 문맥 교환이 일어나면 갱신을 잃음"),
    ("take it, or wait (Blocked, off the CPU) until it is handed over", "잡거나, 넘겨받을 때까지 기다림(대기 상태, CPU를 놓음)"),
    ("take m, or wait (Blocked) until unlock hands it over", "m을 잡거나, unlock이 넘겨줄 때까지 기다림(대기 상태)"),
    ("taken: let the holder run", "잠겨 있음: 잠금을 가진 스레드가 실행하도록 양보"),
    ("taken: look again", "잠겨 있음: 다시 봄"),
    ("test-and-test-and-set: read the lock while it is taken, swap only once it looks free", "test-and-test-and-set: 잠겨 있는 동안은 읽기만 하고, 비어 보일 때만 교환"),
    ("the bounded buffer of 3 slots again, on one mutex and two condition variables:", "다시 3칸짜리 유한 버퍼, 이번에는 뮤텍스 하나와 조건 변수 둘로:"),
    ("the consumer (%bx = 1) takes %cx items out and writes them to got in the order it took them", "소비자(%bx = 1)는 항목 %cx개를 꺼내 꺼낸 순서대로 got에 씀"),
    ("the first reader in shuts the writer out", "처음 들어온 읽는 스레드가 쓰는 스레드를 막음"),
    ("the last reader out lets the writer in", "마지막으로 나가는 읽는 스레드가 쓰는 스레드를 들여보냄"),
    ("the next item", "다음 항목"),
    ("the next slot to empty", "다음에 비울 칸"),
    ("the next slot to fill", "다음에 채울 칸"),
    ("the other does not want in: enter", "상대가 들어가려 하지 않음: 들어감"),
    ("the producer (%bx = 0) puts items 1, 2, ..., %cx; the consumer (%bx = 1) takes %cx into got", "생산자(%bx = 0)는 항목 1, 2, ..., %cx를 넣고 소비자(%bx = 1)는 %cx개를 got으로 꺼냄"),
    ("the writer's lock, held for all readers by the first one in", "쓰는 스레드의 잠금, 처음 들어온 읽는 스레드가 모든 읽는 스레드를 위해 쥠"),
    ("they like, and copy it into seen[%bx]; the writer (%bx = 2) adds 1 to data, alone", "data를 읽어 seen[%bx]에 복사; 쓰는 스레드(%bx = 2)는 혼자 data에 1을 더함"),
    ("turn = the other", "turn = 상대"),
    ("two threads need both locks and take them in one order: a, then b", "두 스레드 모두 잠금 둘이 필요하고 한 순서로 잡음: a, 그다음 b"),
    ("two threads need both locks: %bx = 0 takes a then b, %bx = 1 takes b then a", "두 스레드 모두 잠금 둘이 필요함: %bx = 0은 a 다음 b, %bx = 1은 b 다음 a"),
    ("two threads of one process: T1 (%bx=0) puts 1 to 6 in data[], T2 (%bx=1) adds them up", "한 프로세스의 두 스레드: T1(%bx=0)은 data[]에 1부터 6까지 넣고, T2(%bx=1)는 그것을 더함"),
    ("until %cx items", "항목 %cx개까지"),
    ("what the readers read and the writer writes", "읽는 스레드가 읽고 쓰는 스레드가 쓰는 값"),
    ("writer: writes 1 to 6 into pipe p, then closes its end", "쓰는 쪽: 파이프 p에 1부터 6까지 쓰고 자기 끝을 닫음"),
    ("yes: look again", "그렇다: 다시 봄"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use proclab_core::presets::presets;
    use proclab_core::program::Program;

    #[test]
    fn the_table_is_sorted_for_its_binary_search() {
        assert!(KO.windows(2).all(|pair| pair[0].0 < pair[1].0));
        // Each Korean comment names one English one, so a program goes back to English.
        for (index, (_, korean)) in KO.iter().enumerate() {
            assert!(
                KO[..index].iter().all(|(_, earlier)| earlier != korean),
                "{korean} twice"
            );
        }
    }

    #[test]
    fn every_comment_of_every_example_reads_in_korean_and_the_program_is_the_same() {
        for preset in presets() {
            for process in &preset.spec.processes {
                if process.program.is_empty() {
                    continue;
                }
                let korean = program_in(&process.program, Lang::Ko);
                assert_eq!(korean.lines().count(), process.program.lines().count());
                for (english, line) in process.program.lines().zip(korean.lines()) {
                    let Some((code, comment)) = english.split_once('#') else {
                        assert_eq!(line, english);
                        continue;
                    };
                    assert!(line.starts_with(code), "{line}");
                    let keep = matches!(comment.trim(), c if c.contains('=') || c.ends_with("++") || c.ends_with("--"));
                    assert!(
                        keep || line != english,
                        "{}: no Korean for the comment \"{}\"",
                        preset.id.as_str(),
                        comment.trim()
                    );
                }
                assert_eq!(
                    program_in(&korean, Lang::En),
                    process.program,
                    "{}: back in English",
                    preset.id.as_str()
                );
                let before = Program::parse(&process.program).expect("the example parses");
                let after = Program::parse(&korean).expect("in Korean too");
                assert_eq!(before, after, "{}", preset.id.as_str());
            }
        }
    }

    #[test]
    fn every_example_is_found_as_itself_in_both_languages_and_an_edited_one_is_not() {
        for preset in presets()
            .into_iter()
            .chain(proclab_core::presets::warmup_presets())
        {
            for lang in Lang::ALL {
                let spec = spec_in(&preset.spec, lang);
                assert_eq!(example_of(&spec), Some(preset.id), "{}", preset.id.as_str());
            }
            let mut edited = preset.spec.clone();
            edited
                .processes
                .truncate(edited.processes.len().saturating_sub(1));
            assert_ne!(
                example_of(&edited),
                Some(preset.id),
                "{}",
                preset.id.as_str()
            );
        }
    }

    #[test]
    fn a_comment_not_in_the_table_and_english_stay_as_written() {
        let program = "mov counter, %ax  # load\nadd $1, %ax # mine\nhalt";
        assert_eq!(
            program_in(program, Lang::Ko),
            "mov counter, %ax  # 읽기\nadd $1, %ax # mine\nhalt"
        );
        assert_eq!(program_in(program, Lang::En), program);
    }
}
