#include "bd/chinese_numerals.hpp"

#include <unicode/locid.h>
#include <unicode/rbnf.h>

#include <stdexcept>

namespace bd {

namespace {

icu::UnicodeString spell_out(const char* rule_set, std::int64_t n) {
    UErrorCode status = U_ZERO_ERROR;
    // A formatter per call keeps this thread-safe; both rule sets are small.
    icu::RuleBasedNumberFormat formatter(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
    formatter.setDefaultRuleSet(icu::UnicodeString(rule_set, -1, icu::UnicodeString::kInvariant), status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU Chinese spell-out rules unavailable: ") + u_errorName(status));
    }
    icu::UnicodeString spelled;
    formatter.format(static_cast<int64_t>(n), spelled);
    return spelled;
}

std::string utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

}  // namespace

std::string chinese_number(std::int64_t n) {
    return utf8(spell_out("%spellout-cardinal", n));
}

std::string financial_capitals(std::int64_t n) {
    icu::UnicodeString spelled = spell_out("%spellout-cardinal-financial", n);
    spelled.findAndReplace(u"兆", u"万亿");
    if (spelled.startsWith(u"拾")) {
        spelled.insert(0, u"壹");
    }
    return utf8(spelled);
}

}  // namespace bd
