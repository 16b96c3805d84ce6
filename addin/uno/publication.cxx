#include "publication.hxx"

#include "bd/report.hpp"
#include "bd/template_styles.hpp"
#include "bd/ustring.hpp"
#include "hidden_document.hxx"
#include "report_writer.hxx"
#include "uno_util.hxx"

#include <osl/thread.h>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/IOException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <osl/file.hxx>
#include <rtl/uri.hxx>

#include <sys/stat.h>

#include <array>

using namespace css;

namespace bd::calc {

namespace {

uno::Sequence<beans::PropertyValue> filter(const char* name) {
    uno::Sequence<beans::PropertyValue> args(1);
    args[0].Name = "FilterName";
    args[0].Value <<= OUString::createFromAscii(name);
    return args;
}

/// Replaces every formula of a sheet by its value (one read, one write); an error cell keeps its
/// error text.
void freeze_to_values(const uno::Reference<sheet::XSpreadsheet>& sheet) {
    const uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
    uno::Reference<sheet::XUsedAreaCursor>(cursor, uno::UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    const auto end = uno::Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)->getRangeAddress();
    const auto range = sheet->getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow);
    const uno::Reference<sheet::XCellRangeData> data(range, uno::UNO_QUERY_THROW);
    uno::Sequence<uno::Sequence<uno::Any>> values = data->getDataArray();
    for (sal_Int32 r = 0; r < values.getLength(); ++r) {
        for (sal_Int32 c = 0; c < values[r].getLength(); ++c) {
            if (!values[r][c].hasValue()) {  // an error cell: keep what it shows
                values[r][c] <<=
                    uno::Reference<text::XTextRange>(sheet->getCellByPosition(c, r), uno::UNO_QUERY_THROW)->getString();
            }
        }
    }
    uno::Reference<sheet::XSheetOperation>(range, uno::UNO_QUERY_THROW)->clearContents(sheet::CellFlags::FORMULA);
    data->setDataArray(values);
}

/// Input cells of our templates are tinted on screen; the published copy shows them plain.
void clear_input_tint(const uno::Reference<sheet::XSpreadsheetDocument>& document) {
    const uno::Reference<container::XNameAccess> families =
        uno::Reference<style::XStyleFamiliesSupplier>(document, uno::UNO_QUERY_THROW)->getStyleFamilies();
    const uno::Reference<container::XNameAccess> cell_styles(families->getByName("CellStyles"), uno::UNO_QUERY_THROW);
    for (const auto name : styles::input_styles) {
        if (cell_styles->hasByName(to_ou(name))) {
            uno::Reference<beans::XPropertySet>(cell_styles->getByName(to_ou(name)), uno::UNO_QUERY_THROW)
                ->setPropertyValue("IsCellBackgroundTransparent", uno::Any(true));
        }
    }
}

/// A file the export writes: first under a name of its own (NAME.part), moved over the target
/// only when everything is written, so that a failure leaves no partial output.
struct Target {
    OUString url;

    [[nodiscard]] OUString part() const { return url + ".part"; }

    /// A target that is not a file, or is read-only, is refused before anything is written (by
    /// its permission bits: an office running as root could write it all the same).
    void check() const {
        const rtl::OString path = rtl::OUStringToOString(system_path(url), osl_getThreadTextEncoding());
        struct stat status {};
        if (lstat(path.getStr(), &status) != 0) {
            return;  // not there yet
        }
        if (!S_ISREG(status.st_mode)) {
            throw io::IOException(system_path(url) + " exists and is not a file: nothing written", {});
        }
        if ((status.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0) {
            throw io::IOException(system_path(url) + " is read-only: not replaced, nothing written", {});
        }
    }
    void commit() const {
        if (osl::File::move(part(), url) != osl::FileBase::E_None) {
            throw io::IOException("Cannot move " + system_path(part()) + " to " + system_path(url), {});
        }
    }
    void discard() const { osl::File::remove(part()); }
};

}  // namespace

uno::Sequence<OUString> export_for_publication(const uno::Reference<uno::XComponentContext>& context,
                                               const uno::Reference<sheet::XSpreadsheetDocument>& document,
                                               const OUString& directory_url, const OUString& stem) {
    if (!document.is() || directory_url.isEmpty()) {
        throw lang::IllegalArgumentException("No document or no directory to export to", {}, 0);
    }
    const OUString name = rtl::Uri::encode(stem + to_ou("-公开"), rtl_UriCharClassPchar, rtl_UriEncodeIgnoreEscapes,
                                           RTL_TEXTENCODING_UTF8);
    const OUString base = (directory_url.endsWith("/") ? directory_url : directory_url + "/") + name;
    const std::array targets{Target{base + ".ods"}, Target{base + ".pdf"}, Target{base + ".xlsx"}};
    const auto& [values, pdf, excel] = targets;
    for (const auto& target : targets) {
        target.check();  // before anything is written
    }
    try {
        // Work on a copy: the user's document is not touched.
        uno::Reference<frame::XStorable>(document, uno::UNO_QUERY_THROW)->storeToURL(values.part(), filter("calc8"));
        {
            const HiddenDocument copy(context, values.part(), HiddenDocument::Access::Writable, filter("calc8"));
            const uno::Reference<sheet::XSpreadsheets> sheets = copy.spreadsheet()->getSheets();
            const OUString report = to_ou(report_sheet_name());
            if (sheets->hasByName(report)) {
                sheets->removeByName(report);
            }
            const uno::Reference<container::XIndexAccess> all(sheets, uno::UNO_QUERY_THROW);
            for (sal_Int32 i = 0; i < all->getCount(); ++i) {
                freeze_to_values(uno::Reference<sheet::XSpreadsheet>(all->getByIndex(i), uno::UNO_QUERY_THROW));
            }
            clear_input_tint(copy.spreadsheet());
            clear_validation_marks(copy.spreadsheet());  // the publication carries no 【预算公开校验】 comments
            const uno::Reference<frame::XStorable> storable(copy.spreadsheet(), uno::UNO_QUERY_THROW);
            storable->store();
            storable->storeToURL(pdf.part(), filter("calc_pdf_Export"));
            // For Excel and WPS users: values only, so nothing in it can turn into #NAME?.
            storable->storeToURL(excel.part(), filter("Calc MS Excel 2007 XML"));
        }
        for (const auto& target : targets) {
            target.commit();
        }
    } catch (const uno::Exception& e) {
        for (const auto& target : targets) {
            target.discard();
        }
        throw io::IOException("Nothing written to " + system_path(directory_url) + ": " + e.Message, {});
    }
    uno::Sequence<OUString> written(static_cast<sal_Int32>(targets.size()));
    for (std::size_t i = 0; i < targets.size(); ++i) {
        written[static_cast<sal_Int32>(i)] = targets[i].url;
    }
    return written;
}

uno::Sequence<OUString> Publisher::exportForPublication(const uno::Reference<sheet::XSpreadsheetDocument>& document,
                                                        const OUString& directoryUrl, const OUString& stem) {
    return at_uno_boundary([&] { return export_for_publication(context_, document, directoryUrl, stem); });
}

}  // namespace bd::calc
