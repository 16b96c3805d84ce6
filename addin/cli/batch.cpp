#include "batch.hpp"

#include "results.hpp"

#include "bd/office.hpp"
#include "bd/ustring.hpp"
#include "bd/validation_api.hpp"

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <org/budgetdisclosure/XValidator.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <iomanip>
#include <iostream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <unistd.h>

using namespace css;
namespace fs = std::filesystem;

namespace bd::cli {

namespace {

/// Calls `expire` from a thread of its own if it is not destroyed within `timeout` (0: never).
class Watchdog {
public:
    Watchdog(std::chrono::seconds timeout, std::function<void()> expire) {
        if (timeout.count() > 0) {
            thread_ = std::thread([this, timeout, expire = std::move(expire)] {
                std::unique_lock lock(mutex_);
                if (!done_.wait_for(lock, timeout, [this] { return finished_; })) {
                    expire();
                }
            });
        }
    }
    ~Watchdog() {
        {
            const std::scoped_lock lock(mutex_);
            finished_ = true;
        }
        done_.notify_one();
        if (thread_.joinable()) {
            thread_.join();
        }
    }
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

private:
    std::mutex mutex_;
    std::condition_variable done_;
    bool finished_ = false;
    std::thread thread_;
};

/// Validates one file in the office. What the office makes of a file decides the verdict: a file it
/// cannot open (or not as a spreadsheet) could not be validated (2); anything it opens as a
/// spreadsheet is validated and so recognized or not (never clean just because it holds nothing).
/// Measured with LibreOffice 7.4.7: a 0-byte .ods, .xlsx, .xls, .fods or .csv opens as a new,
/// empty spreadsheet (one empty sheet), so it is reported as not recognized (3); a 0-byte file of
/// an extension no filter claims (.dat) opens as nothing (2), as do random bytes named .ods.
void validate_file(const bd::office::Office& office, FileResult& result,
                   const uno::Reference<sheet::XSpreadsheetDocument>& prior) {
    uno::Reference<lang::XComponent> document;
    try {
        document = office.load(result.file, /*read_only=*/true);
        const uno::Reference<sheet::XSpreadsheetDocument> spreadsheet(document, uno::UNO_QUERY);
        if (!document.is()) {
            std::error_code error;
            result.failure = fs::file_size(result.file, error) == 0
                                 ? "the file is empty (0 bytes) and LibreOffice opens no document from it"
                                 : "LibreOffice cannot open it as a document";
        } else if (!spreadsheet.is()) {
            result.failure = "not a spreadsheet";
        } else {
            const uno::Reference<org::budgetdisclosure::XValidator> validator(
                office.create("org.budgetdisclosure.Validator"), uno::UNO_QUERY);
            if (!validator.is()) {
                throw std::runtime_error("the Budget Disclosure extension is not installed in the office");
            }
            result.validation = bd::from_api(prior.is() ? validator->validateWithPrior(spreadsheet, prior)
                                                        : validator->validate(spreadsheet));
            result.validated = true;
        }
    } catch (const uno::Exception& e) {
        result.failure = "LibreOffice could not load or validate it: " + bd::office::describe(e);
    }
    bd::office::close_document(document);
}

/// How far the batch has come, on standard error when it is a terminal: done / total, the rate
/// and the time left.
class BatchProgress {
public:
    explicit BatchProgress(std::size_t total) : total_(total), shown_(isatty(STDERR_FILENO) != 0) {}
    BatchProgress(const BatchProgress&) = delete;
    BatchProgress& operator=(const BatchProgress&) = delete;
    ~BatchProgress() {
        if (shown_ && done_ > 0) {
            std::cerr << '\n';
        }
    }
    void one_done() {
        const std::scoped_lock lock(mutex_);
        ++done_;
        if (!shown_) {
            return;
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        const double rate = static_cast<double>(done_) / std::max(seconds, 0.001);
        const auto left = static_cast<long>(static_cast<double>(total_ - done_) / rate);
        std::cerr << "\r" << done_ << " / " << total_ << " workbooks, " << std::fixed << std::setprecision(1)
                  << rate * 60 << " a minute, " << left / 60 << " min " << left % 60 << " s left   " << std::flush;
    }

private:
    std::mutex mutex_;
    std::size_t done_ = 0;
    std::size_t total_;
    bool shown_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

/// The order in which the offices take the files: the largest first, so that a batch does not end
/// with one office working through a big workbook while the others have nothing left (files of
/// one size in the order given).
std::vector<std::size_t> largest_first(const std::vector<FileResult>& results) {
    std::vector<std::pair<std::uintmax_t, std::size_t>> sized;
    sized.reserve(results.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
        std::error_code error;
        const auto size = fs::file_size(results[i].file, error);
        sized.emplace_back(error ? 0 : size, i);
    }
    std::ranges::stable_sort(sized, std::greater{}, &std::pair<std::uintmax_t, std::size_t>::first);
    std::vector<std::size_t> order;
    order.reserve(sized.size());
    for (const auto& [size, index] : sized) {
        order.push_back(index);
    }
    return order;
}

/// One office's share of the batch: the files it takes from `next` (in `order`) until none is left.
void validate_share(const Arguments& args, const fs::path& editions, std::vector<FileResult>& results,
                    const std::vector<std::size_t>& order, std::atomic<std::size_t>& next, BatchProgress& progress) {
    std::unique_ptr<bd::office::Office> office;
    uno::Reference<lang::XComponent> prior_document;
    uno::Reference<sheet::XSpreadsheetDocument> prior;
    for (std::size_t taken = next++; taken < order.size(); taken = next++) {
        auto& result = results[order[taken]];
        if (result.failure || result.kept) {
            continue;
        }
        try {
            if (!office) {
                office = std::make_unique<bd::office::Office>(
                    bd::office::OfficeOptions{args.oxt, editions, std::chrono::seconds(90), {}});
                if (!args.prior.empty()) {
                    prior_document = office->load(args.prior, /*read_only=*/true);
                    prior.set(prior_document, uno::UNO_QUERY);
                }
            }
        } catch (const std::exception& e) {
            result.failure = std::string("LibreOffice failed: ") + e.what();
            office.reset();
            continue;
        }
        if (!args.prior.empty() && !prior.is()) {
            result.failure =
                "last year's document " + args.prior.string() + ": LibreOffice cannot open it as a spreadsheet";
            continue;
        }
        std::atomic<bool> timed_out = false;
        {
            const Watchdog watchdog(args.timeout, [&] {
                timed_out = true;
                office->kill_now();
            });
            try {
                validate_file(*office, result, prior);
            } catch (const std::exception& e) {
                result.failure = std::string("LibreOffice failed: ") + e.what();
            }
        }
        // A failed call may be the office going: given a moment to be seen gone.
        if (timed_out || office->ended(std::chrono::milliseconds(result.validated ? 0 : 2000))) {
            const auto seconds = std::to_string(args.timeout.count());
            result.validated = false;
            result.failure =
                timed_out ? "timed out after " + seconds + " s: its office was stopped (a new one takes the next file)"
                          : "its office crashed while validating it (a new one takes the next file)";
            prior = nullptr;
            prior_document = nullptr;
            office.reset();
        }
        if (!args.results.empty()) {
            keep_result(args.results, result);  // at once: a batch stopped midway resumes from here
        }
        progress.one_done();
    }
    if (office) {
        bd::office::close_document(prior_document);
    }
}

}  // namespace

std::vector<FileResult> validate_all(const Arguments& args, const fs::path& editions) {
    std::vector<FileResult> results;
    std::size_t readable = 0;
    for (const auto& file : args.files) {
        FileResult result{file, std::nullopt, false, {}, std::nullopt};
        if (!fs::exists(file)) {
            result.failure = "file not found";
        } else if (!fs::is_regular_file(file)) {
            result.failure = "not a file";
        } else {
            ++readable;
        }
        results.push_back(std::move(result));
    }
    // Last year's document: every file is checked against it, so without it none is.
    if (!args.prior.empty() && !fs::is_regular_file(args.prior)) {
        for (auto& result : results) {
            result.failure =
                result.failure.value_or("last year's document " + args.prior.string() + ": file not found");
        }
        return results;
    }
    // What an earlier run kept and is newer than its file is not validated again.
    if (!args.results.empty()) {
        fs::create_directories(args.results);
        for (auto& result : results) {
            if (!result.failure && !args.force) {
                if (auto kept = kept_result(args.results, result.file)) {
                    result = std::move(*kept);
                    --readable;
                }
            }
        }
    }
    // N offices take the files in turn, the largest first; each result goes to its file's place.
    BatchProgress progress(readable);
    const auto order = largest_first(results);
    std::atomic<std::size_t> next = 0;
    std::vector<std::thread> offices;
    const auto jobs = std::min<std::size_t>(static_cast<std::size_t>(std::max(args.jobs, 1)), readable);
    for (std::size_t j = 1; j < jobs; ++j) {
        offices.emplace_back([&] { validate_share(args, editions, results, order, next, progress); });
    }
    validate_share(args, editions, results, order, next, progress);
    for (auto& office : offices) {
        office.join();
    }
    if (!args.results.empty()) {
        write_summary(args.results, results);
    }
    return results;
}

}  // namespace bd::cli
