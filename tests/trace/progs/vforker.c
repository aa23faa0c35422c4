/*
 * tests/trace/progs/vforker.c: N times vfork() + execv(PROG): the parent is suspended
 * until the child execs (PTRACE_EVENT_VFORK, then VFORK_DONE). Usage: vforker N PROG [ARG...]
 */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* The child only execs or _exits: it never returns into a frame the parent still uses. */
static pid_t spawn(char **argv)
{
	pid_t pid = vfork();

	if (pid == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	return pid;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 20, status;

	if (argc < 3)
		return 2;
	for (int i = 0; i < n; i++) {
		pid_t pid = spawn(argv + 2);

		if (pid < 0)
			return 2;
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
			return 3;
	}
	return 0;
}
