//! A cheap, deterministic fuzz run of the instruction machine inside the normal tests: token
//! soup, random bytes and mutated reference programs go through the parser and, when accepted,
//! through `x86::run`, which must never panic and must respect its budget.

use proclab_core::program::x86::{self, Timing, X86Config, X86End};
use proclab_core::program::{Memory, Program};
use proclab_core::rng::Pcg32;

const TOKENS: [&str; 40] = [
    "mov",
    "add",
    "sub",
    "mul",
    "neg",
    "lea",
    "test",
    "j",
    "jne",
    "jgt",
    "xchg",
    "fetchadd",
    "push",
    "pop",
    "call",
    "ret",
    "yield",
    "halt",
    "nop",
    "%ax",
    "%bx",
    "%sp",
    "$1",
    "$-7",
    "x",
    "y",
    "1000",
    "-4(%sp)",
    "0(%bx,%ax,4)",
    "(%bx)",
    ".a",
    ".b",
    ".var",
    ", ",
    " ",
    "\n",
    "\n",
    "#",
    "9223372036854775807",
    "$9223372036854775807",
];

const PROGRAMS: [&str; 4] = [
    include_str!("data/x86/call-increment.s"),
    include_str!("data/x86/counter-ticket.s"),
    include_str!("data/x86/two-flags.s"),
    include_str!("data/x86/counter-yield-lock.s"),
];

fn exercise(source: &str, rng: &mut Pcg32) {
    let Ok(program) = Program::parse(source) else {
        return;
    };
    let threads = rng.between(1, 3) as u32;
    let timing = if rng.below(2) == 0 {
        Timing::Interrupt {
            every: rng.between(1, 5) as u32,
        }
    } else {
        Timing::Schedule((0..threads).rev().collect())
    };
    let config = X86Config {
        timing,
        budget: 2_000,
        ..X86Config::new(threads)
    };
    let Ok(run) = x86::run(&program, &config) else {
        return;
    };
    assert!(run.instructions() <= 2_000);
    if let X86End::BudgetExhausted { instructions, .. } = run.end() {
        assert_eq!(instructions, 2_000);
    }
    let mut memory = Memory::new(run.machine().memory().size());
    for step in run.steps() {
        for access in step.accesses.as_slice() {
            memory.apply(access);
        }
    }
    assert_eq!(&memory, run.machine().memory(), "{source:?}");
}

#[test]
fn token_soup_never_panics() {
    let mut rng = Pcg32::new(3, 9);
    let mut accepted = 0;
    for _ in 0..3_000 {
        let length = rng.below(40) as usize;
        let mut source = String::from(".var x\n.var y 2\n.a\n");
        for _ in 0..length {
            source.push_str(TOKENS[rng.below(TOKENS.len() as u64) as usize]);
        }
        source.push_str("\nhalt\n.b\nret\n");
        accepted += u32::from(Program::parse(&source).is_ok());
        exercise(&source, &mut rng);
    }
    println!("{accepted} of 3000 random programs accepted and run");
    assert!(accepted > 0, "no random program was ever accepted");
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Pcg32::new(5, 1);
    for _ in 0..2_000 {
        let length = rng.below(80) as usize;
        let bytes: Vec<u8> = (0..length).map(|_| rng.next_u32() as u8).collect();
        exercise(&String::from_utf8_lossy(&bytes), &mut rng);
    }
}

#[test]
fn mutated_reference_programs_never_panic() {
    let mut rng = Pcg32::new(8, 4);
    let alphabet = b"%$(),.-0123456789abxhl \n#:";
    for _ in 0..2_000 {
        let original = PROGRAMS[rng.below(PROGRAMS.len() as u64) as usize];
        let mut bytes = original.as_bytes().to_vec();
        for _ in 0..rng.between(1, 4) {
            let position = rng.below(bytes.len() as u64) as usize;
            let byte = alphabet[rng.below(alphabet.len() as u64) as usize];
            match rng.below(3) {
                0 => bytes[position] = byte,
                1 => bytes.insert(position, byte),
                _ => {
                    bytes.remove(position);
                }
            }
        }
        exercise(&String::from_utf8_lossy(&bytes), &mut rng);
    }
}
