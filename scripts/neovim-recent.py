#!/usr/bin/env python3
"""Neovim >= 0.8 for the README's `vim.lsp.start` recipe test (issue 14), on Debian bookworm,
whose own Neovim is 0.7.2. Takes Debian trixie's neovim and the closure of its dependencies
from deb.debian.org (the only package source this machine and CI reach), unpacks them with
`dpkg-deb -x` into a cache folder outside the repository (nothing is installed into the
system), and writes a wrapper that starts nvim through trixie's own loader and libraries.

Usage: scripts/neovim-recent.py [CACHE_DIR]  -> prints the wrapper's path.
"""
import lzma, os, re, subprocess, sys, urllib.request

MIRROR = 'http://deb.debian.org/debian'
SUITE = 'trixie'
ARCH = 'amd64'
cache = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.environ.get('XDG_CACHE_HOME', os.path.expanduser('~/.cache')), 'rro-tools', 'neovim-' + SUITE)
wrapper = os.path.join(cache, 'nvim')
if os.path.exists(wrapper):
    print(wrapper)
    sys.exit(0)
os.makedirs(cache, exist_ok=True)
root = os.path.join(cache, 'root')


def fetch(url):
    with urllib.request.urlopen(url, timeout=120) as r:
        return r.read()


index = lzma.decompress(fetch(f'{MIRROR}/dists/{SUITE}/main/binary-{ARCH}/Packages.xz')).decode('utf8')
packages, provides = {}, {}
for stanza in index.split('\n\n'):
    fields = dict(re.findall(r'^([\w-]+): (.*)$', stanza, re.M))
    if 'Package' not in fields:
        continue
    packages[fields['Package']] = fields
    for p in fields.get('Provides', '').split(','):
        name = p.strip().split(' ')[0]
        if name:
            provides.setdefault(name, fields['Package'])

# Packages whose files nvim never loads (and whose own closures are large).
SKIP = {'debconf', 'dpkg', 'perl-base', 'libc-bin', 'gcc-14-base', 'libc-gconv-modules-extra'}
wanted, todo = [], ['neovim']
while todo:
    name = todo.pop()
    name = name if name in packages else provides.get(name, name)
    if name in wanted or name in SKIP or name not in packages:
        continue
    wanted.append(name)
    for field in ('Pre-Depends', 'Depends'):
        for alt in packages[name].get(field, '').split(','):
            first = alt.split('|')[0].strip().split(' ')[0].split(':')[0]
            if first:
                todo.append(first)

for name in wanted:
    deb = os.path.join(cache, name + '.deb')
    with open(deb, 'wb') as f:
        f.write(fetch(f"{MIRROR}/{packages[name]['Filename']}"))
    subprocess.run(['dpkg-deb', '-x', deb, root], check=True)
    os.remove(deb)

lib = os.path.join(root, 'usr/lib/x86_64-linux-gnu')
loader = os.path.join(root, 'usr/lib64/ld-linux-x86-64.so.2')
if not os.path.exists(loader):
    loader = os.path.join(lib, 'ld-linux-x86-64.so.2')
version = packages['neovim']['Version']
with open(wrapper + '.tmp', 'w') as f:
    f.write(f"""#!/bin/sh
# Neovim {version} from Debian {SUITE}, run through its own loader (see scripts/neovim-recent.py).
export VIMRUNTIME='{root}/usr/share/nvim/runtime'
export LUA_CPATH='{lib}/lua/5.1/?.so;;'
export LUA_PATH='{root}/usr/share/lua/5.1/?.lua;{root}/usr/share/lua/5.1/?/init.lua;;'
exec '{loader}' --library-path '{lib}' '{root}/usr/bin/nvim' "$@"
""")
os.chmod(wrapper + '.tmp', 0o755)
os.rename(wrapper + '.tmp', wrapper)
print(wrapper)
