/*
 * tests/trace/progs/pollwait.c: a child blocks in poll(2) on a pipe while its parent makes
 * calls of its own (reading the child's /proc state until it sleeps), then writes a byte to
 * wake it. Under trace -f the child's poll line is always interrupted by the parent's.
 */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The state letter of pid from /proc/PID/stat ('S': sleeping in the poll), or 0. */
static char state_of(pid_t pid)
{
	char path[64], buf[512], *p;
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : 0;
}

int main(void)
{
	int p[2], status;
	pid_t pid;

	if (pipe(p) < 0)
		return 2;
	pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		struct pollfd f = { .fd = p[0], .events = POLLIN };

		_exit(poll(&f, 1, 5000) == 1 ? 0 : 1);
	}
	while (state_of(pid) != 'S')
		;
	if (write(p[1], "x", 1) != 1)
		return 2;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
		return 3;
	return 0;
}
