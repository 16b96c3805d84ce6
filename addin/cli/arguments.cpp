#include "arguments.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <thread>

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace bd::cli {

const char usage_text[] =
    "Usage: budget-disclosure validate [--json] [--html FILE] [--lang zh|en] [--prior FILE] [--jobs N] [--timeout S] "
    "[--results DIR [--force]] [--shard I/N] "
    "[--oxt FILE] "
    "[--profile DIR] WORKBOOK...\n"
    "  Checks budget disclosure workbooks (.ods, .xlsx, …) in a headless LibreOffice with the\n"
    "  Budget Disclosure extension, as Calc's Validate Disclosure command does; the files are not changed.\n"
    "  --json       machine-readable report on standard output\n"
    "  --html FILE  also write the report as an HTML page to FILE (a section per workbook)\n"
    "  --lang       language of the messages (default: from LANG)\n"
    "  --prior FILE last year's document of the same set: what the workbooks say of last year\n"
    "               (上年预算数, 比2023年预算减少…) is checked against it\n"
    "  --jobs N     offices validating at once, each with its own profile (default: the number of\n"
    "               cores); the results are the same for any N, in the order of the files\n"
    "  --results DIR  keep one JSON per workbook in DIR as it is validated, and the batch's summary\n"
    "               (summary.csv, rules.csv, summary.html); a workbook whose kept result is newer than\n"
    "               the file is not validated again (--force: it is)\n"
    "  --shard I/N  only the I-th of every N files (I from 1): N machines share one list\n"
    "  --timeout S  seconds a workbook may take (default 600; 0: no limit): one that takes longer,\n"
    "               or crashes the office, could not be validated (2); a new office takes the next\n"
    "  Every report starts with what was recognized: the table set and where each of its tables is.\n"
    "  Exit status: 0 no errors, 1 errors found, 2 could not run (missing file, not a spreadsheet,\n"
    "  soffice failed), 3 not recognized as a budget disclosure (or no check could reach a result);\n"
    "  for several files the worst: 2 over 3 over 1 over 0.\n"
    "\n"
    "       budget-disclosure publish [--out DIR] [--oxt FILE] [--profile DIR] WORKBOOK...\n"
    "  Writes NAME-公开.ods (values only: readable without the extension; the report sheet left out),\n"
    "  NAME-公开.pdf and NAME-公开.xlsx (the same values, for Excel and WPS users) for each workbook,\n"
    "  into DIR (default: next to the workbook).\n"
    "  Exit status: 0 written, 2 could not run.\n"
    "\n"
    "       budget-disclosure import-classification --year YEAR [--oxt FILE] [--profile DIR] TABLE\n"
    "  Loads an official classification table (政府收支分类科目; .ods, .xlsx or .csv with 科目编码 and\n"
    "  科目名称 columns, or 类/款/项 columns) as the edition of YEAR into the user's LibreOffice profile.\n"
    "  A table with problems is refused and nothing changes. Exit status: 0 imported, 1 refused, 2 could not run.\n"
    "\n"
    "  --oxt FILE   the extension to use (default: the one built with this program)\n"
    "  --profile DIR  the LibreOffice user profile whose imported editions are used and updated\n"
    "               (default: $XDG_CONFIG_HOME/libreoffice/4 or ~/.config/libreoffice/4)\n"
    "  -h, --help   this text (on standard output)\n";

namespace {

fs::path default_profile() {
    if (const char* config = std::getenv("XDG_CONFIG_HOME"); config && *config) {
        return fs::path(config) / "libreoffice" / "4";
    }
    const char* home = std::getenv("HOME");
    return fs::path(home ? home : ".") / ".config" / "libreoffice" / "4";
}

/// What a command needs beyond its options, or "" when it has it.
std::string missing(const Arguments& args) {
    if (args.command == "validate" || args.command == "publish") {
        return args.files.empty() ? args.command + " needs at least one WORKBOOK" : "";
    }
    if (args.command == "import-classification") {
        if (args.year == 0) {
            return "import-classification needs --year YEAR (four digits)";
        }
        return args.files.size() == 1 ? "" : "import-classification needs exactly one TABLE";
    }
    return args.command.empty() ? "no command given" : "unknown command " + args.command;
}

}  // namespace

std::variant<Arguments, Usage> parse_arguments(int argc, const char* const* argv, const fs::path& default_oxt) {
    Arguments args;
    const char* lang = std::getenv("LANG");
    args.language = language_of_locale(std::string(lang ? lang : "").substr(0, 2));
    args.profile = default_profile();
    args.oxt = default_oxt;
    // Paths are read as strings: a path's operator>> would stop at a space.
    std::string language;
    std::string year;
    std::string oxt;
    std::string html;
    std::string prior;
    std::string out;
    std::string profile;
    std::vector<std::string> files;
    long timeout = args.timeout.count();
    std::string results;
    std::string shard;
    args.jobs = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    po::options_description options;
    options.add_options()                        //
        ("help,h", "")                           //
        ("json", po::bool_switch(&args.json))    //
        ("lang", po::value(&language))           //
        ("oxt", po::value(&oxt))                 //
        ("html", po::value(&html))               //
        ("prior", po::value(&prior))             //
        ("out", po::value(&out))                 //
        ("profile", po::value(&profile))         //
        ("year", po::value(&year))               //
        ("timeout", po::value(&timeout))         //
        ("jobs", po::value(&args.jobs))          //
        ("results", po::value(&results))         //
        ("force", po::bool_switch(&args.force))  //
        ("shard", po::value(&shard))             //
        ("command", po::value(&args.command))    //
        ("files", po::value(&files));            //
    po::positional_options_description positional;
    positional.add("command", 1).add("files", -1);
    po::variables_map given;
    try {
        po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(), given);
        po::notify(given);
    } catch (const po::error& e) {
        return Usage{false, e.what()};
    }
    if (given.count("help") > 0 || args.command == "help") {
        return Usage{true, {}};
    }
    for (auto [from, to] : {std::pair{&oxt, &args.oxt}, std::pair{&html, &args.html}, std::pair{&prior, &args.prior},
                            std::pair{&out, &args.out}, std::pair{&profile, &args.profile}}) {
        if (!from->empty()) {
            *to = *from;
        }
    }
    args.files.assign(files.begin(), files.end());
    if (timeout < 0) {
        return Usage{false, "--timeout needs a number of seconds (0: no limit)"};
    }
    args.timeout = std::chrono::seconds(timeout);
    if (args.jobs < 1) {
        return Usage{false, "--jobs needs a number of offices, 1 or more"};
    }
    args.results = results;
    if (!shard.empty()) {
        // --shard I/N: the I-th of every N files (I from 1), so that N machines share a list.
        unsigned index = 0;
        unsigned count = 0;
        char slash = 0;
        std::istringstream in(shard);
        if (!(in >> index >> slash >> count) || slash != '/' || !in.eof() || index < 1 || index > count) {
            return Usage{false, "--shard needs I/N with 1 <= I <= N (e.g. 2/8)"};
        }
        std::vector<std::filesystem::path> mine;
        for (std::size_t i = index - 1; i < args.files.size(); i += count) {
            mine.push_back(args.files[i]);
        }
        if (mine.empty()) {
            return Usage{false, "shard " + shard + " of " + std::to_string(args.files.size()) + " files holds none"};
        }
        args.files = std::move(mine);
    }
    if (!language.empty()) {
        args.language = language_of_locale(language);
    }
    if (!year.empty()) {
        args.year = year.size() == 4 && year.find_first_not_of("0123456789") == std::string::npos ? std::stoi(year) : 0;
    }
    if (auto problem = missing(args); !problem.empty()) {
        return Usage{false, std::move(problem)};
    }
    return args;
}

}  // namespace bd::cli
