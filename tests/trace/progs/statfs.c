/*
 * tests/trace/progs/statfs.c: statfs and fstatfs of the file systems named on the command
 * line, whose f_flags trace must print as strace does. With -m DIR first, it mounts a
 * tmpfs with many flags on DIR in a private mount namespace and looks at it first.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/vfs.h>
#include <unistd.h>

static void look(const char *path)
{
	struct statfs st;
	int fd;

	statfs(path, &st);
	fd = open(path, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fstatfs(fd, &st);
		close(fd);
	}
}

int main(int argc, char **argv)
{
	struct statfs st;
	int i = 1;

	if (argc > 2 && strcmp(argv[1], "-m") == 0) {
		if (unshare(CLONE_NEWNS) < 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
		    mount("execlab", argv[2], "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC |
			  MS_NOATIME | MS_NODIRATIME | MS_SYNCHRONOUS, "size=64k") < 0)
			return 2;
		look(argv[2]);
		i = 3;
	}
	for (; i < argc; i++)
		look(argv[i]);
	statfs("/nonexistent/execlab", &st);	/* ENOENT */
	return 0;
}
