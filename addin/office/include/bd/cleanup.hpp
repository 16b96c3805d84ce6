// What a program that starts offices must undo when it is interrupted (Ctrl-C, SIGTERM from a job
// runner, SIGHUP when its terminal goes): the process groups it started and the temporary folders
// it made. Processes and offices register here while they live; stop_everything_on_signals() makes
// SIGINT, SIGTERM and SIGHUP kill and reap every registered group, remove every registered folder
// and end the program with 128 + the signal's number.
#pragma once

#include <sys/types.h>
#include <filesystem>

namespace bd::office::cleanup {

void add_group(pid_t group);
void remove_group(pid_t group);
void add_folder(const std::filesystem::path& folder);
void remove_folder(const std::filesystem::path& folder);

/// Call first in main(), before any thread is started (they inherit the blocked signals): the
/// signals are then taken by a thread of their own, never in the middle of other code.
void stop_everything_on_signals();

}  // namespace bd::office::cleanup
