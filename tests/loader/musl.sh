#!/bin/sh
# The loader runs musl's kinds as the kernel does: static, dynamic (musl's dynamic linker
# trusts AT_BASE) and static-pie (rcrt1 finds itself through AT_PHDR), with TLS and a heap.
# Built by make check where musl-gcc was found at configure time.
. "$top_srcdir/tests/loader/lib-loader.sh"
need musl-gcc "the musl variants are built with musl-gcc"

for v in basic-musl basic-musl-dyn basic-musl-static-pie; do
	[ -x "$P/$v" ] || error "musl-gcc is installed but $v was not built: run configure again"
	same_run $v "$P/$v"
	same_run $v-args "$P/$v" --exit=0 'two words' '' "tab	and
newline" ünïcødé
	same_run $v-exit7 "$P/$v" --exit=7
done
for v in tls-musl heap-musl; do
	[ -x "$P/$v" ] || error "musl-gcc is installed but $v was not built: run configure again"
	same_run $v "$P/$v"
done
finish "musl programs under the loader, as natively"
