// A minimal streaming JSON writer for machine-readable reports (UTF-8 passes through).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bd {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(long long number);
    JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();
    /// A value written before (by a JsonWriter), as it is.
    JsonWriter& raw(std::string_view json);
    /// Writes a field: key and value.
    template <typename T>
    JsonWriter& field(std::string_view name, const T& v) {
        return key(name).value(v);
    }
    [[nodiscard]] const std::string& str() const { return out_; }

private:
    void before_value();
    std::string out_;
    std::vector<bool> first_in_level_;
    bool after_key_ = false;
};

/// The text as a JSON string literal, quotes included.
std::string json_quote(std::string_view text);

}  // namespace bd
