#include "progress.hxx"

#include "bd/ustring.hpp"

namespace bd::calc {

namespace {

constexpr sal_Int32 whole = 100;

}  // namespace

Progress::Progress(const css::uno::Reference<css::task::XStatusIndicator>& indicator, Language language)
    : indicator_(indicator), language_(language) {
    if (indicator_.is()) {
        indicator_->start(to_ou(language_ == Language::Chinese ? "预算公开校验" : "Budget disclosure validation"),
                          whole);
    }
}

Progress::~Progress() {
    if (indicator_.is()) {
        try {
            indicator_->end();
        } catch (...) {  // NOLINT(bugprone-empty-catch): the window may be gone; nothing to show then
        }
    }
}

void Progress::stage(const LocalizedText& text, int from, int to) {
    from_ = from;
    to_ = to;
    if (indicator_.is()) {
        indicator_->setText(to_ou(text.in(language_)));
    }
    advance(0, 1);
}

void Progress::advance(std::size_t done, std::size_t of) {
    const int value = of == 0 ? to_ : from_ + static_cast<int>((to_ - from_) * done / of);
    if (indicator_.is() && value != shown_) {
        indicator_->setValue(value);
        shown_ = value;
    }
}

}  // namespace bd::calc
