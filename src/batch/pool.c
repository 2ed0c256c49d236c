/* fork, poll, waitpid: the parent's side of the workers. */
#define _GNU_SOURCE /* prctl(PR_SET_PDEATHSIG) */
#include "batch/pool.h"

#include "batch/result.h"
#include "batch/worker.h"
#include "load/load.h"
#include "produce/editions.h"
#include "produce/session.h"
#include "render/fonts.h"
#include "render/hyphen.h"
#include "templates/templates.h"
#include "util/arena.h"
#include "util/atomic.h"
#include "util/fmt.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

/* A document that needs more CPU than this is stuck: its worker is stopped by the kernel
 * (SIGXCPU) and the document fails, instead of holding the nightly run forever. */
#define WORKER_CPU_SECONDS 900

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    interrupted = sig;
}

struct slot {
    pid_t pid;
    int fd;
    struct rp_job *job;
    char *buf;
    size_t size, cap;
};

/* The worker side: never returns. */
static void child(struct rp_job *job, const struct rp_batch_options *opt, int fd, pid_t parent)
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) /* the parent died before prctl() took effect */
        _exit(1);
#else
    (void)parent;
#endif
    struct rlimit cpu = {WORKER_CPU_SECONDS, WORKER_CPU_SECONDS};
    setrlimit(RLIMIT_CPU, &cpu);
    struct rp_arena *arena = rp_arena_new();
    struct rp_result r;
    rp_worker_job(job, opt, arena, &r);
    size_t size;
    char *data = rp_result_encode(&r, &size);
    const char *p = data;
    while (size > 0) {
        ssize_t n = write(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        p += n;
        size -= (size_t)n;
    }
    free(data);
    rp_arena_free(arena);
    close(fd);
    /* exit() rather than _exit(): the sanitizers check the worker for leaks too. The parent
     * flushed its stdio buffers before fork(), so nothing is written twice. */
    exit(0);
}

/* The sources of the organisation of the job about to start, read in this process so that
 * its workers (the job's and those of the organisation's next jobs, which read the same
 * files) inherit them parsed rather than each parsing them again (session.h). Those of the
 * organisation before are dropped: the parent's own sessions never use them. */
static void read_ahead(const struct rp_org *org)
{
    static const struct rp_org *current;
    if (org == current)
        return;
    current = org;
    rp_session_preload_free();
    if (!org)
        return;
    if (org->plan && !org->plan->unreadable)
        rp_session_preload(org->plan->path);
    for (size_t i = 0; i < org->eval_count; i++)
        if (!org->evals[i].unreadable)
            rp_session_preload(org->evals[i].path);
}

static bool launch(struct slot *s, struct rp_job *job, const struct rp_batch_options *opt)
{
    read_ahead(job->org);
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0) {
        close(fds[0]);
        child(job, opt, fds[1], parent);
    }
    close(fds[1]);
    memset(s, 0, sizeof *s);
    s->pid = pid;
    s->fd = fds[0];
    s->job = job;
    return true;
}

static void failed(struct rp_job *job, struct rp_arena *arena, const char *why)
{
    job->result.outcome = RP_OUTCOME_FAILED;
    job->result.log = rp_arena_printf(arena, "rapport: error: %s\n", why);
    job->result.warn_log = "";
    job->result.notice = "";
    job->result.errors = 1;
}

/* The worker of `s` closed its pipe: reap it and decode its result. */
static void finish(struct slot *s, const struct rp_batch_options *opt, struct rp_arena *arena)
{
    int status = 0;
    while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR)
        ;
    close(s->fd);
    struct rp_job *job = s->job;
    bool complete = rp_result_decode(s->buf ? s->buf : "", s->size, arena, &job->result);
    free(s->buf);
    if (complete && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return;
    /* The worker died: whatever it was writing is a temporary file of its pid. */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s%s", opt->output_dir,
             job->edition == RP_EDITION_REVIEW ? RP_REVIEW_DIR "/" : "", job->org->id);
    rp_temp_sweep(dir, s->pid);
    int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    if (interrupted || sig == SIGINT || sig == SIGTERM || sig == SIGHUP) {
        job->result.outcome = RP_OUTCOME_INTERRUPTED;
        job->result.log = "";
        job->result.warn_log = "";
        job->result.notice = "";
    } else if (sig == SIGXCPU) {
        failed(job, arena,
               rp_arena_printf(arena, "the worker exceeded %d s of CPU time", WORKER_CPU_SECONDS));
    } else if (sig) {
        failed(job, arena, rp_arena_printf(arena, "the worker process died (%s)", strsignal(sig)));
    } else {
        failed(job, arena,
               rp_arena_printf(arena, "the worker process exited with status %d",
                               WIFEXITED(status) ? WEXITSTATUS(status) : -1));
    }
}

/* Reads what the worker wrote; true at end of file. */
static bool drain(struct slot *s)
{
    for (;;) {
        if (s->cap - s->size < 4096) {
            s->cap = s->cap ? s->cap * 2 : 16384;
            s->buf = rp_xrealloc(s->buf, s->cap);
        }
        ssize_t n = read(s->fd, s->buf + s->size, s->cap - s->size - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno != EAGAIN && errno != EWOULDBLOCK;
        if (n == 0)
            return true;
        s->size += (size_t)n;
        s->buf[s->size] = '\0';
        return false; /* poll again before blocking */
    }
}

/* The hyphenation dictionaries of the languages the run builds, and of the editions laid
 * out beside them (editions.h), loaded once here: every worker inherits them, where each
 * would otherwise load its own (hyph_nl.dic costs more than laying out a short document). */
static void load_hyphenators(unsigned langs)
{
    size_t index, count;
    bool partners = false;
    for (int lang = 0; lang < RP_LANG__MAX; lang++)
        if (langs & (1u << lang)) {
            rp_hyphenator_preload(rp_lang_code((enum rp_lang)lang));
            partners = partners || rp_editions_side_by_side((enum rp_lang)lang, &index, &count);
        }
    if (partners) {
        rp_editions_side_by_side(RP_LANG_FR, &index, &count);
        for (size_t i = 0; i < count; i++)
            rp_hyphenator_preload(rp_lang_code(rp_editions_lang(i)));
    }
}

/* Loading any document once compiles the embedded schema, which workers then inherit
 * instead of compiling it again for every document. The document itself is irrelevant.
 * The same for the hyphenation dictionaries, fontconfig's configuration and the theme's
 * font files. */
static void warm_up(const struct rp_batch_options *opt)
{
    load_hyphenators(opt->langs);
    rp_fonts_warm_up(opt->templates ? opt->templates->theme.font_family : NULL);
    static const char tiny[] = "<plan/>";
    struct rp_arena *arena = rp_arena_new();
    struct rp_diags diags;
    rp_diags_init(&diags);
    struct rp_file file;
    if (rp_load_memory(tiny, sizeof tiny - 1, "warm-up", arena, &diags, &file) == 0) {
        /* Never valid: nothing to keep either way. */
    }
    rp_diags_free(&diags);
    rp_arena_free(arena);
}

bool rp_pool_run(struct rp_jobs *jobs, const struct rp_batch_options *opt, struct rp_arena *arena,
                 const struct rp_pool_hooks *hooks)
{
    size_t workers = opt->jobs > 0 ? (size_t)opt->jobs : 1;
    warm_up(opt);
    struct sigaction sa, old_int, old_term, old_hup;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    /* A closed terminal or an ssh session that drops stops the run as cleanly as ^C. */
    sigaction(SIGHUP, &sa, &old_hup);
    interrupted = 0;

    /* On the stack rather than the heap: a worker inherits them and exits without freeing
     * what belongs to the parent. */
    struct slot slots[RP_MAX_WORKERS];
    struct pollfd pfd[RP_MAX_WORKERS];
    if (workers > RP_MAX_WORKERS)
        workers = RP_MAX_WORKERS;
    size_t running = 0;
    size_t next = 0;
    bool stopping = false;
    for (;;) {
        while (!interrupted && running < workers && next < jobs->count) {
            struct rp_job *job = &jobs->items[next++];
            if (job->state != RP_JOB_RUN)
                continue;
            if (!launch(&slots[running], job, opt)) {
                failed(
                    job, arena,
                    rp_arena_printf(arena, "cannot start a worker process: %s", strerror(errno)));
                hooks->done(hooks->ctx, job);
                continue;
            }
            running++;
        }
        if (interrupted && !stopping) {
            stopping = true;
            for (size_t i = 0; i < running; i++)
                kill(slots[i].pid, SIGTERM);
        }
        if (running == 0 && (interrupted || next >= jobs->count))
            break;
        for (size_t i = 0; i < running; i++)
            pfd[i] = (struct pollfd){.fd = slots[i].fd, .events = POLLIN};
        int ready = poll(pfd, (nfds_t)running, 100);
        if (ready < 0 && errno != EINTR)
            break;
        for (size_t i = running; ready > 0 && i-- > 0;) {
            if (!(pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            if (!drain(&slots[i]))
                continue;
            finish(&slots[i], opt, arena);
            hooks->done(hooks->ctx, slots[i].job);
            slots[i] = slots[--running];
            pfd[i] = pfd[running];
        }
        if (hooks->tick)
            hooks->tick(hooks->ctx);
    }
    /* A poll() failure is not expected; never leave a worker behind. */
    for (size_t i = 0; i < running; i++) {
        kill(slots[i].pid, SIGTERM);
        finish(&slots[i], opt, arena);
        hooks->done(hooks->ctx, slots[i].job);
    }
    for (size_t i = next; i < jobs->count; i++)
        if (jobs->items[i].state == RP_JOB_RUN)
            jobs->items[i].result.outcome = RP_OUTCOME_INTERRUPTED;
    read_ahead(NULL);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGHUP, &old_hup, NULL);
    return !interrupted;
}
