// Starts a headless office the way the harness does, prints its profile and pipe name, then
// dies abruptly (abort): the cli_tests check that the kernel took soffice down with it.
#include "bd/office.hpp"

#include <cstdlib>
#include <iostream>

int main() {
    try {
        auto* office = new bd::office::Office({});  // never destroyed: we crash instead
        std::cout << office->profile().string() << '\n' << office->pipe_name() << std::endl;
        std::abort();
    } catch (const std::exception& e) {
        std::cerr << e.what() << '\n';
        return 2;
    }
}
