#include "bd/process.hpp"

#include "bd/cleanup.hpp"

#include <fcntl.h>
#include <grp.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <csignal>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <thread>

namespace bd::office {

namespace {

int decode(int status) {
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

[[noreturn]] void exec_child(const ProcessOptions& options, pid_t parent, std::vector<char*>& argv,
                             std::vector<char*>& envp) {
    // Only async-signal-safe calls from here on.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);  // not the signals our signal thread takes
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) {
        _exit(127);  // the parent died before prctl took effect
    }
    const int out = open(options.output.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    const int err = options.error_output.empty()
                        ? out
                        : open(options.error_output.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    const int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (out < 0 || err < 0 || null < 0 || dup2(null, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) {
        _exit(127);
    }
    if (options.run_as) {
        const uid_t id = *options.run_as;
        if (setgroups(0, nullptr) != 0 || setgid(id) != 0 || setuid(id) != 0) {
            _exit(126);
        }
        prctl(PR_SET_PDEATHSIG, SIGKILL);  // cleared by the credential change
    }
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
}

}  // namespace

Process::Process(const ProcessOptions& options) {
    // Adopt what our children leave behind (see reap_group); process-wide and harmless.
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    if (options.argv.empty()) {
        throw std::invalid_argument("Process: empty command");
    }
    // Our environment, but for the variables the options set (HOME=…): theirs replace ours.
    const auto name_of = [](std::string_view entry) { return entry.substr(0, entry.find('=')); };
    std::vector<std::string> env_strings;
    for (char** e = environ; *e != nullptr; ++e) {
        if (std::ranges::none_of(options.extra_env,
                                 [&](const std::string& set) { return name_of(set) == name_of(*e); })) {
            env_strings.emplace_back(*e);
        }
    }
    env_strings.insert(env_strings.end(), options.extra_env.begin(), options.extra_env.end());
    std::vector<char*> argv;
    argv.reserve(options.argv.size() + 1);
    for (const auto& a : options.argv) {
        argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    std::vector<char*> envp;
    envp.reserve(env_strings.size() + 1);
    for (const auto& e : env_strings) {
        envp.push_back(const_cast<char*>(e.c_str()));
    }
    envp.push_back(nullptr);

    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ < 0) {
        throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
    }
    if (pid_ == 0) {
        exec_child(options, parent, argv, envp);
    }
    setpgid(pid_, pid_);  // also from the parent, so kill(-pid) works at once
    cleanup::add_group(pid_);
}

Process::~Process() {
    if (!status_) {
        kill();
    }
}

std::optional<int> Process::poll() {
    if (!status_) {
        // Peek without reaping, so that the group is killed while its id cannot be reused.
        siginfo_t info{};
        if (waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid_) {
            ::kill(-pid_, SIGKILL);  // anything the process left in its group
            int status = 0;
            waitpid(pid_, &status, 0);
            status_ = decode(status);
            reap_group();
        }
    }
    return status_;
}

void Process::reap_group() const {
    // The group's other members were orphaned when the process ended; as a subreaper we
    // adopted them, so they are reaped here rather than left as zombies.
    while (waitpid(-pid_, nullptr, 0) > 0 || errno == EINTR) {
    }
    cleanup::remove_group(pid_);
}

std::optional<int> Process::wait_for(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!poll() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return status_;
}

int Process::kill() {
    if (!status_) {
        ::kill(-pid_, SIGKILL);
        int status = 0;
        while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        status_ = decode(status);
        reap_group();
    }
    return *status_;
}

int run(const ProcessOptions& options, std::chrono::milliseconds timeout) {
    Process process(options);
    if (auto status = process.wait_for(timeout)) {
        return *status;
    }
    process.kill();
    throw std::runtime_error(options.argv.front() + " did not finish within " + std::to_string(timeout.count()) +
                             " ms");
}

std::string tail_of(const std::filesystem::path& file, std::size_t max_bytes) {
    std::ifstream in(file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return text.size() > max_bytes ? text.substr(text.size() - max_bytes) : text;
}

}  // namespace bd::office
