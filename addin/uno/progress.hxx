// Calc's progress bar and a status text in the document window while a command runs. The frame's
// status indicator (XStatusIndicatorFactory) also lets the window repaint: LibreOffice's
// framework/source/helper/statusindicatorfactory.cxx reschedules (Application::Reschedule) on
// start, setText and end, and on setValue whenever its wake-up timer has fired.
#pragma once

#include "bd/function_specs.hpp"

#include <com/sun/star/task/XStatusIndicator.hpp>

#include <string>

namespace bd::calc {

/// Stages of a command over a range of 0–100; no indicator: nothing shown (the Validator service,
/// called from a macro or the command line).
class Progress {
public:
    Progress(const css::uno::Reference<css::task::XStatusIndicator>& indicator, Language language);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// A new stage, from `from` % of the whole to `to` %, with its status text.
    void stage(const LocalizedText& text, int from, int to);
    /// How far the stage has come: `done` of `of` steps.
    void advance(std::size_t done, std::size_t of);

private:
    css::uno::Reference<css::task::XStatusIndicator> indicator_;
    Language language_;
    int from_ = 0;
    int to_ = 0;
    int shown_ = -1;
};

}  // namespace bd::calc
