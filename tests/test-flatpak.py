#!/usr/bin/env python3
"""The Flatpak manifest parses, names the application, runs on the GNOME
runtime, asks for no more than a display, IPC and the GPU (files go through
portals), and builds this project with meson using only options that exist
in meson_options.txt. Prints TAP."""
import json
import pathlib
import re
import sys

APP_ID = 'io.github.waymark.Waymark'
# What the editor needs: a display (Wayland, or X11 where there is no
# Wayland), IPC for X11 shared memory, and the GPU for GTK's renderer.
NEEDED = {'--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri'}

root = pathlib.Path(sys.argv[1]).resolve()
path = root / 'flatpak' / f'{APP_ID}.json'
tests = []

try:
    manifest = json.loads(path.read_text(encoding='utf-8'))
    parse_error = None
except (OSError, ValueError) as error:
    manifest = {}
    parse_error = error
tests.append((f'{path.relative_to(root)} parses as JSON'
              + (f' ({parse_error})' if parse_error else ''), parse_error is None))

options = set(re.findall(r"""\boption\s*\(\s*['"]([^'"]+)['"]""",
                         (root / 'meson_options.txt').read_text(encoding='utf-8')))
finish_args = manifest.get('finish-args', [])
modules = manifest.get('modules') or [{}]
last = modules[-1] if isinstance(modules[-1], dict) else {}
sources = [s for s in last.get('sources', []) if isinstance(s, dict)]

tests += [
    (f'the app id is {APP_ID}', manifest.get('id', manifest.get('app-id')) == APP_ID),
    ('the command is waymark', manifest.get('command') == 'waymark'),
    ('the runtime is org.gnome.Platform', manifest.get('runtime') == 'org.gnome.Platform'),
    ('the SDK is org.gnome.Sdk', manifest.get('sdk') == 'org.gnome.Sdk'),
    ('the runtime version is a string naming a release',
     isinstance(manifest.get('runtime-version'), str)
     and re.fullmatch(r'\d+', manifest['runtime-version']) is not None),
    ('no filesystem access: files go through portals',
     not any(arg.startswith('--filesystem') for arg in finish_args)),
    ('X11 only as a fallback (--socket=fallback-x11, not --socket=x11)',
     '--socket=x11' not in finish_args),
    ('every finish-arg is one the editor needs (ipc, wayland, fallback-x11, dri)',
     bool(finish_args) and set(finish_args) <= NEEDED),
    ('the last module builds with meson', last.get('buildsystem') == 'meson'),
    ('the last module builds this project (a dir source at the repository root)',
     any(s.get('type') == 'dir' and (path.parent / s.get('path', '')).resolve() == root
         for s in sources)),
]

for opt in last.get('config-opts', []):
    match = re.fullmatch(r'-D([^=]+)=.*', opt)
    name = match.group(1) if match else opt
    tests.append((f'config-opts {opt}: {name} is an option in meson_options.txt',
                  match is not None and name in options))

print(f'1..{len(tests)}')
for number, (what, passed) in enumerate(tests, 1):
    print(f'{"ok" if passed else "not ok"} {number} {what}')
sys.exit(0 if all(passed for _, passed in tests) else 1)
