//! The mnemonics of `x86.py` as [`Opcode`]: how each is written and how many operands it
//! takes. The parser reads them and names them in its errors; the machine never sees them.

/// Every mnemonic the parser knows, for errors that name the instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Opcode {
    /// `mov`
    Mov,
    /// `add`
    Add,
    /// `sub`
    Sub,
    /// `neg`
    Neg,
    /// `mul`
    Mul,
    /// `lea`
    Lea,
    /// `test`
    Test,
    /// `j`
    J,
    /// `je`
    Je,
    /// `jne`
    Jne,
    /// `jlt`
    Jlt,
    /// `jlte`
    Jlte,
    /// `jgt`
    Jgt,
    /// `jgte`
    Jgte,
    /// `xchg`
    Xchg,
    /// `fetchadd`
    Fetchadd,
    /// `push`
    Push,
    /// `pop`
    Pop,
    /// `call`
    Call,
    /// `ret`
    Ret,
    /// `yield`
    Yield,
    /// `nop`
    Nop,
    /// `io $n`: blocks for `n` ticks of I/O (a ProcLab extension; `x86.py` has no I/O).
    Io,
    /// `cpu $n`: computes for `n` ticks as one instruction (a ProcLab extension, for bursts
    /// between operations).
    Cpu,
    /// `lock m`: takes mutex `m`, or blocks until it is handed over (ProcLab's).
    Lock,
    /// `unlock m`: releases mutex `m`, handing it to its first waiter (ProcLab's).
    Unlock,
    /// `wait s`: P on semaphore `s`; `wait c, m`: releases mutex `m` and waits on condition `c`
    /// (ProcLab's).
    Wait,
    /// `signal s`: V on semaphore `s`; `signal c`: wakes condition `c`'s first waiter
    /// (ProcLab's).
    Signal,
    /// `broadcast c`: wakes every waiter of condition `c` (ProcLab's).
    Broadcast,
    /// `send q, %r`: puts `%r`'s value at the end of message queue `q` (ProcLab's).
    Send,
    /// `recv q, %r`: takes the oldest message of `q` into `%r` (ProcLab's).
    Recv,
    /// `write p, %r`: puts `%r`'s value at the end of pipe `p` (ProcLab's).
    Write,
    /// `read p, %r`: takes the oldest value of pipe `p` into `%r`, -1 at end-of-file (ProcLab's).
    Read,
    /// `close p`: closes the thread's write end of pipe `p` (ProcLab's).
    Close,
    /// `halt`
    Halt,
}

impl Opcode {
    /// Every opcode.
    pub const ALL: [Opcode; 35] = [
        Opcode::Mov,
        Opcode::Add,
        Opcode::Sub,
        Opcode::Neg,
        Opcode::Mul,
        Opcode::Lea,
        Opcode::Test,
        Opcode::J,
        Opcode::Je,
        Opcode::Jne,
        Opcode::Jlt,
        Opcode::Jlte,
        Opcode::Jgt,
        Opcode::Jgte,
        Opcode::Xchg,
        Opcode::Fetchadd,
        Opcode::Push,
        Opcode::Pop,
        Opcode::Call,
        Opcode::Ret,
        Opcode::Yield,
        Opcode::Nop,
        Opcode::Io,
        Opcode::Cpu,
        Opcode::Lock,
        Opcode::Unlock,
        Opcode::Wait,
        Opcode::Signal,
        Opcode::Broadcast,
        Opcode::Send,
        Opcode::Recv,
        Opcode::Write,
        Opcode::Read,
        Opcode::Close,
        Opcode::Halt,
    ];

    /// The mnemonic as written (`"fetchadd"`).
    pub fn name(self) -> &'static str {
        match self {
            Opcode::Mov => "mov",
            Opcode::Add => "add",
            Opcode::Sub => "sub",
            Opcode::Neg => "neg",
            Opcode::Mul => "mul",
            Opcode::Lea => "lea",
            Opcode::Test => "test",
            Opcode::J => "j",
            Opcode::Je => "je",
            Opcode::Jne => "jne",
            Opcode::Jlt => "jlt",
            Opcode::Jlte => "jlte",
            Opcode::Jgt => "jgt",
            Opcode::Jgte => "jgte",
            Opcode::Xchg => "xchg",
            Opcode::Fetchadd => "fetchadd",
            Opcode::Push => "push",
            Opcode::Pop => "pop",
            Opcode::Call => "call",
            Opcode::Ret => "ret",
            Opcode::Yield => "yield",
            Opcode::Nop => "nop",
            Opcode::Io => "io",
            Opcode::Cpu => "cpu",
            Opcode::Lock => "lock",
            Opcode::Unlock => "unlock",
            Opcode::Wait => "wait",
            Opcode::Signal => "signal",
            Opcode::Broadcast => "broadcast",
            Opcode::Send => "send",
            Opcode::Recv => "recv",
            Opcode::Write => "write",
            Opcode::Read => "read",
            Opcode::Close => "close",
            Opcode::Halt => "halt",
        }
    }

    /// The opcode with this mnemonic (case-sensitive, like `x86.py`).
    pub fn from_name(name: &str) -> Option<Opcode> {
        Opcode::ALL.into_iter().find(|opcode| opcode.name() == name)
    }

    /// The fewest and the most operands it takes.
    pub fn operand_counts(self) -> (u8, u8) {
        match self {
            Opcode::Mov
            | Opcode::Add
            | Opcode::Sub
            | Opcode::Mul
            | Opcode::Lea
            | Opcode::Test
            | Opcode::Xchg
            | Opcode::Fetchadd
            | Opcode::Send
            | Opcode::Recv
            | Opcode::Write
            | Opcode::Read => (2, 2),
            Opcode::Neg
            | Opcode::J
            | Opcode::Je
            | Opcode::Jne
            | Opcode::Jlt
            | Opcode::Jlte
            | Opcode::Jgt
            | Opcode::Jgte
            | Opcode::Push
            | Opcode::Call
            | Opcode::Io
            | Opcode::Cpu
            | Opcode::Lock
            | Opcode::Unlock
            | Opcode::Signal
            | Opcode::Broadcast
            | Opcode::Close => (1, 1),
            Opcode::Wait => (1, 2),
            Opcode::Pop => (0, 1),
            Opcode::Ret | Opcode::Yield | Opcode::Nop | Opcode::Halt => (0, 0),
        }
    }
}
