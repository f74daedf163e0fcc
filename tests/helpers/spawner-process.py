# The small process that starts the test workers' synchronous children (tests/helpers/small-spawner.ts), when
# python3 is on the machine; tests/helpers/spawner-process.mjs otherwise. Same protocol: reads one request at a
# time from the first FIFO (a 4-byte little-endian length, then JSON: file, args, spawnSync's options, input in
# base64), runs it, and writes the result the same way to the second, as node's spawnSync would have made it.
# Why not node: node's spawnSync costs its caller about 3.8 ms of CPU per child here (a new event loop, and a
# fork() that copies the caller's page tables); Python's subprocess starts a child with vfork() for about 0.45 ms.
# The tests start some 2,300 children a run, so this is about 8 s of CPU.
import base64
import errno
import json
import os
import signal
import struct
import subprocess
import sys

requests, replies = sys.argv[1:3]

# What node's spawnSync uses when not told: SIGTERM on a timeout, 1 MiB of output per stream.
DEFAULT_MAX_BUFFER = 1024 * 1024


def read_exactly(stream, n):
    """Exactly n bytes, or None at the end."""
    data = b''
    while len(data) < n:
        chunk = stream.read(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def node_error(code, file, args, cwd=None):
    """An error as node's spawnSync reports it (code, errno, syscall, path, spawnargs)."""
    number = getattr(errno, code)
    return {
        'message': f'spawnSync {file} {code}',
        'code': code,
        'errno': -number,
        'syscall': f'spawnSync {file}',
        'path': file,
        'spawnargs': args,
    }


def stdio_of(options):
    """The three streams: 'pipe' (None here: captured) or 'ignore' (DEVNULL)."""
    stdio = options.get('stdio')
    streams = [stdio] * 3 if stdio is None or isinstance(stdio, str) else list(stdio) + [None] * (3 - len(stdio))
    return [subprocess.DEVNULL if s == 'ignore' else subprocess.PIPE for s in streams[:3]]


def signal_number(name):
    if isinstance(name, int):
        return name
    return getattr(signal, name or 'SIGTERM')


def run(file, args, options):
    stdin, stdout, stderr = stdio_of(options)
    # An input for a stdin that is ignored is dropped, as node drops it.
    data = base64.b64decode(options['input']) if options.get('input') is not None and stdin == subprocess.PIPE else None
    executable = None
    argv = [file, *args]
    if options.get('shell'):
        argv = ['/bin/sh', '-c', ' '.join(argv)]
    elif options.get('argv0'):
        executable, argv = file, [options['argv0'], *args]
    timeout = options.get('timeout')
    timeout = timeout / 1000 if timeout else None
    try:
        child = subprocess.Popen(
            argv,
            executable=executable,
            stdin=stdin,
            stdout=stdout,
            stderr=stderr,
            cwd=options.get('cwd'),
            env=options.get('env'),
            close_fds=True,
            restore_signals=True,
        )
    except FileNotFoundError:
        return {'pid': 0, 'status': None, 'signal': None, 'stdout': None, 'stderr': None, 'error': node_error('ENOENT', file, args)}
    except PermissionError:
        return {'pid': 0, 'status': None, 'signal': None, 'stdout': None, 'stderr': None, 'error': node_error('EACCES', file, args)}
    error = None
    try:
        out, err = child.communicate(data, timeout=timeout)
    except subprocess.TimeoutExpired:
        child.send_signal(signal_number(options.get('killSignal')))
        out, err = child.communicate()
        error = node_error('ETIMEDOUT', file, args)
    max_buffer = options.get('maxBuffer', DEFAULT_MAX_BUFFER)
    if error is None and max_buffer is not None and max(len(out or b''), len(err or b'')) > max_buffer:
        error = node_error('ENOBUFS', file, args)
    code = child.returncode
    status = code if code >= 0 else None
    killed = signal.Signals(-code).name if code < 0 else None
    encode = lambda b: None if b is None else base64.b64encode(b).decode('ascii')
    # node gives an empty buffer for a stream it piped, and null for one it ignored.
    return {
        'pid': child.pid,
        'status': status,
        'signal': killed,
        'stdout': encode(out if out is not None else (b'' if stdout == subprocess.PIPE else None)),
        'stderr': encode(err if err is not None else (b'' if stderr == subprocess.PIPE else None)),
        'error': error,
    }


def serve(source, sink):
    """Serves one worker until it closes its end."""
    while True:
        head = read_exactly(source, 4)
        if head is None:
            return
        request = json.loads(read_exactly(source, struct.unpack('<I', head)[0]).decode('utf-8'))
        reply = json.dumps(run(request['file'], request['args'], request['options'])).encode('utf-8')
        message = memoryview(struct.pack('<I', len(reply)) + reply)
        # A FIFO takes at most its buffer's worth at a time.
        while message:
            message = message[sink.write(message):]


while True:
    # Each open waits for a worker to open the other end, in the same order.
    with open(requests, 'rb', buffering=0) as source, open(replies, 'wb', buffering=0) as sink:
        serve(source, sink)
