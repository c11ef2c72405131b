"""Where a project lives decides how SQLite may keep it: the filesystem type of its folder.

WAL keeps its index in shared memory (the ``-shm`` file, mapped by every connection), which
works between processes of one computer only. On a network filesystem another computer would
read the project without seeing the edits still in the ``-wal`` file, or corrupt it. There the
project is opened with a rollback journal and an exclusive lock instead, so the ``.tep`` file
alone is the project after every commit.

``mode_for(fstype)`` is the whole decision and pure; ``filesystem_type(folder)`` looks the type
up (Linux: ``/proc/self/mountinfo``; macOS: ``statfs``; Windows: UNC paths and mapped drives;
elsewhere unknown, taken as local).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

MOUNTINFO = Path("/proc/self/mountinfo")


class JournalMode(Enum):
    WAL = "wal"  # local disks: readers never wait for the writer
    EXCLUSIVE_DELETE = "exclusive-delete"  # network: rollback journal, one exclusive lock


# Kernel and macOS names of filesystems that are reached over a network, or shared with another
# system (a VM host, Windows under WSL) where the shared-memory index cannot be trusted.
NETWORK_FSTYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "afs",
        "afpfs",
        "ncpfs",
        "coda",
        "9p",
        "v9fs",
        "drvfs",
        "vboxsf",
        "vmhgfs",
        "prl_fs",
        "davfs",
        "webdav",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "ocfs2",
        "gfs2",
        "beegfs",
        "fuse",  # a FUSE filesystem that does not name itself: could be anything
        "macfuse",  # macOS FUSE (sshfs, rclone …)
        "osxfuse",
    }
)
# FUSE filesystems on a local disk (``fuseblk`` is ntfs-3g and exFAT on a local partition).
LOCAL_FUSE = frozenset(
    {
        "fuseblk",
        "fuse.bindfs",
        "fuse.encfs",
        "fuse.gocryptfs",
        "fuse.cryfs",
        "fuse.mergerfs",
        "fuse.unionfs",
        "fuse.lxcfs",
        "fuse.portal",
        "fuse.squashfuse",
        "fuse.fuse-overlayfs",
        "fuse.ntfs-3g",
        "fuse.exfat",
    }
)


def mode_for(fstype: str | None) -> JournalMode:
    """The journal to use on a filesystem of type ``fstype`` (``None``: unknown, taken as local).

    Network filesystems and every FUSE filesystem not known to be local (``fuse.sshfs``,
    ``fuse.rclone``, ``fuse.s3fs`` …) get the rollback journal.
    """
    if fstype is None:
        return JournalMode.WAL
    name = fstype.strip().lower()
    if name in LOCAL_FUSE:
        return JournalMode.WAL
    if name in NETWORK_FSTYPES or name.startswith("fuse."):
        return JournalMode.EXCLUSIVE_DELETE
    return JournalMode.WAL


@dataclass(frozen=True)
class Storage:
    """How a project is kept where it lies: shown by ``info`` and in the status bar."""

    fstype: str | None
    mode: JournalMode

    @property
    def note(self) -> str | None:
        if self.mode is JournalMode.WAL:
            return None
        return (
            f"on a network filesystem ({self.fstype}): saved with a rollback journal and an "
            "exclusive lock, so other computers see every saved edit in the project file itself"
        )


def storage_for(folder: Path) -> Storage:
    fstype = filesystem_type(folder)
    return Storage(fstype, mode_for(fstype))


def filesystem_type(folder: Path) -> str | None:
    """The type of the filesystem ``folder`` is on, or ``None`` when it cannot be told."""
    try:
        resolved = Path(os.path.realpath(folder))
        if sys.platform.startswith("linux"):
            return _linux_fstype(resolved, MOUNTINFO.read_text(encoding="utf-8"))
        if sys.platform == "darwin":
            return _darwin_fstype(resolved)
        if sys.platform == "win32":
            return _windows_fstype(resolved)
    except (OSError, ValueError):
        return None
    return None


def _linux_fstype(path: Path, mountinfo: str) -> str | None:
    """The type of the longest mount point containing ``path`` (the last one mounted wins)."""
    best: tuple[int, str] | None = None
    text = str(path)
    for line in mountinfo.splitlines():
        fields = line.split()
        if " - " not in line or len(fields) < 5:
            continue
        mount_point = _unescape(fields[4])
        fstype = line.split(" - ", 1)[1].split()[0]
        inside = text == mount_point or text.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) >= best[0]):
            best = (len(mount_point), fstype)
    return best[1] if best else None


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash as octal escapes (``\\040``)."""
    for code in ("040", "011", "012", "134"):
        field = field.replace("\\" + code, chr(int(code, 8)))
    return field


class _DarwinStatfs(ctypes.Structure):
    """``struct statfs`` with 64-bit inodes (the only layout on arm64)."""

    _fields_ = [
        ("f_bsize", ctypes.c_uint32),
        ("f_iosize", ctypes.c_int32),
        ("f_blocks", ctypes.c_uint64),
        ("f_bfree", ctypes.c_uint64),
        ("f_bavail", ctypes.c_uint64),
        ("f_files", ctypes.c_uint64),
        ("f_ffree", ctypes.c_uint64),
        ("f_fsid", ctypes.c_int32 * 2),
        ("f_owner", ctypes.c_uint32),
        ("f_type", ctypes.c_uint32),
        ("f_flags", ctypes.c_uint32),
        ("f_fssubtype", ctypes.c_uint32),
        ("f_fstypename", ctypes.c_char * 16),
        ("f_mntonname", ctypes.c_char * 1024),
        ("f_mntfromname", ctypes.c_char * 1024),
        ("f_flags_ext", ctypes.c_uint32),
        ("f_reserved", ctypes.c_uint32 * 7),
    ]


def _darwin_fstype(path: Path) -> str | None:
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    try:
        statfs = libc["statfs$INODE64"]  # x86-64: the 64-bit-inode variant of the struct
    except AttributeError:
        statfs = libc["statfs"]
    result = _DarwinStatfs()
    if statfs(os.fsencode(path), ctypes.byref(result)) != 0:
        return None
    return result.f_fstypename.decode("ascii", "replace") or None


def _windows_fstype(path: Path) -> str | None:
    text = str(path)
    unc = text.startswith("\\\\?\\UNC\\")
    if unc or (text.startswith("\\\\") and not text.startswith("\\\\?\\")):
        return "smb"  # \\server\share
    if sys.platform == "win32":
        drive_remote = 4  # GetDriveTypeW's DRIVE_REMOTE: a mapped network drive
        root = os.path.splitdrive(text)[0] + "\\"
        if ctypes.windll.kernel32.GetDriveTypeW(root) == drive_remote:
            return "smb"
    return None
