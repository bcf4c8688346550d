#!/usr/bin/env python3
"""Every file with a translatable string is listed in po/POTFILES.in, and
every file listed there exists: a string in a file left out would never
reach translators, and xgettext stops at a listed file that is gone.
Prints TAP."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
MARKERS = {
    '.c': re.compile(r'\b(?:N_|C_|NC_|_|g_dngettext|ngettext)\s*\(\s*"'),
    '.ui': re.compile(r'translatable="yes"'),
    '.in': re.compile(r'<(?:name|summary|p|li|caption|description)\b|^(?:Name|GenericName|Comment|Keywords)=', re.M),
}

listed = []
for line in (root / 'po' / 'POTFILES.in').read_text(encoding='utf-8').splitlines():
    line = line.strip()
    if line and not line.startswith('#'):
        listed.append(line)

translatable = []
for folder in ('src', 'data'):
    for path in sorted((root / folder).rglob('*')):
        marker = MARKERS.get(path.suffix)
        if path.is_file() and marker and marker.search(path.read_text(encoding='utf-8', errors='replace')):
            translatable.append(path.relative_to(root).as_posix())

tests = [(f'{name} is in po/POTFILES.in', name in listed) for name in translatable]
tests += [(f'{name}, listed in po/POTFILES.in, exists', (root / name).is_file()) for name in listed]

print(f'1..{len(tests)}')
for number, (what, passed) in enumerate(tests, 1):
    print(f'{"ok" if passed else "not ok"} {number} {what}')
sys.exit(0 if all(passed for _, passed in tests) else 1)
