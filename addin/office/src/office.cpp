#include "bd/office.hpp"

#include "bd/cleanup.hpp"
#include "bd/ustring.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <rtl/bootstrap.hxx>

#include <unistd.h>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <thread>

using namespace css;
namespace fs = std::filesystem;

namespace bd::office {

namespace {

constexpr uid_t unprivileged_user = 65534;  // nobody: unopkg refuses to run as root
constexpr int restart_requested = 81;       // soffice's exit code when it wants a restart

/// The client's own UNO context, once per process. Our type library is added so that our
/// interfaces (org.budgetdisclosure.*) can cross the bridge.
uno::Reference<uno::XComponentContext> local_context(const fs::path& extension_types) {
    static const uno::Reference<uno::XComponentContext> context = [&] {
        setenv("URE_BOOTSTRAP", "vnd.sun.star.pathname:" BD_FUNDAMENTALRC, 0);
        rtl::OUString types = file_url(BD_OFFAPI_RDB);
        if (!extension_types.empty()) {
            types += " " + file_url(extension_types);
        }
        rtl::Bootstrap::set("URE_MORE_TYPES", types);
        return cppu::defaultBootstrap_InitialComponentContext();
    }();
    return context;
}

fs::path find_file(const fs::path& dir, const std::string& name) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.path().filename() == name) {
            return entry.path();
        }
    }
    return {};
}

uno::Sequence<beans::PropertyValue> properties(std::initializer_list<std::pair<const char*, uno::Any>> values) {
    uno::Sequence<beans::PropertyValue> result(static_cast<sal_Int32>(values.size()));
    sal_Int32 i = 0;
    for (const auto& [name, value] : values) {
        result[i].Name = rtl::OUString::createFromAscii(name);
        result[i].Value = value;
        ++i;
    }
    return result;
}

/// The socket file of a named pipe (left behind when soffice is killed).
fs::path pipe_socket_file(const std::string& pipe_name) {
    // osl names the socket of pipe N of user U: <tmp>/OSL_PIPE_<U>_<N>
    return fs::temp_directory_path() / ("OSL_PIPE_" + std::to_string(getuid()) + "_" + pipe_name);
}

}  // namespace

rtl::OUString file_url(const fs::path& path) {
    // The path's bytes as they are, percent-encoded: a name that is not UTF-8 (GBK, from a zip
    // made on Windows) still names its file.
    std::string url = "file://";
    for (const unsigned char byte : fs::absolute(path).lexically_normal().string()) {
        const bool ascii_alnum =
            (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
        if (ascii_alnum || std::string_view("/-._~").find(static_cast<char>(byte)) != std::string_view::npos) {
            url += static_cast<char>(byte);
        } else {
            constexpr std::string_view hex = "0123456789ABCDEF";
            url += {'%', hex[byte >> 4U], hex[byte & 15U]};
        }
    }
    return rtl::OUString::createFromAscii(url.c_str());
}

fs::path classification_directory(const fs::path& user_installation) {
    return user_installation / "user" / "budgetdisclosure" / "classification";
}

std::string describe(const uno::Exception& e) {
    return to_utf8(e.Message);
}

Office::Office(const OfficeOptions& options) {
    std::string dir_template = (fs::temp_directory_path() / "bd-office-XXXXXX").string();
    if (mkdtemp(dir_template.data()) == nullptr) {
        throw OfficeError("Cannot create a temporary directory in " + fs::temp_directory_path().string());
    }
    dir_ = dir_template;
    cleanup::add_folder(dir_);
    profile_ = dir_ / "profile";
    static std::atomic<int> counter{0};
    pipe_name_ = "bd-office-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
    try {
        fs::create_directories(profile_);
        fs::create_directories(dir_ / "home");
        fs::create_directories(dir_ / "tmp");
        if (geteuid() == 0) {
            for (const auto& path : {dir_, profile_, dir_ / "home", dir_ / "tmp"}) {
                if (chown(path.c_str(), unprivileged_user, unprivileged_user) != 0) {
                    throw OfficeError("Cannot hand " + path.string() + " to the unprivileged user");
                }
            }
        }
        if (!options.ui_locale.empty()) {
            set_ui_locale(options.ui_locale);
        }
        if (!options.oxt.empty()) {
            install_extension(options.oxt);
        }
        if (!options.classification.empty() && fs::is_directory(options.classification)) {
            const fs::path target = classification_directory(profile_);
            fs::create_directories(target);
            for (const auto& entry : fs::directory_iterator(options.classification)) {
                if (entry.path().extension() == ".tsv") {
                    fs::copy_file(entry.path(), target / entry.path().filename(), fs::copy_options::overwrite_existing);
                }
            }
        }
        start_timeout_ = options.start_timeout;
        start_and_connect(start_timeout_);
    } catch (...) {
        stop();
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
        cleanup::remove_folder(dir_);
        throw;
    }
}

Office::~Office() {
    stop();
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
    cleanup::remove_folder(dir_);
}

void Office::set_ui_locale(const std::string& locale) const {
    // The profile's configuration, written before the first start: UI language only.
    const fs::path user = profile_ / "user";
    fs::create_directories(user);
    std::ofstream(user / "registrymodifications.xcu")
        << R"(<?xml version="1.0" encoding="UTF-8"?>)" << '\n'
        << R"(<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">)"
        << R"(<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>)"
        << locale << "</value></prop></item></oor:items>\n";
    if (geteuid() == 0 &&
        (chown(user.c_str(), unprivileged_user, unprivileged_user) != 0 ||
         chown((user / "registrymodifications.xcu").c_str(), unprivileged_user, unprivileged_user) != 0)) {
        throw OfficeError("Cannot hand the profile's configuration to the unprivileged user");
    }
}

std::vector<std::string> Office::isolated_environment() const {
    // Nothing of the caller's home (a missing one is not created), and every temporary file of
    // unopkg and soffice (lu*.tmp) inside our directory, which goes when the office does.
    const auto home = (dir_ / "home").string();
    return {"HOME=" + home, "TMPDIR=" + (dir_ / "tmp").string(), "XDG_CONFIG_HOME=" + home + "/.config",
            "XDG_CACHE_HOME=" + home + "/.cache", "XDG_DATA_HOME=" + home + "/.local/share"};
}

void Office::install_extension(const fs::path& oxt) const {
    if (!fs::is_regular_file(oxt)) {
        throw OfficeError("Extension not found: " + oxt.string());
    }
    // A copy inside our directory, so that the unprivileged user can read it wherever the build is.
    const fs::path copy = dir_ / oxt.filename();
    fs::copy_file(oxt, copy, fs::copy_options::overwrite_existing);
    fs::permissions(copy, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);

    ProcessOptions unopkg;
    unopkg.argv = {BD_UNOPKG, "add", "-s", "-f", "-env:UserInstallation=" + to_utf8(file_url(profile_)), copy.string()};
    unopkg.extra_env = isolated_environment();
    unopkg.output = dir_ / "unopkg.log";
    if (geteuid() == 0) {
        unopkg.run_as = unprivileged_user;
    }
    const int status = run(unopkg, std::chrono::minutes(2));
    if (status != 0) {
        throw OfficeError("unopkg could not install " + oxt.string() + " (exit " + std::to_string(status) + "):\n" +
                          tail_of(unopkg.output));
    }
}

void Office::start_and_connect(std::chrono::seconds timeout) {
    const fs::path extension_types = find_file(profile_, "budgetdisclosure.rdb");
    const auto local = local_context(extension_types);
    const auto resolver = bridge::UnoUrlResolver::create(local);
    const rtl::OUString url = to_ou("uno:pipe,name=" + pipe_name_ + ";urp;StarOffice.ComponentContext");

    ProcessOptions soffice;
    soffice.argv = {BD_SOFFICE_BIN,
                    "--headless",
                    "--invisible",
                    "--norestore",
                    "--nologo",
                    "--nodefault",
                    "--nolockcheck",
                    "-env:UserInstallation=" + to_utf8(file_url(profile_)),
                    "--accept=pipe,name=" + pipe_name_ + ";urp;"};
    soffice.extra_env = isolated_environment();
    soffice.output = dir_ / "soffice.log";
    soffice_ = std::make_unique<Process>(soffice);

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        try {
            context_.set(resolver->resolve(url), uno::UNO_QUERY_THROW);
            return;
        } catch (const connection::NoConnectException&) {
        }
        if (const auto status = soffice_->poll()) {
            if (*status != restart_requested) {
                throw OfficeError("soffice ended with exit status " + std::to_string(*status) +
                                  " before it could be reached:\n" + log());
            }
            soffice_ = std::make_unique<Process>(soffice);  // first start of a new profile
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    throw OfficeError("soffice could not be reached within " + std::to_string(timeout.count()) + " s:\n" + log());
}

uno::Reference<frame::XDesktop2> Office::desktop() const {
    return frame::Desktop::create(context_);
}

uno::Reference<uno::XInterface> Office::create(const std::string& service) const {
    return context_->getServiceManager()->createInstanceWithContext(to_ou(service), context_);
}

uno::Reference<sheet::XSpreadsheetDocument> Office::new_spreadsheet() const {
    const uno::Reference<frame::XComponentLoader> loader(desktop(), uno::UNO_QUERY_THROW);
    return {
        loader->loadComponentFromURL("private:factory/scalc", "_blank", 0, properties({{"Hidden", uno::Any(true)}})),
        uno::UNO_QUERY_THROW};
}

uno::Reference<lang::XComponent> Office::load(const fs::path& file, bool read_only) const {
    const uno::Reference<frame::XComponentLoader> loader(desktop(), uno::UNO_QUERY_THROW);
    return loader->loadComponentFromURL(
        file_url(file), "_blank", 0,
        properties({{"Hidden", uno::Any(true)},
                    {"ReadOnly", uno::Any(read_only)},
                    {"MacroExecutionMode", uno::Any(document::MacroExecMode::NEVER_EXECUTE)}}));
}

void Office::stop() {
    if (!soffice_) {
        return;
    }
    if (!soffice_->poll() && context_.is()) {
        try {
            desktop()->terminate();
        } catch (const uno::Exception&) {
            // The bridge goes away as the office ends: expected.
        }
    }
    context_.clear();
    if (!soffice_->wait_for(std::chrono::seconds(30))) {
        soffice_->kill();
    }
    soffice_.reset();
    std::error_code ignored;
    fs::remove(pipe_socket_file(pipe_name_), ignored);
}

bool Office::ended(std::chrono::milliseconds wait) const {
    return !soffice_ || soffice_->wait_for(wait).has_value();
}

void Office::kill_now() const {
    if (soffice_) {
        ::kill(-soffice_->pid(), SIGKILL);  // only the signal: reaping stays with the owning thread
    }
}

void Office::restart() {
    stop();
    start_and_connect(start_timeout_);
}

std::string Office::log() const {
    return tail_of(dir_ / "soffice.log");
}

void close_document(const uno::Reference<uno::XInterface>& document) {
    if (!document.is()) {
        return;
    }
    try {
        const uno::Reference<util::XCloseable> closeable(document, uno::UNO_QUERY);
        if (closeable.is()) {
            closeable->close(true);
            return;
        }
        const uno::Reference<lang::XComponent> component(document, uno::UNO_QUERY);
        if (component.is()) {
            component->dispose();
        }
    } catch (const uno::Exception&) {
        // Closing is best effort: the office is stopped and reaped regardless.
    }
}

}  // namespace bd::office
