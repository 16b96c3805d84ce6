#include "bd/cleanup.hpp"

#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <mutex>
#include <thread>
#include <vector>

namespace bd::office::cleanup {

namespace {

struct Registry {
    std::mutex mutex;
    std::vector<pid_t> groups;
    std::vector<std::filesystem::path> folders;
};

Registry& registry() {
    static Registry instance;
    return instance;
}

template <typename T>
void erase(std::vector<T>& items, const T& item) {
    items.erase(std::remove(items.begin(), items.end(), item), items.end());
}

[[noreturn]] void stop_everything(int signal) {
    auto& r = registry();
    const std::scoped_lock lock(r.mutex);  // held to the end: nothing registers or leaves meanwhile
    for (const pid_t group : r.groups) {
        ::kill(-group, SIGKILL);
    }
    for (const pid_t group : r.groups) {
        while (waitpid(-group, nullptr, 0) > 0 || errno == EINTR) {
        }
    }
    for (const auto& folder : r.folders) {
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
    }
    _exit(128 + signal);
}

}  // namespace

void add_group(pid_t group) {
    const std::scoped_lock lock(registry().mutex);
    registry().groups.push_back(group);
}

void remove_group(pid_t group) {
    const std::scoped_lock lock(registry().mutex);
    erase(registry().groups, group);
}

void add_folder(const std::filesystem::path& folder) {
    const std::scoped_lock lock(registry().mutex);
    registry().folders.push_back(folder);
}

void remove_folder(const std::filesystem::path& folder) {
    const std::scoped_lock lock(registry().mutex);
    erase(registry().folders, folder);
}

void stop_everything_on_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
        sigaddset(&signals, signal);
    }
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread([signals] {
        int signal = 0;
        while (sigwait(&signals, &signal) != 0) {
        }
        stop_everything(signal);
    }).detach();
}

}  // namespace bd::office::cleanup
