/* fork, poll, waitpid: the parent's side of the workers. */
#define _GNU_SOURCE /* prctl(PR_SET_PDEATHSIG) */
#include "batch/pool.h"

#include "batch/order.h"
#include "batch/result.h"
#include "batch/worker.h"
#include "load/load.h"
#include "produce/editions.h"
#include "produce/session.h"
#include "render/fonts.h"
#include "render/hyphen.h"
#include "render/render.h"
#include "templates/templates.h"
#include "util/arena.h"
#include "util/atomic.h"
#include "util/file.h"
#include "util/fmt.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
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

/* A worker process, long-lived: it takes jobs one at a time over `cmd` (the job's index)
 * and answers each on `res` (the encoded result after its length), until `cmd` closes. One
 * process for many documents saves a fork and the page faults of a fresh address space per
 * document (most of a short document's system time); a worker that dies fails the document
 * it was making only, and another takes its place. */
struct slot {
    pid_t pid; /* 0: no process */
    int cmd, res;
    struct rp_job *job; /* the job it is making; NULL when idle */
    char *buf;
    size_t size, cap;
};

/* Seconds of CPU this process has used, rounded up. */
static rlim_t cpu_used(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (rlim_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + 1);
}

/* The sources of the organisation of the job about to start, loaded once in this worker
 * for all the jobs of that organisation it takes: each of its documents reads the same
 * files (session.h). The jobs come by organisation twice (the publications, then the
 * review editions), so the last few organisations' sources are kept; past that, all are
 * dropped before the next is loaded, which bounds the memory of a large batch. NULL: drop
 * them all. */
#define READ_AHEAD_ORGS 8

static void read_ahead(const struct rp_org *org)
{
    static const struct rp_org *loaded[READ_AHEAD_ORGS];
    static size_t count;
    for (size_t i = 0; org && i < count; i++)
        if (loaded[i] == org)
            return;
    if (!org || count == READ_AHEAD_ORGS) {
        rp_session_preload_free();
        count = 0;
    }
    if (!org)
        return;
    loaded[count++] = org;
    if (org->plan && !org->plan->unreadable)
        rp_session_preload(org->plan->path);
    for (size_t i = 0; i < org->eval_count; i++)
        if (!org->evals[i].unreadable)
            rp_session_preload(org->evals[i].path);
}

/* The worker side: never returns. */
static void child(struct rp_jobs *jobs, const struct rp_batch_options *opt, int cmd, int res,
                  pid_t parent)
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) /* the parent died before prctl() took effect */
        _exit(1);
#else
    (void)parent;
#endif
    /* The workers keep the processors busy already: a document's page content is deflated
     * in the worker's one thread. */
    rp_render_pdf_threads(1);
    struct rlimit cpu;
    getrlimit(RLIMIT_CPU, &cpu);
    size_t index;
    while (rp_fd_read_all(cmd, &index, sizeof index) == 0 && index < jobs->count) {
        /* Each document has its own allowance of CPU time, beyond which the kernel stops the
         * worker (SIGXCPU). */
        rlim_t soft = cpu_used() + WORKER_CPU_SECONDS;
        if (cpu.rlim_max != RLIM_INFINITY && soft > cpu.rlim_max)
            soft = cpu.rlim_max;
        struct rlimit limit = {soft, cpu.rlim_max};
        setrlimit(RLIMIT_CPU, &limit);
        read_ahead(jobs->items[index].org);
        struct rp_arena *arena = rp_arena_new();
        struct rp_result r;
        rp_worker_job(&jobs->items[index], opt, arena, &r);
        size_t size;
        char *data = rp_result_encode(&r, &size);
        uint64_t header = size;
        bool sent = rp_fd_write_all(res, &header, sizeof header) == 0 &&
                    rp_fd_write_all(res, data, size) == 0;
        free(data);
        rp_arena_free(arena);
        if (!sent)
            break;
    }
    read_ahead(NULL);
    rp_editions_forget();
    close(cmd);
    close(res);
    /* exit() rather than _exit(): the sanitizers check the worker for leaks too. The parent
     * flushed its stdio buffers before fork(), so nothing is written twice. */
    exit(0);
}

/* Starts the worker of `s`. The other workers' pipes are closed in it, so that each worker
 * sees the end of its commands when the parent closes them. */
static bool spawn(struct slot *s, const struct slot *all, size_t n, struct rp_jobs *jobs,
                  const struct rp_batch_options *opt)
{
    int cmd[2], res[2];
    if (pipe(cmd) != 0)
        return false;
    if (pipe(res) != 0) {
        close(cmd[0]);
        close(cmd[1]);
        return false;
    }
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(cmd[0]);
        close(cmd[1]);
        close(res[0]);
        close(res[1]);
        return false;
    }
    if (pid == 0) {
        for (size_t i = 0; i < n; i++)
            if (all[i].pid) {
                close(all[i].cmd);
                close(all[i].res);
            }
        close(cmd[1]);
        close(res[0]);
        child(jobs, opt, cmd[0], res[1], parent);
    }
    close(cmd[0]);
    close(res[1]);
    memset(s, 0, sizeof *s);
    s->pid = pid;
    s->cmd = cmd[1];
    s->res = res[0];
    return true;
}

/* Hands `job` to the worker of `s`, starting one if the slot has none. */
static bool launch(struct slot *s, const struct slot *all, size_t n, struct rp_job *job,
                   struct rp_jobs *jobs, const struct rp_batch_options *opt)
{
    if (!s->pid && !spawn(s, all, n, jobs, opt))
        return false;
    size_t index = (size_t)(job - jobs->items);
    s->job = job;
    s->size = 0;
    if (rp_fd_write_all(s->cmd, &index, sizeof index) == 0)
        return true;
    s->job = NULL;
    return false;
}

static void failed(struct rp_job *job, struct rp_arena *arena, const char *why)
{
    job->result.outcome = RP_OUTCOME_FAILED;
    job->result.log = rp_arena_printf(arena, "rapport: error: %s\n", why);
    job->result.warn_log = "";
    job->result.notice = "";
    job->result.errors = 1;
}

/* Closes the commands of the worker of `s` (it exits once idle) and reaps it; its status. */
static int reap(struct slot *s)
{
    int status = 0;
    close(s->cmd);
    close(s->res);
    while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR)
        ;
    free(s->buf);
    memset(s, 0, sizeof *s);
    return status;
}

/* The worker of `s` closed its pipe while making its job: it died. Reaps it and fails the
 * job, or marks it interrupted. */
static void died(struct slot *s, const struct rp_batch_options *opt, struct rp_arena *arena)
{
    struct rp_job *job = s->job;
    pid_t pid = s->pid;
    int status = reap(s);
    /* Whatever it was writing is a temporary file of its pid. */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s%s", opt->output_dir,
             job->edition == RP_EDITION_REVIEW ? RP_REVIEW_DIR "/" : "", job->org->id);
    rp_temp_sweep(dir, pid);
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

/* Reads what the worker of `s` wrote. 1: its job's result is complete (decoded into the
 * job; the worker is idle); -1: the worker closed its pipe or wrote nonsense; 0: more to
 * come. */
static int drain(struct slot *s, struct rp_arena *arena)
{
    for (;;) {
        if (s->cap - s->size < 4096) {
            s->cap = s->cap ? s->cap * 2 : 16384;
            s->buf = rp_xrealloc(s->buf, s->cap);
        }
        ssize_t n = read(s->res, s->buf + s->size, s->cap - s->size - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
        if (n == 0)
            return -1;
        s->size += (size_t)n;
        uint64_t header;
        if (s->size < sizeof header)
            return 0;
        memcpy(&header, s->buf, sizeof header);
        if (s->size - sizeof header < header)
            return 0; /* poll again before blocking */
        if (s->size - sizeof header > header)
            return -1; /* a worker answers one job at a time */
        char *data = s->buf + sizeof header;
        data[header] = '\0';
        bool complete = rp_result_decode(data, (size_t)header, arena, &s->job->result);
        s->size = 0;
        if (!complete)
            return -1;
        return 1;
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

    /* A worker that died while idle must not kill the parent that writes it a job. */
    struct sigaction ignore, old_pipe;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &old_pipe);

    /* On the stack rather than the heap: a worker inherits them and exits without freeing
     * what belongs to the parent. */
    struct slot slots[RP_MAX_WORKERS];
    struct pollfd pfd[RP_MAX_WORKERS];
    size_t polled[RP_MAX_WORKERS];
    memset(slots, 0, sizeof slots);
    if (workers > RP_MAX_WORKERS)
        workers = RP_MAX_WORKERS;
    struct rp_order order;
    rp_order_init(&order, jobs, arena);
    bool stopping = false;
    for (;;) {
        for (size_t i = 0; i < workers && !interrupted && order.left; i++) {
            if (slots[i].job)
                continue;
            struct rp_job *job = rp_order_take(&order, jobs, i);
            if (!job)
                continue;
            bool started = launch(&slots[i], slots, workers, job, jobs, opt);
            if (!started && slots[i].pid) { /* its worker died idle: another takes its place */
                reap(&slots[i]);
                started = launch(&slots[i], slots, workers, job, jobs, opt);
            }
            if (!started) {
                failed(
                    job, arena,
                    rp_arena_printf(arena, "cannot start a worker process: %s", strerror(errno)));
                hooks->done(hooks->ctx, job);
            }
        }
        if (interrupted && !stopping) {
            stopping = true;
            for (size_t i = 0; i < workers; i++)
                if (slots[i].job)
                    kill(slots[i].pid, SIGTERM);
        }
        size_t busy = 0;
        for (size_t i = 0; i < workers; i++)
            if (slots[i].job) {
                pfd[busy] = (struct pollfd){.fd = slots[i].res, .events = POLLIN};
                polled[busy++] = i;
            }
        if (busy == 0 && (interrupted || !order.left))
            break;
        int ready = poll(pfd, (nfds_t)busy, 100);
        if (ready < 0 && errno != EINTR)
            break;
        for (size_t k = 0; ready > 0 && k < busy; k++) {
            if (!(pfd[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            struct slot *s = &slots[polled[k]];
            struct rp_job *job = s->job;
            int got = drain(s, arena);
            if (got == 0)
                continue;
            if (got < 0)
                died(s, opt, arena);
            else
                s->job = NULL;
            hooks->done(hooks->ctx, job);
        }
        if (hooks->tick)
            hooks->tick(hooks->ctx);
    }
    /* Idle workers end with their commands; a busy one is left only by a poll() failure,
     * which is not expected: never leave a worker behind. */
    for (size_t i = 0; i < workers; i++) {
        if (!slots[i].pid)
            continue;
        struct rp_job *job = slots[i].job;
        if (!job) {
            int status = reap(&slots[i]);
            bool clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
            if (!clean && !interrupted && hooks->worker_failed)
                hooks->worker_failed(hooks->ctx, status);
            continue;
        }
        kill(slots[i].pid, SIGTERM);
        died(&slots[i], opt, arena);
        hooks->done(hooks->ctx, job);
    }
    for (size_t i = 0; i < jobs->count; i++)
        if (jobs->items[i].state == RP_JOB_RUN && !order.taken[i])
            jobs->items[i].result.outcome = RP_OUTCOME_INTERRUPTED;
    sigaction(SIGPIPE, &old_pipe, NULL);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGHUP, &old_hup, NULL);
    return !interrupted;
}
