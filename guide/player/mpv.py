"""mpv in the background, driven over its JSON IPC socket.

mpv is started idle, with ``--input-ipc-server`` on a socket in a private
temporary folder, ``--no-video``, ``--no-terminal`` (it never writes to the
listener's terminal, and its own and its libraries' messages go to a log
file) and ``--audio-pitch-correction=yes`` (a faster or slower voice keeps
its pitch). The file is then loaded with the ``loadfile`` command, so that
its ``end-file`` event, which says why a file could not be played, is seen.

The client is synchronous: each command waits for its own reply, and the
events in between are read and kept only as far as :class:`Mpv` needs them.
mpv runs in its own session, so a Ctrl-C in the terminal reaches the player
and not mpv; on Linux it is also told to stop if the player dies.
"""

from __future__ import annotations

import ctypes
import json
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

from guide import tempdirs
from guide.errors import AudioError, MissingTool

REPLY_TIMEOUT_S = 5.0
"How long a command may take before mpv counts as stuck."
START_TIMEOUT_S = 10.0
"How long mpv may take to open its socket and load the file."
SEEK_TIMEOUT_S = 2.0
"How long to wait for a seek to finish before going on anyway."

NO_SOUND = "No sound output could be opened, so nothing can be heard."
"The message when mpv has no sound output; its hint, ``sound``, says what to do."


class MpvCommandError(AudioError):
    "mpv answered a command with an error"


def find_mpv() -> str:
    """The path of the mpv program, or :class:`MissingTool`."""
    path = shutil.which("mpv")
    if path is None:
        raise MissingTool("mpv")
    return path


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Ask Linux to stop mpv with SIGTERM if the player process dies."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Mpv:
    """One mpv process playing one file, with the calls the player needs."""

    def __init__(self, program: str, audio_output: str | None = None):
        self.program = program
        "The mpv executable."
        self.audio_output = audio_output
        "mpv's ``--ao``, e.g. ``null``; ``None`` lets mpv choose."
        self.folder = tempdirs.make("mpv")
        "Private folder for the socket and mpv's log."
        self.process: subprocess.Popen | None = None
        self.sock: socket.socket | None = None
        self._buffer = b""
        self._next_id = 0
        self.file_error: str | None = None
        "Why mpv stopped playing the file, from its last ``end-file`` event."
        self._restarted = False

    # ---------------------------------------------------------- lifecycle

    def start(self, file: Path, start_s: float = 0.0, speed: float = 1.0) -> None:
        """Start mpv, load ``file`` paused at ``start_s`` and wait until it is ready."""
        sock_path = self.folder / "mpv.sock"
        args = [self.program, "--no-config", "--idle=yes", "--no-video", "--no-terminal",
                "--audio-pitch-correction=yes", "--keep-open=yes", "--pause", "--ytdl=no",
                "--input-default-bindings=no", f"--input-ipc-server={sock_path}"]
        if self.audio_output:
            args.append(f"--ao={self.audio_output}")
        log = open(self.folder / "mpv.log", "wb")
        try:
            self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                            start_new_session=True, preexec_fn=_die_with_parent)
        except OSError as exc:
            raise AudioError(f"mpv could not be started ({exc.strerror or exc}).") from exc
        finally:
            log.close()
        self._connect(sock_path)
        self.set("start", f"{max(0.0, start_s):.3f}")
        self.set("speed", speed)
        self.command("loadfile", str(Path(file).resolve()))
        self._wait_loaded(file)

    def _connect(self, path: Path) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                raise AudioError(f"mpv stopped as it started. {self._log_tail()}".strip())
            if path.exists():
                sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                try:
                    sock.connect(str(path))
                except OSError:
                    sock.close()
                else:
                    sock.settimeout(REPLY_TIMEOUT_S)
                    self.sock = sock
                    return
            time.sleep(0.02)
        raise AudioError("mpv did not start within 10 seconds.")

    def _wait_loaded(self, file: Path) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            # The file can be loaded a moment before the sound output fails to open.
            if self.get("time-pos") is not None and self.get("current-ao") is not None:
                return
            if self.file_error is not None or self.get("idle-active"):
                self._raise_file_error(file)
            time.sleep(0.02)
        raise AudioError(f"mpv did not open {file} within 10 seconds.")

    def _raise_file_error(self, file: Path | None = None) -> None:
        # mpv can turn idle a moment before its end-file event, with the reason, arrives;
        # events are read while a request waits for its answer, so keep asking.
        deadline = time.monotonic() + 1.0
        current_ao = self.get("current-ao")
        while self.file_error is None and time.monotonic() < deadline:
            time.sleep(0.02)
            current_ao = self.get("current-ao")
        no_output = self.file_error is None and current_ao is None
        if self.file_error == "audio output initialization failed" or no_output:
            raise AudioError(NO_SOUND, hint="sound")
        what = f"mpv could not play {file}" if file else "mpv stopped playing"
        raise AudioError(f"{what} ({self.file_error or 'unknown error'}).")

    def _log_tail(self) -> str:
        try:
            lines = (self.folder / "mpv.log").read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return f"It said: {lines[-1]}" if lines else ""

    def close(self) -> None:
        """Stop mpv and remove its folder; safe to call twice, and after an interruption."""
        if self.sock is not None:
            try:
                self.sock.sendall(b'{"command": ["quit"]}\n')
            except OSError:
                pass
            self.sock.close()
            self.sock = None
        if self.process is not None:
            try:
                self.process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Mpv:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------- IPC

    def _socket(self) -> socket.socket:
        """The socket to mpv; :class:`AudioError` when mpv is not running."""
        if self.sock is None:
            raise AudioError("The audio player is not running.")
        return self.sock

    def command(self, *args: Any) -> Any:
        """Run one mpv command and return its ``data``; errors raise :class:`AudioError`."""
        sock = self._socket()
        self._next_id += 1
        request = {"command": list(args), "request_id": self._next_id}
        try:
            sock.sendall(json.dumps(request).encode() + b"\n")
            while True:
                reply = self._read_message()
                if reply.get("request_id") == self._next_id:
                    break
        except (OSError, ValueError) as exc:
            raise AudioError("The audio player mpv stopped answering.") from exc
        if reply.get("error") != "success":
            raise MpvCommandError(f"mpv could not do {args[0]}: {reply.get('error')}.")
        return reply.get("data")

    def _read_message(self) -> dict:
        while b"\n" not in self._buffer:
            chunk = self._socket().recv(65536)
            if not chunk:
                raise OSError("mpv closed its socket")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        message = json.loads(line)
        if message.get("event") == "end-file" and message.get("reason") == "error":
            self.file_error = message.get("file_error") or "error"
        elif message.get("event") == "playback-restart":
            self._restarted = True
        return message

    def _wait_restart(self, timeout: float = SEEK_TIMEOUT_S) -> None:
        """Read events until mpv says playback goes on after a seek (or ``timeout``)."""
        sock = self._socket()
        old = sock.gettimeout()
        deadline = time.monotonic() + timeout
        try:
            while not self._restarted and time.monotonic() < deadline:
                sock.settimeout(max(0.01, deadline - time.monotonic()))
                self._read_message()
        except TimeoutError:
            pass
        except (OSError, ValueError) as exc:
            raise AudioError("The audio player mpv stopped answering.") from exc
        finally:
            sock.settimeout(old)

    def get(self, name: str, default: Any = None) -> Any:
        """A property's value, or ``default`` while mpv has none."""
        try:
            return self.command("get_property", name)
        except MpvCommandError:
            return default

    def set(self, name: str, value: Any) -> None:
        """Set a property."""
        self.command("set_property", name, value)

    # ---------------------------------------------------- player backend

    def position(self) -> float | None:
        """Seconds from the start of the file, or ``None`` while mpv is busy."""
        value = self.get("time-pos")
        return float(value) if value is not None else None

    def seek(self, seconds: float) -> None:
        """Go to ``seconds`` from the start of the file, exactly, and wait until it is there.

        Until mpv has finished a seek, ``time-pos`` may still give the old
        position. (While paused, mpv reports a position a little before the
        one sought, less the audio it holds ready; the session does not ask
        a paused player where it is.)
        """
        self._restarted = False
        self.command("seek", max(0.0, seconds), "absolute+exact")
        self._wait_restart()

    def set_paused(self, paused: bool) -> None:
        self.set("pause", paused)

    def set_speed(self, factor: float) -> None:
        """Play faster or slower; the pitch is kept."""
        self.set("speed", factor)

    def at_end(self) -> bool:
        """The file has played to its end (mpv keeps it open, paused).

        A file that stopped because of an error raises :class:`AudioError`.
        """
        ended = bool(self.get("eof-reached", False))
        if self.file_error is not None:
            self._raise_file_error()
        return ended
