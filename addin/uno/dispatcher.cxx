#include "dispatcher.hxx"

#include "arrangement.hxx"
#include "bd/report.hpp"
#include "classification_import.hxx"
#include "hidden_document.hxx"
#include "message_box.hxx"
#include "performance_forms.hxx"
#include "publication.hxx"
#include "report_writer.hxx"
#include "uno_util.hxx"
#include "validator.hxx"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/frame/DispatchDescriptor.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilterManager.hpp>
#include <rtl/uri.hxx>

#include <regex>

using namespace css;

namespace bd::calc {

namespace {

constexpr char validate_command[] = "ValidateDisclosure";
constexpr char validate_prior_command[] = "ValidateAgainstLastYear";
constexpr char import_command[] = "ImportClassification";
constexpr char export_command[] = "ExportForPublication";
constexpr char clear_marks_command[] = "ClearValidationMarks";
constexpr char arrange_command[] = "ArrangeCodedRows";
constexpr char forms_command[] = "CreatePerformanceForms";

/// The year in a file name such as 2024年政府收支分类科目.xlsx (0 if none).
sal_Int32 year_in_file_name(const OUString& url) {
    const std::string name = to_utf8(file_name(url));
    static const std::regex year(R"((19|20)\d\d)");
    std::smatch match;
    return std::regex_search(name, match, year) ? std::stoi(match.str()) : 0;
}

}  // namespace

uno::Reference<frame::XDispatch> Dispatcher::queryDispatch(const util::URL& url, const OUString&, sal_Int32) {
    if (url.Protocol == command_protocol &&
        (url.Path == validate_command || url.Path == validate_prior_command || url.Path == import_command ||
         url.Path == export_command || url.Path == clear_marks_command || url.Path == arrange_command ||
         url.Path == forms_command)) {
        return this;
    }
    return {};
}

uno::Sequence<uno::Reference<frame::XDispatch>> Dispatcher::queryDispatches(
    const uno::Sequence<frame::DispatchDescriptor>& requests) {
    uno::Sequence<uno::Reference<frame::XDispatch>> result(requests.getLength());
    for (sal_Int32 i = 0; i < requests.getLength(); ++i) {
        result[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
    }
    return result;
}

void Dispatcher::dispatch(const util::URL& url, const uno::Sequence<beans::PropertyValue>& arguments) {
    // Nothing may escape into Calc: every failure becomes a message to the user.
    const bool zh = ui_language(context_) == Language::Chinese;
    try {
        if (url.Path == validate_command) {
            validate_disclosure(arguments);
        } else if (url.Path == validate_prior_command) {
            validate_against_last_year(arguments);
        } else if (url.Path == import_command) {
            import_classification(arguments);
        } else if (url.Path == export_command) {
            export_for_publication(arguments);
        } else if (url.Path == clear_marks_command) {
            clear_marks();
        } else if (url.Path == arrange_command) {
            if (const auto document = spreadsheet(); document.is()) {
                show_message(awt::MessageBoxType_INFOBOX, arrange_coded_rows(context_, document));
            }
        } else if (url.Path == forms_command) {
            create_performance_forms();
        }
    } catch (const lang::IllegalArgumentException& e) {
        show_message(awt::MessageBoxType_ERRORBOX, e.Message);
    } catch (...) {
        show_message(awt::MessageBoxType_ERRORBOX,
                     to_ou((zh ? "命令未能完成：" : "The command could not run: ") + describe_current_exception()));
    }
}

void Dispatcher::import_classification(const uno::Sequence<beans::PropertyValue>& arguments) {
    const OUString file_url =
        chosen_file(arguments, to_ou("政府收支分类科目 (*.ods;*.xlsx;*.xls;*.csv)"), "*.ods;*.xlsx;*.xls;*.csv");
    if (file_url.isEmpty()) {
        return;
    }
    // The year may come with the command; else it is the file name's.
    sal_Int32 year = 0;
    for (const auto& argument : arguments) {
        if (argument.Name == "Year") {
            argument.Value >>= year;
        }
    }
    if (year == 0) {
        year = year_in_file_name(file_url);
    }
    if (year == 0) {
        const bool zh = ui_language(context_) == Language::Chinese;
        show_message(awt::MessageBoxType_ERRORBOX,
                     zh ? to_ou("请在文件名中写明年度，例如“2024年政府收支分类科目.xlsx”。")
                        : to_ou("Put the year in the file name, e.g. 2024年政府收支分类科目.xlsx."));
        return;
    }
    show_message(awt::MessageBoxType_INFOBOX, bd::calc::import_classification(context_, file_url, year));
}

OUString Dispatcher::chosen_file(const uno::Sequence<beans::PropertyValue>& arguments, const OUString& filter_title,
                                 const OUString& patterns) const {
    // The file may come with the command (as from a macro or a test); else the user picks it.
    for (const auto& argument : arguments) {
        if (OUString url; argument.Name == "URL" && (argument.Value >>= url) && !url.isEmpty()) {
            return url;
        }
    }
    const auto picker =
        ui::dialogs::FilePicker::createWithMode(context_, ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE);
    uno::Reference<ui::dialogs::XFilterManager>(picker, uno::UNO_QUERY_THROW)->appendFilter(filter_title, patterns);
    if (picker->execute() != ui::dialogs::ExecutableDialogResults::OK || picker->getSelectedFiles().getLength() == 0) {
        return {};
    }
    return picker->getSelectedFiles()[0];
}

uno::Reference<sheet::XSpreadsheetDocument> Dispatcher::spreadsheet() const {
    const uno::Reference<frame::XController> controller = frame_.is() ? frame_->getController() : nullptr;
    return {controller.is() ? controller->getModel() : nullptr, uno::UNO_QUERY};
}

void Dispatcher::validate_against_last_year(const uno::Sequence<beans::PropertyValue>& arguments) {
    const auto document = spreadsheet();
    if (!document.is()) {
        return;
    }
    const bool zh = ui_language(context_) == Language::Chinese;
    const OUString url = chosen_file(
        arguments, to_ou(zh ? "上年预算公开文件 (*.ods;*.xlsx;*.xls)" : "Last year's disclosure (*.ods;*.xlsx;*.xls)"),
        "*.ods;*.xlsx;*.xls");
    if (url.isEmpty()) {
        return;
    }
    if (url == uno::Reference<frame::XModel>(document, uno::UNO_QUERY_THROW)->getURL()) {
        show_message(awt::MessageBoxType_ERRORBOX,
                     to_ou(zh ? "所选文件就是本文档，请选择上一年度的预算公开文件。"
                              : "That is this document: choose last year's budget disclosure."));
        return;
    }
    // Read-only and in no window, closed again after the check; nothing of it is changed.
    const HiddenDocument last_year(context_, url);
    validate_disclosure(arguments, last_year.spreadsheet());
}

void Dispatcher::validate_disclosure(const uno::Sequence<beans::PropertyValue>& arguments,
                                     const uno::Reference<sheet::XSpreadsheetDocument>& prior) {
    const auto document = spreadsheet();
    if (!document.is()) {
        return;  // the menu is only offered for spreadsheets
    }
    // The progress bar of the document's window, or the one that comes with the command (as the
    // media descriptor's StatusIndicator does for loading).
    uno::Reference<task::XStatusIndicator> indicator;
    for (const auto& argument : arguments) {
        if (argument.Name == "StatusIndicator") {
            argument.Value >>= indicator;
        }
    }
    if (const uno::Reference<task::XStatusIndicatorFactory> factory(frame_, uno::UNO_QUERY);
        !indicator.is() && factory.is()) {
        indicator = factory->createStatusIndicator();
    }
    {
        Progress progress(indicator, ui_language(context_));
        validate_and_report(context_, document, progress, prior);
    }
    const uno::Reference<sheet::XSpreadsheetView> view(frame_->getController(), uno::UNO_QUERY);
    if (view.is()) {
        view->setActiveSheet(uno::Reference<sheet::XSpreadsheet>(
            document->getSheets()->getByName(to_ou(report_sheet_name())), uno::UNO_QUERY));
    }
}

void Dispatcher::clear_marks() {
    // Only the marks go; the report sheet stays as the record of the last run (Export for
    // Publication leaves it out, and it can be deleted like any sheet).
    if (const auto document = spreadsheet(); document.is()) {
        clear_validation_marks(document);
    }
}

void Dispatcher::export_for_publication(const uno::Sequence<beans::PropertyValue>& arguments) {
    const auto document = spreadsheet();
    if (!document.is()) {
        return;
    }
    OUString directory;
    for (const auto& argument : arguments) {
        if (argument.Name == "Directory") {
            argument.Value >>= directory;
        }
    }
    // Next to the document, named after it.
    const OUString url = uno::Reference<frame::XModel>(document, uno::UNO_QUERY_THROW)->getURL();
    const bool zh = ui_language(context_) == Language::Chinese;
    if (directory.isEmpty() && url.isEmpty()) {
        show_message(awt::MessageBoxType_ERRORBOX, to_ou(zh ? "请先保存文档，公开文件将导出到文档所在的文件夹。"
                                                            : "Save the document first: the files for publication "
                                                              "are written next to it."));
        return;
    }
    if (directory.isEmpty()) {
        directory = url.copy(0, url.lastIndexOf('/'));
    }
    OUString stem = to_ou("预算公开");
    if (!url.isEmpty()) {
        const OUString name = file_name(url);
        stem = name.lastIndexOf('.') > 0 ? name.copy(0, name.lastIndexOf('.')) : name;
    }
    const auto written = bd::calc::export_for_publication(context_, document, directory, stem);
    OUString message = to_ou(zh ? "已导出：" : "Written:");
    for (const auto& file : written) {
        message += "\n" + rtl::Uri::decode(file, rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8);
    }
    show_message(awt::MessageBoxType_INFOBOX, message);
}

void Dispatcher::create_performance_forms() {
    if (const auto document = spreadsheet(); document.is()) {
        show_message(awt::MessageBoxType_INFOBOX, bd::calc::create_performance_forms(context_, document));
    }
}

void Dispatcher::show_message(awt::MessageBoxType type, const OUString& message) {
    last_message_ = message;
    show_message_box(context_, frame_, type, awt::MessageBoxButtons::BUTTONS_OK, message);
}

void Dispatcher::dispatchWithNotification(const util::URL& url, const uno::Sequence<beans::PropertyValue>& arguments,
                                          const uno::Reference<frame::XDispatchResultListener>& listener) {
    last_message_.clear();
    dispatch(url, arguments);
    try {
        if (listener.is()) {
            listener->dispatchFinished(frame::DispatchResultEvent(
                static_cast<cppu::OWeakObject*>(this), frame::DispatchResultState::SUCCESS, uno::Any(last_message_)));
        }
    } catch (const uno::Exception&) {
        // The caller went away: there is no one left to tell.
    }
}

void Dispatcher::addStatusListener(const uno::Reference<frame::XStatusListener>&, const util::URL&) {}

void Dispatcher::removeStatusListener(const uno::Reference<frame::XStatusListener>&, const util::URL&) {}

void Dispatcher::initialize(const uno::Sequence<uno::Any>& arguments) {
    if (arguments.getLength() > 0) {
        arguments[0] >>= frame_;
    }
}

}  // namespace bd::calc
