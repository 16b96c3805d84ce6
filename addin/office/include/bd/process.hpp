// Child processes that cannot outlive us: each runs in its own process group and is killed
// by the kernel when the thread that started it dies (PR_SET_PDEATHSIG), so a crashed or
// timed-out test leaves no soffice behind.
#pragma once

#include <sys/types.h>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace bd::office {

struct ProcessOptions {
    std::vector<std::string> argv;
    std::vector<std::string> extra_env;  // "NAME=value", added to our environment (replacing ours)
    std::filesystem::path output;        // stdout goes here (never to our pipes)
    std::filesystem::path error_output;  // stderr goes here; empty: to `output` too
    std::optional<uid_t> run_as;         // run as this user (and its group id = same number)
};

class Process {
public:
    explicit Process(const ProcessOptions& options);
    ~Process();  // kills and reaps the process group if still running
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    /// The exit status if the process has ended (a signal gives 128 + its number).
    std::optional<int> poll();
    /// Waits up to `timeout` for the process to end.
    std::optional<int> wait_for(std::chrono::milliseconds timeout);
    /// SIGKILL to the whole process group, then reap.
    int kill();
    [[nodiscard]] pid_t pid() const { return pid_; }

private:
    void reap_group() const;

    pid_t pid_ = -1;
    std::optional<int> status_;
};

/// Runs a command to its end (killing it after `timeout`); returns the exit status.
int run(const ProcessOptions& options, std::chrono::milliseconds timeout);

/// The last `max_bytes` of a file, for error messages.
std::string tail_of(const std::filesystem::path& file, std::size_t max_bytes = 2000);

}  // namespace bd::office
