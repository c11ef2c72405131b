"""Network filesystems: the journal decision on its own, a project opened where the filesystem
type is faked, and (where this machine allows one) a project on a real sshfs mount."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor.core import ops
from editor.core.model import TranscriptTurn
from editor.core.project import storage
from editor.core.project.info import project_info
from editor.core.project.storage import JournalMode, mode_for
from editor.core.project.store import ProjectStore
from tests.conftest import PATIENCE_S

NETWORK = ["nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "9p", "drvfs", "fuse.sshfs"]
NETWORK += ["fuse.rclone", "fuse.s3fs", "fuse", "macfuse", "afpfs", "webdav", "NFS"]
LOCAL: list[str | None] = [
    "ext4",
    "xfs",
    "btrfs",
    "tmpfs",
    "apfs",
    "hfs",
    "zfs",
    "fuseblk",
    "fuse.gocryptfs",
]
LOCAL += ["overlay", "ntfs3", "vfat", "exfat", "", None]


@pytest.mark.parametrize("fstype", NETWORK)
def test_network_filesystems_get_a_rollback_journal(fstype: str) -> None:
    assert mode_for(fstype) is JournalMode.EXCLUSIVE_DELETE


@pytest.mark.parametrize("fstype", LOCAL)
def test_local_and_unknown_filesystems_keep_wal(fstype: str | None) -> None:
    assert mode_for(fstype) is JournalMode.WAL


MOUNTINFO = """\
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
45 27 0:40 / /home/ann/nas rw,nosuid - nfs4 nas:/export rw
46 45 0:41 / /home/ann/nas/local rw - ext4 /dev/vdb rw
47 27 0:42 / /mnt/my\\040share rw - cifs //srv/share rw
48 27 0:43 / /media/usb rw - fuseblk /dev/sdb1 rw
49 27 0:44 / /home/ann/nas2 rw - fuse.sshfs ann@box:/ rw
"""


@pytest.mark.parametrize(
    ("path", "fstype"),
    [
        ("/home/ann/nas/show/ep.tep", "nfs4"),
        ("/home/ann/nas", "nfs4"),
        ("/home/ann/nas/local/ep.tep", "ext4"),  # the longest mount point wins
        ("/home/ann/nasty/ep.tep", "ext4"),  # a prefix of a name is not a parent folder
        ("/home/ann/nas2/ep.tep", "fuse.sshfs"),
        ("/mnt/my share/ep.tep", "cifs"),  # mountinfo's octal escapes
        ("/media/usb/ep.tep", "fuseblk"),
        ("/tmp/ep.tep", "ext4"),
    ],
)
def test_mountinfo_longest_mount_point(path: str, fstype: str) -> None:
    assert storage._linux_fstype(Path(path), MOUNTINFO) == fstype


def test_a_mount_over_a_mount_point_wins() -> None:
    text = MOUNTINFO + "50 27 0:45 / /home/ann/nas rw - tmpfs tmpfs rw\n"
    assert storage._linux_fstype(Path("/home/ann/nas/ep.tep"), text) == "tmpfs"


def test_unc_paths_are_network_on_windows() -> None:
    assert storage._windows_fstype(Path("\\\\server\\share\\ep.tep")) == "smb"


def test_this_machine_reports_a_type_for_its_temp_folder(tmp_path: Path) -> None:
    found = storage.filesystem_type(tmp_path)
    assert found is None or (isinstance(found, str) and found)


def _pragma(store: ProjectStore, name: str) -> str:
    return str(store.db.conn.execute(f"PRAGMA {name}").fetchone()[0])


def _edit_a_lot(store: ProjectStore) -> list[int]:
    turns = [TranscriptTurn("Ann", f"Turn {i} said on the share.") for i in range(30)]
    changes = ops.insert_turns(store, turns)
    for turn_id in changes.turns_inserted[:10]:
        ops.edit_text(store, turn_id, "Edited over the network.")
    return changes.turns_inserted


def _check_network_project(project: Path) -> None:
    """Edits on a network mount: rollback journal, exclusive lock, never a -wal or -shm."""
    wal, shm = project.with_name(project.name + "-wal"), project.with_name(project.name + "-shm")
    with ProjectStore.open(project) as store:
        assert _pragma(store, "journal_mode") == "delete"
        assert _pragma(store, "locking_mode") == "exclusive"
        assert store.storage_note is not None and "network filesystem" in store.storage_note
        assert project_info(store)["storage"] == store.storage_note
        ids = _edit_a_lot(store)
        assert not wal.exists() and not shm.exists()
    assert not wal.exists() and not shm.exists()
    with ProjectStore.open(project) as store:  # survives reopening, still without a WAL
        assert _pragma(store, "journal_mode") == "delete"
        assert store.turn(ids[0]).text == "Edited over the network."
        assert store.turn_count() == 30
    # The file alone is the project: a reader elsewhere sees every edit without -wal.
    other = sqlite3.connect(f"{project.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        count = other.execute("SELECT count(*) FROM turns WHERE text LIKE 'Edited%'").fetchone()
        assert count[0] == 10
    finally:
        other.close()


@pytest.fixture
def on_nfs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "filesystem_type", lambda _folder: "nfs4")


def test_project_on_a_faked_network_filesystem(tmp_path: Path, on_nfs: None) -> None:
    project = tmp_path / "ep.tep"
    ProjectStore.create(project).close()
    _check_network_project(project)


def test_a_wal_project_moved_onto_a_share_is_converted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "ep.tep"
    with ProjectStore.create(project) as store:
        _edit_a_lot(store)
        assert _pragma(store, "journal_mode") == "wal"
    monkeypatch.setattr(storage, "filesystem_type", lambda _folder: "cifs")
    with ProjectStore.open(project) as store:
        assert _pragma(store, "journal_mode") == "delete"
        assert store.turn_count() == 30
        ops.insert_turns(store, [TranscriptTurn("Bo", "Added on the share.")])
        assert not project.with_name("ep.tep-wal").exists()
    monkeypatch.setattr(storage, "filesystem_type", lambda _folder: "ext4")
    with ProjectStore.open(project) as store:  # back on a local disk: WAL again
        assert _pragma(store, "journal_mode") == "wal"
        assert store.turn_count() == 31
        assert store.storage_note is None


def test_local_project_keeps_wal_and_no_note(tmp_path: Path) -> None:
    with ProjectStore.create(tmp_path / "ep.tep") as store:
        assert _pragma(store, "journal_mode") == "wal"
        assert store.storage_note is None


def test_real_sshfs_mount(sshfs_mount: Path) -> None:
    """A real FUSE network mount (sshfs over a local sshd): detected, and edited safely."""
    assert storage.filesystem_type(sshfs_mount) == "fuse.sshfs"
    project = sshfs_mount / "ep.tep"
    ProjectStore.create(project).close()
    _check_network_project(project)


SSHD = Path("/usr/sbin/sshd")


@pytest.fixture(scope="module")
def sshfs_mount(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """sshfs over an sshd of our own on a free local port; skipped where that cannot be had
    (``apt install sshfs openssh-server``, root, and ``/dev/fuse``)."""
    sshfs = shutil.which("sshfs")
    usable = sys.platform == "linux" and Path("/dev/fuse").exists() and os.geteuid() == 0
    if not usable or sshfs is None or not SSHD.exists():
        pytest.skip("a real sshfs mount needs root, /dev/fuse, sshfs and openssh-server")
    base = tmp_path_factory.mktemp("sshfs")
    (base / "remote").mkdir()
    (base / "mnt").mkdir()
    for key in ("host", "user"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(base / key)], check=True
        )
    shutil.copy(base / "user.pub", base / "authorized_keys")
    port = _free_port()
    config = base / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {base / 'host'}\n"
        f"AuthorizedKeysFile {base / 'authorized_keys'}\nPasswordAuthentication no\n"
        "PermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\n"
        "Subsystem sftp internal-sftp\n",
        encoding="utf-8",
    )
    Path("/run/sshd").mkdir(exist_ok=True)
    server = subprocess.Popen([str(SSHD), "-D", "-f", str(config), "-E", str(base / "log")])
    try:
        _wait_for_port(port)
        options = (
            f"IdentityFile={base / 'user'},StrictHostKeyChecking=no,"
            "UserKnownHostsFile=/dev/null,BatchMode=yes"
        )
        mounted = subprocess.run(
            [
                sshfs,
                "-p",
                str(port),
                "-o",
                options,
                f"root@127.0.0.1:{base / 'remote'}",
                str(base / "mnt"),
            ],
            capture_output=True,
            text=True,
            timeout=PATIENCE_S,
            check=False,
        )
        if mounted.returncode != 0:
            pytest.skip(f"sshfs could not mount here: {mounted.stderr.strip()}")
        try:
            yield base / "mnt"
        finally:
            unmount = shutil.which("fusermount3") or shutil.which("fusermount")
            command = [unmount, "-u"] if unmount else ["umount"]
            subprocess.run([*command, str(base / "mnt")], check=False)
    finally:
        server.terminate()
        server.wait(timeout=PATIENCE_S)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int) -> None:
    deadline = time.monotonic() + PATIENCE_S
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    pytest.skip("the test's sshd did not start")
