// Titles and labels as a reader compares them. A table's title in a real document may carry the
// year, the unit's name, 部门/单位/预算, its number (预算公开表3, 部门公开表9, "3 " in a sheet's
// name), quotation marks of any kind, full-width forms and spaces; none of these names another
// table, so they are left out before titles are compared.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bd {

/// Text compared as a reader compares a label: NFKC, no white space, no quotation marks, without a
/// leading numbering such as 一、 （一） 1. 1、 ① (so "二十三、灾害防治及应急管理支出" matches
/// "灾害防治及应急管理支出").
std::string comparable_label(std::string_view text);

/// A title compared: comparable_label() without the year (2024年, 2024年度), the table's number
/// (表3, 预算公开表3, 附表1, a leading "3 "), dots and page numbers of a table of contents, and
/// the words of data/title_words.tsv. "2024年部门财务收支预算总表" → "财务收支总表".
std::string title_key(std::string_view text);

/// A title pattern of a layout ("{year}年预算收支总表") as title_key() reads a document's title.
std::string pattern_title_key(std::string_view pattern);

/// The part of a label pattern ("{year}年预算数") after its placeholders, comparable: a
/// document's "2023年预算数" ends with it.
std::string pattern_tail(std::string_view pattern);

/// How many characters (code points) must change to turn one text into the other (Levenshtein).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The number of code points of a UTF-8 text.
std::size_t length_in_characters(std::string_view text);
/// The last `count` code points of a UTF-8 text (all of it when it is shorter).
std::string_view last_characters(std::string_view text, std::size_t count);

}  // namespace bd
