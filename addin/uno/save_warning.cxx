#include "save_warning.hxx"

#include "calc_adapter.hxx"

#include "bd/ustring.hpp"
#include "dispatcher.hxx"
#include "functions.hxx"
#include "message_box.hxx"
#include "uno_util.hxx"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>

#include <iostream>
#include <mutex>
#include <utility>
#include <vector>

using namespace css;

namespace bd::calc {

namespace {

/// In-place saves and Save As in these filters write an Excel file (.xlsx, .xlsm, .xls, templates).
bool is_excel_filter(const OUString& filter) {
    return filter.indexOf("Excel") >= 0 || filter.startsWith("Calc Office Open XML");
}

OUString filter_of(const uno::Reference<frame::XModel>& model) {
    OUString filter;
    for (const auto& argument : model->getArgs()) {
        if (argument.Name == "FilterName") {
            argument.Value >>= filter;
        }
    }
    return filter;
}

/// Whether any formula calls one of our functions. Only the formula cells are read, one bulk read
/// per block of them, and the search stops at the first call.
bool holds_our_formulas(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    const OUString prefix = OUString::createFromAscii(functions_service_name).toAsciiUpperCase() + ".";
    const uno::Reference<container::XIndexAccess> sheets(document->getSheets(), uno::UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        const uno::Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(i), uno::UNO_QUERY_THROW);
        for (const auto& block : formula_blocks(uno::Reference<table::XCellRange>(sheet, uno::UNO_QUERY_THROW))) {
            const uno::Reference<sheet::XCellRangeFormula> range(
                sheet->getCellRangeByPosition(
                    static_cast<sal_Int32>(block.first_col), static_cast<sal_Int32>(block.first_row),
                    static_cast<sal_Int32>(block.last_col), static_cast<sal_Int32>(block.last_row)),
                uno::UNO_QUERY_THROW);
            for (const auto& row : range->getFormulaArray()) {
                for (const auto& formula : row) {
                    if (formula.toAsciiUpperCase().indexOf(prefix) >= 0) {
                        return true;
                    }
                }
            }
        }
    }
    return false;
}

/// The documents warned in this session, and whether an export is due after their save.
class Warned {
public:
    bool contains(const uno::Reference<frame::XModel>& model) {
        const std::lock_guard lock(mutex_);
        return find(model) != nullptr;
    }
    void add(const uno::Reference<frame::XModel>& model) {
        const std::lock_guard lock(mutex_);
        std::erase_if(entries_, [](const Entry& entry) { return !uno::Reference<frame::XModel>(entry.model).is(); });
        entries_.push_back({model, false});
    }
    void set_export_due(const uno::Reference<frame::XModel>& model) {
        const std::lock_guard lock(mutex_);
        if (auto* entry = find(model)) {
            entry->export_due = true;
        }
    }
    /// Whether an export is due for the document; it is due no longer.
    bool take_export_due(const uno::Reference<frame::XModel>& model) {
        const std::lock_guard lock(mutex_);
        auto* entry = find(model);
        return entry != nullptr && std::exchange(entry->export_due, false);
    }

private:
    struct Entry {
        uno::WeakReference<frame::XModel> model;
        bool export_due;
    };
    Entry* find(const uno::Reference<frame::XModel>& model) {
        for (auto& entry : entries_) {
            if (uno::Reference<frame::XModel>(entry.model) == model) {
                return &entry;
            }
        }
        return nullptr;
    }
    std::mutex mutex_;
    std::vector<Entry> entries_;
};

Warned& warned() {
    static Warned documents;
    return documents;
}

/// Runs Export for Publication in the document's frame, as the menu does (messages included).
class ExportCommand final : public cppu::WeakImplHelper1<awt::XCallback> {
public:
    ExportCommand(const uno::Reference<uno::XComponentContext>& context, const uno::Reference<frame::XModel>& model)
        : context_(context), model_(model) {}

    void SAL_CALL notify(const uno::Any&) override {
        try {
            const uno::Reference<frame::XModel> model(model_);
            const uno::Reference<frame::XController> controller = model.is() ? model->getCurrentController() : nullptr;
            const uno::Reference<frame::XDispatchProvider> provider(controller.is() ? controller->getFrame() : nullptr,
                                                                    uno::UNO_QUERY);
            if (!provider.is()) {
                return;  // closed in the meantime
            }
            util::URL url;
            url.Complete = OUString::createFromAscii(command_protocol) + "ExportForPublication";
            util::URLTransformer::create(context_)->parseStrict(url);
            if (const auto dispatch = provider->queryDispatch(url, "_self", 0); dispatch.is()) {
                dispatch->dispatch(url, {});
            }
        } catch (...) {
            std::cerr << "budgetdisclosure: save warning: " << describe_current_exception() << std::endl;
        }
    }

private:
    uno::Reference<uno::XComponentContext> context_;
    uno::WeakReference<frame::XModel> model_;
};

/// After the save: the office takes the callback once the current call has returned.
void export_after_the_save(const uno::Reference<uno::XComponentContext>& context,
                           const uno::Reference<frame::XModel>& model) {
    awt::AsyncCallback::create(context)->addCallback(new ExportCommand(context, model), {});
}

OUString warning_text(const uno::Reference<uno::XComponentContext>& context, const OUString& file) {
    const OUString copy = (file.lastIndexOf('.') > 0 ? file.copy(0, file.lastIndexOf('.')) : file) + to_ou("-公开");
    if (ui_language(context) == Language::Chinese) {
        return to_ou("“") + file +
               to_ou(
                   "”为 Excel 格式，其中有预算公开助手的公式。没有安装本扩展的 Excel、WPS 或 LibreOffice "
                   "用户打开后，这些单元格先显示保存时的数值，一经编辑或重算即变为 #NAME?，新旧数值混在一起。\n\n"
                   "要分享给他们，请使用只含数值的公开副本。现在就在同一文件夹中导出 ") +
               copy + to_ou(".xlsx（以及 .ods 和 .pdf）吗？");
    }
    return "\"" + file +
           "\" is in an Excel format and holds formulas of the Budget Disclosure Assistant. Where the extension is "
           "not installed (Excel, WPS, LibreOffice), those cells first show the values of the last save, then #NAME? "
           "as soon as anything is edited or recalculated: a misleading mix of old values and errors.\n\nShare the "
           "values-only copy instead. Export " +
           copy + ".xlsx (with .ods and .pdf) to the same folder now?";
}

}  // namespace

uno::Any SaveWarning::execute(const uno::Sequence<beans::NamedValue>& arguments) {
    // Nothing may reach the save: every failure is written to standard error.
    try {
        OUString event;
        uno::Reference<frame::XModel> model;
        for (const auto& argument : arguments) {
            uno::Sequence<beans::NamedValue> environment;
            if (argument.Name == "Environment" && (argument.Value >>= environment)) {
                for (const auto& value : environment) {
                    if (value.Name == "EventName") {
                        value.Value >>= event;
                    } else if (value.Name == "Model") {
                        value.Value >>= model;
                    }
                }
            }
        }
        if (model.is()) {
            on_event(event, model);
        }
    } catch (...) {
        std::cerr << "budgetdisclosure: save warning: " << describe_current_exception() << std::endl;
    }
    return {};
}

void SaveWarning::on_event(const OUString& event, const uno::Reference<frame::XModel>& model) {
    if (event == "OnSaveDone") {
        if (warned().take_export_due(model)) {
            export_after_the_save(context_, model);
        }
        return;
    }
    const uno::Reference<sheet::XSpreadsheetDocument> document(model, uno::UNO_QUERY);
    // Cheapest first: the formulas are read only for a document not warned yet that goes out as Excel.
    if ((event != "OnSave" && event != "OnSaveAsDone") || !document.is() || !is_excel_filter(filter_of(model)) ||
        warned().contains(model) || !holds_our_formulas(document)) {
        return;
    }
    warned().add(model);
    const OUString file = file_name(model->getURL());
    const uno::Reference<frame::XController> controller = model->getCurrentController();
    const bool yes = show_message_box(context_, controller.is() ? controller->getFrame() : nullptr,
                                      awt::MessageBoxType_QUERYBOX, awt::MessageBoxButtons::BUTTONS_YES_NO,
                                      warning_text(context_, file)) == awt::MessageBoxResults::YES;
    std::cerr << "budgetdisclosure: save warning at " << to_utf8(event) << ": " << to_utf8(file) << ": "
              << (yes ? "yes" : "no") << std::endl;
    if (!yes) {
        return;
    }
    if (event == "OnSave") {
        warned().set_export_due(model);  // the document cannot be stored elsewhere during its save
    } else {
        export_after_the_save(context_, model);
    }
}

}  // namespace bd::calc
