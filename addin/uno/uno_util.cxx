#include "uno_util.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/uno/Sequence.hxx>
#include <osl/file.hxx>
#include <rtl/uri.hxx>

#include <exception>

using namespace css;

namespace bd::calc {

OUString system_path(const OUString& url) {
    OUString path;
    return osl::FileBase::getSystemPathFromFileURL(url, path) == osl::FileBase::E_None ? path : url;
}

OUString file_name(const OUString& url) {
    return rtl::Uri::decode(url.copy(url.lastIndexOf('/') + 1), rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8);
}

Language ui_language(const css::uno::Reference<css::uno::XComponentContext>& context) {
    try {
        const auto provider = configuration::theDefaultProvider::get(context);
        css::uno::Sequence<css::uno::Any> args(1);
        args[0] <<= beans::NamedValue("nodepath", css::uno::Any(OUString("/org.openoffice.Setup/L10N")));
        const css::uno::Reference<container::XNameAccess> node(
            provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", args),
            css::uno::UNO_QUERY_THROW);
        OUString locale;
        node->getByName("ooLocale") >>= locale;
        return language_of_locale(to_utf8(locale.getToken(0, '-')));
    } catch (const css::uno::Exception&) {
        return Language::English;
    }
}

std::string describe_current_exception() {
    try {
        throw;
    } catch (const css::uno::Exception& e) {
        return to_utf8(e.Message);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "Unknown exception";
    }
}

}  // namespace bd::calc
