//! A global allocator that asks Linux for transparent huge pages on large blocks.
//!
//! A long run records millions of events; faulting their buffers in 4 KiB at a time costs more
//! than simulating them. For blocks of 4 MiB and more this allocator delegates to the system
//! allocator and then advises the kernel (`madvise(MADV_HUGEPAGE)`) to back them with 2 MiB pages.
//! Everything else, and every other platform, is the plain system allocator.

use std::alloc::{GlobalAlloc, Layout, System};

/// The system allocator plus huge-page advice for large blocks on Linux.
pub struct HugePageAlloc;

const LARGE: usize = 4 << 20;

#[cfg(target_os = "linux")]
fn advise(pointer: *mut u8, size: usize) {
    const MADV_HUGEPAGE: i32 = 14;
    const PAGE: usize = 4096;
    extern "C" {
        fn madvise(address: *mut std::ffi::c_void, length: usize, advice: i32) -> i32;
    }
    // The whole block, out to its 4 KiB pages: the kernel backs the aligned 2 MiB runs inside
    // with huge pages either way, but advising only those runs would split the block's mapping
    // in three, and `mremap` cannot grow a range that spans several mappings: glibc's `realloc`
    // then falls back to allocating anew and copying, at every doubling of a growing vector.
    let start = (pointer as usize) / PAGE * PAGE;
    let end = (pointer as usize + size).div_ceil(PAGE) * PAGE;
    // SAFETY: [start, end) holds the block just allocated and at most the rest of the pages it
    // lies on; the advice is only a hint and cannot change any contents. A failure is harmless
    // and ignored.
    unsafe {
        madvise(start as *mut std::ffi::c_void, end - start, MADV_HUGEPAGE);
    }
}

#[cfg(not(target_os = "linux"))]
fn advise(_pointer: *mut u8, _size: usize) {}

// SAFETY: every call is forwarded unchanged to `System`; `advise` only adds a hint on success.
unsafe impl GlobalAlloc for HugePageAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() && layout.size() >= LARGE {
            advise(pointer, layout.size());
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(pointer, layout) }
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let moved = unsafe { System.realloc(pointer, layout, new_size) };
        if !moved.is_null() && new_size >= LARGE {
            advise(moved, new_size);
        }
        moved
    }
}
