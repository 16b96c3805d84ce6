// The part every implementation of ours shares: the component context it was made with, and
// XServiceInfo answered from its names.
#pragma once

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <rtl/ustring.hxx>

namespace bd::calc {

/// `Helper` is a cppu::WeakImplHelperN whose interfaces include css::lang::XServiceInfo.
template <typename Helper, const char* Implementation, const char*... Services>
class Service : public Helper {
public:
    explicit Service(const css::uno::Reference<css::uno::XComponentContext>& context) : context_(context) {}

    rtl::OUString SAL_CALL getImplementationName() override { return rtl::OUString::createFromAscii(Implementation); }

    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override { return cppu::supportsService(this, name); }

    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override {
        css::uno::Sequence<rtl::OUString> names(sizeof...(Services));
        sal_Int32 i = 0;
        ((names[i++] = rtl::OUString::createFromAscii(Services)), ...);
        return names;
    }

protected:
    css::uno::Reference<css::uno::XComponentContext> context_;
};

}  // namespace bd::calc
