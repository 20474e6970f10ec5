//! The instruction set of OSTEP's `x86.py`, as validated data: registers, addresses, the
//! instructions themselves, and [`Program`], which only the parser builds.
//!
//! An [`Instruction`] can only hold an operand combination `x86.py` executes (there is no
//! `mov` from memory to memory, no jump to a variable): the parser proves that once, the
//! machine never checks it again. Jump and call targets are already resolved to addresses
//! inside the program.

use alloc::string::String;
use alloc::vec::Vec;

use crate::trace::{SyncKind, SyncObject};

/// One of the eight registers a thread owns (`x86.py`'s hidden `zero` register is not nameable).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Register {
    /// `%ax`
    Ax,
    /// `%bx`
    Bx,
    /// `%cx`
    Cx,
    /// `%dx`
    Dx,
    /// `%ex`
    Ex,
    /// `%fx`
    Fx,
    /// `%sp`, the stack pointer (`push`, `pop`, `call`, `ret` move it by 4).
    Sp,
    /// `%bp`
    Bp,
}

impl Register {
    /// All registers, in `x86.py`'s numbering order.
    pub const ALL: [Register; 8] = [
        Register::Ax,
        Register::Bx,
        Register::Cx,
        Register::Dx,
        Register::Ex,
        Register::Fx,
        Register::Sp,
        Register::Bp,
    ];

    /// The name as written after `%` (`"ax"`).
    pub fn name(self) -> &'static str {
        match self {
            Register::Ax => "ax",
            Register::Bx => "bx",
            Register::Cx => "cx",
            Register::Dx => "dx",
            Register::Ex => "ex",
            Register::Fx => "fx",
            Register::Sp => "sp",
            Register::Bp => "bp",
        }
    }

    /// The register with this name (without `%`), if there is one.
    pub fn from_name(name: &str) -> Option<Register> {
        Register::ALL
            .into_iter()
            .find(|register| register.name() == name)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The values of the eight registers of one thread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Registers([i64; 8]);

impl Registers {
    /// The value of one register.
    pub fn get(&self, register: Register) -> i64 {
        self.0[register.index()]
    }

    /// Sets one register.
    pub fn set(&mut self, register: Register, value: i64) {
        self.0[register.index()] = value;
    }
}

/// A memory operand: `offset + base + scale * index`, where a missing register counts as 0.
///
/// Written `offset`, `variable`, `offset(%base)`, `offset(%base,%index)` (scale 1) or
/// `offset(%base,%index,scale)`; the last two only in `mov`, as in `x86.py`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Address {
    /// The constant part (a variable's address, or the number before the parenthesis).
    pub offset: i64,
    /// The base register, if any.
    pub base: Option<Register>,
    /// The index register, if any.
    pub index: Option<Register>,
    /// What the index is multiplied by (1 unless written).
    pub scale: i64,
}

/// A source that is not memory: an immediate (`$5`) or a register (`%ax`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// `$n`
    Immediate(i64),
    /// `%reg`
    Register(Register),
}

/// When a jump is taken, judged on the condition codes of the thread's last `test`.
///
/// Before any `test` every condition is false, so only `j` jumps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Condition {
    /// `j`: always.
    Always,
    /// `je`: the second operand of the last `test` equalled the first.
    Equal,
    /// `jne`: they differed.
    NotEqual,
    /// `jlt`: the second was less than the first.
    Less,
    /// `jlte`: less or equal.
    LessOrEqual,
    /// `jgt`: greater.
    Greater,
    /// `jgte`: greater or equal.
    GreaterOrEqual,
}

/// Which arithmetic a register-destination instruction does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arithmetic {
    /// `add src, dst`: dst = dst + src.
    Add,
    /// `sub src, dst`: dst = dst - src.
    Sub,
    /// `mul src, dst`: dst = dst * src.
    Mul,
}

/// An operation on a mutex, a semaphore or a condition, each named by its index among the
/// declarations of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyncOp {
    /// `lock m`.
    Lock(u32),
    /// `unlock m`.
    Unlock(u32),
    /// `wait s` (P).
    Wait(u32),
    /// `signal s` (V).
    Signal(u32),
    /// `wait c, m`: releases mutex `m` (which the thread must hold) and waits on condition `c`.
    WaitCondition {
        /// The condition waited on.
        condition: u32,
        /// The mutex released now and taken again before the thread goes on.
        mutex: u32,
    },
    /// `signal c`: the condition's first waiter goes to take its mutex again.
    SignalCondition(u32),
    /// `broadcast c`: every waiter of the condition goes to take its mutex again.
    Broadcast(u32),
}

/// An operation on a channel of the kernel that processes share, which the engine applies: a
/// message queue's `send q, %r` or `recv q, %r` (`queue`: index in `Program::queues`), or a
/// pipe's `write p, %r`, `read p, %r` or `close p` (`pipe`: index in `Program::pipes`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MessageOp {
    /// `send q, %r`.
    Send {
        /// The queue.
        queue: u32,
        /// The register whose value is sent.
        register: Register,
    },
    /// `recv q, %r`.
    Recv {
        /// The queue.
        queue: u32,
        /// The register that gets the message.
        register: Register,
    },
    /// `write p, %r`: puts `%r`'s value at the end of pipe `p`'s buffer.
    Write {
        /// The pipe.
        pipe: u32,
        /// The register whose value is written.
        register: Register,
    },
    /// `read p, %r`: takes the oldest value of pipe `p` into `%r`, or -1 at end-of-file.
    Read {
        /// The pipe.
        pipe: u32,
        /// The register that gets the value.
        register: Register,
    },
    /// `close p`: the thread closes its write end of pipe `p`.
    Close {
        /// The pipe.
        pipe: u32,
    },
    /// `wait s` on a semaphore of the shared segment (`sem`: index in
    /// `Program::shared_semaphores`).
    SharedWait {
        /// The semaphore.
        sem: u32,
    },
    /// `signal s` on a semaphore of the shared segment.
    SharedSignal {
        /// The semaphore.
        sem: u32,
    },
    /// `lock m` on a mutex of the shared segment (`mutex`: index in `Program::shared_mutexes`).
    SharedLock {
        /// The mutex.
        mutex: u32,
    },
    /// `unlock m` on a mutex of the shared segment.
    SharedUnlock {
        /// The mutex.
        mutex: u32,
    },
}

impl MessageOp {
    /// Whether it is a system call whatever happens (a queue or pipe operation), rather than an
    /// operation on a sync object of the shared segment, which enters the kernel only when it
    /// blocks or wakes a thread (a futex).
    pub fn is_system_call(self) -> bool {
        !matches!(
            self,
            MessageOp::SharedWait { .. }
                | MessageOp::SharedSignal { .. }
                | MessageOp::SharedLock { .. }
                | MessageOp::SharedUnlock { .. }
        )
    }

    /// The register whose value the operation sends (`send`, `write`).
    pub fn sent_register(self) -> Option<Register> {
        match self {
            MessageOp::Send { register, .. } | MessageOp::Write { register, .. } => Some(register),
            MessageOp::Recv { .. }
            | MessageOp::Read { .. }
            | MessageOp::Close { .. }
            | MessageOp::SharedWait { .. }
            | MessageOp::SharedSignal { .. }
            | MessageOp::SharedLock { .. }
            | MessageOp::SharedUnlock { .. } => None,
        }
    }
}

/// A message queue as declared: `.queue name capacity`. Processes that declare the same name
/// share it (a named queue of the kernel).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct QueueDecl {
    /// The name as declared.
    pub name: String,
    /// Most messages it holds.
    pub capacity: u32,
    /// The 1-based line of the declaration.
    pub line: u32,
}

/// A counting semaphore as declared: `.sem name initial`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Semaphore {
    /// The name as declared.
    pub name: String,
    /// Its value before any `wait`.
    pub initial: u32,
}

/// One validated instruction. Addresses of jump and call targets are absolute code addresses
/// inside the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Instruction {
    /// `mov $n, %r` or `mov %s, %r`.
    MoveToRegister {
        /// Immediate or register.
        source: Value,
        /// Destination register.
        destination: Register,
    },
    /// `mov addr, %r`: a load.
    Load {
        /// Where to read.
        source: Address,
        /// Destination register.
        destination: Register,
    },
    /// `mov $n, addr` or `mov %r, addr`: a store.
    Store {
        /// Immediate or register.
        source: Value,
        /// Where to write.
        destination: Address,
    },
    /// `lea addr, %r`: the address itself, memory untouched.
    LoadAddress {
        /// The address computed.
        source: Address,
        /// Destination register.
        destination: Register,
    },
    /// `add`, `sub`, `mul` with an immediate or register source and a register destination.
    Arithmetic {
        /// Which operation.
        operation: Arithmetic,
        /// Immediate or register.
        source: Value,
        /// Register changed.
        destination: Register,
    },
    /// `neg %r`.
    Negate {
        /// Register changed.
        register: Register,
    },
    /// `test a, b`: sets the condition codes by comparing b with a (not both immediates).
    Test {
        /// The first operand (`a`).
        first: Value,
        /// The second operand (`b`), the one compared with `a`.
        second: Value,
    },
    /// `j`, `je`, `jne`, `jlt`, `jlte`, `jgt`, `jgte`.
    Jump {
        /// When it is taken.
        condition: Condition,
        /// Code address of the label.
        target: u32,
    },
    /// `xchg %r, addr`: atomically swaps the register and the memory word.
    Exchange {
        /// The register swapped.
        register: Register,
        /// The memory word swapped (no index register).
        address: Address,
    },
    /// `fetchadd %r, addr`: atomically adds the register to memory; the register gets the old word.
    FetchAdd {
        /// The amount added, then the old value.
        register: Register,
        /// The memory word (no index register).
        address: Address,
    },
    /// `push %r`.
    PushRegister {
        /// The register pushed.
        register: Register,
    },
    /// `push addr`: pushes the *address* (not the word stored there), as `x86.py` does.
    PushAddress {
        /// The address pushed.
        address: Address,
    },
    /// `pop %r`.
    PopRegister {
        /// Gets the top of the stack.
        register: Register,
    },
    /// `pop` without operand: drops the top of the stack.
    Pop,
    /// `call .label`: pushes the address of the next instruction, jumps.
    Call {
        /// Code address of the label.
        target: u32,
    },
    /// `ret`: pops the return address into the program counter.
    Return,
    /// `yield`: gives up the CPU.
    Yield,
    /// `nop`.
    Nop,
    /// `lock`, `unlock`, `wait`, `signal`, `broadcast` on a mutex, semaphore or condition of the
    /// address space.
    Sync(SyncOp),
    /// `send` or `recv` on a message queue (the engine applies it: queues are shared by
    /// processes).
    Message(MessageOp),
    /// `io $n`: the thread asks for `n` ticks of I/O (it blocks; a scheduler-free driver treats
    /// it as `yield`).
    Io {
        /// Ticks of I/O, `0..=MAX_IO_TICKS`.
        ticks: u64,
    },
    /// `cpu $n`: the thread computes for `n` ticks as one instruction: the first tick executes
    /// it, the next `n - 1` are spent on the CPU with no instruction (a scheduler-free driver
    /// counts it as one instruction).
    Cpu {
        /// Ticks of computation, `1..=MAX_CPU_TICKS`.
        ticks: u64,
    },
    /// `halt`: the thread is finished.
    Halt,
}

/// A `.var` declaration: `words` consecutive words from `address`, 4 apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variable {
    /// The name as declared.
    pub name: String,
    /// The address of its first word.
    pub address: u32,
    /// How many words it reserves (`.var name 2` reserves two).
    pub words: u32,
}

/// A label (`.name` on a line of its own) and the code address it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// The name, with its leading dot.
    pub name: String,
    /// The address of the instruction that follows it (one past the last if none does).
    pub address: u32,
}

/// A parsed and validated program: every operand combination is executable, every label and
/// variable resolved, every jump target inside the code. Built only by [`Program::parse`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    pub(crate) load_address: u32,
    pub(crate) instructions: Vec<Instruction>,
    pub(crate) lines: Vec<u32>,
    pub(crate) variables: Vec<Variable>,
    pub(crate) labels: Vec<Label>,
    pub(crate) mutexes: Vec<String>,
    pub(crate) semaphores: Vec<Semaphore>,
    pub(crate) queues: Vec<QueueDecl>,
    pub(crate) pipes: Vec<QueueDecl>,
    pub(crate) conditions: Vec<String>,
    /// Indices in `variables` of the variables declared `.shared` (in the segment shared by the
    /// processes that declare the same name), each with its line.
    pub(crate) shared: Vec<(u32, u32)>,
    /// The semaphores declared `.shared sem name initial`, each with its line.
    pub(crate) shared_semaphores: Vec<Semaphore>,
    pub(crate) shared_semaphore_lines: Vec<u32>,
    /// The mutexes declared `.shared mutex name`, each with its line.
    pub(crate) shared_mutexes: Vec<(String, u32)>,
}

/// What a `.shared` declaration declares (processes that name it must agree on it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharedKind {
    /// A variable of that many words.
    Variable(u32),
    /// A semaphore with that initial value.
    Semaphore(u32),
    /// A mutex.
    Mutex,
}

impl Program {
    /// The address of the first instruction; instruction *k* is at `load_address + k`.
    pub fn load_address(&self) -> u32 {
        self.load_address
    }

    /// The instructions in address order.
    pub fn instructions(&self) -> &[Instruction] {
        &self.instructions
    }

    /// Ticks of CPU the code takes run once straight through: one per instruction, `n` for a
    /// `cpu $n` (what schedulers estimate a program thread's burst by).
    pub fn estimated_ticks(&self) -> u64 {
        self.instructions
            .iter()
            .map(|instruction| match instruction {
                Instruction::Cpu { ticks } => *ticks,
                _ => 1,
            })
            .sum()
    }

    /// The first address after the code.
    pub fn end_address(&self) -> u32 {
        self.load_address + self.instructions.len() as u32
    }

    /// The instruction at a code address, if the address is inside the program.
    pub fn instruction_at(&self, address: u32) -> Option<Instruction> {
        let index = address.checked_sub(self.load_address)?;
        self.instructions.get(index as usize).copied()
    }

    /// The 1-based source line of the instruction at a code address.
    pub fn line_at(&self, address: u32) -> Option<u32> {
        let index = address.checked_sub(self.load_address)?;
        self.lines.get(index as usize).copied()
    }

    /// The `.var` declarations in declaration (and address) order.
    pub fn variables(&self) -> &[Variable] {
        &self.variables
    }

    /// Every word of every variable with its address, named as `x86.py` names them (`want`,
    /// `want[1]`), in declaration order.
    pub fn variable_cells(&self) -> Vec<(String, u32)> {
        let mut cells = Vec::new();
        for variable in &self.variables {
            for index in 0..variable.words {
                let name = match index {
                    0 => variable.name.clone(),
                    _ => alloc::format!("{}[{index}]", variable.name),
                };
                cells.push((name, variable.address + 4 * index));
            }
        }
        cells
    }

    /// Every word of every variable in `memory`, named as [`Program::variable_cells`] names them.
    pub fn variable_words(&self, memory: &super::Memory) -> Vec<(String, i64)> {
        self.variable_cells()
            .into_iter()
            .map(|(name, address)| (name, memory.read(address)))
            .collect()
    }

    /// The mutexes (`.mutex name`), in declaration order.
    pub fn mutexes(&self) -> &[String] {
        &self.mutexes
    }

    /// The message queues (`.queue name capacity`), in declaration order.
    pub fn queues(&self) -> &[QueueDecl] {
        &self.queues
    }

    /// The pipes (`.pipe name capacity`), in declaration order.
    pub fn pipes(&self) -> &[QueueDecl] {
        &self.pipes
    }

    /// Whether some instruction writes to pipe `pipe` (`write p, %r`): the threads that run this
    /// program are then the pipe's writers.
    pub fn writes_pipe(&self, pipe: u32) -> bool {
        self.instructions.iter().any(|instruction| {
            matches!(instruction, Instruction::Message(MessageOp::Write { pipe: written, .. }) if *written == pipe)
        })
    }

    /// Whether some instruction reads pipe `pipe` (`read p, %r`).
    pub fn reads_pipe(&self, pipe: u32) -> bool {
        self.instructions.iter().any(|instruction| {
            matches!(instruction, Instruction::Message(MessageOp::Read { pipe: read, .. }) if *read == pipe)
        })
    }

    /// The semaphores (`.sem name initial`), in declaration order.
    pub fn semaphores(&self) -> &[Semaphore] {
        &self.semaphores
    }

    /// The condition variables (`.cond name`), in declaration order.
    pub fn conditions(&self) -> &[String] {
        &self.conditions
    }

    /// The name a sync object was declared with (empty if the program has no such object; a
    /// queue's index counts the scenario's queues, so the engine names queues itself).
    pub fn sync_name(&self, object: SyncObject) -> &str {
        let index = object.index as usize;
        let name = match object.kind {
            SyncKind::Mutex => self.mutexes.get(index),
            SyncKind::Semaphore => self.semaphores.get(index).map(|semaphore| &semaphore.name),
            SyncKind::Condition => self.conditions.get(index),
            SyncKind::Queue
            | SyncKind::Pipe
            | SyncKind::SharedSemaphore
            | SyncKind::SharedMutex => None,
        };
        name.map_or("", String::as_str)
    }

    /// The labels in source order.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// The variables declared `.shared` (they live in the segment every process that declares
    /// the same name maps), in declaration order.
    pub fn shared_variables(&self) -> impl Iterator<Item = &Variable> + '_ {
        self.shared
            .iter()
            .filter_map(|&(index, _)| self.variables.get(index as usize))
    }

    /// Each `.shared` declaration (a variable, a semaphore or a mutex) as (name, what it is,
    /// line): what processes that map the segment must agree on.
    pub fn shared_declarations(&self) -> Vec<(&str, SharedKind, u32)> {
        let variables = self.shared.iter().filter_map(|&(index, line)| {
            let variable = self.variables.get(index as usize)?;
            Some((
                variable.name.as_str(),
                SharedKind::Variable(variable.words),
                line,
            ))
        });
        let semaphores = self
            .shared_semaphores
            .iter()
            .zip(&self.shared_semaphore_lines)
            .map(|(semaphore, &line)| {
                let kind = SharedKind::Semaphore(semaphore.initial);
                (semaphore.name.as_str(), kind, line)
            });
        let mutexes = self
            .shared_mutexes
            .iter()
            .map(|(name, line)| (name.as_str(), SharedKind::Mutex, *line));
        variables.chain(semaphores).chain(mutexes).collect()
    }

    /// The mutexes of the shared segment (`.shared mutex name`), in declaration order.
    pub fn shared_mutexes(&self) -> impl Iterator<Item = &str> + '_ {
        self.shared_mutexes.iter().map(|(name, _)| name.as_str())
    }

    /// Whether the word at `address` lies in a `.shared` variable: its variable and index.
    pub fn shared_at(&self, address: u32) -> Option<(&Variable, u32)> {
        let (variable, index) = self.variable_at(address)?;
        self.shared_variables()
            .any(|shared| shared.address == variable.address)
            .then_some((variable, index))
    }

    /// The semaphores of the shared segment (`.shared sem name initial`), in declaration order.
    pub fn shared_semaphores(&self) -> &[Semaphore] {
        &self.shared_semaphores
    }

    /// The variable word at an address and its index inside the variable (`want[1]` is index 1).
    pub fn variable_at(&self, address: u32) -> Option<(&Variable, u32)> {
        self.variables.iter().find_map(|variable| {
            let offset = address.checked_sub(variable.address)?;
            (offset % 4 == 0 && offset / 4 < variable.words).then_some((variable, offset / 4))
        })
    }
}
