//! What an instruction does to memory: the [`MemoryAccess`]es of one step ([`Accesses`]) and
//! the words of one address space ([`Memory`]), which replaying those accesses rebuilds.

use alloc::collections::BTreeMap;

/// Whether an access read or wrote memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccessKind {
    /// The word was read (its value before the instruction).
    Read,
    /// The word was written (its new value).
    Write,
}

/// One memory word touched by one instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MemoryAccess {
    /// Read or write.
    pub kind: AccessKind,
    /// The word's address.
    pub address: u32,
    /// The value read, or the value written.
    pub value: i64,
}

/// The accesses of one instruction in the order they happen (at most two: `xchg` and
/// `fetchadd` read then write one word).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Accesses {
    items: [MemoryAccess; 2],
    count: u8,
}

impl Accesses {
    const EMPTY: MemoryAccess = MemoryAccess {
        kind: AccessKind::Read,
        address: 0,
        value: 0,
    };

    pub(crate) fn new() -> Accesses {
        Accesses {
            items: [Accesses::EMPTY; 2],
            count: 0,
        }
    }

    pub(crate) fn push(&mut self, access: MemoryAccess) {
        self.items[usize::from(self.count)] = access;
        self.count += 1;
    }

    /// The accesses, in order.
    pub fn as_slice(&self) -> &[MemoryAccess] {
        &self.items[..usize::from(self.count)]
    }
}

/// The words of one address space. Never-written words read as 0 (`x86.py` zeroes its memory).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Memory {
    words: BTreeMap<u32, i64>,
    size: u32,
}

impl Memory {
    /// An all-zero memory of `size` addresses (`0..size`).
    pub fn new(size: u32) -> Memory {
        Memory {
            words: BTreeMap::new(),
            size,
        }
    }

    /// How many addresses there are.
    pub fn size(&self) -> u32 {
        self.size
    }

    /// The word at an address (0 if never written).
    pub fn read(&self, address: u32) -> i64 {
        self.words.get(&address).copied().unwrap_or(0)
    }

    /// Replays one access: a write stores its value, a read changes nothing. Folding the
    /// accesses of every step over the initial memory gives the memory after each step.
    pub fn apply(&mut self, access: &MemoryAccess) {
        if access.kind == AccessKind::Write {
            if access.value == 0 {
                self.words.remove(&access.address);
            } else {
                self.words.insert(access.address, access.value);
            }
        }
    }

    /// The non-zero words, in address order.
    pub fn nonzero(&self) -> impl Iterator<Item = (u32, i64)> + '_ {
        self.words.iter().map(|(&address, &value)| (address, value))
    }
}
