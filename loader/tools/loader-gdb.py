# loader/tools/loader-gdb.py: debug a program run by the loader with gdb.
#
#   gdb -x loader-gdb.py --args loader [OPTION...] PROGRAM [ARG...]
#
# The loader replaces itself with PROGRAM without execve(2), so gdb sees no exec event and
# would only ever know the loader's own symbols. This script stops at the loader's hook,
# loader_handover() (loader/loader_handover.c: called once, right before the jump, with the
# program's path and load bias, its ELF interpreter's path and bias, and the entry), adds
# the symbols of the program and of its interpreter at their load addresses
# (add-symbol-file -o BIAS), then follows the interpreter's own debugger hook,
# _dl_debug_state() with the r_debug list (<link.h>), to add every shared library it maps,
# dlopen()ed ones included. `break main` before `run` is therefore PROGRAM's main.
#
# No breakpoint stays in the loader: the loader may unmap its own image after the handover,
# and a breakpoint left there could be neither inserted nor removed again. The hook's
# breakpoint disables itself when hit (gdb then never inserts it again) and is deleted at
# the next stop; `run`, `start` and `starti` enable it again for the next process.
# The breakpoints never stop the program: their stop() returns False.
#
# Needs the loader's symbol table (not stripped): the hook is found by name. The hook's
# arguments are read from the registers of the System V x86_64 ABI at its first
# instruction, so the loader's debug information is not needed.
import os

import gdb

HOOK = "loader_handover"
RT_CONSISTENT = 0	# <link.h> r_state: the list is complete
ARG_REGS = ("rdi", "rsi", "rdx", "rcx", "r8")


def _say(msg):
    gdb.write("loader-gdb: %s\n" % msg)


def _cstring(addr, limit=4096):
    """The NUL-terminated string at addr in the inferior (bytes), or None for NULL."""
    if addr == 0:
        return None
    out = b""
    while len(out) < limit:		# page by page: the string may end a mapping
        chunk = gdb.selected_inferior().read_memory(addr, 4096 - addr % 4096).tobytes()
        if b"\0" in chunk:
            return out + chunk.split(b"\0", 1)[0]
        out, addr = out + chunk, addr + len(chunk)
    return out


def _word(addr):
    return int.from_bytes(gdb.selected_inferior().read_memory(addr, 8).tobytes(), "little")


class _State:
    """What this script added to gdb for the current process."""
    def __init__(self):
        self.files = {}		# real path -> bias, of every symbol file added
        self.cwd = "/"		# the process's working directory (relative paths)
        self.hook_bp = None
        self.debug_bp = None


state = _State()


def _add_symbols(path, bias):
    """add-symbol-file PATH at BIAS once per process; PATH relative to the process's cwd."""
    if not path:
        return
    full = os.path.realpath(os.path.join(state.cwd, path))
    if full in state.files or not os.path.isfile(full):
        return
    state.files[full] = bias
    gdb.execute("add-symbol-file %s -o %#x" % (gdb_quote(full), bias), to_string=True)
    _say("added symbols of %s at bias %#x" % (full, bias))


def gdb_quote(path):
    return "'" + path.replace("\\", "\\\\").replace("'", "\\'") + "'"


class _DebugStateBreakpoint(gdb.Breakpoint):
    """The ELF interpreter's _dl_debug_state(): called after each change of its list."""
    def __init__(self, r_debug):
        super().__init__("*_dl_debug_state", internal=True)
        self.r_debug = r_debug

    def stop(self):
        # struct r_debug: int r_version; struct link_map *r_map; ElfW(Addr) r_brk;
        # enum r_state; ...  struct link_map: l_addr, l_name, l_ld, l_next, l_prev.
        if _word(self.r_debug + 24) & 0xffffffff != RT_CONSISTENT:
            return False
        lm, seen = _word(self.r_debug + 8), 0
        while lm and seen < 4096:
            name = _cstring(_word(lm + 8))
            if name:		# "" is the program itself; linux-vdso.so.1 is no file
                _add_symbols(os.fsdecode(name), _word(lm))
            lm, seen = _word(lm + 24), seen + 1
        return False


class _HandoverBreakpoint(gdb.Breakpoint):
    """loader_handover(prog, prog_bias, interp, interp_bias, entry)."""
    def __init__(self):
        # "*HOOK": its first instruction, where the arguments are still in registers.
        super().__init__("*" + HOOK, internal=True)

    def stop(self):
        frame = gdb.selected_frame()
        prog, prog_bias, interp, interp_bias, entry = (
            int(frame.read_register(r)) & 0xffffffffffffffff for r in ARG_REGS)
        pid = gdb.selected_inferior().pid
        try:
            state.cwd = os.readlink("/proc/%d/cwd" % pid)
        except OSError:
            state.cwd = os.getcwd()
        prog_path = os.fsdecode(_cstring(prog))
        interp_path = _cstring(interp)
        _say("handover to %s (entry %#x)" % (prog_path, entry))
        _add_symbols(prog_path, prog_bias)
        if interp_path is not None:
            _add_symbols(os.fsdecode(interp_path), interp_bias)
            self._follow_interpreter()
        # Never inserted again: the loader's image may be gone once the program runs.
        self.enabled = False
        return False

    @staticmethod
    def _follow_interpreter():
        try:
            r_debug = int(gdb.parse_and_eval("(unsigned long)&_r_debug"))
            state.debug_bp = _DebugStateBreakpoint(r_debug)
        except gdb.error as e:	# not glibc's ld.so: the program's own symbols still are
            _say("no shared library symbols: %s" % e)


def _drop(bp):
    if bp is not None and bp.is_valid():
        bp.delete()


def loader_gdb_arm():
    """Before each run: forget the last process's files, arm the hook again."""
    for full in list(state.files):
        try:
            gdb.execute("remove-symbol-file %s" % gdb_quote(full), to_string=True)
        except gdb.error:
            pass
    state.files.clear()
    _drop(state.debug_bp)
    state.debug_bp = None
    if state.hook_bp is None or not state.hook_bp.is_valid():
        state.hook_bp = _HandoverBreakpoint()
    state.hook_bp.enabled = True


def _on_stop(event):
    # The hook's breakpoint is disabled once hit; delete it at the first stop after that.
    if state.hook_bp is not None and state.hook_bp.is_valid() and not state.hook_bp.enabled:
        state.hook_bp.delete()
        state.hook_bp = None


gdb.execute("set breakpoint pending on")	# `break main` before PROGRAM's symbols are known
gdb.events.stop.connect(_on_stop)
gdb.execute("define hook-run\npython loader_gdb_arm()\nend")
gdb.execute("define hook-start\npython loader_gdb_arm()\nend")
gdb.execute("define hook-starti\npython loader_gdb_arm()\nend")
gdb.execute("""define loader-gdb-arm
python loader_gdb_arm()
end
document loader-gdb-arm
Arm loader-gdb.py's breakpoint on the loader's handover for the next run (run, start and
starti do it themselves).
end""")
