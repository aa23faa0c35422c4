// nostd-demo/hello-rust-nostd.rs: hello world in Rust with neither std nor a C library, as
// nostd-demo/hello.c is in C: its own _start, a panic handler, and two raw system calls,
// write(2) and exit(2). Built with -C panic=abort (no unwinding tables or personality
// routine to link) and -nostartfiles -nostdlib (no crt1.o, no libc), static, non-PIE.
#![no_std]
#![no_main]

use core::arch::{asm, global_asm};
use core::panic::PanicInfo;

const SYS_WRITE: usize = 1;
const SYS_EXIT: usize = 60;

// The entry point. The kernel jumps here with %rsp at argc and 16-byte aligned, but with no
// return address pushed: a Rust function entered directly would see a stack misaligned by
// 8 for its whole frame (an aligned SSE spill would fault). So a few instructions make the
// call the ABI expects: %rbp zeroed (the outermost frame), the initial stack's address as
// the first argument, %rsp aligned, then a call, which pushes the return address.
global_asm!(
    ".globl _start",
    "_start:",
    "xor ebp, ebp",
    "mov rdi, rsp",
    "and rsp, -16",
    "call rust_start",
    "ud2",
);

fn write(fd: usize, buf: &[u8]) -> isize {
    let ret: isize;
    // The x86-64 system call: number in rax, arguments in rdi, rsi, rdx; the kernel
    // returns in rax and clobbers rcx (the return address) and r11 (the flags).
    unsafe {
        asm!("syscall", inlateout("rax") SYS_WRITE as isize => ret, in("rdi") fd,
             in("rsi") buf.as_ptr(), in("rdx") buf.len(),
             lateout("rcx") _, lateout("r11") _, options(nostack));
    }
    ret
}

fn exit(status: usize) -> ! {
    // exit(2) does not return: nothing after the syscall instruction runs.
    unsafe {
        asm!("syscall", in("rax") SYS_EXIT, in("rdi") status, options(noreturn, nostack));
    }
}

// Called by name from _start, hence unmangled.
// sp: the initial stack (argc, argv[], NULL, envp[], NULL, auxv); hello world needs none.
#[no_mangle]
extern "C" fn rust_start(_sp: *const usize) -> ! {
    let msg = b"hello, world\n";
    let ok = write(1, msg) == msg.len() as isize;
    exit(if ok { 0 } else { 1 })
}

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    exit(101)
}
