// A headless LibreOffice with the freshly built extension, for the CLI and the tests:
// a throwaway profile, the .oxt installed with unopkg, soffice started and connected over a
// pipe, and on destruction terminated over UNO, reaped (killed if it hangs) and its profile removed.
#pragma once

#include "bd/process.hpp"

#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace bd::office {

struct OfficeOptions {
    std::filesystem::path oxt;  // the extension to install; empty: none
    /// Imported classification editions (YEAR.tsv) to give the office, as a user's profile holds
    /// them in user/budgetdisclosure/classification; empty: none.
    std::filesystem::path classification;
    std::chrono::seconds start_timeout{90};
    /// The user-interface language of the office (e.g. "zh-CN"); empty: the system's.
    std::string ui_locale;
};

/// Thrown when the office cannot be started, set up or reached; the message says why.
class OfficeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Where a LibreOffice user profile (a UserInstallation directory) keeps the imported editions.
std::filesystem::path classification_directory(const std::filesystem::path& user_installation);

/// The file URL of a path.
rtl::OUString file_url(const std::filesystem::path& path);

/// The message of a UNO exception (they are not std::exceptions).
std::string describe(const css::uno::Exception& e);

class Office {
public:
    explicit Office(const OfficeOptions& options);
    ~Office();
    Office(const Office&) = delete;
    Office& operator=(const Office&) = delete;

    [[nodiscard]] css::uno::Reference<css::uno::XComponentContext> context() const { return context_; }
    [[nodiscard]] css::uno::Reference<css::frame::XDesktop2> desktop() const;
    /// Creates a service of the office (e.g. one of the extension's).
    [[nodiscard]] css::uno::Reference<css::uno::XInterface> create(const std::string& service) const;

    /// A new, hidden spreadsheet document.
    [[nodiscard]] css::uno::Reference<css::sheet::XSpreadsheetDocument> new_spreadsheet() const;
    /// Loads a file hidden (read-only if asked), with macros disabled; nullptr if it is no document.
    [[nodiscard]] css::uno::Reference<css::lang::XComponent> load(const std::filesystem::path& file,
                                                                  bool read_only) const;
    /// Stops the office over UNO and reaps it; killed if it does not end in time. Idempotent.
    void stop();
    /// Stops the office and starts it again on the same profile (as a user restarting it).
    void restart();
    /// Whether soffice has ended (crashed or killed), waiting up to `wait` for it to.
    [[nodiscard]] bool ended(std::chrono::milliseconds wait = {}) const;
    /// Kills soffice at once, from any thread (a watchdog's): the call it was serving fails; the
    /// office is reaped when it is next asked whether it runs, or stopped.
    void kill_now() const;

    [[nodiscard]] const std::filesystem::path& profile() const { return profile_; }
    [[nodiscard]] const std::string& pipe_name() const { return pipe_name_; }
    [[nodiscard]] std::string log() const;  // soffice's own output so far

private:
    /// The environment of the programs we start: HOME, TMPDIR and the XDG folders in our directory.
    [[nodiscard]] std::vector<std::string> isolated_environment() const;
    void install_extension(const std::filesystem::path& oxt) const;
    void set_ui_locale(const std::string& locale) const;
    void start_and_connect(std::chrono::seconds timeout);

    std::filesystem::path dir_;  // everything of ours: profile, home, logs
    std::filesystem::path profile_;
    std::string pipe_name_;
    std::unique_ptr<Process> soffice_;
    std::chrono::seconds start_timeout_{90};
    css::uno::Reference<css::uno::XComponentContext> context_;
};

/// Closes a document without saving, whatever state it is in.
void close_document(const css::uno::Reference<css::uno::XInterface>& document);

}  // namespace bd::office
