/*
 * lock.c - the xtables lock, as upstream 1.8.11 takes it: flock() on
 * $XTABLES_LOCKFILE or /run/xtables.lock, at once or waiting (an alarm
 * interrupts the wait after the given seconds).  The reference prints
 * two lines when the lock is busy; both come back in err (raw).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <xtables/table.h>

#define XT_LOCK_NAME "/run/xtables.lock"

static void alarm_ignore(int sig)
{
	(void)sig;
}

/* flock(), interrupted by SIGALRM after secs seconds. */
static int flock_timed(int fd, int secs)
{
	struct sigaction sa, old_sa;
	unsigned int old_alarm;
	int ret, e;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = alarm_ignore;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, &old_sa);
	old_alarm = alarm(secs);
	ret = flock(fd, LOCK_EX);
	e = errno;
	alarm(0);
	sigaction(SIGALRM, &old_sa, NULL);
	if (old_alarm)
		alarm(old_alarm);
	errno = e;
	return ret;
}

int xtables_lock(int wait_secs, long interval_us, struct xtables_err *err)
{
	const char *file = getenv("XTABLES_LOCKFILE");
	int fd, ret;

	(void)interval_us;	/* -W is ignored since 1.8.8 */
	if (file == NULL || file[0] == '\0')
		file = XT_LOCK_NAME;

	fd = open(file, O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		xtables_fail(err, XTABLES_RESOURCE_PROBLEM,
			     "Fatal: can't open lock file %s: %s", file,
			     strerror(errno));
		if (err)
			err->raw = true;
		return -1;
	}

	if (wait_secs < 0)
		ret = flock(fd, LOCK_EX | LOCK_NB);
	else if (wait_secs == 0)
		ret = flock(fd, LOCK_EX);
	else
		ret = flock_timed(fd, wait_secs);
	if (ret == 0)
		return fd;

	if (errno == EINTR)
		errno = EWOULDBLOCK;
	if (wait_secs < 0)
		xtables_fail(err, XTABLES_RESOURCE_PROBLEM,
			     "Can't lock %s: %s\n"
			     "Another app is currently holding the xtables lock. "
			     "Perhaps you want to use the -w option?",
			     file, strerror(errno));
	else
		xtables_fail(err, XTABLES_RESOURCE_PROBLEM,
			     "Can't lock %s: %s\n"
			     "Another app is currently holding the xtables lock. "
			     "Stopped waiting after %ds.",
			     file, strerror(errno), wait_secs);
	if (err)
		err->raw = true;
	close(fd);
	return -1;
}

void xtables_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}
