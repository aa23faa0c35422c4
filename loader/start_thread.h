/*
 * loader/start_thread.h: what start_thread() (arch/$(ARCH)/start_thread.S) is handed.
 *
 * start_thread() runs from the trampoline page exec_mmap() made (or, where no such page
 * could be made, from the loader's own text), after the loader's last C frame: it moves
 * the new stack image into place, unmaps the loader's image and the image buffer, makes
 * the last PR_SET_MM_MAP (the one that changes /proc/self/exe), closes the loader's file
 * descriptors, drops the capabilities --userns gained, and jumps. Everything it reads is
 * in this struct, which lies in the trampoline page itself: never in the loader's image
 * (unmapped under its feet) nor on the stack (overwritten by the new image).
 *
 * The offsets are spelled out for the assembly; loader/exec_mmap.c checks each against
 * offsetof() at compile time.
 */
#ifndef LOADER_START_THREAD_H
#define LOADER_START_THREAD_H

#define ST_ENTRY	0	/* where the program starts */
#define ST_SP		8	/* its %rsp (&argc) */
#define ST_IMAGE	16	/* the stack image create_elf_tables() built */
#define ST_LEN		24	/* its size: [sp, sp + len) is filled */
#define ST_UNMAP	32	/* the loader's own image: start, length (0: keep it) */
#define ST_BUF		48	/* the image buffer if it was mmapped: start, length (0: none) */
#define ST_CLOSE	64	/* three fd ranges [first, last] to close; first > last: none */
#define ST_SET_MM	112	/* nonzero: PR_SET_MM_MAP with map_exe, then map_plain if refused */
#define ST_CAPSET	120	/* nonzero: capset(cap_hdr, cap_data): drop every capability */
#define ST_NOTE_LEN	128	/* lengths of note[0] (exe_fd refused) and note[1] (both refused) */
#define ST_CAP_HDR	144	/* struct __user_cap_header_struct (8 bytes) */
#define ST_CAP_DATA	152	/* struct __user_cap_data_struct[2], all zero (24 bytes) */
#define ST_MAP_EXE	176	/* struct prctl_mm_map with exe_fd (104 bytes) */
#define ST_MAP_PLAIN	280	/* the same with exe_fd -1 */
#define ST_NOTE		384	/* two lines for stderr (-v), written when the map is refused */
#define ST_NOTE_MAX	128
#define ST_SIZE		(ST_NOTE + 2 * ST_NOTE_MAX)

#define ST_PRCTL_MM_MAP_SIZE	104	/* sizeof(struct prctl_mm_map) */
#define ST_PR_SET_MM		35	/* PR_SET_MM */
#define ST_PR_SET_MM_MAP	14	/* PR_SET_MM_MAP */

/* The trampoline page: start_thread()'s code from offset 0, its arguments from here. */
#define ST_ARGS_OFFSET	2048

#ifndef __ASSEMBLER__
#include <linux/capability.h>
#include <linux/prctl.h>

struct start_thread_args {
	unsigned long entry, sp, image, len;
	unsigned long unmap_start, unmap_len;
	unsigned long buf_start, buf_len;
	unsigned long close[3][2];
	unsigned long set_mm;
	unsigned long capset;
	unsigned long note_len[2];
	struct __user_cap_header_struct cap_hdr;
	struct __user_cap_data_struct cap_data[2];
	struct prctl_mm_map map_exe, map_plain;
	char note[2][ST_NOTE_MAX];
};

/* The code start_thread.S assembles, copied into the trampoline page. */
extern const char start_thread_code[], start_thread_code_end[];
/* start_thread() in the page (or in the loader's text); never returns. */
typedef void start_thread_fn(const struct start_thread_args *a);
#endif

#endif
