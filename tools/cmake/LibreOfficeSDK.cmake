# Locate the LibreOffice SDK (Debian's libreoffice-dev) and generate the C++ headers of the
# office API, which the SDK does not ship. Provides:
#   LibreOffice::SDK      interface target: include paths, defines and URE libraries
#   lo_office_headers     target that generates the office API headers (cppumaker)
#   LO_PROGRAM_DIR, LO_TYPES_RDB, LO_OFFAPI_RDB, LO_CPPUMAKER, LO_UNOIDL_WRITE, LO_SOFFICE_BIN, LO_UNOPKG

set(LO_ROOT "/usr/lib/libreoffice" CACHE PATH "LibreOffice installation")
set(LO_PROGRAM_DIR "${LO_ROOT}/program")
set(LO_SDK_DIR "${LO_ROOT}/sdk")
set(LO_TYPES_RDB "${LO_PROGRAM_DIR}/types.rdb")
set(LO_OFFAPI_RDB "${LO_PROGRAM_DIR}/types/offapi.rdb")

find_program(LO_CPPUMAKER cppumaker PATHS "${LO_SDK_DIR}/bin" NO_DEFAULT_PATH REQUIRED)
find_program(LO_UNOIDL_WRITE unoidl-write PATHS "${LO_SDK_DIR}/bin" NO_DEFAULT_PATH REQUIRED)
find_program(LO_SOFFICE_BIN soffice.bin PATHS "${LO_PROGRAM_DIR}" NO_DEFAULT_PATH REQUIRED)
find_program(LO_UNOPKG unopkg PATHS "${LO_PROGRAM_DIR}" NO_DEFAULT_PATH REQUIRED)
foreach(rdb IN ITEMS "${LO_TYPES_RDB}" "${LO_OFFAPI_RDB}")
  if(NOT EXISTS "${rdb}")
    message(FATAL_ERROR "LibreOffice type library ${rdb} not found: run tools/setup.sh")
  endif()
endforeach()

set(LO_HEADERS_DIR "${CMAKE_BINARY_DIR}/uno-headers/office")
file(MAKE_DIRECTORY "${LO_HEADERS_DIR}")
add_custom_command(
  OUTPUT "${LO_HEADERS_DIR}/.stamp"
  COMMAND "${LO_CPPUMAKER}" -Gc "-O${LO_HEADERS_DIR}" "${LO_TYPES_RDB}" "${LO_OFFAPI_RDB}"
  COMMAND "${CMAKE_COMMAND}" -E touch "${LO_HEADERS_DIR}/.stamp"
  DEPENDS "${LO_TYPES_RDB}" "${LO_OFFAPI_RDB}"
  COMMENT "Generating C++ headers of the LibreOffice API (cppumaker)")
add_custom_target(lo_office_headers DEPENDS "${LO_HEADERS_DIR}/.stamp")

add_library(LibreOffice_SDK INTERFACE)
add_library(LibreOffice::SDK ALIAS LibreOffice_SDK)
add_dependencies(LibreOffice_SDK lo_office_headers)
target_include_directories(LibreOffice_SDK SYSTEM INTERFACE "${LO_SDK_DIR}/include" "${LO_HEADERS_DIR}")
target_compile_definitions(LibreOffice_SDK INTERFACE UNX GCC LINUX CPPU_ENV=gcc3)
target_link_directories(LibreOffice_SDK INTERFACE "${LO_SDK_DIR}/lib" "${LO_PROGRAM_DIR}")
target_link_libraries(LibreOffice_SDK INTERFACE uno_cppuhelpergcc3 uno_cppu uno_sal uno_salhelpergcc3)
