#include "bd/titles.hpp"

#include "bd/cell.hpp"
#include "bd/data_table.hpp"
#include "bd/expression.hpp"

#include <boost/spirit/home/x3.hpp>

#include <algorithm>
#include <regex>
#include <vector>

namespace bd {

namespace data {
extern const char* const title_words_tsv;
}  // namespace data

namespace {

namespace x3 = boost::spirit::x3;

// The numbering in front of a label: 一、 二十三、 (一) 1、 1. and ① (NFKC has made it "1").
const auto chinese_numeral = x3::lit("一") | "二" | "三" | "四" | "五" | "六" | "七" | "八" | "九" | "十" | "百";
const auto digit = x3::char_('0', '9');
const auto numbering = (+chinese_numeral >> (x3::lit("、") | '.')) | ('(' >> +(chinese_numeral | digit) >> ')') |
                       (+digit >> -(x3::lit("、") | '.'));

// Quotation marks differ from one workbook to the next (“三公” "三公" 「三公」 三公): left out.
std::string without_quotes(std::string text) {
    for (const std::string_view quote : {"“", "”", "‘", "’", "\"", "'", "「", "」", "『", "』"}) {
        for (auto at = text.find(quote); at != std::string::npos; at = text.find(quote, at)) {
            text.erase(at, quote.size());
        }
    }
    return text;
}

const std::vector<std::string>& title_words() {
    static const std::vector<std::string> words = [] {
        std::vector<std::string> read;
        for (const auto& row : tsv_rows(data::title_words_tsv)) {
            read.push_back(normalize_text(row.at(0)));
        }
        return read;
    }();
    return words;
}

}  // namespace

std::string comparable_label(std::string_view text) {
    std::string normalized = without_quotes(normalize_text(text));
    auto first = normalized.cbegin();
    x3::parse(first, normalized.cend(), numbering);
    return {first, normalized.cend()};
}

std::string title_key(std::string_view text) {
    std::string key = without_quotes(normalize_text(text));
    // The year, the table's number, a table of contents' dots and page number.
    static const std::regex year(R"((19|20)[0-9]{2}年(?:度)?)");
    static const std::regex number(R"((?:预算公开|部门公开|单位公开|公开)?(?:附)?表[0-9]+(?:-[0-9]+)?)");
    static const std::regex leading(R"(^[0-9]+(?:[._-]|、)?)");
    static const std::regex contents(R"((\.|…|·)+[0-9]*$)");
    key = std::regex_replace(key, year, "");
    key = std::regex_replace(key, number, "表");
    key = std::regex_replace(key, leading, "");
    key = std::regex_replace(key, contents, "");
    // "表3收支总表" became "表收支总表": a number's 表 in front of a title goes with the number.
    if (key.starts_with("表") && key.size() > std::string_view("表").size()) {
        key.erase(0, std::string_view("表").size());
    }
    for (const auto& word : title_words()) {
        for (auto at = key.find(word); at != std::string::npos; at = key.find(word, at)) {
            key.erase(at, word.size());
        }
    }
    return key;
}

std::string pattern_title_key(std::string_view pattern) {
    // The placeholders ({year}, {year - 1}) stand for a year, which title_key() leaves out.
    std::string text;
    for (const auto& segment : expr::parse_template(pattern)) {
        text += segment.is_expression ? std::string("2000") : segment.text;
    }
    return title_key(text);
}

std::string pattern_tail(std::string_view pattern) {
    std::string text;
    for (const auto& segment : expr::parse_template(pattern)) {
        if (!segment.is_expression) {
            text += segment.text;
        }
    }
    return comparable_label(text);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const auto x = to_code_points(a);
    const auto y = to_code_points(b);
    std::vector<std::size_t> previous(y.size() + 1);
    std::vector<std::size_t> current(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) {
        previous[j] = j;
    }
    for (std::size_t i = 1; i <= x.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            current[j] =
                std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
        }
        std::swap(previous, current);
    }
    return previous[y.size()];
}

std::size_t length_in_characters(std::string_view text) {
    return static_cast<std::size_t>(
        std::ranges::count_if(text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace bd

namespace bd {

std::string_view last_characters(std::string_view text, std::size_t count) {
    std::size_t seen = 0;
    for (std::size_t i = text.size(); i > 0; --i) {
        if ((static_cast<unsigned char>(text[i - 1]) & 0xC0) != 0x80 && ++seen == count) {
            return text.substr(i - 1);
        }
    }
    return text;
}

}  // namespace bd
