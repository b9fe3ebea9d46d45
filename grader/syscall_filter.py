"""A seccomp filter for a suite's process: a file's mode, owner, timestamps and extended attributes stay as they are,
wherever the file is.

Landlock (`grader.sandbox`) governs what may be read and written, not `chmod`: without this filter, student code
could make the grader's output folder unwritable to a grader that is not root (and so lose the class's gradebook),
open the kit's solutions to every local user, or, run as root, set the setuid bit on root's programs. A mode or an
owner "changed" succeeds without effect, because multiprocessing's forkserver sets its socket's mode as it starts and
a start method that broke would be a wrong grade; timestamps and extended attributes are refused (EPERM), because a
`utime` that succeeded on a file that is not there would tell `Path.touch` that it exists, and it would never be made.
Calls made through another architecture's system call table (a 32-bit `int 0x80`, x32) are refused; CPython makes
none.
"""

from __future__ import annotations

import ctypes
import platform

_AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
_IGNORED = {
    # chmod fchmod fchmodat fchmodat2 chown fchown lchown fchownat
    "x86_64": (90, 91, 268, 452, 92, 93, 94, 260),
    # fchmod fchmodat fchmodat2 fchownat fchown (the generic table has no chmod or chown of its own)
    "aarch64": (52, 53, 452, 54, 55),
}
_REFUSED = {
    # utime utimes futimesat utimensat setxattr lsetxattr fsetxattr removexattr lremovexattr fremovexattr setxattrat
    # removexattrat
    "x86_64": (132, 235, 261, 280, 188, 189, 190, 197, 198, 199, 463, 466),
    # utimensat setxattr lsetxattr fsetxattr removexattr lremovexattr fremovexattr setxattrat removexattrat
    "aarch64": (88, 5, 6, 7, 14, 15, 16, 463, 466),
}
_X32_BIT = 0x40000000
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_RET_ALLOW, _RET_ERRNO, _EPERM = 0x7FFF0000, 0x00050000, 1
_LOAD, _JUMP_IF_EQUAL, _JUMP_IF_AT_LEAST, _RETURN = 0x20, 0x15, 0x35, 0x06
_NR, _ARCH = 0, 4
"""Offsets of the system call's number and architecture in `struct seccomp_data`."""


class _Instruction(ctypes.Structure):
    _fields_ = (("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32))


class _Program(ctypes.Structure):
    _fields_ = (("len", ctypes.c_uint16), ("filter", ctypes.POINTER(_Instruction)))


def program(machine: str) -> list[tuple[int, int, int, int]] | None:
    """The filter for `machine` (as `platform.machine()` names it), as BPF instructions; None for one we have no
    table of."""
    if machine not in _IGNORED:
        return None
    ignored, refused = _IGNORED[machine], _REFUSED[machine]
    refuse = (_RETURN, 0, 0, _RET_ERRNO | _EPERM)
    code = [(_LOAD, 0, 0, _ARCH), (_JUMP_IF_EQUAL, 1, 0, _AUDIT_ARCH[machine]), refuse, (_LOAD, 0, 0, _NR)]
    if machine == "x86_64":
        code += [(_JUMP_IF_AT_LEAST, 0, 1, _X32_BIT), refuse]
    numbers = [*ignored, *refused]
    for index, number in enumerate(numbers):
        to_allow = len(numbers) - index - 1  # the jumps left after this one
        code.append((_JUMP_IF_EQUAL, to_allow + (1 if number in ignored else 2), 0, number))
    # Allow; do nothing and return 0 (errno 0: the call is not made); refuse.
    code += [(_RETURN, 0, 0, _RET_ALLOW), (_RETURN, 0, 0, _RET_ERRNO | 0), refuse]
    return code


def install(libc: ctypes.CDLL) -> bool:
    """Filter this process and every process it starts (through `libc`'s prctl); True when the filter is in place."""
    code = program(platform.machine())
    if code is None:
        return False
    instructions = (_Instruction * len(code))(*(_Instruction(*instruction) for instruction in code))
    prog = _Program(len(code), instructions)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) == 0
