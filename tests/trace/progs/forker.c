/*
 * tests/trace/progs/forker.c: forks N children one after another and waits for each.
 * Usage: forker N [PROG]   each child exits 7, or execs PROG (the fork/exec storm).
 * Exits 0 if every child ended as expected.
 */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 20, status;

	for (int i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return 2;
		if (pid == 0) {
			if (argc > 2)
				execv(argv[2], argv + 2);
			_exit(7);
		}
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != (argc > 2 ? 0 : 7))
			return 3;
	}
	return 0;
}
