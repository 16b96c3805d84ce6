#include "hidden_document.hxx"

#include "uno_util.hxx"

#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <algorithm>

using namespace css;

namespace bd::calc {

namespace {

void close(const uno::Reference<lang::XComponent>& component) {
    if (const uno::Reference<util::XCloseable> closeable(component, uno::UNO_QUERY); closeable.is()) {
        closeable->close(true);
    } else if (component.is()) {
        component->dispose();
    }
}

}  // namespace

HiddenDocument::HiddenDocument(const uno::Reference<uno::XComponentContext>& context, const OUString& url,
                               Access access, const uno::Sequence<beans::PropertyValue>& arguments) {
    uno::Sequence<beans::PropertyValue> load(2 + arguments.getLength());
    auto* const out = load.getArray();
    out[0].Name = "Hidden";
    out[0].Value <<= true;
    out[1].Name = "ReadOnly";
    out[1].Value <<= access == Access::ReadOnly;
    std::copy(arguments.begin(), arguments.end(), out + 2);
    try {
        component_ = uno::Reference<frame::XComponentLoader>(frame::Desktop::create(context), uno::UNO_QUERY_THROW)
                         ->loadComponentFromURL(url, "_blank", 0, load);
    } catch (const uno::Exception& e) {
        throw lang::IllegalArgumentException("Cannot open " + system_path(url) + ": " + e.Message, {}, 0);
    }
    if (!component_.is()) {
        throw lang::IllegalArgumentException("Cannot open " + system_path(url), {}, 0);
    }
    spreadsheet_.set(component_, uno::UNO_QUERY);
    if (!spreadsheet_.is()) {
        close(component_);
        throw lang::IllegalArgumentException("Not a spreadsheet: " + system_path(url), {}, 0);
    }
}

HiddenDocument::~HiddenDocument() {
    try {
        close(component_);
    } catch (...) {  // NOLINT(bugprone-empty-catch): a document that will not close stays for the office to end
    }
}

}  // namespace bd::calc
