/*
 * kernel.c - small conversations with the kernel: the raw socket the
 * socket options go through, loading the x_tables module, and asking
 * which revision of a match or target the kernel supports.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include "engine.h"

int engine_socket(const struct xtables_family *fam)
{
	return socket(fam->af, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW);
}

/* The modprobe program the kernel uses (/proc/sys/kernel/modprobe). */
static bool kernel_modprobe(char *buf, size_t len)
{
	FILE *f = fopen("/proc/sys/kernel/modprobe", "re");
	bool ok;

	if (f == NULL)
		return false;
	ok = fgets(buf, len, f) != NULL;
	fclose(f);
	if (!ok)
		return false;
	buf[strcspn(buf, "\n")] = '\0';
	return buf[0] != '\0';
}

static int run_modprobe(const char *module, bool quiet)
{
	char prog[256];
	char *argv[4];
	int status;
	pid_t pid;

	if (!kernel_modprobe(prog, sizeof(prog)))
		return -1;
	argv[0] = prog;
	argv[1] = (char *)module;
	argv[2] = quiet ? (char *)"-q" : NULL;
	argv[3] = NULL;
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execv(argv[0], argv);
		_exit(1);
	}
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* As upstream's xtables_load_ko: only when the family's table list is
 * missing, and only until it worked once. */
static void load_module(const struct xtables_family *fam, bool quiet)
{
	static const struct xtables_family *loaded[4];
	unsigned int i;

	for (i = 0; i < 4 && loaded[i]; i++)
		if (loaded[i] == fam)
			return;
	if (access(fam->proc_names, F_OK) != 0 &&
	    run_modprobe(fam->kmod, quiet) != 0)
		return;
	if (i < 4)
		loaded[i] = fam;
}

void engine_load_module(const struct xtables_family *fam)
{
	int e = errno;

	load_module(fam, false);
	errno = e;
}

int xtables_kernel_has_revision(const struct xtables_family *fam,
				bool target, const char *name, uint8_t rev)
{
	struct xt_get_revision req;
	socklen_t len = sizeof(req);
	int fd, ret;

	fd = engine_socket(fam);
	if (fd < 0) {
		/* not root: revision 0 always exists, assume the others do */
		if (errno == EPERM && rev != 0)
			xtables_warn("%s: Could not determine whether revision "
				     "%u is supported, assuming it is.",
				     name, rev);
		return 1;
	}
	load_module(fam, true);

	memset(&req, 0, sizeof(req));
	snprintf(req.name, sizeof(req.name), "%s", name);
	req.revision = rev;
	ret = getsockopt(fd, fam->sol,
			 target ? fam->so_get_revision_target
				: fam->so_get_revision_match,
			 &req, &len);
	if (ret < 0) {
		int e = errno;

		close(fd);
		if (e == ENOENT || e == EPROTONOSUPPORT)
			return 0;
		if (e == ENOPROTOOPT)	/* old kernel: only revision 0 */
			return rev == 0;
		return 0;
	}
	close(fd);
	return 1;
}
