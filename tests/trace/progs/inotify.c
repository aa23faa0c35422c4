/*
 * tests/trace/progs/inotify.c: inotify calls with known arguments, for tests/trace/inotify.sh:
 * inotify_init1 with flags and without, inotify_add_watch on "." with a mask of events,
 * with watch flags, and on a missing path (ENOENT), inotify_rm_watch.
 * Usage (in a directory of its own): inotify
 */
#include <sys/inotify.h>
#include <unistd.h>

int main(void)
{
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	int fd0 = inotify_init1(0);
	int wd;

	if (fd < 0 || fd0 < 0)
		return 1;
	wd = inotify_add_watch(fd, ".", IN_CLOSE_WRITE | IN_CREATE | IN_DELETE);
	if (wd < 0)
		return 1;
	inotify_add_watch(fd, ".", IN_ONLYDIR | IN_MASK_ADD | IN_ONESHOT | IN_ATTRIB);
	inotify_add_watch(fd0, "/nonexistent/execlab", IN_ALL_EVENTS);
	inotify_rm_watch(fd, wd);
	close(fd0);
	close(fd);
	return 0;
}
