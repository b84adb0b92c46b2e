//===--- clang-tidy-config.h - what Debian's clang-tidy 22 was built with -===//
//
// ClangTidyForceLinker.h includes this header, which LLVM generates at build
// time and Debian does not ship. Debian's clang-tidy 22 has the static
// analyzer (libclangTidyMPIModule exists) and query-based custom checks
// (libclangTidyCustomModule exists).
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_TIDY_CONFIG_H
#define CLANG_TIDY_CONFIG_H

#define CLANG_TIDY_ENABLE_STATIC_ANALYZER 1
#define CLANG_TIDY_ENABLE_QUERY_BASED_CUSTOM_CHECKS 1

#endif
