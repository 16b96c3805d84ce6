#include "odf.hpp"

#include "bd/template_styles.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace bd::build {

namespace fs = std::filesystem;

namespace {

constexpr const char* namespaces =
    R"( xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
    R"( xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0")"
    R"( xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0")"
    R"( xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0")"
    R"( xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0")"
    R"( xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")"
    R"( xmlns:xlink="http://www.w3.org/1999/xlink")"
    R"( xmlns:dc="http://purl.org/dc/elements/1.1/")"
    R"( xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0")"
    R"( xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0")"
    R"( xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0")"
    R"( xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0")"
    R"( xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2")"
    R"( xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0")";

std::string escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// The named cell styles (styles.xml) and their look.
struct NamedStyle {
    Style style;
    std::string_view name;
    const char* properties;  // cell, paragraph and text properties
};

constexpr const char* border = R"(fo:border="0.5pt solid #000000")";

const NamedStyle named_styles[] = {
    {Style::Default, "Default", ""},
    {Style::Number, "预算公开-表号", R"(<style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/>)"},
    // A title stays on one line (a line broken inside a word reads wrong), shrunk if its cells are too narrow.
    {Style::Title, "预算公开-标题",
     R"(<style:table-cell-properties style:text-align-source="fix" fo:wrap-option="no-wrap" style:shrink-to-fit="true" style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/>)"},
    {Style::Info, "预算公开-说明", R"(<style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/>)"},
    {Style::InfoRight, "预算公开-单位",
     R"(<style:table-cell-properties style:text-align-source="fix"/><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/>)"},
    {Style::Header, "预算公开-表头", nullptr},
    {Style::Label, "预算公开-项目", nullptr},
    {Style::Code, "预算公开-科目", nullptr},
    {Style::Amount, styles::amount, nullptr},
    {Style::InputAmount, styles::input_amount, nullptr},
    {Style::InputText, styles::input_text, nullptr},
    {Style::Note, "预算公开-注", R"(<style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/>)"},
    {Style::Heading, "预算公开-小标题",
     R"(<style:table-cell-properties fo:padding-top="0.15cm" style:vertical-align="bottom"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>)"},
    {Style::Paragraph, "预算公开-正文",
     R"(<style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/><style:paragraph-properties fo:text-align="justify" style:line-break="strict"/>)"},
    {Style::FormLabel, "预算公开-申报表栏目", nullptr},
    {Style::FormText, "预算公开-申报表计算", nullptr},
    {Style::FormInput, styles::form_input, nullptr},
    {Style::FormAmount, "预算公开-申报表金额", nullptr},
    {Style::FormInputAmount, styles::form_input_amount, nullptr},
    {Style::InputLabel, "预算公开-填写说明",
     R"(<style:table-cell-properties fo:wrap-option="wrap"/><style:text-properties fo:color="#1f4e79"/>)"},
    {Style::ChartData, "预算公开-图表数据", R"(<style:text-properties fo:color="#595959"/>)"},
};

// Input cells are tinted (the Export for Publication command prints them without it).
constexpr const char* input_tint = R"(fo:background-color="#fff4c2")";

std::string style_properties(Style style) {
    const std::string boxed = std::string(R"(<style:table-cell-properties )") + border +
                              R"( fo:wrap-option="wrap" style:vertical-align="middle")";
    switch (style) {
        case Style::Header:
            return boxed +
                   R"( style:text-align-source="fix"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>)";
        case Style::Label:
        case Style::Code:
        case Style::FormLabel:
        case Style::FormText: return boxed + "/>";
        case Style::Amount:
        case Style::FormAmount:
            return boxed + R"( style:text-align-source="fix"/><style:paragraph-properties fo:text-align="end"/>)";
        case Style::InputAmount:
        case Style::FormInputAmount:
            return boxed + " " + input_tint +
                   R"( style:cell-protect="none" style:text-align-source="fix"/><style:paragraph-properties fo:text-align="end"/>)";
        case Style::InputText:
        case Style::FormInput: return boxed + " " + input_tint + R"( style:cell-protect="none"/>)";
        default: break;
    }
    for (const auto& named : named_styles) {
        if (named.style == style && named.properties != nullptr) {
            return named.properties;
        }
    }
    return {};
}

// The number format of a style's cells, if it has one.
const char* data_style(Style style) {
    switch (style) {
        case Style::Amount:
        case Style::InputAmount: return "N_amount";
        case Style::FormAmount:
        case Style::FormInputAmount: return "N_yuan";
        case Style::InputText: return "N_text";  // codes stay text: 2080801, not a number
        default: return nullptr;
    }
}

std::string styles_xml() {
    std::ostringstream out;
    out << R"(<?xml version="1.0" encoding="UTF-8"?>)"
        << "\n<office:document-styles" << namespaces << R"( office:version="1.3">)";
    out << R"(<office:font-face-decls><style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'"/></office:font-face-decls>)";
    out << "<office:styles>";
    // Amounts: thousands separated, two decimals, and a zero shows as an empty cell, as in published
    // tables; a form's amounts in whole 元, thousands separated (40,000), a zero as 0.
    constexpr const char* two_decimals =
        R"(<number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>)";
    out << R"(<number:number-style style:name="N_positive">)" << two_decimals << "</number:number-style>"
        << R"(<number:number-style style:name="N_negative"><number:text>-</number:text>)" << two_decimals
        << "</number:number-style>"
        << R"(<number:number-style style:name="N_yuan"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>)"
        << R"(<number:number-style style:name="N_amount"><number:text></number:text>)"
        << R"(<style:map style:condition="value()&gt;0" style:apply-style-name="N_positive"/>)"
        << R"(<style:map style:condition="value()&lt;0" style:apply-style-name="N_negative"/></number:number-style>)";
    out << R"(<number:text-style style:name="N_text"><number:text-content/></number:text-style>)";
    out << R"(<style:default-style style:family="table-cell"><style:text-properties style:font-name-asian="Noto Sans CJK SC" style:font-name="Noto Sans CJK SC" fo:font-size="10.5pt" style:font-size-asian="10.5pt" style:language-asian="zh" style:country-asian="CN"/></style:default-style>)";
    for (const auto& named : named_styles) {
        out << R"(<style:style style:name=")" << named.name << R"(" style:family="table-cell")";
        if (named.style != Style::Default) {
            out << R"( style:parent-style-name="Default")";
        }
        if (const char* format = data_style(named.style)) {
            out << R"( style:data-style-name=")" << format << '"';
        }
        out << ">" << style_properties(named.style) << "</style:style>";
    }
    out << "</office:styles><office:automatic-styles>";
    for (const auto& [name, width, height] :
         {std::tuple{"PM_portrait", "21.001cm", "29.7cm"}, std::tuple{"PM_landscape", "29.7cm", "21.001cm"}}) {
        out << R"(<style:page-layout style:name=")" << name << R"("><style:page-layout-properties fo:page-width=")"
            << width << R"(" fo:page-height=")" << height << R"(" style:print-orientation=")"
            << (std::string(name) == "PM_portrait" ? "portrait" : "landscape")
            << R"(" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm" style:first-page-number="continue" style:scale-to-X="1" style:scale-to-Y="0" style:print="charts drawings objects zero-values" style:print-page-order="ttb"/>)"
            << R"(<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.2cm"/></style:footer-style></style:page-layout>)";
    }
    out << "</office:automatic-styles><office:master-styles>";
    for (const auto& [name, layout] :
         {std::pair{"预算公开-纵向", "PM_portrait"}, std::pair{"预算公开-横向", "PM_landscape"}}) {
        out << R"(<style:master-page style:name=")" << name << R"(" style:page-layout-name=")" << layout
            << R"("><style:header style:display="false"/><style:footer><text:p>— <text:page-number>1</text:page-number> —</text:p></style:footer></style:master-page>)";
    }
    out << "</office:master-styles></office:document-styles>";
    return out.str();
}

std::string number_text(double cm) {
    std::ostringstream out;
    out << cm;
    return out.str();
}

class ContentWriter {
public:
    ContentWriter(const Workbook& workbook, const fs::path& directory) : workbook_(workbook), directory_(directory) {}

    std::string write() {
        std::ostringstream body;
        for (const auto& sheet : workbook_.sheets) {
            write_sheet(body, sheet);
        }
        std::ostringstream out;
        out << R"(<?xml version="1.0" encoding="UTF-8"?>)"
            << "\n<office:document-content" << namespaces << R"( office:version="1.3"><office:automatic-styles>)";
        for (const auto& [width, name] : column_styles_) {
            out << R"(<style:style style:name=")" << name
                << R"(" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width=")"
                << width << R"(cm"/></style:style>)";
        }
        for (const auto& [key, name] : row_styles_) {
            const auto& [height, page_break] = key;
            out << R"(<style:style style:name=")" << name
                << R"(" style:family="table-row"><style:table-row-properties)";
            if (height.empty()) {
                out << R"( style:use-optimal-row-height="true")";
            } else {
                out << R"( style:row-height=")" << height << R"(cm" style:use-optimal-row-height="false")";
            }
            out << R"( fo:break-before=")" << (page_break ? "page" : "auto") << R"("/></style:style>)";
        }
        for (const auto& [master, name] :
             {std::pair{"预算公开-纵向", "ta_portrait"}, std::pair{"预算公开-横向", "ta_landscape"}}) {
            out << R"(<style:style style:name=")" << name << R"(" style:family="table" style:master-page-name=")"
                << master << R"("><style:table-properties table:display="true"/></style:style>)";
        }
        for (const auto& named : named_styles) {
            out << R"(<style:style style:name="ce_)" << static_cast<int>(named.style)
                << R"(" style:family="table-cell" style:parent-style-name=")" << named.name << R"("/>)";
        }
        out << "</office:automatic-styles><office:body><office:spreadsheet>" << body.str()
            << "</office:spreadsheet></office:body></office:document-content>";
        return out.str();
    }

    [[nodiscard]] std::size_t charts() const { return charts_; }

private:
    std::string column_style(double width) {
        const auto key = number_text(width);
        auto it = column_styles_.find(key);
        if (it == column_styles_.end()) {
            it = column_styles_.emplace(key, "co" + std::to_string(column_styles_.size() + 1)).first;
        }
        return it->second;
    }

    // A row fits its text unless it has a fixed height; it may start a page.
    std::string row_style(const Sheet& sheet, std::size_t row, bool page_break) {
        const auto fixed = sheet.row_heights_cm.find(row);
        const std::pair key{fixed == sheet.row_heights_cm.end() ? std::string() : number_text(fixed->second),
                            page_break};
        auto it = row_styles_.find(key);
        if (it == row_styles_.end()) {
            it = row_styles_.emplace(key, "ro" + std::to_string(row_styles_.size() + 1)).first;
        }
        return it->second;
    }

    void write_sheet(std::ostream& out, const Sheet& sheet) {
        std::size_t width = sheet.widths_cm.size();
        for (const auto& row : sheet.rows) {
            width = std::max(width, row.size());
        }
        out << R"(<table:table table:name=")" << escape(sheet.name) << R"(" table:style-name=")"
            << (sheet.landscape ? "ta_landscape" : "ta_portrait") << '"';
        if (sheet.print_columns) {
            out << R"( table:print-ranges="$')" << escape(sheet.name) << "'.$" << letters(sheet.print_columns->first)
                << "$" << sheet.print_first_row + 1 << ":.$" << letters(sheet.print_columns->second) << "$"
                << std::max<std::size_t>(1, sheet.rows.size()) << '"';
        }
        out << ">";
        for (std::size_t col = 0; col < width; ++col) {
            const double cm = col < sheet.widths_cm.size() ? sheet.widths_cm[col] : 2.5;
            out << R"(<table:table-column table:style-name=")" << column_style(cm)
                << R"(" table:default-cell-style-name="Default"/>)";
        }
        // Cells covered by a merged cell.
        std::set<std::pair<std::size_t, std::size_t>> covered;
        for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
            for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
                const auto& cell = sheet.rows[r][c];
                for (int dr = 0; dr < cell.rowspan; ++dr) {
                    for (int dc = 0; dc < cell.colspan; ++dc) {
                        if (dr != 0 || dc != 0) {
                            covered.insert({r + static_cast<std::size_t>(dr), c + static_cast<std::size_t>(dc)});
                        }
                    }
                }
            }
        }
        const std::set<std::size_t> breaks(sheet.page_breaks.begin(), sheet.page_breaks.end());
        for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
            if (sheet.repeat_rows && r == sheet.repeat_rows->first) {
                out << "<table:table-header-rows>";
            }
            out << R"(<table:table-row table:style-name=")" << row_style(sheet, r, breaks.contains(r)) << R"(">)";
            const auto& row = sheet.rows[r];
            for (std::size_t c = 0; c < width; ++c) {
                if (covered.contains({r, c})) {
                    const Style style = c < row.size() ? row[c].style : Style::Default;
                    out << R"(<table:covered-table-cell table:style-name="ce_)" << static_cast<int>(style) << R"("/>)";
                    continue;
                }
                write_cell(out, sheet, r, c, c < row.size() ? row[c] : Cell{});
            }
            out << "</table:table-row>";
            if (sheet.repeat_rows && r == sheet.repeat_rows->second) {
                out << "</table:table-header-rows>";
            }
        }
        out << "</table:table>";
    }

    static std::string letters(std::size_t col) {
        std::string text;
        for (std::size_t n = col + 1; n > 0; n = (n - 1) / 26) {
            text.insert(text.begin(), static_cast<char>('A' + (n - 1) % 26));
        }
        return text;
    }

    void write_cell(std::ostream& out, const Sheet& sheet, std::size_t r, std::size_t c, const Cell& cell) {
        out << R"(<table:table-cell table:style-name="ce_)" << static_cast<int>(cell.style) << '"';
        if (cell.colspan > 1 || cell.rowspan > 1) {
            out << R"( table:number-columns-spanned=")" << cell.colspan << R"(" table:number-rows-spanned=")"
                << cell.rowspan << '"';
        }
        switch (cell.kind) {
            case Cell::Kind::Empty: break;
            case Cell::Kind::Number:
                out << R"( office:value-type="float" office:value=")" << escape(cell.value) << '"';
                break;
            case Cell::Kind::Text: out << R"( office:value-type="string")"; break;
            case Cell::Kind::Formula:
                out << R"( table:formula="of:=)" << escape(cell.value) << '"';
                if (cell.array) {
                    out << R"( table:number-matrix-columns-spanned="1" table:number-matrix-rows-spanned="1")";
                }
                break;
        }
        const auto chart =
            std::ranges::find_if(sheet.charts, [&](const Chart& ch) { return ch.row == r && ch.col == c; });
        if (cell.kind != Cell::Kind::Text && chart == sheet.charts.end()) {
            out << "/>";
            return;
        }
        out << ">";
        if (chart != sheet.charts.end()) {
            write_chart_frame(out, sheet, *chart);
        }
        if (cell.kind == Cell::Kind::Text) {
            std::size_t start = 0;
            while (true) {
                const auto end = cell.value.find('\n', start);
                out << "<text:p>" << escape(cell.value.substr(start, end - start)) << "</text:p>";
                if (end == std::string::npos) {
                    break;
                }
                start = end + 1;
            }
        }
        out << "</table:table-cell>";
    }

    // The chart is anchored to its cells (moves and sizes with them): it spans the row's cells from
    // chart.col to chart.end_col, inset by a margin, and so stays on the page of its row.
    void write_chart_frame(std::ostream& out, const Sheet& sheet, const Chart& chart) {
        const auto name = "Object " + std::to_string(++charts_);
        const auto width_of = [&](std::size_t col) {
            return col < sheet.widths_cm.size() ? sheet.widths_cm[col] : 2.5;
        };
        double width = 0;
        for (std::size_t col = chart.col; col <= chart.end_col; ++col) {
            width += width_of(col);
        }
        const auto height_it = sheet.row_heights_cm.find(chart.row);
        const double row_height = height_it != sheet.row_heights_cm.end() ? height_it->second : 8.6;
        constexpr double margin = 0.3;
        const double frame_width = width - 2 * margin;
        const double frame_height = row_height - 2 * margin;
        out << R"(<draw:frame draw:z-index="0" svg:width=")" << number_text(frame_width) << R"(cm" svg:height=")"
            << number_text(frame_height) << R"(cm" svg:x=")" << margin << R"(cm" svg:y=")" << margin
            << R"(cm" table:end-cell-address="')" << escape(sheet.name) << "'." << letters(chart.end_col)
            << chart.row + 1 << R"(" table:end-x=")" << number_text(width_of(chart.end_col) - margin)
            << R"(cm" table:end-y=")" << number_text(row_height - margin) << R"(cm">)"
            << R"(<draw:object draw:notify-on-update-of-ranges=")" << escape(chart.labels + " " + chart.values)
            << R"(" xlink:href="./)" << name
            << R"(" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>)";
        fs::create_directories(directory_ / name);
        std::ofstream(directory_ / name / "content.xml") << chart_xml(chart, frame_width, frame_height);
        std::ofstream(directory_ / name / "styles.xml")
            << R"(<?xml version="1.0" encoding="UTF-8"?>)"
            << "\n<office:document-styles" << namespaces << R"( office:version="1.3"/>)";
    }

    // A pie without a legend: each slice is labelled with its category and percentage (a slice of
    // nothing, or an empty row of compacted data, has neither).
    static std::string chart_xml(const Chart& chart, double width, double height) {
        std::ostringstream out;
        out << R"(<?xml version="1.0" encoding="UTF-8"?>)"
            << "\n<office:document-content" << namespaces << R"( office:version="1.3"><office:automatic-styles>)"
            << R"(<number:percentage-style style:name="percent"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>)"
            << R"(<style:style style:name="chart" style:family="chart"><style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#ffffff"/></style:style>)"
            << R"(<style:style style:name="series" style:family="chart" style:percentage-data-style-name="percent"><style:chart-properties chart:link-data-style-to-source="false" chart:data-label-number="percentage" chart:data-label-text="true" chart:label-position="outside"/></style:style>)"
            << R"(<style:style style:name="title" style:family="chart"><style:text-properties fo:font-size="12pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>)"
            << R"(</office:automatic-styles><office:body><office:chart>)"
            << R"(<chart:chart svg:width=")" << number_text(width) << R"(cm" svg:height=")" << number_text(height)
            << R"(cm" chart:class="chart:circle" chart:style-name="chart">)"
            << R"(<chart:title chart:style-name="title"><text:p>)" << escape(chart.title) << "</text:p></chart:title>"
            << R"(<chart:plot-area table:cell-range-address=")" << escape(chart.values)
            << R"(" chart:data-source-has-labels="none">)"
            << R"(<chart:axis chart:dimension="x" chart:name="primary-x"><chart:categories table:cell-range-address=")"
            << escape(chart.labels) << R"("/></chart:axis><chart:axis chart:dimension="y" chart:name="primary-y"/>)"
            << R"(<chart:series chart:style-name="series" chart:class="chart:circle" chart:values-cell-range-address=")"
            << escape(chart.values)
            << R"("/></chart:plot-area></chart:chart></office:chart></office:body></office:document-content>)";
        return out.str();
    }

    const Workbook& workbook_;
    fs::path directory_;
    std::map<std::string, std::string> column_styles_;
    std::map<std::pair<std::string, bool>, std::string> row_styles_;  // (fixed height or "", page break)
    std::size_t charts_ = 0;
};

}  // namespace

void write_odf_parts(const Workbook& workbook, DocumentKind kind, const fs::path& directory) {
    fs::remove_all(directory);
    fs::create_directories(directory / "META-INF");
    const std::string mimetype = kind == DocumentKind::Template
                                     ? "application/vnd.oasis.opendocument.spreadsheet-template"
                                     : "application/vnd.oasis.opendocument.spreadsheet";
    std::ofstream(directory / "mimetype", std::ios::binary) << mimetype;
    ContentWriter content(workbook, directory);
    std::ofstream(directory / "content.xml") << content.write();
    std::ofstream(directory / "styles.xml") << styles_xml();
    std::ofstream(directory / "meta.xml")
        << R"(<?xml version="1.0" encoding="UTF-8"?>)"
        << "\n<office:document-meta" << namespaces << R"( office:version="1.3"><office:meta><dc:title>)"
        << escape(workbook.title)
        << "</dc:title><meta:generator>budget-disclosure template "
           "builder</meta:generator></office:meta></office:document-meta>";
    std::ostringstream manifest;
    manifest
        << R"(<?xml version="1.0" encoding="UTF-8"?>)"
        << "\n"
        << R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">)"
        << R"(<manifest:file-entry manifest:full-path="/" manifest:media-type=")" << mimetype << R"("/>)"
        << R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>)"
        << R"(<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>)"
        << R"(<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>)";
    for (std::size_t i = 1; i <= content.charts(); ++i) {
        const auto name = "Object " + std::to_string(i);
        manifest << R"(<manifest:file-entry manifest:full-path=")" << name
                 << R"(/" manifest:media-type="application/vnd.oasis.opendocument.chart"/>)"
                 << R"(<manifest:file-entry manifest:full-path=")" << name
                 << R"(/content.xml" manifest:media-type="text/xml"/>)"
                 << R"(<manifest:file-entry manifest:full-path=")" << name
                 << R"(/styles.xml" manifest:media-type="text/xml"/>)";
    }
    manifest << "</manifest:manifest>";
    std::ofstream(directory / "META-INF" / "manifest.xml") << manifest.str();
}

}  // namespace bd::build
