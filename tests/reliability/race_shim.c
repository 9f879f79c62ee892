/*
 * race_shim.c - an LD_PRELOAD library that makes a commit lose a race.
 *
 * Just before the program sends a table to the kernel (setsockopt
 * IPT_SO_SET_REPLACE / IP6T_SO_SET_REPLACE), the shim runs the shell
 * command $XT_RACE_CMD, which changes the same table (say, appends a
 * rule with another iptables).  The kernel then refuses the stale
 * replace with EAGAIN, exactly as when two writers race without the
 * lock.  $XT_RACE_TIMES (default 1) bounds how many replaces of this
 * process are raced.  The command runs without LD_PRELOAD and with
 * XTABLES_LOCKFILE=$XT_RACE_LOCK (default /run/xt-race.lock), so it does
 * not wait for the lock the racing program holds.
 *
 * Build: cc -shared -fPIC -o race_shim.so race_shim.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/netfilter/x_tables.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

typedef int (*setsockopt_fn)(int, int, int, const void *, socklen_t);

static int raced;

static void run_racer(const char *cmd)
{
	const char *lock = getenv("XT_RACE_LOCK");
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return;
	if (pid == 0) {
		unsetenv("LD_PRELOAD");
		setenv("XTABLES_LOCKFILE", lock && *lock ? lock : "/run/xt-race.lock", 1);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		;
}

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	static setsockopt_fn real;
	const char *cmd = getenv("XT_RACE_CMD");
	const char *times = getenv("XT_RACE_TIMES");
	int limit = times ? atoi(times) : 1;

	if (real == NULL)
		real = (setsockopt_fn)dlsym(RTLD_NEXT, "setsockopt");
	if (cmd != NULL && raced < limit &&
	    ((level == SOL_IP && name == IPT_SO_SET_REPLACE) ||
	     (level == SOL_IPV6 && name == IP6T_SO_SET_REPLACE))) {
		raced++;
		run_racer(cmd);
	}
	return real(fd, level, name, val, len);
}
